import { ErrorLog } from '@app/common';

/**
 * Runs a task now and then every `intervalMs` after each run ends, until stopped. A failure (Redis or
 * PostgreSQL away) goes to the task's error log, and the task simply runs again next time; `stop`
 * waits for a run in progress, so shutdown never cuts one in half.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly errors: ErrorLog,
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
        () => this.errors.recovered(),
        (error: Error) => this.errors.failed(error),
      )
      .finally(() => {
        this.current = null;
        if (!this.stopped) this.timer = setTimeout(() => this.run(), this.intervalMs);
      });
  }
}
