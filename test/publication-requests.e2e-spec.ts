import { JobName, QueueName } from '@app/queue';
// The file itself: the @app/reporting door pulls in Nest modules.
import { PUBLICATION_LOCK } from '../libs/reporting/src/publication-lock';
import { AppProcess } from './support/app-process';
import { startExtraWorker } from './support/extra-process';
import { createEnterprise, createZone } from './support/fixtures';
import { holdAdvisoryLock, WAIT_FOR_HELD_LOCKS, waitForLockWaiters } from './support/held-locks';
import { fileOnPaper } from './support/paper-filings';
import { todaysPublication } from './support/publication-calendar';
import { QueueJobs } from './support/queue-jobs';
import { SmtpSink } from './support/smtp-sink';
import { startTestSystem, TestSystem } from './support/test-system';
import { waitFor } from './support/wait-for';

/*
 * A publication asked for over HTTP is a job: the api stores the request (with its outbox row) and
 * answers 202 with a Location at once, whatever the publishers' lock or the worker are doing; the
 * worker builds it under the lock. Two requests for the month and the scheduled job at the same time
 * make one publication and one email per subscriber.
 */
const TODAY = todaysPublication();
const ZONE = 'PRQ';
const ENTERPRISES = ['5300500001', '5300500002', '5300500003'];
const SUBSCRIBERS = ['lanh-dao@ubnd.laocai.example', 'bao-chi@baolaocai.example'];

describe('publications asked for over HTTP, built by the worker', () => {
  let smtp: SmtpSink;
  let sys: TestSystem;
  let admin: string;
  let publications: QueueJobs;
  let secondWorker: AppProcess | null = null;

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    sys = await startTestSystem('publication_requests', { SMTP_URL: smtp.url, ...WAIT_FOR_HELD_LOCKS });
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    const board = await sys.token({ role: 'board', name: 'Ban Quản lý KKT' });
    await createZone(sys.http, admin, ZONE);
    for (const taxCode of ENTERPRISES) await createEnterprise(sys.http, admin, taxCode, ZONE);
    await fileOnPaper(
      sys.http,
      board,
      ENTERPRISES.map((taxCode, i) => ({
        taxCode,
        period: TODAY.latestQuarter,
        f: { grossOutput: (i + 1) * 1_000_000_000, revenue: (i + 1) * 1_100_000_000, workers: 50, wageFund: 50 * 3 * 6_000_000 },
      })),
    );
    for (const email of SUBSCRIBERS)
      expect((await sys.http.post('/v1/subscriptions', { email, zoneCodes: 'all' }, admin)).status).toBe(201);
    publications = new QueueJobs(sys, QueueName.Publications);
  }, 60_000);

  afterAll(async () => {
    await secondWorker?.stop();
    await publications?.close();
    await sys?.close();
    await smtp?.close();
  }, 30_000);

  const publicationCount = async () => (await sys.query<{ n: number }>('SELECT count(*)::int AS n FROM publications'))[0].n;

  it('answers 202 at once while publishers wait, then two requests and the schedule make one publication and one email each', async () => {
    secondWorker = await startExtraWorker(sys);
    const gate = await holdAdvisoryLock(sys.env.DATABASE_URL, PUBLICATION_LOCK);
    let asked;
    try {
      asked = await Promise.all([sys.http.post('/v1/publications', {}, admin), sys.http.post('/v1/publications', {}, admin)]);
      await publications.add(JobName.PublishMonthly, 'monthly-now');
      // Answered while no publisher could take the lock: the api only stored the requests.
      expect(asked.map((r) => [r.status, r.body.status])).toEqual([
        [202, 'pending'],
        [202, 'pending'],
      ]);
      expect(asked.map((r) => r.headers.get('location'))).toEqual(asked.map((r) => `/v1/publications/${r.body.id}`));
      expect((await sys.http.get(asked[0].headers.get('location')!, admin)).body).toMatchObject({
        id: asked[0].body.id,
        status: 'pending',
      });
      await waitForLockWaiters(sys, ['advisory'], 2, 30_000);
      expect(await publicationCount()).toBe(0);
    } finally {
      await gate.release();
    }
    const built = await Promise.all(
      asked.map(async (r) => {
        let reply = r;
        await waitFor(
          'request answered',
          async () => {
            reply = await sys.http.get(r.headers.get('location')!, admin);
            return reply.status === 200 && reply.body.status !== 'pending';
          },
          30_000,
        );
        return reply.body;
      }),
    );
    const monthly = await publications.finished('monthly-now', 30_000);
    expect(monthly.failedReason).toBeUndefined();
    // One publication, which every request and the schedule point at.
    expect(await publicationCount()).toBe(1);
    expect(built.map((p) => [p.number, p.month, p.latestQuarter])).toEqual([
      [1, TODAY.month, TODAY.latestQuarter],
      [1, TODAY.month, TODAY.latestQuarter],
    ]);
    expect(monthly.returnvalue).toEqual({ id: built[0].id, created: expect.any(Boolean) });
    await smtp.waitFor(() => smtp.received.length, SUBSCRIBERS.length);
    await waitFor(
      'every email recorded sent',
      async () => (await sys.query(`SELECT 1 FROM email_outbox WHERE status <> 'sent'`)).length === 0,
    );
    expect(SUBSCRIBERS.map((email) => smtp.to(email).length)).toEqual([1, 1]);
  }, 90_000);

  it('gives the month’s publication back with 200 once it has one, and builds a forced one as a job', async () => {
    const again = await sys.http.post('/v1/publications', {}, admin);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ number: 1, month: TODAY.month });

    const forced = await sys.http.post('/v1/publications', { force: true }, admin);
    expect(forced.status).toBe(202);
    let built = forced;
    await waitFor(
      'forced publication built',
      async () => {
        built = await sys.http.get(forced.headers.get('location')!, admin);
        return built.body.status !== 'pending';
      },
      30_000,
    );
    expect(built.body).toMatchObject({ number: 2, forced: true, month: TODAY.month });
  }, 60_000);

  it('keeps a request made while no worker runs and builds it once one starts', async () => {
    await secondWorker?.stop();
    secondWorker = null;
    await sys.stopWorker();
    const forced = await sys.http.post('/v1/publications', { force: true }, admin);
    expect(forced.status).toBe(202);
    // Stored before it was acknowledged, with the job that hands it to a worker.
    expect(await sys.query('SELECT publication_id FROM publication_requests WHERE id = $1', [forced.body.id])).toEqual([
      { publication_id: null },
    ]);
    await sys.startWorker();
    await waitFor(
      'request answered after the worker started',
      async () => {
        const r = await sys.http.get(forced.headers.get('location')!, admin);
        return r.status === 200 && r.body.number === 3;
      },
      30_000,
    );
    expect(await publicationCount()).toBe(3);
  }, 60_000);

  it('answers 404 for a request id that names nothing', async () => {
    expect((await sys.http.get('/v1/publications/00000000-0000-4000-8000-000000000000', admin)).status).toBe(404);
  });
});
