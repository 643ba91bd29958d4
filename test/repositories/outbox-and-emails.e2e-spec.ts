import { EmailOutboxRepository, EmailToSend } from '../../libs/database/src/repositories/email-outbox.repository';
import { OutboxRepository } from '../../libs/database/src/repositories/outbox.repository';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The job outbox and the email outbox against a real database, without HTTP: emails queued once per
 * key with their jobs, claimed by one relay at a time, leased to one sender, recorded once.
 */
const email = (n: number): EmailToSend => ({
  dedupeKey: `reminder:530000000${n}:2025-Q3`,
  kind: 'reminder',
  recipient: `dn${n}@example.vn`,
  language: 'vi',
  payload: { taxCode: `530000000${n}`, period: '2025-Q3' },
});

describe('outbox and email outbox repositories', () => {
  let db: TestDatabase;
  let outbox: OutboxRepository;
  let emails: EmailOutboxRepository;

  beforeAll(async () => {
    db = await openTestDatabase('repo-outboxes');
    outbox = new OutboxRepository(db.transactions);
    emails = new EmailOutboxRepository(db.transactions);
  });
  afterAll(() => db?.close());

  it('queues each email once per key, with one mail job each, in the caller’s transaction', async () => {
    expect(await db.transactions.run((tx) => emails.enqueue([email(1), email(2)], tx))).toBe(2);
    expect(await emails.enqueue([email(2), email(3)])).toBe(1);
    expect(await emails.enqueue([])).toBe(0);
    const jobs = await db.query(`SELECT queue, job_name, payload->>'emailId' AS email_id FROM outbox ORDER BY id`);
    expect(jobs).toHaveLength(3);
    expect(jobs.every((j) => j.queue === 'mail' && j.job_name === 'send-email')).toBe(true);
  });

  it('lets two relays claim disjoint jobs at once, and marks them published', async () => {
    const [first, second] = await Promise.all(
      [0, 1].map((i) =>
        db.transactions.run(async (tx) => {
          const claimed = await outbox.claim(2, tx);
          // The first holds its rows a moment: the second skips them rather than waiting.
          if (i === 0) await tx.query('SELECT pg_sleep(0.2)');
          await outbox.markPublished(
            claimed.map((j) => j.id),
            tx,
          );
          return claimed;
        }),
      ),
    );
    const ids = [...first, ...second].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(3);
    expect(first[0]).toMatchObject({
      queue: 'mail',
      jobName: 'send-email',
      jobId: expect.stringMatching(/^email-/),
      payload: { emailId: expect.any(String) },
    });
    expect(await db.transactions.run((tx) => outbox.claim(10, tx))).toEqual([]);
    await db.query(`UPDATE outbox SET published_at = now() - interval '2 days' WHERE id = $1`, [ids[0]]);
    await outbox.prunePublished();
    expect(await db.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 2 }]);
  });

  it('leases an email to one sender, gives it back on a refusal, records the send once', async () => {
    const [{ id }] = await db.query(`SELECT id FROM email_outbox WHERE dedupe_key = $1`, [email(1).dedupeKey]);
    const claimed = await emails.claim(id, 60_000);
    expect(claimed).toEqual({ id, ...email(1) });
    expect(await emails.claim(id, 60_000)).toBeNull();
    expect(await emails.state(id)).toEqual({ status: 'sending', leaseUntil: expect.any(Date) });
    await emails.release(id, '451 try later');
    expect(await db.query('SELECT status, attempts, last_error FROM email_outbox WHERE id = $1', [id])).toEqual([
      { status: 'pending', attempts: 1, last_error: '451 try later' },
    ]);
    await emails.claim(id, 60_000);
    expect(await emails.markSent(id, '250 OK')).toEqual({ dedupeKey: email(1).dedupeKey, recipient: 'dn1@example.vn' });
    expect(await emails.markSent(id, '250 OK')).toBeNull();
    expect(await emails.state(id)).toEqual({ status: 'sent', leaseUntil: null });
  });

  it('takes back an email whose lease ran out, cancels one no longer wanted, and finds those left unsent', async () => {
    const [{ id }] = await db.query(`SELECT id FROM email_outbox WHERE dedupe_key = $1`, [email(2).dedupeKey]);
    await emails.claim(id, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await emails.claim(id, 60_000)).toMatchObject({ id });
    await emails.cancel(id);
    expect(await emails.state(id)).toEqual({ status: 'cancelled', leaseUntil: null });
    await db.query(`UPDATE email_outbox SET created_at = now() - interval '1 hour' WHERE dedupe_key <> $1`, [email(1).dedupeKey]);
    const [{ id: third }] = await db.query(`SELECT id FROM email_outbox WHERE dedupe_key = $1`, [email(3).dedupeKey]);
    expect(await emails.staleUnsent(60_000, 10)).toEqual([third]);
    expect(await emails.state('999999999')).toBeNull();
  });
});
