/** Where an ErrorLog writes: a Nest Logger, say. */
export interface LogSink {
  warn(message: string): void;
  log(message: string): void;
}

/** How often a part that keeps failing the same way says so again. */
export const ERROR_LOG_INTERVAL_MS = 60_000;

/**
 * The errors of one part of a process (a queue's worker, the outbox relay), which repeat many times a
 * second while Redis or PostgreSQL is away: a kind of error is logged the first time it is seen while
 * failing, after that a line at most every `intervalMs` says how many were left out, and `recovered`
 * says once that the part works again. Every error is counted (`count`), for a metric.
 */
export class ErrorLog {
  private failingSince: number | null = null;
  private readonly seen = new Set<string>();
  private lastLine = 0;
  private leftOut = 0;
  private errors = 0;

  constructor(
    private readonly sink: LogSink,
    private readonly what: string,
    private readonly count: () => void = () => undefined,
    private readonly intervalMs = ERROR_LOG_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get failing(): boolean {
    return this.failingSince !== null;
  }

  /** One error; `subject` (a job, say) is named in the line but does not make the error a new kind. */
  failed(error: Error, subject?: string): void {
    this.count();
    this.errors++;
    const at = this.now();
    this.failingSince ??= at;
    const kind = errorKind(error);
    const fresh = !this.seen.has(kind);
    if (fresh || at - this.lastLine >= this.intervalMs) {
      const left = this.leftOut > 0 ? ` (${this.leftOut} more since the last line)` : '';
      const about = subject === undefined ? '' : `${subject}: `;
      this.sink.warn(`${this.what} ${fresh ? 'failing' : 'still failing'}: ${about}${error.message}${left}`);
      this.seen.add(kind);
      this.lastLine = at;
      this.leftOut = 0;
    } else {
      this.leftOut++;
    }
  }

  recovered(): void {
    if (this.failingSince === null) return;
    const seconds = Math.round((this.now() - this.failingSince) / 1000);
    this.sink.log(`${this.what} recovered after ${this.errors} errors in ${seconds} s`);
    this.failingSince = null;
    this.seen.clear();
    this.lastLine = 0;
    this.leftOut = 0;
    this.errors = 0;
  }
}

/** Errors of one kind: the same code, or the same message but for its numbers (slots, ports, counts). */
export function errorKind(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : `${error.name}: ${error.message.replace(/\d+/g, '#').slice(0, 80)}`;
}
