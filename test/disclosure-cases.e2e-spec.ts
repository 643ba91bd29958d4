import { DEFAULT_DISCLOSURE_PARAMS } from '../libs/domain/src/disclosure/disclosure-params';
import { ReportFigures } from './support/fixtures';
import { DisclosureWorld, Filing, heldBackReason, shown, zoneEntry } from './support/outsider-audit/disclosure-world';
import { PublicEntry, PublicSummaryJson } from './support/outsider-audit/outsider-audit';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * The leaks of issue 9, each told as it happened: filings through the API, publications made by the
 * system on the days the schedule would make them, and a reader with nothing but GET /v1/public/summaries
 * and subtraction. Each case asserts that its subtraction no longer gives the enterprise back, and that
 * the outsider audit (test/support/outsider-audit: an LP over everything the world published) finds no
 * contribution exposed. Each case keeps to years of its own, three apart (a growth reads the year before),
 * so the cases of this one installation never add into each other's figures.
 */
const G = 1_000_000_000;
const P_PERCENT = DEFAULT_DISCLOSURE_PARAMS.pPercent;

const taxCode = (world: number, zone: number, i: number) => `53007${world}${zone}0${String(i).padStart(2, '0')}`;
const codes = (world: number, zone: number, n: number) => Array.from({ length: n }, (_, i) => taxCode(world, zone, i + 1));
/** Reports of `taxCodes` for a quarter, the i-th with figures `f(i)` (i from 1). */
const reports = (taxCodes: readonly string[], period: string, f: (i: number) => ReportFigures): Filing[] =>
  taxCodes.map((t, k) => ({ taxCode: t, period, f: f(k + 1) }));
/** b − a for two published figures; null when either is withheld. */
const difference = (a: PublicEntry, b: PublicEntry, field: string) => {
  const [x, y] = [shown(a, field), shown(b, field)];
  return x === null || y === null ? null : y - x;
};
/** Every zone and total of a summary, by zone code or kind. */
const entries = (s: PublicSummaryJson) =>
  new Map<string, PublicEntry>([...s.zones.map((z) => [String(z.zoneCode), z] as const), ...Object.entries(s.totals)]);

