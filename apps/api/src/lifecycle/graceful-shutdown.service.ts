import { Injectable, Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import type { Server as HttpServer } from 'node:http';
import { Server, Socket } from 'node:net';
import { Settings } from '@app/config';
import { PROBLEM_CONTENT_TYPE } from '../common/problem.filter';
import { problemBody } from '../common/problem';
import { RETRY_AFTER_SECONDS } from '../common/unavailable-problem';

// A connection handed over just before the listener closed may still have its request on the way, and
// on a busy machine a client may take a while to send its next one: idle connections are closed only
// once no request has started for this long.
const SETTLE_MS = 1000;
// Before the deadline, how long the 503s sent to requests still in flight get to reach their clients
// (at most a quarter of the deadline): hundreds of answers on a loaded machine need most of a second.
const FLUSH_MS = 1000;

/**
 * Closes the listening socket of a single api process, and only it: http.Server#close would also cut
 * idle keep-alive connections at once, among them some whose client is sending a request at that
 * moment. Closed right after the event loop has accepted what was waiting, which leaves the least in
 * the kernel's accept queue (connections there are reset when the socket closes).
 */
export function closeListener(server: HttpServer): Promise<void> {
  return new Promise((resolve) =>
    setImmediate(() => {
      if (server.listening) Server.prototype.close.call(server);
      resolve();
    }),
  );
}

/**
 * Stops the api without cutting a connection: readiness says 503 at once (for SHUTDOWN_DRAIN_MS, so
 * that a load balancer stops sending), then no new connection is accepted, every answer from then on
 * asks its client to close its connection, requests in flight finish, idle connections close, and
 * the database pool and Redis last. By SHUTDOWN_TIMEOUT_MS after the signal the process exits
 * whatever happens, answering 503 to anything still in flight.
 */
@Injectable()
export class GracefulShutdown {
  private readonly logger = new Logger(GracefulShutdown.name);
  private readonly inFlight = new Set<FastifyReply>();
  /** Open connections and how many of their requests are in flight. */
  private readonly connections = new Map<Socket, number>();
  private lastRequestAt = 0;
  private stoppingSince: number | null = null;
  private accepting = true;
  private app: NestFastifyApplication | null = null;

  constructor(private readonly settings: Settings) {}

  get stopping(): boolean {
    return this.stoppingSince !== null;
  }

  /** Follows the app's connections and requests; before it listens (Fastify takes hooks until then). */
  attach(app: NestFastifyApplication): void {
    this.app = app;
    app.getHttpServer().on('connection', (socket: Socket) => {
      this.connections.set(socket, 0);
      socket.once('close', () => this.connections.delete(socket));
    });
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('onRequest', async (request, reply) => {
      const socket = request.raw.socket;
      this.inFlight.add(reply);
      this.lastRequestAt = Date.now();
      if (this.connections.has(socket)) this.connections.set(socket, this.connections.get(socket)! + 1);
      reply.raw.once('close', () => {
        this.inFlight.delete(reply);
        if (this.connections.has(socket)) this.connections.set(socket, this.connections.get(socket)! - 1);
      });
    });
    // Once no connection is accepted, Node closes each one after its answer; the client's next
    // connection is refused (or goes to another instance). Not before: connections opened again
    // while the listener closes would be reset from the kernel's accept queue.
    fastify.addHook('onSend', async (_request, reply) => {
      if (!this.accepting) void reply.header('connection', 'close');
    });
  }

  /**
   * Runs the stop sequence once; `stopAccepting` closes the listener (or detaches from the cluster's).
   * Resolves with the exit code: 0 when everything finished before the deadline.
   */
  async stop(signal: string, stopAccepting: () => Promise<void>): Promise<number> {
    if (this.stopping || !this.app) return 0;
    this.stoppingSince = Date.now();
    const app = this.app;
    const { SHUTDOWN_DRAIN_MS: drainMs, SHUTDOWN_TIMEOUT_MS: deadlineMs } = this.settings;
    this.logger.log(`${signal}: not ready; closing in ${drainMs} ms, exiting within ${deadlineMs} ms`);
    const flushMs = Math.min(FLUSH_MS, deadlineMs / 4);
    const expired = new Promise<number>((resolve) =>
      setTimeout(() => void this.answerInFlight(flushMs).then(() => resolve(1)), deadlineMs - flushMs),
    );
    const finished = (async () => {
      await sleep(drainMs);
      await stopAccepting();
      this.accepting = false;
      while (this.inFlight.size > 0 || Date.now() - this.lastRequestAt < SETTLE_MS) await sleep(20);
      // Idle: nothing unread in them, so closing sends a FIN, not a reset.
      for (const [socket, requests] of this.connections) if (requests === 0) socket.destroy();
      await app.close();
      return 0;
    })();
    const code = await Promise.race([finished, expired]);
    this.logger.log(code === 0 ? `stopped in ${Date.now() - this.stoppingSince} ms` : `deadline of ${deadlineMs} ms reached: exiting`);
    return code;
  }

  /** 503 to every request still in flight, sent before the process exits rather than a cut connection. */
  private async answerInFlight(flushMs: number): Promise<void> {
    const body = problemBody(503, `The api is stopping; send the request again in ${RETRY_AFTER_SECONDS} seconds.`);
    const sent = [...this.inFlight]
      .filter((reply) => !reply.sent)
      .map((reply) => {
        void reply
          .code(503)
          .header('connection', 'close')
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .header('content-type', PROBLEM_CONTENT_TYPE)
          .send(body);
        return new Promise((resolve) => reply.raw.once('finish', resolve));
      });
    await Promise.race([Promise.all(sent), sleep(flushMs)]);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
