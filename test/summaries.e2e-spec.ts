import { createEnterprise, createZone, reportBody, ReportFigures, submit, verdict } from './support/fixtures';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * Summaries checked against figures worked out here, by hand, from the filings below: every expected
 * value is plain arithmetic on the filed numbers (written out next to it), never a call into the code
 * under test. All filings are keyed in by the board with the paper form's stamp, so timeliness is fixed.
 *
 * The world (money in millions of đồng unless said otherwise):
 * - BDH, industrial park: E1 files 2023-Q4..2025-Q4 (2025-Q1 is amended at the end); E2 files
 *   2023-Q4..2025-Q3 and skips 2025-Q4 (2025-Q2 late). Project P-BDH-2 stops operating on 2025-05-15.
 * - DPM, industrial park: E3 files 2024-Q1..2025-Q4; E4 starts operating on 2025-05-20 and files
 *   2025-Q2 (late, with a low average headcount) to 2025-Q4, with its project starting the same day.
 * - CCN-BT, industrial cluster: E5 files 2025 only (so no growth), no trade, no worker parts, realised
 *   capital 0 every quarter.
 * - BQ, industrial park, planned: nobody registered, nobody files.
 */
const M = 1_000_000;
const MB = 1_000_000n;

const E1 = '5300200001';
const E2 = '5300200002';
const E3 = '5300200003';
const E4 = '5300200004';
const E5 = '5300200005';

interface Filing {
  taxCode: string;
  period: string;
  late?: true;
  f: ReportFigures;
}