describe('disclosure across periods, publications and revisions: the cases of issue 9', () => {
  let sys: TestSystem;
  let admin: string;
  let board: string;
  const world = () => new DisclosureWorld(sys, admin, board);

  beforeAll(async () => {
    sys = await startTestSystem('disclosure_cases', { TRUST_PROXY: '127.0.0.1' });
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    board = await sys.token({ role: 'board', name: 'Ban Quản lý KKT' });
  }, 60_000);

  afterAll(async () => {
    await sys?.close();
  }, 30_000);

  it('tests with the golden p of DOMAIN.md', () => {
    expect(P_PERCENT).toBe(10);
  });

  it('1. year to date minus the quarter no longer gives the one filer of the earlier quarter', async () => {
    const w = world();
    const [za, zb, zd, zc] = [codes(1, 1, 3), codes(1, 2, 3), codes(1, 3, 3), codes(1, 4, 4)];
    await w.zone('K1ZA', 'industrial_park', za);
    await w.zone('K1ZB', 'industrial_park', zb);
    await w.zone('K1ZD', 'industrial_park', zd);
    await w.zone('K1ZC', 'industrial_park', zc);
    const neighbours = (q: string) => [
      ...reports(za, q, (i) => ({ grossOutput: (150 + i) * G, workers: 150 + i })),
      ...reports(zb, q, (i) => ({ grossOutput: (210 + 3 * i) * G, workers: 200 + i })),
      ...reports(zd, q, (i) => ({ grossOutput: (500 + 11 * i) * G, workers: 400 + i })),
    ];
    // 2025-Q1: ZC has one filer, withheld in the May publication.
    await w.file([...neighbours('2025-Q1'), { taxCode: zc[0], period: '2025-Q1', f: { grossOutput: 123_456_789_000, workers: 80 } }]);
    const may = await w.publish('2025-05-01');
    expect(shown(zoneEntry(may.latest, 'K1ZC'), 'grossOutput')).toBeNull();
    // 2025-Q2: three others file; the August publication states Q2 and Q1–Q2.
    await w.file([...neighbours('2025-Q2'), ...reports(zc.slice(1), '2025-Q2', (i) => ({ grossOutput: (99 + i) * G, workers: 90 }))]);
    const august = await w.publish('2025-08-01');
    const [quarter, yearToDate] = [zoneEntry(august.latest, 'K1ZC'), zoneEntry(august.yearToDate, 'K1ZC')];
    // The counts stay public: the reader knows the difference is one report.
    expect([quarter.reportsReceived, yearToDate.reportsReceived]).toEqual([3, 4]);
    expect(difference(quarter, yearToDate, 'grossOutput')).not.toBe(123_456_789_000n);
    expect(difference(quarter, yearToDate, 'workers')).not.toBe(80n);
    // Nor through the totals: every park's headcount in the year to date minus the quarter's is ZC1's.
    for (const kind of ['industrial_park', 'all']) {
      expect(difference(august.latest.totals[kind], august.yearToDate.totals[kind], 'workers')).not.toBe(80n);
    }
    expect(await w.exposures()).toEqual([]);
  });

  it('2. a growth on a year earlier no longer gives its base, a quarter of one filer', async () => {
    const w = world();
    const [za, zb, zd, zc] = [codes(2, 1, 3), codes(2, 2, 3), codes(2, 3, 3), codes(2, 4, 3)];
    for (const [code, cs] of [
      ['K2ZA', za],
      ['K2ZB', zb],
      ['K2ZD', zd],
      ['K2ZC', zc],
    ] as const)
      await w.zone(code, 'industrial_park', cs);
    const grown = (billions: number, growth: number) => Math.round(billions * growth * G);
    const neighbours = (q: string, growth: number) => [
      ...reports(za, q, (i) => ({ grossOutput: grown(150 + i, growth), grossOutputConstant2010: grown(120 + i, growth) })),
      ...reports(zb, q, (i) => ({ grossOutput: grown(210 + 3 * i, growth), grossOutputConstant2010: grown(160 + i, growth) })),
      ...reports(zd, q, (i) => ({ grossOutput: grown(500 + 11 * i, growth), grossOutputConstant2010: grown(400 + i, growth) })),
    ];
    const base = { grossOutput: 77_800_000_000, grossOutputConstant2010: 60_100_000_000 };
    await w.file([...neighbours('2021-Q2', 1), { taxCode: zc[0], period: '2021-Q2', f: base }]);
    const now = { grossOutput: 101 * G, grossOutputConstant2010: 80 * G };
    await w.file([...neighbours('2022-Q2', 1.1), ...reports(zc, '2022-Q2', () => now)]);
    const august = await w.publish('2022-08-01');
    for (const s of [august.latest, august.yearToDate]) {
      const zone = zoneEntry(s, 'K2ZC');
      for (const [growth, figure] of [
        ['growthYoYPct', 'grossOutputConstant2010'],
        ['growthYoYCurrentPct', 'grossOutput'],
      ] as const) {
        const [g, now] = [zone[growth], shown(zone, figure)];
        if (typeof g !== 'number' || now === null) continue;
        // 303e9 / (1 + g) within p % of ZC1's own figure a year earlier would give it away.
        const estimate = Number(now) / (1 + g / 100);
        expect(Math.abs(estimate - base[figure]) / base[figure]).toBeGreaterThanOrEqual(P_PERCENT / 100);
      }
    }
    expect(await w.exposures()).toEqual([]);
  });

  it('3. one publication minus the next no longer gives the late report', async () => {
    const w = world();
    const [za, zb, zc, zd] = [codes(3, 1, 4), codes(3, 2, 3), codes(3, 3, 3), codes(3, 4, 3)];
    for (const [code, cs] of [
      ['K3ZA', za],
      ['K3ZB', zb],
      ['K3ZC', zc],
      ['K3ZD', zd],
    ] as const)
      await w.zone(code, 'industrial_park', cs);
    await w.file([
      ...reports(za.slice(0, 3), '2019-Q2', () => ({ grossOutput: 120 * G, workers: 100 })),
      ...reports(zb, '2019-Q2', (i) => ({ grossOutput: (200 + i) * G, workers: 180 + i })),
      ...reports(zc, '2019-Q2', (i) => ({ grossOutput: (260 + 5 * i) * G, workers: 220 + i })),
      ...reports(zd, '2019-Q2', (i) => ({ grossOutput: (400 + 9 * i) * G, workers: 300 + i })),
    ]);
    const august = await w.publish('2019-08-01');
    expect(zoneEntry(august.latest, 'K3ZA')).toMatchObject({ grossOutput: String(360 * G), workers: 300, reportsReceived: 3 });
    const late = { grossOutput: 87_654_321_000, workers: 55 };
    await w.file([{ taxCode: za[3], period: '2019-Q2', f: late }], '2019-08-20T09:00:00+07:00');
    const september = await w.publish('2019-09-01');
    expect(zoneEntry(september.latest, 'K3ZA').reportsReceived).toBe(4);
    for (const period of ['latest', 'yearToDate'] as const) {
      const after = entries(september[period]);
      for (const [where, entry] of entries(august[period])) {
        expect([where, difference(entry, after.get(where)!, 'grossOutput')]).not.toEqual([where, BigInt(late.grossOutput)]);
        expect([where, difference(entry, after.get(where)!, 'workers')]).not.toEqual([where, BigInt(late.workers)]);
      }
    }
    expect(await w.exposures()).toEqual([]);
  });

  it("4. export and import are judged apart: one exporter's exports are not published", async () => {
    const w = world();
    const [za, zb, zd, zc] = [codes(4, 1, 3), codes(4, 2, 3), codes(4, 3, 3), codes(4, 4, 3)];
    for (const [code, cs] of [
      ['K4ZA', za],
      ['K4ZB', zb],
      ['K4ZD', zd],
      ['K4ZC', zc],
    ] as const)
      await w.zone(code, 'industrial_park', cs);
    const trader = (i: number, scale: number): ReportFigures => ({
      grossOutput: (100 + 10 * i) * scale * G,
      exportValueUsd: (2_000_000 + 100_000 * i) * scale,
      importValueUsd: (900_000 + 50_000 * i) * scale,
    });
    await w.file([
      ...reports(za, '2016-Q2', (i) => trader(i, 1)),
      ...reports(zb, '2016-Q2', (i) => trader(i, 2)),
      ...reports(zd, '2016-Q2', (i) => trader(i, 3)),
      { taxCode: zc[0], period: '2016-Q2', f: { grossOutput: 100 * G, exportValueUsd: 5_000_000, importValueUsd: 1_000_000 } },
      ...reports(zc.slice(1), '2016-Q2', () => ({ grossOutput: 100 * G, importValueUsd: 3_000_000 })),
    ]);
    const august = await w.publish('2016-08-01');
    for (const s of [august.latest, august.yearToDate]) expect(shown(zoneEntry(s, 'K4ZC'), 'exportValueUsd')).not.toBe(5_000_000n);
    expect(await w.exposures()).toEqual([]);
  });

  it("5. realised capital and foreign workers are judged: one investor's figures are not published", async () => {
    const w = world();
    const [za, zb, zd, zc] = [codes(5, 1, 3), codes(5, 2, 3), codes(5, 3, 3), codes(5, 4, 3)];
    for (const [code, cs] of [
      ['K5ZA', za],
      ['K5ZB', zb],
      ['K5ZD', zd],
      ['K5ZC', zc],
    ] as const)
      await w.zone(code, 'industrial_park', cs);
    const spread = (i: number, scale: number): ReportFigures => ({
      grossOutput: (100 + 10 * i) * scale * G,
      realizedCapital: (20 + i) * scale * G,
      stateBudgetPaid: (3 + i) * scale * G,
      workers: 100 * scale + i,
      femaleWorkers: 40 * scale + i,
      foreignWorkers: 2 * scale + i,
    });
    // ZC: three comparable enterprises in every figure judged so far, but one investor and one employer of foreigners.
    const investor = { realizedCapital: 50 * G, foreignWorkers: 12 };
    await w.file([
      ...reports(za, '2013-Q2', (i) => spread(i, 1)),
      ...reports(zb, '2013-Q2', (i) => spread(i, 2)),
      ...reports(zd, '2013-Q2', (i) => spread(i, 3)),
      ...reports(zc, '2013-Q2', (i) => ({
        grossOutput: (100 + i) * G,
        stateBudgetPaid: (2 + i) * G,
        workers: 100 + i,
        femaleWorkers: 45,
        ...(i === 1 ? investor : { foreignWorkers: 0 }),
      })),
    ]);
    const august = await w.publish('2013-08-01');
    for (const s of [august.latest, august.yearToDate]) {
      const zone = zoneEntry(s, 'K5ZC');
      expect(shown(zone, 'realizedCapital')).not.toBe(BigInt(investor.realizedCapital));
      expect(shown(zone, 'foreignWorkers')).not.toBe(BigInt(investor.foreignWorkers));
    }
    expect(await w.exposures()).toEqual([]);
  });

  it('golden cases of the p% rule: {100} and {90,10} held back as confidential, {80,10,10}, {70,10,10,10}, {60,20,10,10} not', async () => {
    const w = world();
    const golden: Record<string, number[]> = {
      K6G100: [100],
      K6G90: [90, 10],
      K6G80: [80, 10, 10],
      K6G70: [70, 10, 10, 10],
      K6G60: [60, 20, 10, 10],
      K6BIG: [1000, 1000, 1000],
      K6HUGE: [2000, 2000, 2000],
    };
    const filings: Filing[] = [];
    for (const [z, [code, units]] of Object.entries(golden).entries()) {
      const cs = codes(6, z, units.length);
      await w.zone(code, 'industrial_park', cs);
      filings.push(...reports(cs, '2010-Q2', (i) => ({ grossOutput: units[i - 1] * G })));
    }
    await w.file(filings);
    const august = await w.publish('2010-08-01');
    for (const s of [august.latest, august.yearToDate]) {
      for (const code of ['K6G100', 'K6G90']) {
        const zone = zoneEntry(s, code);
        expect([code, shown(zone, 'grossOutput'), heldBackReason(zone, 'grossOutput')]).toEqual([code, null, 'confidential']);
      }
      // Published, or withheld only to protect another figure: never confidential themselves.
      for (const code of ['K6G80', 'K6G70', 'K6G60']) {
        const zone = zoneEntry(s, code);
        expect([
          code,
          heldBackReason(zone, 'grossOutput') ?? (shown(zone, 'grossOutput') === null ? 'withheld, no reason' : 'published'),
        ]).toEqual([code, expect.stringMatching(/^(published|protects another figure)$/)]);
      }
    }
    expect(await w.exposures()).toEqual([]);
  });

  it('three months of one quarter: the complement may not move so that two months together uncover a zone', async () => {
    const w = world();
    const zones: Record<string, string[]> = { K7S: codes(7, 1, 1), K7A: codes(7, 2, 3), K7B: codes(7, 3, 3), K7D: codes(7, 4, 3) };
    for (const [code, cs] of Object.entries(zones)) await w.zone(code, 'industrial_park', cs);
    const units: Record<string, number[]> = { K7S: [500], K7A: [100, 100, 100], K7B: [130, 130, 140], K7D: [2000, 2000, 2000] };
    await w.file(Object.entries(zones).flatMap(([code, cs]) => reports(cs, '2007-Q2', (i) => ({ grossOutput: units[code][i - 1] * G }))));
    const months = [await w.publish('2007-08-01')];
    // Amendments move the smallest park: A grows past B, then B past A.
    await w.file([{ taxCode: zones.K7A[2], period: '2007-Q2', f: { grossOutput: 250 * G } }], '2007-08-20T09:00:00+07:00');
    months.push(await w.publish('2007-09-01'));
    await w.file([{ taxCode: zones.K7B[2], period: '2007-Q2', f: { grossOutput: 300 * G } }], '2007-09-20T09:00:00+07:00');
    months.push(await w.publish('2007-10-01'));

    // The reader's attempt: in each month, S = parks total − the parks published − each other withheld park
    // as some other month published it.
    const solo = BigInt(500 * G);
    for (const [m, month] of months.entries()) {
      const total = shown(month.latest.totals.industrial_park, 'grossOutput');
      if (total === null) continue;
      let candidates = [total];
      for (const code of Object.keys(zones).filter((c) => c !== 'K7S')) {
        const here = shown(zoneEntry(month.latest, code), 'grossOutput');
        const elsewhere = months
          .filter((_, k) => k !== m)
          .map((o) => shown(zoneEntry(o.latest, code), 'grossOutput'))
          .filter((v): v is bigint => v !== null);
        const values = here !== null ? [here] : elsewhere;
        candidates = candidates.flatMap((c) => values.map((v) => c - v));
      }
      expect(candidates).not.toContain(solo);
    }
    expect(await w.exposures()).toEqual([]);
  });
});
