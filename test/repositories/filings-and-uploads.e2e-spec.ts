import { randomUUID } from 'node:crypto';
import { FilingsRepository } from '../../libs/database/src/repositories/filings.repository';
import { ReportSubmissionsRepository, SubmissionInsert } from '../../libs/database/src/repositories/report-submissions.repository';
import { UploadBatchesRepository } from '../../libs/database/src/repositories/upload-batches.repository';
import { seedEnterprise, seedToken, seedZones, submissionInsert } from '../support/repository-fixtures';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Filings and uploads against a real database, without HTTP: who is expected to file a quarter and who
 * has (first receipt, lateness of the first accepted revision), the follow-ups, reminders' recipients,
 * and an upload's record stored in the same transaction as its rows.
 */
const FIGURES = { grossOutput: '1000', revenue: '1000', workers: '10', wageFund: '1000' };

describe('filings and upload batches repositories', () => {
  let db: TestDatabase;
  let filings: FilingsRepository;
  let submissions: ReportSubmissionsRepository;
  let batches: UploadBatchesRepository;
  let token: string;

  const insert = (taxCode: string, extra: Partial<SubmissionInsert> = {}) =>
    submissionInsert(taxCode, '2025-Q2', token, FIGURES, { zoneCode: 'FA', ...extra });

  beforeAll(async () => {
    db = await openTestDatabase('repo-filings');
    filings = new FilingsRepository(db.transactions);
    submissions = new ReportSubmissionsRepository(db.transactions);
    batches = new UploadBatchesRepository(db.transactions);
    await seedZones(db, ['FA', 'FB']);
    await seedEnterprise(db, '5300000301', 'FA', { contactEmail: 'a@example.vn' });
    await seedEnterprise(db, '5300000302', 'FA', { contactEmail: 'b@example.vn' });
    await seedEnterprise(db, '5300000303', 'FB');
    // Opened after the quarter: not expected to file it.
    await seedEnterprise(db, '5300000304', 'FB', { operatingFrom: '2025-07-01', contactEmail: 'd@example.vn' });
    token = await seedToken(db, 'board');
    // 301 filed late at first, then amended (still late: judged on the first); 302 only rejected.
    const [first, amendment, rejected] = [insert('5300000301'), insert('5300000301'), insert('5300000302')];
    await submissions.insertWithJobs([first, amendment, rejected]);
    await db.transactions.run(async (tx) => {
      await submissions.recordVerdicts(
        [
          {
            id: first.id,
            verdict: { status: 'superseded', revision: 1, late: true, issues: [], warningCount: 0, zoneCode: 'FA' },
            supersededBy: amendment.id,
          },
          {
            id: amendment.id,
            supersededBy: null,
            verdict: {
              status: 'accepted',
              revision: 2,
              late: true,
              issues: [{ code: 'OUTLIER_CHANGE', severity: 'warning' }] as never,
              warningCount: 1,
              zoneCode: 'FA',
            },
          },
          {
            id: rejected.id,
            verdict: { status: 'rejected', revision: null, late: null, issues: [], warningCount: 0, zoneCode: 'FA' },
            supersededBy: null,
          },
        ],
        tx,
      );
    });
    await db.query(`UPDATE report_submissions SET received_at = '2025-07-25T10:00:00+07:00' WHERE id = $1`, [first.id]);
  });
  afterAll(() => db?.close());

  it('lists who is expected to file a quarter, with the current revision and the first receipt', async () => {
    const expected = await filings.expected('2025-Q2', '2025-04-01', '2025-06-30', null);
    expect(expected.map((f) => [f.taxCode, f.zoneCode, f.reportId !== null, f.late, f.firstReceivedAt?.toISOString() ?? null])).toEqual([
      ['5300000301', 'FA', true, true, '2025-07-25T03:00:00.000Z'],
      ['5300000302', 'FA', false, null, null],
      ['5300000303', 'FB', false, null, null],
    ]);
    expect((await filings.expected('2025-Q2', '2025-04-01', '2025-06-30', ['FB'])).map((f) => f.taxCode)).toEqual(['5300000303']);
  });

  it('lists current revisions with warnings, by zone, period and tax code, narrowed and paged', async () => {
    const all = await filings.followUps({ among: null, after: null, limit: 10 });
    expect(all.map((r) => [r.tax_code, r.revision, r.enterprise_name])).toEqual([['5300000301', 2, 'Công ty 5300000301']]);
    expect(await filings.followUps({ among: ['FB'], after: null, limit: 10 })).toEqual([]);
    expect(await filings.followUps({ reviewed: true, among: null, after: null, limit: 10 })).toEqual([]);
    expect(await filings.followUps({ among: null, after: ['FA', '2025-Q2', '5300000301'], limit: 10 })).toEqual([]);
  });

  it('finds whom to remind: a contact email, operating in the quarter, nothing accepted; and whether one has filed since', async () => {
    expect(await filings.missingWithContact('2025-Q2', '2025-04-01', '2025-06-30')).toEqual([
      { taxCode: '5300000302', contactEmail: 'b@example.vn' },
    ]);
    expect(await filings.filedBy('5300000301', '2025-Q2')).toEqual({ name: 'Công ty 5300000301', filed: true });
    expect(await filings.filedBy('5300000302', '2025-Q2')).toEqual({ name: 'Công ty 5300000302', filed: false });
    expect(await filings.filedBy('5399999999', '2025-Q2')).toBeNull();
  });

  it('stores an upload’s record with its rows in one transaction, or neither', async () => {
    const record = (id: string) => ({
      id,
      uploadedBy: token,
      uploaderRole: 'board',
      uploaderTaxCode: null,
      uploaderZoneCodes: ['FA'],
      fileName: 'bao-cao.xlsx',
      format: 'xlsx',
      atomic: true,
      rowCount: 2,
      invalidRows: [
        { row: 3, status: 'invalid' as const, errors: [{ field: 'taxCode', code: 'INVALID_TAX_CODE', message: 'x', cell: 'A3' }] },
      ],
    });
    const stored = randomUUID();
    await db.transactions.run(async (tx) => {
      await batches.insert(record(stored), tx);
      await submissions.insertWithJobs([insert('5300000303', { batchId: stored, batchRow: 2, zoneCode: 'FB' })], tx);
    });
    expect(await batches.find(stored)).toEqual({ ...record(stored), uploadedAt: expect.any(Date) });
    expect((await submissions.inBatch(stored)).map((r) => [r.row, r.taxCode])).toEqual([[2, '5300000303']]);

    const failed = randomUUID();
    await expect(
      db.transactions.run(async (tx) => {
        await batches.insert(record(failed), tx);
        await submissions.insertWithJobs(
          [insert('5300000303', { batchId: failed, batchRow: 2, figures: { ...FIGURES, workers: 'many' } })],
          tx,
        );
      }),
    ).rejects.toThrow();
    expect(await batches.find(failed)).toBeNull();
    expect(await submissions.inBatch(failed)).toEqual([]);
  });
});
