import { JobName, QueueName } from '@app/queue';
import { aggregatesAndRecomputation, expectDecidedOnce, waitUntilDecided } from './support/aggregate-invariant';
import { createEnterprise, createZone, reportBody, submit } from './support/fixtures';
import { todaysPublication } from './support/publication-calendar';
import { QueueJobs } from './support/queue-jobs';
import { holdEnterprises, WAIT_FOR_HELD_LOCKS, waitForRowLockWaiter } from './support/held-locks';
import { SmtpSink } from './support/smtp-sink';
import { TcpProxy } from './support/tcp-proxy';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';
import { publish } from './support/publish';

/*
 * The api and the worker reach PostgreSQL through a TCP proxy that the suite cuts (`refuse`: every
 * connection dropped, new ones closed on arrival) for longer than every retry of the jobs in flight
 * (3 attempts, 100 ms then 200 ms apart, instead of 10 over about 17 minutes), then opens again.
 * Redis keeps the jobs that failed for good; the worker must still finish their work. The suite's own
 * queries go to PostgreSQL directly.
 */
const ENTERPRISES = Array.from({ length: 16 }, (_, i) => `53006000${String(i + 1).padStart(2, '0')}`);
const TODAY = todaysPublication();
const SUBSCRIBERS = ['lanh-dao@ubnd.laocai.example', 'bql@kcn.laocai.example', 'toa-soan@baolaocai.example'];

