import type { Worker } from 'node:cluster';
import type { Server as HttpServer } from 'node:http';
import { createServer, Server, Socket } from 'node:net';

// Messages between the cluster primary and the api processes it hands connections to.
const READY = 'api:ready';
const CONNECTION = 'api:connection';
const DETACH = 'api:detach';
const DETACHED = 'api:detached';

/**
 * In an api process of a cluster: serves the connections the primary hands over. `detach()` asks for
 * no more and resolves once the primary has sent its last one (and, when the cluster stops, has
 * closed its listener): from then on, a client told to close its connection is refused, not reset.
 */
export function receiveConnections(server: HttpServer): { detach(): Promise<void> } {
  let detached: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (detached = resolve));
  process.on('message', (message: unknown, socket?: Socket) => {
    if (message === CONNECTION && socket) server.emit('connection', socket);
    else if (message === DETACHED) detached();
  });
  process.send!(READY);
  return {
    detach: () => {
      process.send!(DETACH);
      return done;
    },
  };
}

/**
 * The cluster primary's listener: accepts connections and hands each to the next ready api process
 * over IPC. Node's own round robin closes the port only once every process has stopped listening,
 * and then resets the connections it accepted but had not handed over yet; here the listener closes
 * first, what it accepted is still handed over, and only then are the processes told to finish.
 */
export class ConnectionDispatcher {
  private ready: Worker[] = [];
  private readonly detaching = new Set<Worker>();
  private readonly sending = new Map<Worker, number>();
  private next = 0;
  private stopping = false;
  private readonly server: Server;

  constructor(
    private readonly port: number,
    private readonly host: string,
  ) {
    this.server = createServer({ pauseOnConnect: true }, (socket) => this.dispatch(socket));
  }

  /** Follows a forked api process: ready (the port opens with the first), detaching, gone. */
  follow(worker: Worker): void {
    worker.on('message', (message: unknown) => {
      if (message === READY) {
        this.ready.push(worker);
        if (!this.server.listening && !this.stopping) this.server.listen(this.port, this.host);
      } else if (message === DETACH) {
        this.detaching.add(worker);
        this.leave(worker);
      }
    });
    worker.on('exit', () => {
      this.detaching.delete(worker);
      this.leave(worker);
    });
  }

  /** The cluster is stopping: processes that detach are let go once the listener is closed. */
  stop(): void {
    this.stopping = true;
  }

  private dispatch(socket: Socket): void {
    const worker = this.ready[this.next++ % this.ready.length];
    if (!worker) {
      socket.destroy();
      return;
    }
    this.sending.set(worker, (this.sending.get(worker) ?? 0) + 1);
    worker.send(CONNECTION, socket, (error) => {
      if (error) socket.destroy();
      this.sending.set(worker, this.sending.get(worker)! - 1);
      this.release();
    });
  }

  /** Out of the rotation; the last process out closes the listener first, right after it accepted what was waiting. */
  private leave(worker: Worker): void {
    if (this.ready.length === 1 && this.ready[0] === worker && this.server.listening) {
      setImmediate(() => {
        this.server.close();
        this.ready = this.ready.filter((w) => w !== worker);
        this.release();
      });
      return;
    }
    this.ready = this.ready.filter((w) => w !== worker);
    this.release();
  }

  /** Tells detaching processes they will get no more connections; while stopping, only once the listener is closed. */
  private release(): void {
    if (this.stopping && this.server.listening) return;
    for (const worker of this.detaching) {
      if (this.ready.includes(worker) || (this.sending.get(worker) ?? 0) > 0) continue;
      this.detaching.delete(worker);
      if (worker.isConnected()) worker.send(DETACHED);
    }
  }
}
