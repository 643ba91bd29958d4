import { ContributionSetsRepository } from '../../libs/database/src/repositories/contribution-sets.repository';
import { EnterprisesRepository } from '../../libs/database/src/repositories/enterprises.repository';
import { PublicationsRepository } from '../../libs/database/src/repositories/publications.repository';
import { ReportSubmissionsRepository } from '../../libs/database/src/repositories/report-submissions.repository';
import type { PublishedFigures, SummaryJson } from '../../libs/domain/src/publications/published-figures';
import { seedEnterprise, seedPublication, seedToken, seedZones, submissionInsert, verdictOf } from '../support/repository-fixtures';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Publications and what the builder reads for one, against a real database, without HTTP: a publication
 * comes back exactly as stored (figures, workbooks, revisions), the month's regular one is not a forced one,
 * revisions are found against every publication of the same periods, the public figures of a period come
 * from the latest publication that covers it, and each enterprise's contribution is read off the current
 * revisions only.
 */
const summary = (period: string, quarters: string[], grossOutput: string): SummaryJson =>
  ({ period, quarters, zones: [{ zoneCode: 'PA', grossOutput }], totals: {} }) as unknown as SummaryJson;
const figuresOf = (latest: SummaryJson, yearToDate: SummaryJson): PublishedFigures =>
  ({ latestQuarter: latest, yearToDate, filing: { period: '2025-Q3', counts: {}, byZone: {} } }) as unknown as PublishedFigures;

describe('publications repository', () => {
  let db: TestDatabase;
  let publications: PublicationsRepository;
  const q2 = summary('2025-Q2', ['2025-Q2'], '100');
  const h1 = summary('2025-Q1..2025-Q2', ['2025-Q1', '2025-Q2'], '180');

  beforeAll(async () => {
    db = await openTestDatabase('repo-publications');
    publications = new PublicationsRepository(db.transactions);
  });
  afterAll(() => db?.close());

  it('gives a publication back as stored, and finds none for an id that names none', async () => {
    const figures = figuresOf(q2, h1);
    const publicFigures = figuresOf({ ...q2, zones: [] }, h1);
    const revised = [{ zoneCode: 'PA', period: '2025-Q2', fields: ['grossOutput'] }];
    const [workbook, publicWorkbook] = [Buffer.from('board workbook'), Buffer.from('public workbook')];
    const id = await seedPublication(db, '2025-08', { figures, publicFigures, revised, workbook, publicWorkbook, publishedBy: 'admin:An' });

    expect(await publications.find(String(id))).toEqual({
      id,
      month: '2025-08',
      forced: false,
      asOf: '2025-08-01',
      publishedAt: expect.any(Date),
      publishedBy: 'admin:An',
      latestQuarter: '2025-Q2',
      yearToDate: '2025-Q1..2025-Q2',
      filingQuarter: '2025-Q3',
      revised,
      figures,
      publicFigures,
      workbook,
      publicWorkbook,
    });
    for (const none of ['9999', 'abc', '1e3', '-1', '1234567890']) await expect(publications.find(none)).resolves.toBeNull();
  });

  it("lists newest first, pages on by number, and names the month's regular publication, not a forced one", async () => {
    const regular = await seedPublication(db, '2025-09');
    const forced = await seedPublication(db, '2025-09', { forced: true });
    const onlyForced = await seedPublication(db, '2025-10', { forced: true });

    const newest = await publications.page(null, 2);
    expect(newest.map((p) => p.id)).toEqual([onlyForced, forced]);
    expect(newest[0]).not.toHaveProperty('figures');
    expect((await publications.page(forced, 1)).map((p) => p.id)).toEqual([regular]);
    expect(await publications.regularOf('2025-09')).toBe(regular);
    expect(await publications.regularOf('2025-10')).toBeNull();
  });

  it('finds the figures of every publication of either period, newest first, for the revisions of the next one', async () => {
    const q3 = summary('2025-Q3', ['2025-Q3'], '50');
    const nine = summary('2025-Q1..2025-Q3', ['2025-Q1', '2025-Q2', '2025-Q3'], '230');
    await seedPublication(db, '2025-11', { figures: figuresOf(q2, h1) });
    await seedPublication(db, '2025-12', { latestQuarter: '2025-Q3', yearToDate: '2025-Q1..2025-Q3', figures: figuresOf(q3, nine) });
    await seedPublication(db, '2026-01', { figures: figuresOf({ ...q2, period: 'again' }, h1) });

    const found = await db.transactions.run((tx) => publications.figuresCovering(['2025-Q2', '2025-Q1..2025-Q2'], tx));
    expect(found.slice(0, 2).map((f) => f.latestQuarter.period)).toEqual(['again', '2025-Q2']);
    const thirdQuarter = await db.transactions.run((tx) => publications.figuresCovering(['2025-Q3', '2025-Q1..2025-Q3'], tx));
    expect(thirdQuarter).toEqual([figuresOf(q3, nine)]);
  });

  it('gives the public figures of a period from the latest publication that covers it, as its quarter or its year to date', async () => {
    const publicQ4 = summary('2026-Q4', ['2026-Q4'], '7');
    const publicYear = summary('2026', ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], '70');
    await seedPublication(db, '2027-02', { publicFigures: figuresOf(publicQ4, publicYear) });
    const later = await seedPublication(db, '2027-03', { publicFigures: figuresOf({ ...publicQ4, period: 'later' }, publicYear) });

    const quarter = await publications.latestPublicSummary(['2026-Q4']);
    expect(quarter).toEqual({ publicationId: later, publishedAt: expect.any(Date), summary: { ...publicQ4, period: 'later' } });
    expect((await publications.latestPublicSummary(publicYear.quarters))?.summary).toEqual(publicYear);
    expect(await publications.latestPublicSummary(['2026-Q3', '2026-Q4'])).toBeNull();
  });
});

