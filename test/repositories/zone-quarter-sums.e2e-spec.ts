import { acceptanceDeltas, Contribution } from '../../libs/domain/src/aggregation/aggregate-moves';
import { emptySums, NO_NEXT_PERIOD, QuarterSums } from '../../libs/domain/src/aggregation/quarter-sums';
import { ZoneQuarterSumsRepository } from '../../libs/database/src/repositories/zone-quarter-sums.repository';
import { ZonesRepository } from '../../libs/database/src/repositories/zones.repository';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The zone-quarter sums against a real database, without HTTP: deltas added in one statement (rows
 * created, moved and dropped when empty), read back per period and zone kind, and rebuilt from the
 * current revisions.
 */
const sums = (grossOutput: bigint, workers: number, reports = 1): QuarterSums => {
  const s = emptySums();
  return {
    ...s,
    reports,
    reportsOnTime: reports,
    sums: { ...s.sums, grossOutput, revenue: grossOutput, workers: BigInt(workers) },
    counts: { ...s.counts },
  };
};
const contribution = (zoneCode: string, period: string, grossOutput: bigint, workers: number): Contribution => ({
  zoneCode,
  period,
  ownership: 'domestic',
  sums: sums(grossOutput, workers),
});

describe('zone-quarter sums repository', () => {
  let db: TestDatabase;
  let repo: ZoneQuarterSumsRepository;

  const stored = async () =>
    (await repo.inPeriods(['2025-Q1', '2025-Q2'], ['QA', 'QB', 'QC']))
      .map((r) => `${r.zoneCode} ${r.period}→${r.nextPeriod}: ${r.reports} reports, ${r.sums.grossOutput}, ${r.sums.workers} workers`)
      .sort();

  beforeAll(async () => {
    db = await openTestDatabase('repo-zone-quarter-sums');
    repo = new ZoneQuarterSumsRepository(db.transactions);
    const zones = new ZonesRepository(db.transactions);
    for (const [code, kind] of [
      ['QA', 'industrial_park'],
      ['QB', 'industrial_park'],
      ['QC', 'industrial_cluster'],
    ] as const) {
      await zones.insert({ code, name: `Khu ${code}`, kind, locality: 'Lào Cai', wageRegion: 1, status: 'operating', areaHa: null });
    }
  });
  afterAll(() => db?.close());

  it('adds a first filing, then moves the previous quarter under the new one, in one transaction each', async () => {
    await db.transactions.run((tx) =>
      repo.apply(
        acceptanceDeltas({ accepted: contribution('QA', '2025-Q1', 100n, 10), replaced: null, previous: null, nextPeriod: null }),
        tx,
      ),
    );
    await db.transactions.run((tx) =>
      repo.apply(
        acceptanceDeltas({
          accepted: contribution('QA', '2025-Q2', 300n, 12),
          replaced: null,
          previous: contribution('QA', '2025-Q1', 100n, 10),
          nextPeriod: null,
        }),
        tx,
      ),
    );
    expect(await stored()).toEqual([
      `QA 2025-Q1→2025-Q2: 1 reports, 100, 10 workers`,
      `QA 2025-Q2→${NO_NEXT_PERIOD}: 1 reports, 300, 12 workers`,
    ]);
    // The row the previous quarter left has no report any more: dropped, not kept at zero.
    expect(await db.query(`SELECT count(*)::int AS n FROM zone_quarter_aggregates WHERE reports = 0`)).toEqual([{ n: 0 }]);
  });

  it('swaps an amendment in place and adds many rows of several zones in one call, whatever their order', async () => {
    await db.transactions.run((tx) =>
      repo.apply(
        [
          ...acceptanceDeltas({ accepted: contribution('QC', '2025-Q1', 50n, 5), replaced: null, previous: null, nextPeriod: null }),
          ...acceptanceDeltas({
            accepted: contribution('QA', '2025-Q2', 350n, 12),
            replaced: contribution('QA', '2025-Q2', 300n, 12),
            previous: null,
            nextPeriod: null,
          }),
          ...acceptanceDeltas({ accepted: contribution('QB', '2025-Q1', 70n, 7), replaced: null, previous: null, nextPeriod: null }),
        ],
        tx,
      ),
    );
    expect(await stored()).toEqual([
      `QA 2025-Q1→2025-Q2: 1 reports, 100, 10 workers`,
      `QA 2025-Q2→${NO_NEXT_PERIOD}: 1 reports, 350, 12 workers`,
      `QB 2025-Q1→${NO_NEXT_PERIOD}: 1 reports, 70, 7 workers`,
      `QC 2025-Q1→${NO_NEXT_PERIOD}: 1 reports, 50, 5 workers`,
    ]);
    expect((await repo.inPeriods(['2025-Q1'], ['QB'])).map((r) => r.zoneCode)).toEqual(['QB']);
  });

  it('sums the gross output of every zone of each kind over the quarters asked', async () => {
    expect(await repo.grossOutputByKind(['2025-Q1'])).toEqual(
      new Map([
        ['industrial_park', 170n],
        ['industrial_cluster', 50n],
      ]),
    );
    expect(await repo.grossOutputByKind(['2025-Q1', '2025-Q2'])).toEqual(
      new Map([
        ['industrial_park', 520n],
        ['industrial_cluster', 50n],
      ]),
    );
  });

  it('rebuilds every row from the current revisions alone', async () => {
    await db.query(
      `INSERT INTO enterprises (tax_code, name, zone_code, ownership, operating_from)
       VALUES ('5300000009', 'Công ty', 'QB', 'domestic', '2020-01-01')`,
    );
    await db.query(`INSERT INTO report_submissions
        (id, tax_code, period, zone_code, source, filer_role, status, revision, late, gross_output, revenue, workers, wage_fund)
      VALUES (gen_random_uuid(), '5300000009', '2025-Q2', 'QB', 'api', 'board', 'accepted', 1, false, 900, 900, 9, 1),
             (gen_random_uuid(), '5300000009', '2025-Q1', 'QB', 'api', 'board', 'superseded', 1, false, 1, 1, 1, 1)`);
    await repo.rebuild();
    expect(await stored()).toEqual([`QB 2025-Q2→${NO_NEXT_PERIOD}: 1 reports, 900, 9 workers`]);
  });
});
