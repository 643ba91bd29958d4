import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { RecordedSupersession1764800000000 } from '../../libs/database/src/migrations/1764800000000-recorded-supersession';
import { AuditEventsRepository, AuditPageQuery, recordAudit } from '../../libs/database/src/repositories/audit-events.repository';
import { ReportSubmissionsRepository } from '../../libs/database/src/repositories/report-submissions.repository';
import { Verdict } from '../../libs/domain/src/verdicts/submission-verdict';
import { seedToken, submissionInsert, verdictOf } from '../support/repository-fixtures';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The audit log against a real database, without HTTP: events written in the caller's transaction,
 * and the life of each submission read off what its row records (received, decided, superseded by
 * which revision), with no rule of its own; the migration that records supersessions of existing rows.
 */
const FIGURES = { grossOutput: '1000', revenue: '1000', workers: '10', wageFund: '1000' };

describe('audit events repository', () => {
  let db: TestDatabase;
  let audit: AuditEventsRepository;
  let submissions: ReportSubmissionsRepository;
  let token: string;

  const insert = (taxCode: string, period: string) => submissionInsert(taxCode, period, token, FIGURES);
  const accepted = (revision: number, status: Verdict['status'] = 'accepted') => verdictOf(revision, { status });
  const query = (q: Partial<AuditPageQuery>): AuditPageQuery => ({ reports: true, reportId: null, after: null, limit: 100, ...q });
  const lifeOf = async (id: string) =>
    (await audit.page(query({ entity: 'report', entityId: id, reportId: id }))).map(
      (e) => `${e.action}${typeof e.details.supersededBy === 'string' ? ` by ${e.details.supersededBy}` : ''}`,
    );

  beforeAll(async () => {
    db = await openTestDatabase('repo-audit-events');
    audit = new AuditEventsRepository(db.transactions);
    submissions = new ReportSubmissionsRepository(db.transactions);
    token = await seedToken(db, 'board');
  });
  afterAll(() => db?.close());

  describe('the migration recording supersessions', () => {
    it('records, for rows decided before it, the revision that superseded each, as the log used to derive it', async () => {
      const dataSource = await new DataSource(
        dataSourceOptions(db.url, 1, { connectMs: 3000, statementMs: 10_000, lockMs: 10_000, idleInTransactionMs: 60_000 }),
      ).initialize();
      const runner = dataSource.createQueryRunner();
      const migration = new RecordedSupersession1764800000000();
      try {
        await migration.down(runner);
        // An amendment decided in order, and a revision received first but decided after the current one (kept behind it).
        const row = (n: number, taxCode: string, status: string, revision: number, received: number, decided: number) =>
          `('00000000-0000-4000-8000-00000000000${n}', '${taxCode}', '2025-Q1', 'api', 'board', '${status}', ${revision},
            now() - interval '${received} minutes', now() - interval '${received} minutes', now() - interval '${decided} minutes',
            1, 1, 1, 1)`;
        await db.query(`INSERT INTO report_submissions (id, tax_code, period, source, filer_role, status, revision, received_at, stored_at,
            processed_at, gross_output, revenue, workers, wage_fund) VALUES
          ${row(1, '5300000101', 'superseded', 1, 60, 59)}, ${row(2, '5300000101', 'accepted', 2, 50, 49)},
          ${row(3, '5300000102', 'accepted', 1, 40, 39)}, ${row(4, '5300000102', 'superseded', 2, 45, 30)}`);
        await migration.up(runner);
      } finally {
        await runner.release();
        await dataSource.destroy();
      }
      const rows = await db.query(`SELECT id, superseded_by,
          superseded_at = (SELECT processed_at FROM report_submissions n WHERE n.id = r.superseded_by)
            OR superseded_at = processed_at AS at_verdict
        FROM report_submissions r WHERE tax_code LIKE '53000001__' ORDER BY id`);
      expect(rows).toEqual([
        { id: '00000000-0000-4000-8000-000000000001', superseded_by: '00000000-0000-4000-8000-000000000002', at_verdict: true },
        { id: '00000000-0000-4000-8000-000000000002', superseded_by: null, at_verdict: null },
        { id: '00000000-0000-4000-8000-000000000003', superseded_by: null, at_verdict: null },
        { id: '00000000-0000-4000-8000-000000000004', superseded_by: '00000000-0000-4000-8000-000000000003', at_verdict: true },
      ]);
      expect(await lifeOf('00000000-0000-4000-8000-000000000001')).toEqual([
        'report.superseded by 00000000-0000-4000-8000-000000000002',
        'report.accepted',
        'report.received',
      ]);
      expect(await lifeOf('00000000-0000-4000-8000-000000000004')).toEqual([
        'report.superseded by 00000000-0000-4000-8000-000000000003',
        'report.accepted',
        'report.received',
      ]);
    });
  });

  it('reads a supersession as its verdict recorded it, at the verdict, by the revision named', async () => {
    const [r1, r2] = [insert('5300000201', '2025-Q2'), insert('5300000201', '2025-Q2')];
    await submissions.insertWithJobs([r1, r2]);
    await db.transactions.run((tx) => submissions.recordVerdicts([{ id: r1.id, verdict: accepted(1), supersededBy: null }], tx));
    await db.transactions.run(async (tx) => {
      await submissions.supersede(new Map([[r1.id, r2.id]]), tx);
      await submissions.recordVerdicts([{ id: r2.id, verdict: accepted(2), supersededBy: null }], tx);
    });
    const [superseded] = await audit.page(query({ entity: 'report', entityId: r1.id, reportId: r1.id }));
    const [{ processed_at }] = await db.query('SELECT processed_at FROM report_submissions WHERE id = $1', [r2.id]);
    expect(superseded).toMatchObject({
      action: 'report.superseded',
      entity: 'report',
      entityId: r1.id,
      actorId: null,
      actorName: 'worker',
      details: { supersededBy: r2.id },
      at: processed_at,
    });
    expect(await lifeOf(r2.id)).toEqual(['report.accepted', 'report.received']);
    // The reader holds no rule: what the row records is what it reads.
    const other = randomUUID();
    await db.query(
      `INSERT INTO report_submissions (id, tax_code, period, source, filer_role, gross_output, revenue, workers, wage_fund)
      VALUES ($1, '5300000201', '2025-Q2', 'api', 'board', 1, 1, 1, 1)`,
      [other],
    );
    await db.query('UPDATE report_submissions SET superseded_by = $2 WHERE id = $1', [r1.id, other]);
    expect((await lifeOf(r1.id))[0]).toBe(`report.superseded by ${other}`);
  });

  it('keeps events written in a transaction only if it commits, and pages all events newest first with a cursor', async () => {
    await recordAudit(db.transactions.pool, {
      actorId: token,
      actorName: 'board:BQL',
      action: 'token.create',
      entity: 'token',
      entityId: token,
    });
    await expect(
      db.transactions.run(async (tx) => {
        await recordAudit(tx, { actorName: 'x', action: 'token.revoke', entity: 'token', entityId: token });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const tokens = await audit.page(query({ entity: 'token', reports: false }));
    expect(tokens.map((e) => [e.action, e.actorName, e.entityId])).toEqual([['token.create', 'board:BQL', token]]);

    const all = await audit.page(query({}));
    const firstPage = await audit.page(query({ limit: 3 }));
    const rest = await audit.page(query({ after: [firstPage[2].cursorAt, firstPage[2].key] }));
    expect([...firstPage, ...rest].map((e) => e.key)).toEqual(all.map((e) => e.key));
    expect(all.map((e) => e.at.getTime())).toEqual([...all.map((e) => e.at.getTime())].sort((a, b) => b - a));
  });
});