const FILINGS: Filing[] = [
  // E1, BDH
  {
    taxCode: E1,
    period: '2023-Q4',
    f: { grossOutput: 8_000 * M, grossOutputConstant2010: 6_500 * M, revenue: 8_400 * M, workers: 95, wageFund: 95 * 3 * 5_900_000 },
  },
  ...['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((period) => ({
    taxCode: E1,
    period,
    f: { grossOutput: 9_000 * M, grossOutputConstant2010: 7_000 * M, revenue: 9_500 * M, workers: 100, wageFund: 100 * 3 * 6_000_000 },
  })),
  {
    taxCode: E1,
    period: '2025-Q1',
    f: {
      grossOutput: 10_000 * M,
      grossOutputConstant2010: 7_500 * M,
      revenue: 11_000 * M,
      exportValueUsd: 100_000,
      importValueUsd: 50_000,
      stateBudgetPaid: 300 * M,
      workers: 110,
      femaleWorkers: 40,
      foreignWorkers: 2,
      localWorkers: 100,
      averageWorkers: 105,
      wageFund: 105 * 3 * 6_500_000,
    },
  },
  {
    taxCode: E1,
    period: '2025-Q2',
    f: {
      grossOutput: 11_000 * M,
      grossOutputConstant2010: 8_000 * M,
      revenue: 12_000 * M,
      exportValueUsd: 110_000,
      stateBudgetPaid: 300 * M,
      workers: 115,
      femaleWorkers: 42,
      foreignWorkers: 2,
      localWorkers: 104,
      averageWorkers: 112,
      wageFund: 112 * 3 * 6_500_000,
    },
  },
  {
    taxCode: E1,
    period: '2025-Q3',
    f: {
      grossOutput: 12_000 * M,
      grossOutputConstant2010: 8_500 * M,
      revenue: 13_000 * M,
      exportValueUsd: 120_000,
      stateBudgetPaid: 300 * M,
      workers: 118,
      femaleWorkers: 44,
      foreignWorkers: 3,
      localWorkers: 107,
      averageWorkers: 116,
      wageFund: 116 * 3 * 6_500_000,
    },
  },
  {
    taxCode: E1,
    period: '2025-Q4',
    f: {
      grossOutput: 13_000 * M,
      grossOutputConstant2010: 9_000 * M,
      revenue: 14_000 * M,
      exportValueUsd: 130_000,
      stateBudgetPaid: 300 * M,
      workers: 120,
      femaleWorkers: 45,
      foreignWorkers: 3,
      localWorkers: 110,
      averageWorkers: 118,
      wageFund: 118 * 3 * 6_500_000,
    },
  },
  // E2, BDH: no averageWorkers (defaults to workers), no foreign workers, nothing for 2025-Q4.
  {
    taxCode: E2,
    period: '2023-Q4',
    f: { grossOutput: 3_800 * M, grossOutputConstant2010: 2_900 * M, revenue: 4_000 * M, workers: 48, wageFund: 48 * 3 * 5_400_000 },
  },
  ...['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((period) => ({
    taxCode: E2,
    period,
    f: { grossOutput: 4_000 * M, grossOutputConstant2010: 3_000 * M, revenue: 4_200 * M, workers: 50, wageFund: 50 * 3 * 5_500_000 },
  })),
  {
    taxCode: E2,
    period: '2025-Q1',
    f: {
      grossOutput: 4_500 * M,
      grossOutputConstant2010: 3_300 * M,
      revenue: 4_700 * M,
      workers: 52,
      femaleWorkers: 20,
      localWorkers: 50,
      wageFund: 52 * 3 * 5_800_000,
    },
  },
  {
    taxCode: E2,
    period: '2025-Q2',
    late: true,
    f: {
      grossOutput: 4_600 * M,
      grossOutputConstant2010: 3_400 * M,
      revenue: 4_800 * M,
      workers: 54,
      femaleWorkers: 21,
      localWorkers: 52,
      wageFund: 54 * 3 * 5_800_000,
    },
  },
  // 219 đồng of bonus put BDH's 2025 average wage exactly on a half đồng (see the wage test).
  {
    taxCode: E2,
    period: '2025-Q3',
    f: {
      grossOutput: 4_700 * M,
      grossOutputConstant2010: 3_500 * M,
      revenue: 4_900 * M,
      workers: 57,
      femaleWorkers: 22,
      localWorkers: 53,
      wageFund: 57 * 3 * 5_800_000 + 219,
    },
  },
  // E3, DPM: no averageWorkers; reports 0 foreign workers at the end of 2025, realised capital once.
  ...['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((period) => ({
    taxCode: E3,
    period,
    f: { grossOutput: 20_000 * M, grossOutputConstant2010: 15_000 * M, revenue: 21_000 * M, workers: 200, wageFund: 200 * 3 * 6_400_000 },
  })),
  {
    taxCode: E3,
    period: '2025-Q1',
    f: { grossOutput: 21_000 * M, grossOutputConstant2010: 15_500 * M, revenue: 22_000 * M, workers: 205, wageFund: 205 * 3 * 6_400_000 },
  },
  {
    taxCode: E3,
    period: '2025-Q2',
    f: { grossOutput: 22_000 * M, grossOutputConstant2010: 16_000 * M, revenue: 23_000 * M, workers: 210, wageFund: 210 * 3 * 6_400_000 },
  },
  {
    taxCode: E3,
    period: '2025-Q3',
    f: {
      grossOutput: 23_000 * M,
      grossOutputConstant2010: 16_500 * M,
      revenue: 24_000 * M,
      realizedCapital: 5_000 * M,
      workers: 215,
      wageFund: 215 * 3 * 6_400_000,
    },
  },
  {
    taxCode: E3,
    period: '2025-Q4',
    f: {
      grossOutput: 24_000 * M,
      grossOutputConstant2010: 17_000 * M,
      revenue: 25_000 * M,
      workers: 220,
      foreignWorkers: 0,
      wageFund: 220 * 3 * 6_400_000,
    },
  },
  // E4, DPM, operating from 2025-05-20: its average headcount is below its end-of-quarter headcount.
  {
    taxCode: E4,
    period: '2025-Q2',
    late: true,
    f: {
      grossOutput: 2_000 * M,
      grossOutputConstant2010: 1_500 * M,
      revenue: 2_100 * M,
      workers: 30,
      averageWorkers: 12,
      wageFund: 12 * 3 * 6_000_000,
    },
  },
  {
    taxCode: E4,
    period: '2025-Q3',
    f: {
      grossOutput: 3_000 * M,
      grossOutputConstant2010: 2_200 * M,
      revenue: 3_100 * M,
      workers: 40,
      averageWorkers: 36,
      wageFund: 36 * 3 * 6_000_000,
    },
  },
  {
    taxCode: E4,
    period: '2025-Q4',
    f: {
      grossOutput: 3_000 * M,
      grossOutputConstant2010: 2_300 * M,
      revenue: 3_200 * M,
      workers: 45,
      averageWorkers: 44,
      wageFund: 44 * 3 * 6_000_000,
    },
  },
  // E5, CCN-BT: 2025 only; state budget 0 once, realised capital 0 every quarter, no trade, no worker parts.
  {
    taxCode: E5,
    period: '2025-Q1',
    f: {
      grossOutput: 1_000 * M,
      grossOutputConstant2010: 700 * M,
      revenue: 1_050 * M,
      stateBudgetPaid: 0,
      realizedCapital: 0,
      workers: 20,
      wageFund: 20 * 3 * 4_500_000,
    },
  },
  {
    taxCode: E5,
    period: '2025-Q2',
    f: {
      grossOutput: 1_100 * M,
      grossOutputConstant2010: 770 * M,
      revenue: 1_150 * M,
      realizedCapital: 0,
      workers: 20,
      wageFund: 20 * 3 * 4_500_000,
    },
  },
  {
    taxCode: E5,
    period: '2025-Q3',
    f: {
      grossOutput: 1_200 * M,
      grossOutputConstant2010: 840 * M,
      revenue: 1_250 * M,
      realizedCapital: 0,
      workers: 20,
      wageFund: 20 * 3 * 4_500_000,
    },
  },
  {
    taxCode: E5,
    period: '2025-Q4',
    f: {
      grossOutput: 1_300 * M,
      grossOutputConstant2010: 910 * M,
      revenue: 1_350 * M,
      realizedCapital: 0,
      workers: 20,
      wageFund: 20 * 3 * 4_500_000,
    },
  },
];

/** The first day of the quarter after `period`, e.g. 2025-Q4 → 2026-01-01. */
function nextQuarterStart(period: string): string {
  const year = Number(period.slice(0, 4));
  const q = Number(period[6]);
  return q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
}
/** A paper form stamped on the 5th of the month after the quarter (on time), or at the due instant itself (late). */
const stamp = (period: string, late: boolean) => `${nextQuarterStart(period).slice(0, 8)}${late ? '10T00:00:00' : '05T09:00:00'}+07:00`;

/** Money arrives as a string of digits (null when nobody reported); compared as BigInt. */
function money(v: unknown): bigint | null {
  if (v === null) return null;
  expect(v).toEqual(expect.stringMatching(/^\d+$/));
  return BigInt(v as string);
}

