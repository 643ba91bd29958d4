import { Logger } from '@nestjs/common';

/**
 * Runs a task now and then every `intervalMs` after each run ends, until stopped. A failure (Redis or
 * PostgreSQL away) is logged once and the task simply runs again next time; `stop` waits for a run in
 * progress, so shutdown never cuts one in half.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<void>,
  ) {}

  start(): void {
    this.stopped = false;
    this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private run(): void {
    this.current = this.task()
      .then(
        () => {
          if (this.failing) this.logger.log(`${this.what} recovered`);
          this.failing = false;
        },
        (error: Error) => {
          if (!this.failing) this.logger.warn(`${this.what} failed (${error.message}); trying again every ${this.intervalMs} ms`);
          this.failing = true;
        },
      )
      .finally(() => {
        this.current = null;
        if (!this.stopped) this.timer = setTimeout(() => this.run(), this.intervalMs);
      });
  }
}
