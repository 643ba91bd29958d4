import { issueToken } from '@app/access';
import { ApiTokensRepository } from '../../libs/database/src/repositories/api-tokens.repository';
import { FiguresChange, VerdictsChange, WebSessionsRepository } from '../../libs/database/src/repositories/web-sessions.repository';
import { NotificationListener } from '../../libs/database/src/sql/notification-listener';
import { seedToken, seedZones } from '../support/repository-fixtures';
import { openTestDatabase, TestDatabase } from '../support/test-database';
import { waitFor } from '../support/wait-for';

/**
 * Browser sessions and sign-in failures against a real database, without HTTP: a session lives while
 * its token does, within its idle and absolute limits, until it ends; and every committed change of
 * zone-quarter sums is announced with its zones and quarters, and every submission leaving `received`
 * with its id and tax code.
 */
describe('web sessions repository', () => {
  let db: TestDatabase;
  let sessions: WebSessionsRepository;
  let tokens: ApiTokensRepository;
  let listener: NotificationListener;
  const heard: FiguresChange[] = [];
  const decided: VerdictsChange[] = [];
  const limits = { idleSeconds: 60, absoluteSeconds: 3600 };

  beforeAll(async () => {
    db = await openTestDatabase('repo-web-sessions');
    sessions = new WebSessionsRepository(db.transactions);
    tokens = new ApiTokensRepository(db.transactions);
    const timeouts = { connectMs: 3000, statementMs: 5000, lockMs: 3000, idleInTransactionMs: 60_000 };
    listener = await sessions.listenForChanges(
      db.url,
      timeouts,
      { figures: (change) => heard.push(change), verdicts: (change) => decided.push(change) },
      () => undefined,
    );
  });
  afterAll(async () => {
    await listener?.close();
    await db?.close();
  });

  const board = () => issueToken(tokens, { role: 'board', name: 'BQL', zoneCodes: ['BDH'] });

  it('resumes a live session with its token holder and scope, and keeps it alive', async () => {
    const { id } = await board();
    await sessions.start('a'.repeat(64), id, limits);
    await db.query("UPDATE web_sessions SET last_seen_at = now() - interval '50 seconds' WHERE id_hash = $1", ['a'.repeat(64)]);
    expect(await sessions.resume('a'.repeat(64), limits)).toEqual({ id, name: 'BQL', role: 'board', zoneCodes: ['BDH'], taxCode: null });
    const [row] = await db.query("SELECT now() - last_seen_at < interval '5 seconds' AS fresh FROM web_sessions WHERE id_hash = $1", [
      'a'.repeat(64),
    ]);
    expect(row.fresh).toBe(true);
    expect(await sessions.resume('f'.repeat(64), limits)).toBeNull();
  });

  it('ends a session left idle too long, one past its absolute limit, one signed out, and every one of a revoked token', async () => {
    const { id } = await board();
    for (const c of 'bcde') await sessions.start(c.repeat(64), id, limits);
    await db.query("UPDATE web_sessions SET last_seen_at = now() - interval '61 seconds' WHERE id_hash = $1", ['b'.repeat(64)]);
    await db.query("UPDATE web_sessions SET expires_at = now() - interval '1 second' WHERE id_hash = $1", ['c'.repeat(64)]);
    await sessions.end('d'.repeat(64));
    expect(await sessions.resume('b'.repeat(64), limits)).toBeNull();
    expect(await sessions.resume('c'.repeat(64), limits)).toBeNull();
    expect(await sessions.resume('d'.repeat(64), limits)).toBeNull();
    expect(await sessions.resume('e'.repeat(64), limits)).not.toBeNull();
    await tokens.revoke(id);
    expect(await sessions.resume('e'.repeat(64), limits)).toBeNull();
  });

  it('counts failed sign-ins per client within the window and forgets older ones', async () => {
    expect(await sessions.recordFailure('10.0.0.1', 900)).toBe(1);
    expect(await sessions.recordFailure('10.0.0.1', 900)).toBe(2);
    expect(await sessions.recordFailure('10.0.0.2', 900)).toBe(1);
    expect(await sessions.recentFailures('10.0.0.1', 900)).toBe(2);
    await db.query("UPDATE sign_in_failures SET at = now() - interval '901 seconds' WHERE client = '10.0.0.1'");
    expect(await sessions.recentFailures('10.0.0.1', 900)).toBe(0);
    expect(await sessions.recordFailure('10.0.0.1', 900)).toBe(1);
  });

  it('announces the zones and quarters of changed sums when the change commits, and nothing for one rolled back', async () => {
    await seedZones(db, ['BDH']);
    await expect(
      db.transactions.run(async (tx) => {
        await tx.query(
          `INSERT INTO zone_quarter_aggregates (zone_code, period, next_period, ownership, reports)
           VALUES ('BDH', '2025-Q2', '9999-Q4', 'domestic', 1)`,
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await db.query(
      `INSERT INTO zone_quarter_aggregates (zone_code, period, next_period, ownership, reports)
       VALUES ('BDH', '2025-Q3', '9999-Q4', 'domestic', 1)`,
    );
    await db.query("UPDATE zone_quarter_aggregates SET reports = reports + 1 WHERE zone_code = 'BDH'");
    await waitFor('two announcements', async () => heard.length >= 2, 5000);
    expect(heard).toEqual([[{ zone: 'BDH', period: '2025-Q3' }], [{ zone: 'BDH', period: '2025-Q3' }]]);
  });

  it('announces submissions leaving received when the verdict commits, and not their later supersession', async () => {
    const by = await seedToken(db, 'board');
    const insert = (id: string) =>
      db.query(
        `INSERT INTO report_submissions (id, tax_code, period, source, submitted_by, filer_role, gross_output, revenue, workers, wage_fund)
         VALUES ($1, '5300000001', '2025-Q3', 'api', $2, 'board', 1, 1, 1, 1)`,
        [id, by],
      );
    const [a, b] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
    await insert(a);
    await insert(b);
    await db.query("UPDATE report_submissions SET status = 'accepted', revision = 1 WHERE id = $1", [a]);
    await db.query("UPDATE report_submissions SET status = 'superseded' WHERE id = $1", [a]);
    await db.query("UPDATE report_submissions SET status = 'rejected' WHERE id = $1", [b]);
    await waitFor('two verdicts', async () => decided.length >= 2, 5000);
    expect(decided).toEqual([[{ id: a, taxCode: '5300000001' }], [{ id: b, taxCode: '5300000001' }]]);
  });
});
