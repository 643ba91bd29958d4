import { INestApplicationContext, Logger } from '@nestjs/common';

/**
 * On SIGTERM or SIGINT the worker closes: the outbox relay and the repair loops stop, the queue workers
 * take no new job and wait for those in flight, then connections close. Whatever Redis and PostgreSQL
 * do meanwhile (a job cannot be marked done while Redis is away, and BullMQ would wait for it forever),
 * the process exits by the deadline; a job cut short is run again by another worker once its lock
 * expires, and every job is idempotent.
 */
export function closeOnSignals(app: INestApplicationContext, deadlineMs: number): void {
  const logger = new Logger('Shutdown');
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: finishing the jobs in flight, taking no new ones (exit within ${deadlineMs} ms)`);
    const deadline = setTimeout(() => {
      logger.warn(`still closing after ${deadlineMs} ms; exiting now, unfinished jobs will run again`);
      process.exit(1);
    }, deadlineMs);
    app.close().then(
      () => {
        clearTimeout(deadline);
        logger.log('closed');
        process.exit(0);
      },
      (error: Error) => {
        logger.error(`closing failed: ${error.message}`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, close);
}
