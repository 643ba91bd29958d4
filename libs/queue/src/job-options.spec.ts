import { MinimalJob } from 'bullmq';
import { backoffStrategy, CAPPED_EXPONENTIAL, jobOptionsFor, MAX_BACKOFF_MS } from './job-options';
import { QueueName } from './queue-names';

const DEFAULTS = { JOB_ATTEMPTS: 10, MAIL_JOB_ATTEMPTS: 60, JOB_BACKOFF_MS: 1000 };

describe('mail retries', () => {
  const options = jobOptionsFor(QueueName.Mail, DEFAULTS);
  const job = { opts: options } as MinimalJob;
  const delays = Array.from({ length: options.attempts! - 1 }, (_, i) => backoffStrategy(i + 1, CAPPED_EXPONENTIAL, undefined, job));

  it('doubles from a second, then retries every 15 minutes', () => {
    expect(delays.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(delays.slice(10)).toEqual(Array(delays.length - 10).fill(MAX_BACKOFF_MS));
  });

  it('keeps trying for more than half a day', () => {
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThan(12 * 3_600_000);
  });
});

describe('other jobs', () => {
  it('take their attempts and first delay from the settings', () => {
    expect(jobOptionsFor(QueueName.Reports, { ...DEFAULTS, JOB_ATTEMPTS: 3, JOB_BACKOFF_MS: 50 })).toMatchObject({
      attempts: 3,
      backoff: { type: 'exponential', delay: 50 },
    });
  });
});
