import { QueueName } from '@app/queue';
import { aggregatesAndRecomputation, expectDecidedOnce, waitUntilDecided } from './support/aggregate-invariant';
import { AppProcess } from './support/app-process';
import { startExtraWorker } from './support/extra-process';
import { createEnterprise, createZone, reportBody, submit } from './support/fixtures';
import { QueueJobs } from './support/queue-jobs';
import { PrivateRedis } from './support/redis-server';
import { holdEnterprises, WAIT_FOR_HELD_LOCKS, waitForRowLockWaiter } from './support/held-locks';
import { SmtpSink } from './support/smtp-sink';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';
import { publish } from './support/publish';

/*
 * The worker stopped the hard way (SIGKILL), the polite way (SIGTERM) while Redis goes away, and a mail
 * server that hangs mid-conversation. The suite runs its own redis-server and SMTP server.
 */
const ENTERPRISES = Array.from({ length: 40 }, (_, i) => `53007000${String(i + 1).padStart(2, '0')}`);
const SUBSCRIBER = 'lanh-dao@ubnd.laocai.example';

describe('worker faults', () => {
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let sys: TestSystem;
  let admin: string;
  let board: string;
  let reports: QueueJobs;
  const extra: AppProcess[] = [];

  const statusOf = async (ids: string[]) =>
    (await sys.query<{ status: string }>('SELECT status FROM report_submissions WHERE id = ANY($1) ORDER BY stored_at', [ids])).map(
      (r) => r.status,
    );
  const worker = async (env: Record<string, string>) => {
    const w = await startExtraWorker(sys, env);
    extra.push(w);
    return w;
  };
  const publishForced = async () => {
    const r = await publish(sys.http, { force: true }, admin);
    expect(r.status).toBe(202);
    return r.body.id as number;
  };
  const emailOf = async (publicationId: number) =>
    (
      await sys.query(`SELECT status, attempts, last_error FROM email_outbox WHERE payload->>'publicationId' = $1`, [String(publicationId)])
    )[0];
  const messagesOf = (publicationId: number) => smtp.to(SUBSCRIBER).filter((m) => (m.mail.subject ?? '').includes(`số ${publicationId} —`));

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    smtp = await SmtpSink.start();
    sys = await startTestSystem('worker_faults', { REDIS_URL: redis.url, SMTP_URL: smtp.url, ...WAIT_FOR_HELD_LOCKS });
    admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: ['TT'] });
    await createZone(sys.http, admin, 'TT', { name: 'KCN Tây Thành' });
    for (const taxCode of ENTERPRISES) await createEnterprise(sys.http, admin, taxCode, 'TT');
    expect((await sys.http.post('/v1/subscriptions', { email: SUBSCRIBER, zoneCodes: 'all', language: 'vi' }, admin)).status).toBe(201);
    reports = new QueueJobs(sys, QueueName.Reports);
  });

  afterAll(async () => {
    smtp?.resume();
    try {
      await redis?.start();
      await Promise.all(extra.map((w) => w.stop('SIGKILL')));
      await reports?.close();
      await sys?.close();
    } finally {
      await Promise.all([redis?.kill(), smtp?.close()]);
    }
  });

  it('holds no database connection in a transaction while the mail server stalls', async () => {
    smtp.stall();
    const id = await publishForced();
    await smtp.waitFor(() => smtp.stalled, 1);
    // Held through the stall, not caught between two statements of some other short transaction.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const inTransaction = await sys.query(
      `SELECT application_name, state, query FROM pg_stat_activity
         WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND state_change < now() - interval '1 second'`,
    );
    expect(inTransaction).toEqual([]);
    expect(await emailOf(id)).toMatchObject({ status: 'sending', attempts: 1 });

    smtp.resume();
    await waitFor('the email recorded sent', async () => (await emailOf(id)).status === 'sent');
    expect(messagesOf(id)).toHaveLength(1);
    expect(messagesOf(id)[0].mail.messageId).toMatch(/^<publication\.\d+\.[0-9a-f-]+@localhost>$/);
  });

  it('sends an email once after its worker died mid-conversation', async () => {
    await sys.stopWorker();
    // A short send timeout keeps the lease of the email short (three timeouts).
    await sys.startWorker({ MAIL_SEND_TIMEOUT_MS: '2000' });
    smtp.stall();
    const id = await publishForced();
    await smtp.waitFor(() => smtp.stalled, 1);
    await sys.stopWorker('SIGKILL');
    expect(await emailOf(id)).toMatchObject({ status: 'sending', attempts: 1 });

    await sys.startWorker();
    smtp.resume();
    // Once BullMQ finds the job stalled and the email's lease has run out.
    await waitFor('the email recorded sent', async () => (await emailOf(id)).status === 'sent', 40_000);
    expect(messagesOf(id)).toHaveLength(1);
    expect(await emailOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
  }, 60_000);

  it('on SIGTERM finishes the job in flight, starts no other, and exits', async () => {
    await sys.stopWorker();
    const ids: string[] = [];
    for (const taxCode of ENTERPRISES.slice(0, 3)) ids.push((await submit(sys.http, board, reportBody(taxCode, '2025-Q1'))).id);
    const held = await holdEnterprises(sys.env.DATABASE_URL, [ENTERPRISES[0]]);
    let w: AppProcess;
    try {
      w = await worker({ WORKER_CONCURRENCY: '1', SHUTDOWN_TIMEOUT_MS: '20000' });
      await waitForRowLockWaiter(sys);
      w.signal('SIGTERM');
      await w.waitUntil(() => w.output.includes('taking no new ones'));
    } finally {
      await held.release();
    }
    expect(await w!.exit(15_000)).toBe(0);
    expect(await statusOf(ids)).toEqual(['accepted', 'received', 'received']);

    await sys.startWorker();
    await waitUntilDecided(sys);
    expect(await statusOf(ids)).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it('on SIGTERM exits within its deadline although Redis has gone away', async () => {
    await sys.stopWorker();
    const { id } = await submit(sys.http, board, reportBody(ENTERPRISES[3], '2025-Q1'));
    const held = await holdEnterprises(sys.env.DATABASE_URL, [ENTERPRISES[3]]);
    let w: AppProcess;
    let signalled: number;
    try {
      w = await worker({ WORKER_CONCURRENCY: '1', SHUTDOWN_TIMEOUT_MS: '3000' });
      await waitForRowLockWaiter(sys);
      await redis.kill();
      w.signal('SIGTERM');
      signalled = Date.now();
    } finally {
      await held.release();
    }
    const code = await w!.exit(10_000);
    expect({ code, within: Date.now() - signalled < 3000 + 3000 }).toEqual({ code: expect.any(Number), within: true });
    // The verdict in flight was committed; only telling Redis about it failed.
    expect(await statusOf([id])).toEqual(['accepted']);

    await redis.start();
    await sys.startWorker();
  });

  it('decides every report exactly once after the worker is killed mid-batch', async () => {
    await sys.stopWorker();
    const ids: string[] = [];
    for (const [i, taxCode] of ENTERPRISES.entries()) {
      for (const period of ['2025-Q2', '2025-Q3', '2025-Q4'])
        ids.push((await submit(sys.http, board, reportBody(taxCode, period, { grossOutput: (i + 1) * 1_000_000_000 }))).id);
      if (i % 3 === 0)
        ids.push((await submit(sys.http, board, reportBody(taxCode, '2025-Q3', { grossOutput: (i + 1) * 1_300_000_000 }))).id);
    }
    // The second half of the enterprises is held: the first half is decided, then batches reaching a held row wait
    // in their transactions while the jobs behind them pile up in flight (one held enterprise let the other
    // batch slot decide all the rest first).
    const held = await holdEnterprises(sys.env.DATABASE_URL, ENTERPRISES.slice(ENTERPRISES.length / 2));
    try {
      await sys.startWorker();
      await waitForRowLockWaiter(sys);
      await waitFor('many jobs in flight', async () => (await reports.queue.getJobCounts('active')).active >= 10);
      await sys.stopWorker('SIGKILL');
    } finally {
      await held.release();
    }
    const undecided = (await statusOf(ids)).filter((s) => s === 'received').length;
    expect(undecided).toBeGreaterThan(0);
    expect(undecided).toBeLessThan(ids.length);

    await sys.startWorker();
    await waitUntilDecided(sys, 40_000);
    await expectDecidedOnce(sys, ids);
    const { stored, recomputed } = await aggregatesAndRecomputation(sys);
    expect(stored).toEqual(recomputed);
    const q3 = await sys.http.get('/v1/zones/TT/summary?period=2025-Q3', board);
    const amended = ENTERPRISES.map((_, i) => BigInt(i + 1) * (i % 3 === 0 ? 1_300_000_000n : 1_000_000_000n)).reduce((a, b) => a + b, 0n);
    expect(q3.body).toMatchObject({ reportsReceived: ENTERPRISES.length, grossOutput: String(amended) });
    expect((await reports.queue.getJobCounts('failed')).failed).toBe(0);
  }, 70_000);
});
