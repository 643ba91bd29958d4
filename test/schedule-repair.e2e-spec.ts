import { QueueName } from '@app/queue';
import { QueueJobs } from './support/queue-jobs';
import { PrivateRedis } from './support/redis-server';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';

/*
 * The publication and reminder schedules live in Redis alone (BullMQ job schedulers). A Redis that
 * restarts without persistence comes back without them, and the monthly publication would never run
 * again until someone restarted a worker. The worker checks for them every SCHEDULE_CHECK_MS (here half
 * a second) and re-creates what is missing, counted in /metrics.
 */
const CHECK_MS = 500;

describe('schedules come back after Redis restarts empty', () => {
  let redis: PrivateRedis;
  let sys: TestSystem;
  let publications: QueueJobs;
  let reminders: QueueJobs;

  const schedulers = async () => [...(await publications.schedulers()), ...(await reminders.schedulers())];
  const metric = async (line: RegExp) => {
    const r = await sys.http.get('/metrics');
    expect(r.status).toBe(200);
    return String(r.body)
      .split('\n')
      .find((l) => line.test(l));
  };

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    sys = await startTestSystem('schedule_repair', { REDIS_URL: redis.url, SCHEDULE_CHECK_MS: String(CHECK_MS) });
    publications = new QueueJobs(sys, QueueName.Publications);
    reminders = new QueueJobs(sys, QueueName.Reminders);
  });

  afterAll(async () => {
    try {
      await redis?.start();
      await Promise.all([publications?.close(), reminders?.close()]);
      await sys?.close();
    } finally {
      await redis?.kill();
    }
  });

  it('re-creates the publication and reminder schedules within the check interval', async () => {
    await waitFor('schedulers upserted at start-up', async () => (await schedulers()).length === 2, 10_000);

    await redis.kill();
    await redis.start();
    // Empty: whatever the worker does next, it starts from nothing.
    expect(await schedulers()).toEqual([]);

    // One check interval, plus the workers' reconnection to the restarted server.
    const took = await waitFor('schedulers re-created', async () => (await schedulers()).length === 2, CHECK_MS + 5000);
    expect(took).toBeLessThan(CHECK_MS + 5000);
    expect(await schedulers()).toEqual([
      expect.objectContaining({ key: 'monthly-publication', pattern: '0 7 1 * *', tz: 'Asia/Ho_Chi_Minh', next: expect.any(Number) }),
      expect.objectContaining({ key: 'daily-reminders', pattern: '0 8 * * *', tz: 'Asia/Ho_Chi_Minh', next: expect.any(Number) }),
    ]);
    // Each with its next occurrence waiting, as after a first upsert.
    const delayed = [...(await publications.queue.getDelayed()), ...(await reminders.queue.getDelayed())].map((j) => j.id);
    expect(delayed).toEqual([
      expect.stringMatching(/^repeat:monthly-publication:\d+$/),
      expect.stringMatching(/^repeat:daily-reminders:\d+$/),
    ]);

    expect(await metric(/^job_schedulers_recreated_total\{scheduler="monthly-publication"\}/)).toBe(
      'job_schedulers_recreated_total{scheduler="monthly-publication"} 1',
    );
    expect(await metric(/^job_schedulers_recreated_total\{scheduler="daily-reminders"\}/)).toBe(
      'job_schedulers_recreated_total{scheduler="daily-reminders"} 1',
    );
  });

  it('leaves schedules alone while they exist', async () => {
    const before = await schedulers();
    // Nothing happens to await here: three check intervals pass without a re-creation.
    await new Promise((r) => setTimeout(r, 3 * CHECK_MS));
    expect(await schedulers()).toEqual(before);
    expect(await metric(/^job_schedulers_recreated_total\{scheduler="monthly-publication"\}/)).toBe(
      'job_schedulers_recreated_total{scheduler="monthly-publication"} 1',
    );
  });
});