describe('contribution sets repository', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase('repo-contribution-sets');
  });
  afterAll(() => db?.close());

  it("reads each enterprise's figure of the current revisions and its block, per zone and quarter asked, in tax-code order", async () => {
    await seedZones(db, ['CA']);
    await seedEnterprise(db, '5300000402', 'CA', { ownership: 'foreign' });
    await seedEnterprise(db, '5300000401', 'CA');
    // 401 is taken over by a foreign investor after the second quarter: its Q2 report stays domestic.
    const enterprises = new EnterprisesRepository(db.transactions);
    await enterprises.recordOwnershipChange('5300000401', { from: '2025-07-01', ownership: 'foreign' }, db.transactions.pool);
    const token = await seedToken(db, 'board');
    const submissions = new ReportSubmissionsRepository(db.transactions);
    const figures = (grossOutput: string) => ({ grossOutput, revenue: '10', workers: '5', wageFund: '20' });
    const [old, current, other, elsewhen] = [
      submissionInsert('5300000401', '2025-Q2', token, figures('111'), { zoneCode: 'CA' }),
      submissionInsert('5300000401', '2025-Q2', token, figures('222'), { zoneCode: 'CA' }),
      submissionInsert('5300000402', '2025-Q2', token, { ...figures('999999999999999999'), femaleWorkers: '3' }, { zoneCode: 'CA' }),
      submissionInsert('5300000402', '2025-Q1', token, figures('5'), { zoneCode: 'CA' }),
    ];
    await submissions.insertWithJobs([old, current, other, elsewhen]);
    await db.transactions.run((tx) =>
      submissions.recordVerdicts(
        [
          { id: old.id, verdict: verdictOf(1, { status: 'superseded', zoneCode: 'CA' }), supersededBy: current.id },
          { id: current.id, verdict: verdictOf(2, { zoneCode: 'CA' }), supersededBy: null },
          { id: other.id, verdict: verdictOf(1, { zoneCode: 'CA' }), supersededBy: null },
          { id: elsewhen.id, verdict: verdictOf(1, { zoneCode: 'CA' }), supersededBy: null },
        ],
        tx,
      ),
    );

    const sets = await new ContributionSetsRepository(db.transactions).of(['2025-Q2']);
    const set = (measure: string) => sets.find((s) => s.measure === measure);
    expect(set('grossOutput')).toEqual({
      zoneCode: 'CA',
      kind: 'industrial_park',
      quarter: '2025-Q2',
      measure: 'grossOutput',
      taxCodes: ['5300000401', '5300000402'],
      amounts: [222n, 999_999_999_999_999_999n],
      blocks: ['domestic', 'foreign'],
    });
    expect(set('femaleWorkers')?.amounts).toEqual([null, 3n]);
    expect(new Set(sets.map((s) => s.quarter))).toEqual(new Set(['2025-Q2']));
  });
});
