import { Job } from 'bullmq';

/** The instant a scheduled job was due, not when a worker picked it up: what it publishes depends on it. */
export function scheduledInstant(job: Job): Date {
  return new Date((job.opts as { prevMillis?: number }).prevMillis ?? job.timestamp);
}
