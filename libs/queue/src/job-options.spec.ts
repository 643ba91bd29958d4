import { MinimalJob } from 'bullmq';
import { backoffStrategy, CAPPED_EXPONENTIAL, MAIL_JOB_OPTIONS, MAX_BACKOFF_MS } from './job-options';

describe('mail retries', () => {
  const job = { opts: MAIL_JOB_OPTIONS } as MinimalJob;
  const delays = Array.from({ length: MAIL_JOB_OPTIONS.attempts! - 1 }, (_, i) => backoffStrategy(i + 1, CAPPED_EXPONENTIAL, undefined, job));

  it('doubles from a second, then retries every 15 minutes', () => {
    expect(delays.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(delays.slice(10)).toEqual(Array(delays.length - 10).fill(MAX_BACKOFF_MS));
  });

  it('keeps trying for more than half a day', () => {
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThan(12 * 3_600_000);
  });
});
