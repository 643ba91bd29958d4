import { randomUUID } from 'node:crypto';
import { ReportSubmissionsRepository, SubmissionInsert } from '../../libs/database/src/repositories/report-submissions.repository';
import { Verdict } from '../../libs/domain/src/verdicts/submission-verdict';
import { REPORTS_PER_JOB } from '@app/queue';
import { seedEnterprise, seedToken, seedZones, submissionInsert, verdictOf } from '../support/repository-fixtures';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Submissions and their outbox against a real database, without HTTP: the intake's one-statement
 * batch, the verdict's locked reads and set-based writes (supersession recorded with the revision that
 * took the place), the review, and the readers.
 */
const FIGURES = { grossOutput: '1000000000', revenue: '1100000000', workers: '100', wageFund: '1900000000', femaleWorkers: '40' };

describe('report submissions repository', () => {
  let db: TestDatabase;
  let submissions: ReportSubmissionsRepository;
  let token: string;

  const insert = (taxCode: string, period: string, extra: Partial<SubmissionInsert> = {}) =>
    submissionInsert(taxCode, period, token, FIGURES, { zoneCode: 'SA', ...extra });
  const accepted = (revision: number, extra: Partial<Verdict> = {}) => verdictOf(revision, { zoneCode: 'SA', ...extra });
  const row = async (id: string) =>
    (await db.query('SELECT status, revision, superseded_by, superseded_at, processed_at FROM report_submissions WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    db = await openTestDatabase('repo-report-submissions');
    submissions = new ReportSubmissionsRepository(db.transactions);
    await seedZones(db, ['SA']);
    for (const taxCode of ['5300000001', '5300000002', '5300000003']) await seedEnterprise(db, taxCode, 'SA');
    token = await seedToken(db, 'board');
  });
  afterAll(() => db?.close());

  it('stores a batch and one outbox job for its rows in one statement, leaving out a row whose Idempotency-Key is taken', async () => {
    const first = insert('5300000001', '2025-Q1', { idempotencyKey: 'k-1', requestHash: 'a'.repeat(64) });
    const paper = insert('5300000002', '2025-Q1', { receivedAt: '2025-04-03T09:00:00+07:00' });
    const stored = await submissions.insertWithJobs([first, paper]);
    expect([...stored.keys()].sort()).toEqual([first.id, paper.id].sort());
    expect(stored.get(paper.id)!.toISOString()).toBe('2025-04-03T02:00:00.000Z');
    const again = insert('5300000001', '2025-Q1', { idempotencyKey: 'k-1' });
    expect(await submissions.insertWithJobs([again])).toEqual(new Map());
    expect(await submissions.findByIdempotencyKey(token, 'k-1')).toEqual({
      id: first.id,
      receivedAt: stored.get(first.id),
      requestHash: 'a'.repeat(64),
    });
    expect(await submissions.findByIdempotencyKey(token, 'k-2')).toBeNull();
    const jobs = await db.query(`SELECT queue, job_name, job_id, payload FROM outbox WHERE payload->'submissionIds' ?| $1 ORDER BY id`, [
      [first.id, paper.id, again.id],
    ]);
    expect(jobs).toEqual([
      {
        queue: 'reports',
        job_name: 'process-reports',
        job_id: `reports-${[first.id, paper.id].sort()[0]}`,
        payload: { submissionIds: [first.id, paper.id] },
      },
    ]);
  });

  it('splits a large statement into jobs of at most REPORTS_PER_JOB submissions, each stored row in exactly one', async () => {
    const rows = Array.from({ length: REPORTS_PER_JOB + 1 }, (_, i) => insert('5300000003', `20${30 + (i % 60)}-Q${1 + (i % 4)}`));
    const stored = await submissions.insertWithJobs(rows);
    expect(stored.size).toBe(rows.length);
    const jobs = await db.query<{ ids: string[] }>(
      `SELECT payload->'submissionIds' AS ids FROM outbox WHERE payload->'submissionIds' ?| $1 ORDER BY id`,
      [rows.map((r) => r.id)],
    );
    expect(jobs.map((j) => j.ids.length).sort((a, b) => a - b)).toEqual([1, REPORTS_PER_JOB]);
    expect(jobs.flatMap((j) => j.ids).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('locks only submissions still received and reads their figures as bigint money and number counts', async () => {
    const a = insert('5300000003', '2025-Q2');
    await submissions.insertWithJobs([a]);
    await db.transactions.run(async (tx) => {
      const [received] = await submissions.lockReceived([a.id, randomUUID()], tx);
      expect(received).toMatchObject({
        id: a.id,
        taxCode: '5300000003',
        period: '2025-Q2',
        zoneCode: 'SA',
        filerRole: 'board',
        receiptKey: expect.any(String),
      });
      expect(received.figures).toMatchObject({ grossOutput: 1_000_000_000n, workers: 100, femaleWorkers: 40, exportValueUsd: null });
      await submissions.recordVerdicts([{ id: a.id, verdict: accepted(1), supersededBy: null }], tx);
    });
    await db.transactions.run(async (tx) => expect(await submissions.lockReceived([a.id], tx)).toEqual([]));
    expect(await row(a.id)).toMatchObject({ status: 'accepted', revision: 1, superseded_by: null, superseded_at: null });
  });

  it('records which revision superseded another and when, in the verdict transaction: an earlier one, one kept behind', async () => {
    const [r1, r2, early] = [insert('5300000001', '2025-Q3'), insert('5300000001', '2025-Q3'), insert('5300000001', '2025-Q3')];
    await submissions.insertWithJobs([r1]);
    await db.transactions.run((tx) => submissions.recordVerdicts([{ id: r1.id, verdict: accepted(1), supersededBy: null }], tx));
    await submissions.insertWithJobs([r2, early]);
    await db.transactions.run(async (tx) => {
      await submissions.supersede(new Map([[r1.id, r2.id]]), tx);
      await submissions.recordVerdicts(
        [
          { id: r2.id, verdict: accepted(2), supersededBy: null },
          { id: early.id, verdict: accepted(3, { status: 'superseded' }), supersededBy: r2.id },
        ],
        tx,
      );
    });
    const [first, second, kept] = [await row(r1.id), await row(r2.id), await row(early.id)];
    expect(first).toMatchObject({ status: 'superseded', superseded_by: r2.id });
    expect(kept).toMatchObject({ status: 'superseded', revision: 3, superseded_by: r2.id });
    expect(second).toMatchObject({ status: 'accepted', superseded_by: null, superseded_at: null });
    // Both at the instant of the verdict that decided them.
    expect(first.superseded_at).toEqual(second.processed_at);
    expect(kept.superseded_at).toEqual(second.processed_at);
  });

  it('reads the decided history a verdict needs: current revisions, and every decided revision of the quarters being decided', async () => {
    const history = await db.transactions.run((tx) => submissions.decidedHistory(['5300000001', '5300000003'], ['5300000001/2025-Q3'], tx));
    expect(history.map((h) => [h.taxCode, h.period, h.revision, h.status]).sort()).toEqual([
      ['5300000001', '2025-Q3', 1, 'superseded'],
      ['5300000001', '2025-Q3', 2, 'accepted'],
      ['5300000001', '2025-Q3', 3, 'superseded'],
      ['5300000003', '2025-Q2', 1, 'accepted'],
    ]);
    expect(history[0].figures.grossOutput).toBe(1_000_000_000n);
  });

  it('pages newest receipt first within a scope, and lists the rows of an upload in file order', async () => {
    const batchId = randomUUID();
    const rows = [3, 1, 2].map((n) => insert('5300000002', `2024-Q${n}`, { batchId, batchRow: n, source: 'excel' }));
    await submissions.insertWithJobs(rows);
    expect((await submissions.inBatch(batchId)).map((r) => [r.row, r.period, r.status])).toEqual([
      [1, '2024-Q1', 'received'],
      [2, '2024-Q2', 'received'],
      [3, '2024-Q3', 'received'],
    ]);
    const mine = await submissions.page({ ownTaxCode: '5300000002', limit: 10 });
    expect(mine.map((r) => r.tax_code)).toEqual(['5300000002', '5300000002', '5300000002', '5300000002']);
    const keys = mine.map((r) => [r.cursor_at, r.id]);
    expect([...keys].sort().reverse()).toEqual(keys);
    const next = await submissions.page({ ownTaxCode: '5300000002', after: [mine[1].cursor_at, mine[1].id], limit: 10 });
    expect(next.map((r) => r.id)).toEqual(mine.slice(2).map((r) => r.id));
    expect(await submissions.page({ among: [], limit: 10 })).toEqual([]);
    expect((await submissions.page({ among: ['SA'], period: '2025-Q3', status: 'accepted', limit: 10 })).map((r) => r.revision)).toEqual([
      2,
    ]);
  });

  it('records a review under lock, keeping the last message when a review has none, and shows the reviewer by name', async () => {
    const [{ id }] = await db.query(`SELECT id FROM report_submissions WHERE status = 'accepted' AND tax_code = '5300000003'`);
    const reviewed = await db.transactions.run(async (tx) => {
      expect(await submissions.findLocked(id, tx)).toMatchObject({
        taxCode: '5300000003',
        zoneCode: 'SA',
        status: 'accepted',
        returnedAt: null,
      });
      return submissions.review(id, token, 'đã xem', 'Vui lòng kiểm tra', tx);
    });
    expect(reviewed.reviewMessage).toBe('Vui lòng kiểm tra');
    const again = await submissions.review(id, token, 'lần hai', null);
    expect(again).toMatchObject({ reviewMessage: 'Vui lòng kiểm tra', reviewMessageAt: reviewed.reviewMessageAt });
    expect(await submissions.find(id)).toMatchObject({ review_comment: 'lần hai', reviewer_name: 'BQL' });
    expect(await submissions.find(randomUUID())).toBeNull();
  });

  it('finds submissions left received longer than a while, oldest first', async () => {
    await db.query(
      `UPDATE report_submissions SET stored_at = stored_at - interval '1 hour' WHERE tax_code = '5300000002' AND period = '2024-Q1'`,
    );
    const [{ id }] = await db.query(`SELECT id FROM report_submissions WHERE tax_code = '5300000002' AND period = '2024-Q1'`);
    expect(await submissions.staleReceived(60_000, 10)).toEqual([id]);
  });
});
