import { performance } from 'node:perf_hooks';

interface Waiter {
  readonly accepts: (data: unknown) => boolean;
  readonly resolve: (at: number) => void;
}

/**
 * A page's Server-Sent Events stream (/events with the session cookie), as a browser's EventSource
 * reads it: each `figures` event is handed to whoever waits for one like it, with when it arrived.
 */
export class EventStream {
  private readonly waiters = new Set<Waiter>();
  private readonly abort = new AbortController();

  private constructor() {}

  static async open(baseUrl: string, cookie: string): Promise<EventStream> {
    const stream = new EventStream();
    const response = await fetch(`${baseUrl}/events`, { headers: { cookie, accept: 'text/event-stream' }, signal: stream.abort.signal });
    if (response.status !== 200 || !response.body) throw new Error(`the event stream answered ${response.status}`);
    void stream.read(response.body).catch(() => undefined);
    return stream;
  }

  /** When the next event whose data `accepts` arrives (performance.now()), or null after `timeoutMs`. */
  next(accepts: (data: unknown) => boolean, timeoutMs: number): Promise<number | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(null);
      }, timeoutMs);
      const waiter: Waiter = {
        accepts,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
      this.waiters.add(waiter);
    });
  }

  close(): void {
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of body) {
      buffered += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        this.dispatch(block, performance.now());
      }
    }
  }

  private dispatch(block: string, at: number): void {
    const lines = block.split('\n');
    if (!lines.includes('event: figures')) return;
    const data = JSON.parse(
      lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n'),
    ) as unknown;
    for (const waiter of this.waiters) {
      if (!waiter.accepts(data)) continue;
      this.waiters.delete(waiter);
      waiter.resolve(at);
    }
  }
}