describe('summaries: figures worked out independently from the filings', () => {
  let sys: TestSystem;
  let admin: string;
  let board: string;
  let boardBdh: string;

  beforeAll(async () => {
    sys = await startTestSystem('summaries');
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    board = await sys.token({ role: 'board', name: 'Ban Quản lý KKT' });
    boardBdh = await sys.token({ role: 'board', name: 'BQL Bắc Duyên Hải', zoneCodes: ['BDH'] });

    await createZone(sys.http, admin, 'BDH', { name: 'KCN Bắc Duyên Hải', status: 'restricted' });
    await createZone(sys.http, admin, 'DPM', { name: 'KCN Đông Phố Mới' });
    await createZone(sys.http, admin, 'BQ', { name: 'KCN Bản Qua', locality: 'Bát Xát', wageRegion: 4, status: 'planned' });
    await createZone(sys.http, admin, 'CCN-BT', {
      name: 'CCN Bảo Thắng',
      kind: 'industrial_cluster',
      locality: 'Bảo Thắng',
      wageRegion: 3,
    });
    await createEnterprise(sys.http, admin, E1, 'BDH', { operatingFrom: '2019-01-01' });
    await createEnterprise(sys.http, admin, E2, 'BDH', { operatingFrom: '2019-01-01' });
    await createEnterprise(sys.http, admin, E3, 'DPM', { operatingFrom: '2020-01-01', ownership: 'foreign' });
    await createEnterprise(sys.http, admin, E4, 'DPM', { operatingFrom: '2025-05-20' });
    await createEnterprise(sys.http, admin, E5, 'CCN-BT', { operatingFrom: '2021-01-01' });

    const projects = [
      { code: 'P-BDH-1', taxCode: E1, zoneCode: 'BDH', status: 'operating', operatingFrom: '2019-01-01' },
      // Stopped mid-2025: operating at the end of 2024 and of 2025-Q1, not at the end of 2025-Q2 or 2025.
      { code: 'P-BDH-2', taxCode: E2, zoneCode: 'BDH', status: 'terminated', operatingFrom: '2019-06-01', endedAt: '2025-05-15' },
      { code: 'P-BDH-3', taxCode: E1, zoneCode: 'BDH', status: 'under_construction' },
      { code: 'P-DPM-1', taxCode: E3, zoneCode: 'DPM', status: 'operating', operatingFrom: '2020-01-01' },
      { code: 'P-DPM-2', taxCode: E4, zoneCode: 'DPM', status: 'operating', operatingFrom: '2025-05-20' },
      { code: 'P-CCN-1', taxCode: E5, zoneCode: 'CCN-BT', status: 'operating', operatingFrom: '2021-01-01' },
    ];
    for (const p of projects) {
      const r = await sys.http.post('/v1/projects', { name: `Dự án ${p.code}`, ...p }, admin);
      if (r.status !== 201) throw new Error(`project ${p.code}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    const targets: Array<[string, number, string]> = [
      ['BDH', 2024, String(45_000n * MB)],
      ['BDH', 2025, String(50_000n * MB)],
      ['DPM', 2025, String(80_000n * MB)],
      ['CCN-BT', 2025, String(4_000n * MB)],
    ];
    for (const [zone, year, target] of targets) {
      const r = await sys.http.put(`/v1/targets/${zone}/${year}`, { grossOutputConstant2010: target }, admin);
      if (r.status !== 200) throw new Error(`target ${zone}/${year}: ${r.status} ${JSON.stringify(r.body)}`);
    }

    // Sent all at once: the worker decides in order of receipt, which the stamps fix.
    const receipts = await Promise.all(
      FILINGS.map((x) =>
        submit(sys.http, board, { ...reportBody(x.taxCode, x.period, x.f), receivedAt: stamp(x.period, x.late === true) }),
      ),
    );
    const verdicts = await Promise.all(receipts.map((r) => verdict(sys.http, board, r.id)));
    verdicts.forEach((v, i) => {
      if (v.status !== 'accepted' || v.late !== (FILINGS[i].late === true)) {
        throw new Error(`${FILINGS[i].taxCode} ${FILINGS[i].period}: ${v.status} late=${v.late} ${JSON.stringify(v.issues)}`);
      }
    });
  });
  afterAll(() => sys?.close());

  const summaries = async (query: string, token = board) => {
    const r = await sys.http.get(`/v1/summaries?${query}`, token);
    expect(r.status).toBe(200);
    return r.body;
  };
  const zoneOf = (s: { zones: Array<{ zoneCode: string }> }, code: string): any => {
    const z = s.zones.find((x) => x.zoneCode === code);
    expect(z).toBeDefined();
    return z;
  };
  const zoneSummary = async (code: string, query: string, token = board) => {
    const r = await sys.http.get(`/v1/zones/${code}/summary?${query}`, token);
    expect(r.status).toBe(200);
    return r.body;
  };

  it('sums a year from its four quarters', async () => {
    const year = await summaries('period=2024');
    expect(year).toMatchObject({ period: '2024', quarters: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'] });
    const bdh = zoneOf(year, 'BDH');
    // E1 4 × 9,000 + E2 4 × 4,000 = 52,000; at 2010 prices 4 × 7,000 + 4 × 3,000 = 40,000; revenue 4 × 9,500 + 4 × 4,200 = 54,800.
    expect(money(bdh.grossOutput)).toBe((4n * 9_000n + 4n * 4_000n) * MB);
    expect(money(bdh.grossOutputConstant2010)).toBe((4n * 7_000n + 4n * 3_000n) * MB);
    expect(money(bdh.revenue)).toBe((4n * 9_500n + 4n * 4_200n) * MB);
    // Wage fund 4 × 1,800,000,000 + 4 × 825,000,000 đồng.
    expect(money(bdh.wageFund)).toBe(4n * 1_800_000_000n + 4n * 825_000_000n);
    expect(bdh).toMatchObject({ reportsExpected: 8, reportsReceived: 8, reportsOnTime: 8, completenessPct: 100, workers: 100 + 50 });
    // 10,500,000,000 / ((4 × 100 + 4 × 50) × 3 = 1,800) = 5,833,333.33 → 5,833,333 đồng.
    expect(money(bdh.averageMonthlyWage)).toBe(5_833_333n);
    const dpm = zoneOf(year, 'DPM');
    expect(money(dpm.grossOutput)).toBe(4n * 20_000n * MB);
    expect(money(dpm.grossOutputConstant2010)).toBe(4n * 15_000n * MB);
    expect(dpm).toMatchObject({ reportsExpected: 4, reportsReceived: 4, workers: 200 });
    expect(money(dpm.averageMonthlyWage)).toBe(6_400_000n);

    // The year's flows are the sum of its quarters' flows, quarter by quarter from the same endpoint.
    const quarters = await Promise.all(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((q) => zoneSummary('BDH', `period=${q}`)));
    for (const key of ['grossOutput', 'grossOutputConstant2010', 'revenue', 'wageFund']) {
      expect(quarters.reduce((sum, q) => sum + money(q[key])!, 0n)).toBe(money(bdh[key]));
    }
    expect(quarters.map((q) => q.reportsReceived)).toEqual([2, 2, 2, 2]);
    expect(quarters.map((q) => q.quarters)).toEqual([['2024-Q1'], ['2024-Q2'], ['2024-Q3'], ['2024-Q4']]);
  });

  it('sums a range of quarters across a year end, with stocks, filings and growth of that range', async () => {
    const range = await summaries('from=2024-Q4&to=2025-Q2');
    expect(range).toMatchObject({ period: '2024-Q4..2025-Q2', quarters: ['2024-Q4', '2025-Q1', '2025-Q2'] });
    const bdh = zoneOf(range, 'BDH');
    // E1 9,000 + 10,000 + 11,000 and E2 4,000 + 4,500 + 4,600 = 43,100;
    // at 2010 prices 7,000 + 7,500 + 8,000 + 3,000 + 3,300 + 3,400 = 32,200.
    expect(money(bdh.grossOutput)).toBe((9_000n + 10_000n + 11_000n + 4_000n + 4_500n + 4_600n) * MB);
    expect(money(bdh.grossOutputConstant2010)).toBe((7_000n + 7_500n + 8_000n + 3_000n + 3_300n + 3_400n) * MB);
    // Stocks at the end of 2025-Q2: E1 115 (42 women, 2 foreign, 104 local) + E2 54 (21 women, 52 local).
    expect(bdh).toMatchObject({ workers: 115 + 54, femaleWorkers: 42 + 21, foreignWorkers: 2, localWorkers: 104 + 52 });
    // 2 enterprises × 3 quarters, all filed; E2's 2025-Q2 stamped at the due instant is late.
    expect(bdh).toMatchObject({ reportsExpected: 6, reportsReceived: 6, reportsOnTime: 5, completenessPct: 100 });
    // Wages 1,800,000,000 + 2,047,500,000 + 2,184,000,000 + 825,000,000 + 904,800,000 + 939,600,000 = 8,700,900,000
    // over (100 + 105 + 112 + 50 + 52 + 54) × 3 = 1,419 worker-months = 6,131,712.47 → 6,131,712.
    expect(money(bdh.averageMonthlyWage)).toBe(6_131_712n);
    // A year earlier (2023-Q4..2024-Q2): 8,000 + 9,000 + 9,000 + 3,800 + 4,000 + 4,000 = 37,800; at 2010 prices
    // 6,500 + 7,000 + 7,000 + 2,900 + 3,000 + 3,000 = 29,400. 32,200 / 29,400 − 1 = 9.52%; 43,100 / 37,800 − 1 = 14.02%.
    expect(bdh).toMatchObject({ growthYoYPct: 9.52, growthYoYCurrentPct: 14.02 });
    // E4 operates from 2025-05-20, so DPM expects E3 × 3 + E4 × 1 (2025-Q2).
    expect(zoneOf(range, 'DPM')).toMatchObject({ reportsExpected: 4, reportsReceived: 4, reportsOnTime: 3 });
    // The single-zone endpoint gives the same figures for the range.
    expect(await zoneSummary('BDH', 'from=2024-Q4&to=2025-Q2')).toEqual({
      ...bdh,
      period: '2024-Q4..2025-Q2',
      quarters: range.quarters,
      asOf: expect.any(String),
    });
  });

  it("takes stocks from each enterprise's latest report in the period when one skipped the last quarter", async () => {
    const bdh = zoneOf(await summaries('period=2025'), 'BDH');
    // E1's 2025-Q4 (120; 45 women, 3 foreign, 110 local) + E2's 2025-Q3, its latest (57; 22 women, 53 local, foreign not reported).
    expect(bdh).toMatchObject({ workers: 120 + 57, femaleWorkers: 45 + 22, foreignWorkers: 3, localWorkers: 110 + 53 });
    // 2025-Q4 alone holds E1's report only.
    const q4 = await zoneSummary('BDH', 'period=2025-Q4');
    expect(q4).toMatchObject({
      workers: 120,
      femaleWorkers: 45,
      foreignWorkers: 3,
      localWorkers: 110,
      reportsExpected: 2,
      reportsReceived: 1,
      completenessPct: 50,
    });
    // 2025-Q3 holds both: E1 118 + E2 57.
    expect(await zoneSummary('BDH', 'period=2025-Q3')).toMatchObject({
      workers: 118 + 57,
      femaleWorkers: 44 + 22,
      foreignWorkers: 3,
      localWorkers: 107 + 53,
    });
    // DPM at the end of 2025: E3 220 + E4 45; E3 reported 0 foreign workers, E4 none: 0, not null.
    expect(zoneOf(await summaries('period=2025'), 'DPM')).toMatchObject({
      workers: 220 + 45,
      foreignWorkers: 0,
      femaleWorkers: null,
      localWorkers: null,
    });
  });

  it('averages the monthly wage over worker-months (averageWorkers, else workers), rounded half up', async () => {
    const year = await summaries('period=2025');
    const bdh = zoneOf(year, 'BDH');
    // E1 (105 + 112 + 116 + 118) × 3 × 6,500,000 = 8,794,500,000; E2 (52 + 54 + 57) × 3 × 5,800,000 + 219 = 2,836,200,219.
    const bdhFund = (105n + 112n + 116n + 118n) * 3n * 6_500_000n + (52n + 54n + 57n) * 3n * 5_800_000n + 219n;
    expect(bdhFund).toBe(11_630_700_219n);
    expect(money(bdh.wageFund)).toBe(bdhFund);
    // Worker-months (451 + 163) × 3 = 1,842: 11,630,700,219 / 1,842 = 6,314,169.5 exactly, half up → 6,314,170.
    expect(6_314_169n * 1_842n + 921n).toBe(bdhFund);
    expect(money(bdh.averageMonthlyWage)).toBe(6_314_170n);
    // DPM: E3 has no averageWorkers, so its workers count: (205 + 210 + 215 + 220) × 3 = 2,550 worker-months at 6,400,000;
    // E4's averages (12 + 36 + 44) × 3 = 276 at 6,000,000. 17,976,000,000 / 2,826 = 6,360,934.18 → 6,360,934.
    // (Had E4's end-of-quarter headcounts counted, it would be 17,976,000,000 / 2,895 = 6,209,326.)
    const dpm = zoneOf(year, 'DPM');
    expect(money(dpm.wageFund)).toBe(850n * 3n * 6_400_000n + 92n * 3n * 6_000_000n);
    expect(money(dpm.averageMonthlyWage)).toBe(6_360_934n);
    // 2025-Q2, E4's first quarter: (4,032,000,000 + 216,000,000) / (210 × 3 + 12 × 3 = 666) = 6,378,378.38 → 6,378,378
    // (with E4's 30 workers instead of its average of 12 it would be / 720 = 5,900,000).
    expect(money((await zoneSummary('DPM', 'period=2025-Q2')).averageMonthlyWage)).toBe(6_378_378n);
    expect(money(zoneOf(year, 'CCN-BT').averageMonthlyWage)).toBe(4_500_000n);
    // Parks together: (11,630,700,219 + 17,976,000,000) / (1,842 + 2,826) = 6,342,480.77 → 6,342,481;
    // all zones add CCN-BT's 4 × 270,000,000 over 240 worker-months: 30,686,700,219 / 4,908 = 6,252,383.9 → 6,252,384.
    expect(money(year.totals.industrial_park.averageMonthlyWage)).toBe(6_342_481n);
    expect(money(year.totals.all.averageMonthlyWage)).toBe(6_252_384n);
  });

  it('shares gross output within the zone kind, whatever the caller sees', async () => {
    const year = await summaries('period=2025');
    // Parks: BDH 10,000 + 11,000 + 12,000 + 13,000 + 4,500 + 4,600 + 4,700 = 59,800;
    // DPM 21,000 + 22,000 + 23,000 + 24,000 + 2,000 + 3,000 + 3,000 = 98,000.
    expect(money(zoneOf(year, 'BDH').grossOutput)).toBe(59_800n * MB);
    expect(money(zoneOf(year, 'DPM').grossOutput)).toBe(98_000n * MB);
    // 59,800 / 157,800 = 37.90%; 98,000 / 157,800 = 62.10%; the cluster's 4,600 is not in the parks' base: 100%.
    expect(zoneOf(year, 'BDH').grossOutputSharePct).toBe(37.9);
    expect(zoneOf(year, 'DPM').grossOutputSharePct).toBe(62.1);
    expect(zoneOf(year, 'CCN-BT').grossOutputSharePct).toBe(100);
    // A planned park with no output has no share (null, not 0).
    expect(zoneOf(year, 'BQ').grossOutputSharePct).toBeNull();
    // The single-zone endpoint and a board that sees BDH only get BDH's share among all parks, not 100%.
    expect((await zoneSummary('BDH', 'period=2025')).grossOutputSharePct).toBe(37.9);
    const scoped = await summaries('period=2025', boardBdh);
    expect(scoped.zones.map((z: { zoneCode: string }) => z.zoneCode)).toEqual(['BDH']);
    expect(zoneOf(scoped, 'BDH').grossOutputSharePct).toBe(37.9);
    expect((await zoneSummary('BDH', 'period=2025', boardBdh)).grossOutputSharePct).toBe(37.9);
  });

  it('computes growth year on year at 2010 and current prices, and none without a previous year', async () => {
    const year = await summaries('period=2025');
    // BDH: 2010 prices 7,500 + 8,000 + 8,500 + 9,000 + 3,300 + 3,400 + 3,500 = 43,200 against 40,000 → 8%;
    // current 59,800 / 52,000 − 1 = 15%.
    expect(money(zoneOf(year, 'BDH').grossOutputConstant2010)).toBe(43_200n * MB);
    expect(zoneOf(year, 'BDH')).toMatchObject({ growthYoYPct: 8, growthYoYCurrentPct: 15 });
    // DPM: 15,500 + 16,000 + 16,500 + 17,000 + 1,500 + 2,200 + 2,300 = 71,000 against 60,000 → 18.33%; 98,000 / 80,000 − 1 = 22.5%.
    expect(money(zoneOf(year, 'DPM').grossOutputConstant2010)).toBe(71_000n * MB);
    expect(zoneOf(year, 'DPM')).toMatchObject({ growthYoYPct: 18.33, growthYoYCurrentPct: 22.5 });
    // CCN-BT filed nothing for 2024: no growth at either price.
    expect(money(zoneOf(year, 'CCN-BT').grossOutputConstant2010)).toBe((700n + 770n + 840n + 910n) * MB);
    expect(zoneOf(year, 'CCN-BT')).toMatchObject({ growthYoYPct: null, growthYoYCurrentPct: null });
    expect(year.totals.industrial_cluster).toMatchObject({ growthYoYPct: null, growthYoYCurrentPct: null });
    // Parks: 114,200 / 100,000 − 1 = 14.2%; 157,800 / 132,000 − 1 = 19.55%.
    expect(year.totals.industrial_park).toMatchObject({ growthYoYPct: 14.2, growthYoYCurrentPct: 19.55 });
    // A single quarter against the same quarter a year earlier: BDH 2025-Q3 (8,500 + 3,500) / (7,000 + 3,000) − 1 = 20%,
    // (12,000 + 4,700) / (9,000 + 4,000) − 1 = 28.46%.
    expect(await zoneSummary('BDH', 'period=2025-Q3')).toMatchObject({ growthYoYPct: 20, growthYoYCurrentPct: 28.46 });
    // DPM 2024 has nothing a year earlier (2023): null.
    expect(zoneOf(await summaries('period=2024'), 'DPM')).toMatchObject({ growthYoYPct: null, growthYoYCurrentPct: null });
  });

  it('counts a project that stopped mid-year for periods ending before it stopped, not after', async () => {
    // P-BDH-2 ended on 2025-05-15, P-DPM-2 started on 2025-05-20; P-BDH-3 never operated.
    const projects = async (query: string) => {
      const s = await summaries(query);
      return Object.fromEntries([
        ...s.zones.map((z: any) => [z.zoneCode, z.operatingProjects]),
        ['park', s.totals.industrial_park.operatingProjects],
        ['all', s.totals.all.operatingProjects],
      ]);
    };
    expect(await projects('period=2024')).toEqual({ BDH: 2, DPM: 1, BQ: 0, 'CCN-BT': 1, park: 3, all: 4 });
    expect(await projects('period=2025-Q1')).toEqual({ BDH: 2, DPM: 1, BQ: 0, 'CCN-BT': 1, park: 3, all: 4 });
    expect(await projects('period=2025-Q2')).toEqual({ BDH: 1, DPM: 2, BQ: 0, 'CCN-BT': 1, park: 3, all: 4 });
    expect(await projects('period=2025')).toEqual({ BDH: 1, DPM: 2, BQ: 0, 'CCN-BT': 1, park: 3, all: 4 });
    // A range is judged at its end: 2024-Q3..2025-Q1 ends before the stop.
    expect(await projects('from=2024-Q3&to=2025-Q1')).toMatchObject({ BDH: 2, DPM: 1 });
  });

  it('expects reports from an enterprise that started mid-year only for the quarters it operated', async () => {
    // E4 from 2025-05-20: 2025-Q2..Q4. DPM expects E3 × 4 + E4 × 3 = 7 and got all 7 (E4's 2025-Q2 late).
    expect(zoneOf(await summaries('period=2025'), 'DPM')).toMatchObject({
      reportsExpected: 4 + 3,
      reportsReceived: 7,
      reportsOnTime: 6,
      completenessPct: 100,
    });
    expect(await zoneSummary('DPM', 'period=2025-Q1')).toMatchObject({ reportsExpected: 1, reportsReceived: 1, completenessPct: 100 });
    expect(await zoneSummary('DPM', 'period=2025-Q2')).toMatchObject({ reportsExpected: 2, reportsReceived: 2, reportsOnTime: 1 });
    // BDH 2025: 2 × 4 expected, E2's 2025-Q4 missing: 7 / 8 = 87.5%.
    expect(await zoneSummary('BDH', 'period=2025')).toMatchObject({
      reportsExpected: 8,
      reportsReceived: 7,
      reportsOnTime: 6,
      completenessPct: 87.5,
    });
    // CCN-BT 2024: E5 operated all year and filed nothing: 0 of 4 is 0%, and the output nobody reported is null.
    expect(await zoneSummary('CCN-BT', 'period=2024')).toMatchObject({
      reportsExpected: 4,
      reportsReceived: 0,
      completenessPct: 0,
      grossOutput: null,
      workers: null,
    });
    // An enterprise filing for a quarter before it operated is turned away, so it never counts.
    const early = await verdict(
      sys.http,
      board,
      (await submit(sys.http, board, { ...reportBody(E4, '2025-Q1'), receivedAt: stamp('2025-Q1', false) })).id,
    );
    expect(early.status).toBe('rejected');
    expect(early.issues.map((i: { code: string }) => i.code)).toContain('ENTERPRISE_NOT_OPERATING');
    expect(await zoneSummary('DPM', 'period=2025-Q1')).toMatchObject({ reportsExpected: 1, reportsReceived: 1 });
  });

  it('measures plan progress on the year to date at 2010 prices against the target of the year the period ends in', async () => {
    const year = await summaries('period=2025');
    // 43,200 / 50,000 = 86.4%; 71,000 / 80,000 = 88.75%; 3,220 / 4,000 = 80.5%; BQ has no target.
    expect(zoneOf(year, 'BDH')).toMatchObject({ planTarget: String(50_000n * MB), planProgressPct: 86.4 });
    expect(zoneOf(year, 'DPM')).toMatchObject({ planTarget: String(80_000n * MB), planProgressPct: 88.75 });
    expect(zoneOf(year, 'CCN-BT')).toMatchObject({ planTarget: String(4_000n * MB), planProgressPct: 80.5 });
    expect(zoneOf(year, 'BQ')).toMatchObject({ planTarget: null, planProgressPct: null });
    // Parks: 114,200 / 130,000 = 87.85%; all: 117,420 / 134,000 = 87.63%.
    expect(year.totals.industrial_park).toMatchObject({ planTarget: String(130_000n * MB), planProgressPct: 87.85 });
    expect(year.totals.all).toMatchObject({ planTarget: String(134_000n * MB), planProgressPct: 87.63 });
    // One quarter: the year to date through 2025-Q2 (7,500 + 8,000 + 3,300 + 3,400 = 22,200) / 50,000 = 44.4%.
    expect(await zoneSummary('BDH', 'period=2025-Q2')).toMatchObject({ planTarget: String(50_000n * MB), planProgressPct: 44.4 });
    // A range ending in 2025-Q2 uses the 2025 target and 2025's year to date, not the 2024-Q4 in the range.
    expect(await zoneSummary('BDH', 'from=2024-Q4&to=2025-Q2')).toMatchObject({ planTarget: String(50_000n * MB), planProgressPct: 44.4 });
    // 2024: BDH 40,000 / 45,000 = 88.89%; DPM had no 2024 target.
    const y2024 = await summaries('period=2024');
    expect(zoneOf(y2024, 'BDH')).toMatchObject({ planTarget: String(45_000n * MB), planProgressPct: 88.89 });
    expect(zoneOf(y2024, 'DPM')).toMatchObject({ planTarget: null, planProgressPct: null });
    // The parks' 2024 target is BDH's alone, so progress weighs BDH's output only: 40,000 / 45,000, not
    // (40,000 + 60,000) / 45,000 = 222.22%.
    expect(y2024.totals.industrial_park).toMatchObject({ planTarget: String(45_000n * MB), planProgressPct: 88.89 });
    expect(y2024.totals.industrial_cluster).toMatchObject({ planTarget: null, planProgressPct: null });
  });

  it('totals each zone kind and all zones', async () => {
    const { totals } = await summaries('period=2025');
    const park = totals.industrial_park;
    const cluster = totals.industrial_cluster;
    const all = totals.all;
    // Gross output: parks 59,800 + 98,000 = 157,800; cluster 4,600; all 162,400.
    expect(money(park.grossOutput)).toBe((59_800n + 98_000n) * MB);
    expect(money(cluster.grossOutput)).toBe(4_600n * MB);
    expect(money(all.grossOutput)).toBe((59_800n + 98_000n + 4_600n) * MB);
    expect(money(park.grossOutputConstant2010)).toBe((43_200n + 71_000n) * MB);
    expect(money(all.grossOutputConstant2010)).toBe((43_200n + 71_000n + 3_220n) * MB);
    // Revenue: BDH 11,000 + 12,000 + 13,000 + 14,000 + 4,700 + 4,800 + 4,900 = 64,400;
    // DPM 22,000 + 23,000 + 24,000 + 25,000 + 2,100 + 3,100 + 3,200 = 102,400; CCN-BT 1,050 + 1,150 + 1,250 + 1,350 = 4,800.
    expect(money(park.revenue)).toBe((64_400n + 102_400n) * MB);
    expect(money(cluster.revenue)).toBe(4_800n * MB);
    expect(money(all.revenue)).toBe((64_400n + 102_400n + 4_800n) * MB);
    // Trade and budget from E1 only; realised capital 5,000 (E3) and CCN-BT's zeros.
    expect(money(all.exportValueUsd)).toBe(100_000n + 110_000n + 120_000n + 130_000n);
    expect(money(all.importValueUsd)).toBe(50_000n);
    expect(money(park.stateBudgetPaid)).toBe(4n * 300n * MB);
    expect(money(all.stateBudgetPaid)).toBe(4n * 300n * MB);
    expect(money(park.realizedCapital)).toBe(5_000n * MB);
    expect(money(all.realizedCapital)).toBe(5_000n * MB);
    expect(money(all.wageFund)).toBe(11_630_700_219n + 17_976_000_000n + 4n * 270_000_000n);
    // Stocks: parks BDH 177 + DPM 265; women 67 (DPM none); foreign 3 + 0; local 163; the cluster's 20.
    expect(park).toMatchObject({ workers: 177 + 265, femaleWorkers: 67, foreignWorkers: 3, localWorkers: 163 });
    expect(cluster).toMatchObject({ workers: 20, femaleWorkers: null, foreignWorkers: null, localWorkers: null });
    expect(all).toMatchObject({ workers: 177 + 265 + 20, femaleWorkers: 67, foreignWorkers: 3, localWorkers: 163 });
    // Filings: parks expect BDH 8 + DPM 7 + BQ 0 = 15, got 14, 12 on time: 93.33%; all 19, 18, 16: 94.74%.
    expect(park).toMatchObject({ reportsExpected: 15, reportsReceived: 14, reportsOnTime: 12, completenessPct: 93.33 });
    expect(cluster).toMatchObject({ reportsExpected: 4, reportsReceived: 4, reportsOnTime: 4, completenessPct: 100 });
    expect(all).toMatchObject({ reportsExpected: 19, reportsReceived: 18, reportsOnTime: 16, completenessPct: 94.74 });
    // Growth of all: 117,420 / 100,000 − 1 = 17.42%; 162,400 / 132,000 − 1 = 23.03%.
    expect(all).toMatchObject({ growthYoYPct: 17.42, growthYoYCurrentPct: 23.03 });
    // Totals carry the magnitudes without zone fields.
    expect(all).not.toHaveProperty('zoneCode');
  });

  it('gives null where nobody reported a figure and 0 where 0 was reported', async () => {
    const year = await summaries('period=2025');
    const ccn = zoneOf(year, 'CCN-BT');
    expect(ccn).toMatchObject({
      exportValueUsd: null,
      importValueUsd: null,
      femaleWorkers: null,
      foreignWorkers: null,
      localWorkers: null,
    });
    // Reported as 0: realised capital every quarter, state budget once.
    expect(ccn).toMatchObject({ realizedCapital: '0', stateBudgetPaid: '0' });
    // Nobody in DPM reported trade or budget; E3 reported realised capital once.
    expect(zoneOf(year, 'DPM')).toMatchObject({
      exportValueUsd: null,
      importValueUsd: null,
      stateBudgetPaid: null,
      realizedCapital: String(5_000n * MB),
    });
    expect(zoneOf(year, 'BDH')).toMatchObject({ realizedCapital: null });
    // The cluster's totals: nobody traded, but 0 realised capital was reported.
    expect(year.totals.industrial_cluster).toMatchObject({ exportValueUsd: null, realizedCapital: '0' });
    // A planned park with nobody in it: every magnitude null, counts 0, completeness undefined.
    expect(zoneOf(year, 'BQ')).toMatchObject({
      reportsExpected: 0,
      reportsReceived: 0,
      reportsOnTime: 0,
      completenessPct: null,
      operatingProjects: 0,
      grossOutput: null,
      grossOutputConstant2010: null,
      revenue: null,
      exportValueUsd: null,
      importValueUsd: null,
      stateBudgetPaid: null,
      realizedCapital: null,
      wageFund: null,
      workers: null,
      femaleWorkers: null,
      foreignWorkers: null,
      localWorkers: null,
      averageMonthlyWage: null,
      grossOutputSharePct: null,
      growthYoYPct: null,
      growthYoYCurrentPct: null,
      planTarget: null,
      planProgressPct: null,
      warnings: 0,
    });
  });

  it('changes the year figures exactly when an earlier quarter is amended after the fact', async () => {
    const before = await summaries('period=2025');
    const amended = await verdict(
      sys.http,
      board,
      (
        await submit(
          sys.http,
          board,
          reportBody(E1, '2025-Q1', {
            grossOutput: 10_400 * M,
            grossOutputConstant2010: 7_800 * M,
            revenue: 11_000 * M,
            exportValueUsd: 100_000,
            importValueUsd: 50_000,
            stateBudgetPaid: 300 * M,
            workers: 112,
            femaleWorkers: 41,
            foreignWorkers: 2,
            localWorkers: 102,
            averageWorkers: 106,
            wageFund: 106 * 3 * 6_500_000,
          }),
        )
      ).id,
    );
    // Filed now, long past the due date, but timeliness stays that of the first revision.
    expect(amended).toMatchObject({ status: 'accepted', revision: 2, late: false });

    const after = await summaries('period=2025');
    const bdh = zoneOf(after, 'BDH');
    // +400 at current prices, +300 at 2010 prices: 60,200 and 43,500.
    expect(money(bdh.grossOutput)).toBe(money(zoneOf(before, 'BDH').grossOutput)! + 400n * MB);
    expect(money(bdh.grossOutput)).toBe(60_200n * MB);
    expect(money(bdh.grossOutputConstant2010)).toBe(43_500n * MB);
    // Wage fund + (106 − 105) × 3 × 6,500,000 = 11,650,200,219 over 1,845 worker-months = 6,314,471.66 → 6,314,472.
    expect(money(bdh.wageFund)).toBe(11_630_700_219n + 19_500_000n);
    expect(money(bdh.averageMonthlyWage)).toBe(6_314_472n);
    // Growth 43,500 / 40,000 − 1 = 8.75%, 60,200 / 52,000 − 1 = 15.77%; progress 43,500 / 50,000 = 87%.
    expect(bdh).toMatchObject({ growthYoYPct: 8.75, growthYoYCurrentPct: 15.77, planProgressPct: 87 });
    // Shares 60,200 / 158,200 = 38.05% and 98,000 / 158,200 = 61.95%.
    expect(bdh.grossOutputSharePct).toBe(38.05);
    expect(zoneOf(after, 'DPM').grossOutputSharePct).toBe(61.95);
    // Still one report for the quarter, on time; year-end stocks come from 2025-Q4 and do not move.
    expect(bdh).toMatchObject({ reportsReceived: 7, reportsOnTime: 6, workers: 177, femaleWorkers: 67, localWorkers: 163 });
    // The amended quarter's own stocks do: 112 + 52, women 41 + 20, local 102 + 50.
    expect(await zoneSummary('BDH', 'period=2025-Q1')).toMatchObject({ workers: 112 + 52, femaleWorkers: 41 + 20, localWorkers: 102 + 50 });
    // Totals move by the same amounts; DPM and the cluster do not move at all.
    expect(money(after.totals.industrial_park.grossOutput)).toBe(158_200n * MB);
    expect(money(after.totals.all.grossOutput)).toBe(162_800n * MB);
    expect(money(after.totals.all.grossOutputConstant2010)).toBe((43_500n + 71_000n + 3_220n) * MB);
    const unchanged = (s: any, code: string) => ({ ...zoneOf(s, code), grossOutputSharePct: 0 });
    expect(unchanged(after, 'DPM')).toEqual(unchanged(before, 'DPM'));
    expect(zoneOf(after, 'CCN-BT')).toEqual(zoneOf(before, 'CCN-BT'));
    // The range that holds the quarter moves too: 43,100 + 400.
    expect(money((await zoneSummary('BDH', 'from=2024-Q4&to=2025-Q2')).grossOutput)).toBe(43_500n * MB);
  });
});
