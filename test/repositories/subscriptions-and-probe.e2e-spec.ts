import { DatabaseProbe } from '../../libs/database/src/repositories/database-probe.repository';
import { SubscriptionsRepository } from '../../libs/database/src/repositories/subscriptions.repository';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/** Subscriptions and the operations probe against a real database, without HTTP. */
describe('subscriptions repository and database probe', () => {
  let db: TestDatabase;
  let subscriptions: SubscriptionsRepository;
  let probe: DatabaseProbe;

  beforeAll(async () => {
    db = await openTestDatabase('repo-subscriptions');
    subscriptions = new SubscriptionsRepository(db.transactions);
    probe = new DatabaseProbe(db.transactions);
  });
  afterAll(() => db?.close());

  it('keeps subscriptions in the order made, until each is cancelled once', async () => {
    const all = await subscriptions.insert({
      email: 'lanh-dao@laocai.gov.vn',
      zoneCodes: null,
      language: 'vi',
      audience: 'board',
      createdBy: null,
    });
    const some = await subscriptions.insert({
      email: 'press@example.com',
      zoneCodes: ['BDH', 'DPM'],
      language: 'en',
      audience: 'public',
      createdBy: null,
    });
    expect(some).toEqual({
      id: expect.any(String),
      email: 'press@example.com',
      zoneCodes: ['BDH', 'DPM'],
      language: 'en',
      audience: 'public',
      createdAt: expect.any(Date),
    });
    expect((await subscriptions.listActive()).map((s) => s.email)).toEqual(['lanh-dao@laocai.gov.vn', 'press@example.com']);
    expect(await subscriptions.findActive(all.id)).toEqual(all);

    expect(await subscriptions.cancel(all.id)).toBe(true);
    expect(await subscriptions.cancel(all.id)).toBe(false);
    expect(await subscriptions.findActive(all.id)).toBeNull();
    expect((await subscriptions.listActive()).map((s) => s.id)).toEqual([some.id]);
  });

  it('answers a ping, and counts submissions by status, those late, and outbox rows not yet handed to the queue', async () => {
    await expect(probe.ping()).resolves.toBeUndefined();
    expect(await probe.backlog()).toEqual({ reportsByStatus: [], reportsUndecidedOverMinute: 0, outboxPending: 0, outboxOldestSeconds: 0 });
    await db.query(`INSERT INTO report_submissions
        (id, tax_code, period, source, filer_role, status, gross_output, revenue, workers, wage_fund)
      SELECT gen_random_uuid(), '53000000' || lpad(i::text, 2, '0'), '2025-Q1', 'api', 'board',
        CASE WHEN i <= 3 THEN 'accepted' ELSE 'received' END, 1, 1, 1, 1
      FROM generate_series(1, 5) i`);
    // One of the two still received was stored two minutes ago.
    await db.query(`UPDATE report_submissions SET stored_at = now() - interval '2 minutes' WHERE tax_code = '5300000005'`);
    await db.query(`INSERT INTO outbox (queue, job_name, job_id, payload, published_at)
      VALUES ('reports', 'process', 'a', '{}', now()), ('reports', 'process', 'b', '{}', NULL), ('reports', 'process', 'c', '{}', NULL)`);
    await db.query(`UPDATE outbox SET created_at = now() - interval '90 seconds' WHERE job_id = 'b'`);
    const backlog = await probe.backlog();
    expect([...backlog.reportsByStatus].sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { status: 'accepted', n: 3 },
      { status: 'received', n: 2 },
    ]);
    expect(backlog).toMatchObject({ reportsUndecidedOverMinute: 1, outboxPending: 2 });
    expect(backlog.outboxOldestSeconds).toBeGreaterThanOrEqual(90);
  });
});