describe('PostgreSQL unavailable for longer than every retry, then back', () => {
  let proxy: TcpProxy;
  let smtp: SmtpSink;
  let sys: TestSystem;
  let admin: string;
  let board: string;
  let reports: QueueJobs;
  let publications: QueueJobs;
  let mail: QueueJobs;

  const failedJobs = async (jobs: QueueJobs) => (await jobs.queue.getJobCounts('failed')).failed;
  const metrics = async () => String((await sys.http.get('/metrics')).body);

  let directUrl: string;

  beforeAll(async () => {
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: 5432 });
    smtp = await SmtpSink.start();
    sys = await startTestSystem('database_outage', (base) => {
      directUrl = base.DATABASE_URL;
      return {
        DATABASE_URL: proxy.rewrite(base.DATABASE_URL),
        SMTP_URL: smtp.url,
        JOB_ATTEMPTS: '3',
        MAIL_JOB_ATTEMPTS: '3',
        JOB_BACKOFF_MS: '100',
        REQUEUE_AFTER_MS: '2000',
        ...WAIT_FOR_HELD_LOCKS,
      };
    });
    admin = await sys.token({ role: 'admin', name: 'admin' });
    board = await sys.token({ role: 'board', name: 'BQL', zoneCodes: ['BT'] });
    await createZone(sys.http, admin, 'BT', { name: 'KCN Bắc Thắng' });
    for (const taxCode of ENTERPRISES) await createEnterprise(sys.http, admin, taxCode, 'BT');
    for (const email of SUBSCRIBERS)
      expect((await sys.http.post('/v1/subscriptions', { email, zoneCodes: 'all', language: 'vi' }, admin)).status).toBe(201);
    reports = new QueueJobs(sys, QueueName.Reports);
    publications = new QueueJobs(sys, QueueName.Publications);
    mail = new QueueJobs(sys, QueueName.Mail);
  });

  afterAll(async () => {
    proxy?.setMode('open');
    await Promise.all([reports?.close(), publications?.close(), mail?.close()]);
    await sys?.close();
    await Promise.all([proxy?.close(), smtp?.close()]);
  });

  it('decides every stored report once and keeps one report per Idempotency-Key', async () => {
    // Stored while no worker runs; then a worker takes them into its transactions, which wait on the held rows.
    await sys.stopWorker();
    const stored: string[] = [];
    for (const [i, taxCode] of ENTERPRISES.entries()) {
      for (const period of ['2025-Q4', '2026-Q1'])
        stored.push((await submit(sys.http, board, reportBody(taxCode, period, { grossOutput: (i + 1) * 1_000_000_000 }))).id);
      if (i % 3 === 0)
        stored.push((await submit(sys.http, board, reportBody(taxCode, '2025-Q4', { grossOutput: (i + 1) * 1_200_000_000 }))).id);
    }
    // The suite's direct connection: the proxy is about to cut the others.
    const held = await holdEnterprises(directUrl, ENTERPRISES);
    try {
      await sys.startWorker();
      await waitFor(
        'outbox handed to the queue',
        async () => (await sys.query('SELECT 1 FROM outbox WHERE published_at IS NULL')).length === 0,
      );
      await waitForRowLockWaiter(sys);
      proxy.setMode('refuse');
    } finally {
      await held.release();
    }

    // Clients keep retrying their reports with their keys while the database is away, and after.
    const clients = ENTERPRISES.slice(0, 8).map(async (taxCode, i) => {
      const key = `outage-${taxCode}`;
      const body = reportBody(taxCode, '2026-Q2', { grossOutput: (i + 1) * 900_000_000 });
      const answers: number[] = [];
      for (;;) {
        const r = await sys.http.post('/v1/reports', body, board, { 'Idempotency-Key': key }).catch(() => null);
        answers.push(r?.status ?? 0);
        if (r && (r.status === 202 || r.status === 200)) return { key, id: r.body.id as string, answers };
        if (r && r.status < 500) throw new Error(`${key}: ${r.status} ${JSON.stringify(r.body)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    // Longer than every retry: each job of a stored report has failed for good.
    await waitFor('every report job failed', async () => (await failedJobs(reports)) === stored.length);
    expect(await sys.query(`SELECT count(*)::int AS n FROM report_submissions WHERE status = 'received'`)).toEqual([{ n: stored.length }]);
    proxy.setMode('open');

    const answered = await Promise.all(clients);
    expect(answered.every((c) => c.answers.some((s) => s !== 202 && s !== 200))).toBe(true);
    // While the database was away the api said so: 503, never 500 nor a dropped connection.
    expect(answered.flatMap((c) => c.answers).filter((s) => ![200, 202, 503].includes(s))).toEqual([]);
    await waitUntilDecided(sys, 30_000);

    // One report per key, the one its client was told about.
    const keyed = await sys.query<{ idempotency_key: string; id: string }>(
      'SELECT idempotency_key, id FROM report_submissions WHERE idempotency_key IS NOT NULL ORDER BY idempotency_key',
    );
    expect(keyed).toEqual(
      answered.map((c) => ({ idempotency_key: c.key, id: c.id })).sort((a, b) => a.idempotency_key.localeCompare(b.idempotency_key)),
    );

    // Exactly one verdict each: per enterprise-quarter one current revision, revisions 1..n.
    expect(await expectDecidedOnce(sys)).toHaveLength(stored.length + answered.length);
    const { stored: sums, recomputed } = await aggregatesAndRecomputation(sys);
    expect(sums).toEqual(recomputed);

    // No job left failed; the repairs are counted.
    await waitFor('no report job left failed', async () => (await failedJobs(reports)) === 0);
    const scraped = await metrics();
    expect(scraped).toMatch(/^queue_jobs\{queue="reports",state="failed"\} 0$/m);
    expect(Number(/^queue_jobs_retried_total\{queue="reports"\} (\d+)$/m.exec(scraped)?.[1])).toBeGreaterThanOrEqual(stored.length);
  }, 80_000);

  it('publishes the month once although its scheduled job failed for good while the database was away', async () => {
    proxy.setMode('refuse');
    // The occurrence the monthly schedule adds at 07:00 on day 1.
    await publications.add(JobName.PublishMonthly, 'monthly-during-outage');
    expect((await publications.finished('monthly-during-outage')).failedReason).toBeTruthy();
    proxy.setMode('open');

    await waitFor('the month published', async () => (await sys.query('SELECT 1 FROM publications')).length > 0);
    expect((await publications.finished('monthly-during-outage')).returnvalue).toEqual({ id: 1, created: true });
    expect(await sys.query('SELECT id, month, published_by FROM publications')).toEqual([
      { id: 1, month: TODAY.month, published_by: 'schedule' },
    ]);
    await smtp.waitFor(() => smtp.received.length, SUBSCRIBERS.length);
    for (const email of SUBSCRIBERS) expect(smtp.to(email)).toHaveLength(1);
    expect(await metrics()).toMatch(/^queue_jobs_retried_total\{queue="publications"\} 1$/m);
  });

  it('sends each email once when the database went away between the send and its record', async () => {
    smtp.stall();
    const forced = await publish(sys.http, { force: true }, admin);
    expect(forced.status).toBe(202);
    await smtp.waitFor(() => smtp.stalled, SUBSCRIBERS.length);
    // The server has each message's recipient; the database goes before the worker can record the sends.
    proxy.setMode('refuse');
    smtp.resume();
    await smtp.waitFor(() => smtp.received.length, 2 * SUBSCRIBERS.length);
    await waitFor('every email job failed', async () => (await failedJobs(mail)) === SUBSCRIBERS.length);
    proxy.setMode('open');

    await waitFor(
      'every email recorded sent',
      async () => (await sys.query(`SELECT 1 FROM email_outbox WHERE status <> 'sent'`)).length === 0,
    );
    for (const email of SUBSCRIBERS) expect(smtp.to(email)).toHaveLength(2);
    expect(await sys.query(`SELECT status, attempts FROM email_outbox WHERE payload->>'publicationId' = '2'`)).toEqual(
      SUBSCRIBERS.map(() => ({ status: 'sent', attempts: 1 })),
    );
  });
});
