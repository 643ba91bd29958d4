import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worksheet } from 'exceljs';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, screenshot, seriousViolations, signIn } from './support/browser';
import { CsvRecordParser } from '../libs/excel/src/csv-rows.reader';
import { createEnterprise, createProject, createZone, ProjectRecord } from './support/fixtures';
import { fileOnPaper, PaperFiling } from './support/paper-filings';
import { expectFieldProblem } from './support/problem-assertions';
import { startTestSystem, TestSystem } from './support/test-system';
import { openWorkbook } from './support/workbook-rows';

/*
 * The board's report to the ministry (GET /v1/upward-reports/{period}.xlsx), every block figure worked
 * out here from the registry and the filings this suite creates, never by the code under test:
 * - UA (park): leasable land grows from 100 to 160 ha on 2025-07-01; a wastewater plant since 2020.
 *   E1 (foreign) and E2 (domestic, taken over by a foreign investor on 2025-08-20: its Q1 and Q2 count
 *   as domestic, its Q3 and Q4 and its projects at the end of the year as foreign).
 * - UB (park): E3 (domestic), whose project ends on 2025-10-31; a plant from 2025-09-15.
 * - UC (cluster): E4 (domestic), no land recorded, no plant; its project is new by its start of operation.
 * - UX (park), outside the board's scope: E5 (foreign) must never show in the board's report.
 */
const [E1, E2, E3, E4, E5] = ['5300810001', '5300810002', '5300810003', '5300810004', '5300810005'];
const TAKEOVER = '2025-08-20';
type Block = 'foreign' | 'domestic';
const BLOCKS: Block[] = ['foreign', 'domestic'];
const SCOPE = ['UA', 'UB', 'UC'];

interface ZoneFact {
  code: string;
  name: string;
  kind: 'industrial_park' | 'industrial_cluster';
  land: Array<[from: string, ha: number]>;
  plant?: { capacity: number; from: string };
}
const ZONES: ZoneFact[] = [
  {
    code: 'UA',
    name: 'Khu công nghiệp Uyên An',
    kind: 'industrial_park',
    land: [
      ['2020-01-01', 100],
      ['2025-07-01', 160],
    ],
    plant: { capacity: 3000, from: '2020-06-01' },
  },
  {
    code: 'UB',
    name: 'Khu công nghiệp Uông Bí',
    kind: 'industrial_park',
    land: [['2024-01-01', 80]],
    plant: { capacity: 1500, from: '2025-09-15' },
  },
  { code: 'UC', name: 'Cụm công nghiệp Út Chè', kind: 'industrial_cluster', land: [] },
  {
    code: 'UX',
    name: 'Khu công nghiệp Xa Xôi',
    kind: 'industrial_park',
    land: [['2020-01-01', 500]],
    plant: { capacity: 9000, from: '2020-01-01' },
  },
];
const ENTERPRISES: Array<[taxCode: string, zone: string, ownership: Block]> = [
  [E1, 'UA', 'foreign'],
  [E2, 'UA', 'domestic'],
  [E3, 'UB', 'domestic'],
  [E4, 'UC', 'domestic'],
  [E5, 'UX', 'foreign'],
];
const zoneOf = (taxCode: string) => ENTERPRISES.find((e) => e[0] === taxCode)![1];
/** An enterprise's block on a day. */
const blockOn = (taxCode: string, day: string): Block =>
  taxCode === E2 ? (day >= TAKEOVER ? 'foreign' : 'domestic') : ENTERPRISES.find((e) => e[0] === taxCode)![2];

type ProjectFact = Omit<ProjectRecord, 'zoneCode'>;
const B = 1_000_000_000;
const PROJECTS: ProjectFact[] = [
  {
    code: 'DA-U-1',
    taxCode: E1,
    status: 'operating',
    operatingFrom: '2019-03-01',
    registeredOn: '2018-10-01',
    capital: 500 * B + 123_456_789,
    usd: 20_000_000,
    leasedHa: 30.5,
  },
  {
    code: 'DA-U-2',
    taxCode: E2,
    status: 'operating',
    operatingFrom: '2025-04-01',
    registeredOn: '2025-02-10',
    capital: 120 * B + 499_999,
    leasedHa: 12.25,
    leasedFrom: '2025-03-01',
  },
  {
    code: 'DA-U-3',
    taxCode: E2,
    status: 'under_construction',
    registeredOn: '2025-08-01',
    capital: 45 * B,
    usd: 1_800_000,
    leasedHa: 8,
    leasedFrom: '2025-08-01',
  },
  {
    code: 'DA-U-4',
    taxCode: E3,
    status: 'terminated',
    operatingFrom: '2021-01-01',
    endedAt: '2025-10-31',
    registeredOn: '2020-06-01',
    capital: 80 * B,
    leasedHa: 20,
  },
  { code: 'DA-U-5', taxCode: E4, status: 'operating', operatingFrom: '2025-05-01', capital: 10 * B + 500_000, leasedHa: 2 },
  {
    code: 'DA-U-6',
    taxCode: E5,
    status: 'operating',
    operatingFrom: '2015-01-01',
    registeredOn: '2014-01-01',
    capital: 999 * B,
    usd: 50_000_000,
    leasedHa: 300,
  },
];

const M = 1_000_000;
const filing = (taxCode: string, period: string, n: number): PaperFiling => ({
  taxCode,
  period,
  f: {
    grossOutput: n * 1_000 * M + 123_457,
    revenue: n * 1_100 * M + 499_999,
    exportValueUsd: taxCode === E3 ? undefined : n * 10_000 + 501,
    importValueUsd: n * 4_000 + 7,
    stateBudgetPaid: n * 37 * M + 500_001,
    realizedCapital: taxCode === E4 ? undefined : n * 90 * M + 1,
    workers: 100 + n,
    femaleWorkers: 40 + n,
    foreignWorkers: taxCode === E1 || taxCode === E5 ? 3 : undefined,
    wageFund: (100 + n) * 3 * 6_500_000,
  },
});
const Q = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const FILINGS: PaperFiling[] = [
  ...Q.map((p, i) => filing(E1, p, 11 + i)),
  ...Q.map((p, i) => filing(E2, p, 21 + i)),
  ...Q.slice(0, 3).map((p, i) => filing(E3, p, 31 + i)),
  filing(E4, '2025-Q2', 41),
  filing(E4, '2025-Q4', 42),
  ...Q.map((p, i) => filing(E5, p, 51 + i)),
  // A year earlier, so the year's summary has its comparisons; not in any period reported here.
  filing(E1, '2024-Q4', 9),
];

// --- The expected report, from the facts above ---

const QUARTER_END: Record<string, string> = { Q1: '03-31', Q2: '06-30', Q3: '09-30', Q4: '12-31' };
const quarterEnd = (period: string) => `${period.slice(0, 4)}-${QUARTER_END[period.slice(5)]}`;
const PERIODS: Record<string, { quarters: string[]; first: string; last: string; query: string }> = {
  '2025': { quarters: Q, first: '2025-01-01', last: '2025-12-31', query: 'period=2025' },
  '2025-H1': { quarters: Q.slice(0, 2), first: '2025-01-01', last: '2025-06-30', query: 'from=2025-Q1&to=2025-Q2' },
  '2025-Q3': { quarters: ['2025-Q3'], first: '2025-07-01', last: '2025-09-30', query: 'period=2025-Q3' },
};
/** Half away from zero at two decimals, on the decimal value. */
const round2 = (x: number) => Math.round(Number((x * 100).toFixed(6))) / 100;
/** n / d rounded half up, as a number. */
const halfUp = (n: bigint, d: bigint) => Number((2n * n + d) / (2n * d));

interface Figures {
  newProjects: number;
  newCapital: bigint | null;
  newCapitalUsd: bigint | null;
  operatingProjects: number;
  operatingCapital: bigint | null;
  operatingCapitalUsd: bigint | null;
  realizedCapital: bigint | null;
  grossOutput: bigint | null;
  revenue: bigint | null;
  exportValueUsd: bigint | null;
  importValueUsd: bigint | null;
  stateBudgetPaid: bigint | null;
  workers: number | null;
  femaleWorkers: number | null;
  foreignWorkers: number | null;
  leasableHa: number | null;
  leasedHa: number | null;
  occupancyPct: number | null;
  wastewaterPlants: number | null;
  wastewaterCapacityM3Day: number | null;
}

const sumOf = (values: Array<number | undefined>): bigint | null => {
  const given = values.filter((v): v is number => v !== undefined);
  return given.length === 0 ? null : given.reduce((a, v) => a + BigInt(v), 0n);
};

/** The report's figures over `zones`, for one block or (null) both. */
function expectedFigures(period: string, zones: string[], block: Block | null): Figures {
  const { quarters, first, last } = PERIODS[period];
  const inBlock = (taxCode: string, day: string) => zones.includes(zoneOf(taxCode)) && (block === null || blockOn(taxCode, day) === block);
  const projects = PROJECTS.filter((p) => inBlock(p.taxCode, last));
  const registered = (p: ProjectFact) => p.registeredOn ?? p.operatingFrom!;
  const fresh = projects.filter((p) => registered(p) >= first && registered(p) <= last);
  const operating = projects.filter(
    (p) =>
      p.operatingFrom !== undefined && p.operatingFrom <= last && (p.endedAt === undefined ? p.status !== 'terminated' : p.endedAt > last),
  );
  // Each report in the block its enterprise was in at the end of its quarter.
  const reports = FILINGS.filter((x) => quarters.includes(x.period) && inBlock(x.taxCode, quarterEnd(x.period)));
  const flow = (k: keyof PaperFiling['f']) => sumOf(reports.map((x) => x.f[k] as number | undefined));
  const latest = [...new Set(FILINGS.filter((x) => quarters.includes(x.period)).map((x) => x.taxCode))]
    .map((t) => FILINGS.filter((x) => x.taxCode === t && quarters.includes(x.period)).sort((a, b) => (a.period < b.period ? 1 : -1))[0])
    .filter((x) => inBlock(x.taxCode, quarterEnd(x.period)));
  const stock = (k: 'workers' | 'femaleWorkers' | 'foreignWorkers') => {
    const s = sumOf(latest.map((x) => x.f[k]));
    return s === null ? null : Number(s);
  };
  // Land: the zones with leasable land on the last day; leased by the projects in force then, in the block.
  const withLand = ZONES.filter((z) => zones.includes(z.code) && z.land.some(([from]) => from <= last));
  const leasable = withLand.reduce((a, z) => a + z.land.filter(([from]) => from <= last).pop()![1], 0);
  const leased = round2(
    PROJECTS.filter((p) => withLand.some((z) => z.code === zoneOf(p.taxCode)) && (block === null || blockOn(p.taxCode, last) === block))
      .filter((p) => p.leasedHa !== undefined && (p.leasedFrom ?? p.registeredOn ?? p.operatingFrom)! <= last)
      .filter((p) => (p.endedAt === undefined ? p.status !== 'terminated' : p.endedAt > last))
      .reduce((a, p) => a + p.leasedHa!, 0),
  );
  const plants = ZONES.filter((z) => zones.includes(z.code) && z.plant && z.plant.from <= last);
  return {
    newProjects: fresh.length,
    newCapital: sumOf(fresh.map((p) => p.capital)),
    newCapitalUsd: sumOf(fresh.map((p) => p.usd)),
    operatingProjects: operating.length,
    operatingCapital: sumOf(operating.map((p) => p.capital)),
    operatingCapitalUsd: sumOf(operating.map((p) => p.usd)),
    realizedCapital: flow('realizedCapital'),
    grossOutput: flow('grossOutput'),
    revenue: flow('revenue'),
    exportValueUsd: flow('exportValueUsd'),
    importValueUsd: flow('importValueUsd'),
    stateBudgetPaid: flow('stateBudgetPaid'),
    workers: stock('workers'),
    femaleWorkers: stock('femaleWorkers'),
    foreignWorkers: stock('foreignWorkers'),
    leasableHa: block === null && withLand.length > 0 ? leasable : null,
    leasedHa: withLand.length > 0 ? leased : null,
    occupancyPct: withLand.length > 0 && leasable > 0 ? round2((leased / leasable) * 100) : null,
    wastewaterPlants: block === null ? plants.length : null,
    wastewaterCapacityM3Day: block === null && plants.length > 0 ? plants.reduce((a, z) => a + z.plant!.capacity, 0) : null,
  };
}

/** As the workbook shows them: money in millions of đồng and USD in thousands, rounded half up. */
function asShown(f: Figures): Record<keyof Figures, number | null> {
  const millions = (v: bigint | null) => (v === null ? null : halfUp(v, 1_000_000n));
  const thousands = (v: bigint | null) => (v === null ? null : halfUp(v, 1_000n));
  return {
    ...f,
    newCapital: millions(f.newCapital),
    newCapitalUsd: thousands(f.newCapitalUsd),
    operatingCapital: millions(f.operatingCapital),
    operatingCapitalUsd: thousands(f.operatingCapitalUsd),
    realizedCapital: millions(f.realizedCapital),
    grossOutput: millions(f.grossOutput),
    revenue: millions(f.revenue),
    exportValueUsd: thousands(f.exportValueUsd),
    importValueUsd: thousands(f.importValueUsd),
    stateBudgetPaid: millions(f.stateBudgetPaid),
  };
}

// The workbook's columns, by their group and header (units included).
const COLUMNS: Record<keyof Figures, string> = {
  newProjects: 'Dự án cấp mới trong kỳ / Số dự án (dự án)',
  newCapital: 'Dự án cấp mới trong kỳ / Vốn đăng ký (triệu đồng)',
  newCapitalUsd: 'Dự án cấp mới trong kỳ / Vốn đăng ký (dự án FDI) (nghìn USD)',
  operatingProjects: 'Dự án đang hoạt động cuối kỳ / Số dự án (dự án)',
  operatingCapital: 'Dự án đang hoạt động cuối kỳ / Vốn đăng ký (triệu đồng)',
  operatingCapitalUsd: 'Dự án đang hoạt động cuối kỳ / Vốn đăng ký (dự án FDI) (nghìn USD)',
  realizedCapital: 'Vốn đầu tư thực hiện trong kỳ / Vốn thực hiện (triệu đồng)',
  grossOutput: 'Sản xuất, kinh doanh trong kỳ / Giá trị sản xuất công nghiệp, giá hiện hành (triệu đồng)',
  revenue: 'Sản xuất, kinh doanh trong kỳ / Doanh thu thuần (triệu đồng)',
  exportValueUsd: 'Sản xuất, kinh doanh trong kỳ / Kim ngạch xuất khẩu (nghìn USD)',
  importValueUsd: 'Sản xuất, kinh doanh trong kỳ / Kim ngạch nhập khẩu (nghìn USD)',
  stateBudgetPaid: 'Sản xuất, kinh doanh trong kỳ / Nộp ngân sách nhà nước (triệu đồng)',
  workers: 'Lao động cuối kỳ / Tổng số lao động (người)',
  femaleWorkers: 'Lao động cuối kỳ / Trong đó: lao động nữ (người)',
  foreignWorkers: 'Lao động cuối kỳ / Trong đó: lao động nước ngoài (người)',
  leasableHa: 'Đất công nghiệp cuối kỳ / Diện tích đất công nghiệp có thể cho thuê (ha)',
  leasedHa: 'Đất công nghiệp cuối kỳ / Diện tích đã cho thuê (ha)',
  occupancyPct: 'Đất công nghiệp cuối kỳ / Tỷ lệ lấp đầy (%)',
  wastewaterPlants: 'Xử lý nước thải tập trung cuối kỳ / Số khu có nhà máy xử lý nước thải tập trung đang vận hành (khu)',
  wastewaterCapacityM3Day: 'Xử lý nước thải tập trung cuối kỳ / Công suất xử lý (m³/ngày đêm)',
};
const BLOCK_NAMES: Record<Block | 'whole', string> = {
  whole: 'Tổng số',
  foreign: 'Khối FDI (có vốn đầu tư nước ngoài)',
  domestic: 'Khối trong nước',
};
const TOTALS = { industrial_park: 'Tổng các khu công nghiệp', industrial_cluster: 'Tổng các cụm công nghiệp', all: 'Tổng cộng' } as const;

/** The table of the report: its header row (found by "STT"), its columns by group and header, and its rows. */
function readTable(grid: string[][]): { header: number; columns: string[]; rows: string[][] } {
  const header = grid.findIndex((r) => r[0] === 'STT');
  let group = '';
  const columns = grid[header + 1].map((label, i) => {
    if (grid[header][i]) group = grid[header][i];
    return `${group} / ${label}`;
  });
  const rows = grid.slice(header + 3).filter((r) => r[2] && Object.values(BLOCK_NAMES).includes(r[2]));
  return { header, columns, rows };
}

function sheetGrid(sheet: Worksheet): string[][] {
  const grid: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = sheet.getCell(r, c);
      // A merged cell reads as its first cell: only that one holds the text.
      row.push(cell.isMerged && cell.master.address !== cell.address ? '' : cell.text);
    }
    grid.push(row);
  }
  return grid;
}

/** A CSV file as rows of text, read by the parser uploads are read with; empty cells are ''. */
function csvGrid(text: string): string[][] {
  const parser = new CsvRecordParser(',');
  return [...parser.push(text), ...parser.end()].map((r) =>
    Array.from({ length: Math.max(0, ...r.cells.keys()) }, (_, i) => String(r.cells.get(i + 1) ?? '')),
  );
}

describe("the board's report to the ministry", () => {
  let sys: TestSystem;
  let admin: string;
  let board: string;
  let enterprise: string;

  beforeAll(async () => {
    sys = await startTestSystem('upward_report');
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    board = await sys.token({ role: 'board', name: 'BQL UA, UB, UC', zoneCodes: SCOPE });
    enterprise = await sys.token({ role: 'enterprise', name: 'DN', taxCode: E1 });
    for (const z of ZONES) {
      await createZone(sys.http, admin, z.code, {
        name: z.name,
        kind: z.kind,
        establishedOn: '2010-01-01',
        ...(z.plant ? { wastewaterCapacityM3Day: z.plant.capacity, wastewaterOperatingFrom: z.plant.from } : {}),
      });
      for (const [from, ha] of z.land)
        expect((await sys.http.put(`/v1/zones/${z.code}/land/${from}`, { leasableHa: ha }, admin)).status).toBe(200);
    }
    for (const [taxCode, zone, ownership] of ENTERPRISES) await createEnterprise(sys.http, admin, taxCode, zone, { ownership });
    for (const p of PROJECTS) await createProject(sys.http, admin, { ...p, zoneCode: zoneOf(p.taxCode) });
    await fileOnPaper(sys.http, admin, FILINGS);
    // The takeover is recorded after every report was counted: the sums move to the new block.
    const change = await sys.http.patch(`/v1/enterprises/${E2}`, { ownership: 'foreign', ownershipFrom: TAKEOVER }, admin);
    expect(change.status).toBe(200);
  }, 180_000);
  afterAll(() => sys?.close());

  const fetchReport = async (period: string, token: string) => {
    const r = await sys.http.get(`/v1/upward-reports/${period}.xlsx`, token);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers.get('content-disposition')).toContain(`bao-cao-kcn-gui-bo-${period.toLowerCase()}.xlsx`);
    return r.body as Buffer;
  };
  const lines = (zones: string[]) => [
    ...ZONES.filter((z) => zones.includes(z.code)).map((z) => ({ name: z.name, zones: [z.code] })),
    { name: TOTALS.industrial_park, zones: ZONES.filter((z) => zones.includes(z.code) && z.kind === 'industrial_park').map((z) => z.code) },
    {
      name: TOTALS.industrial_cluster,
      zones: ZONES.filter((z) => zones.includes(z.code) && z.kind === 'industrial_cluster').map((z) => z.code),
    },
    { name: TOTALS.all, zones },
  ];

  /** Every line and block of the table equals the figures worked out above, as the workbook shows them. */
  function expectTable(grid: string[][], period: string, zones: string[], parse: (text: string) => number | null) {
    const { columns, rows } = readTable(grid);
    for (const line of lines(zones)) {
      for (const block of ['whole', ...BLOCKS] as const) {
        const row = rows.find((r) => r[1] === line.name && r[2] === BLOCK_NAMES[block]);
        expect({ line: line.name, block, found: row !== undefined }).toEqual({ line: line.name, block, found: true });
        const shown = Object.fromEntries(
          Object.entries(COLUMNS).map(([key, header]) => {
            const i = columns.indexOf(header);
            if (i < 0) throw new Error(`no column ${header} in ${columns.join(' | ')}`);
            return [key, parse(row![i] ?? '')];
          }),
        );
        expect({ period, line: line.name, block, ...shown }).toEqual({
          period,
          line: line.name,
          block,
          ...asShown(expectedFigures(period, line.zones, block === 'whole' ? null : block)),
        });
      }
    }
    expect(rows).toHaveLength(lines(zones).length * 3);
  }

  it.each(Object.keys(PERIODS))('writes every block of %s as computed from the registry and the filings', async (period) => {
    const workbook = await openWorkbook(await fetchReport(period, board));
    const sheet = workbook.getWorksheet('Báo cáo')!;
    expect(sheet).toBeDefined();
    const grid = sheetGrid(sheet);
    expectTable(grid, period, SCOPE, (text) => (text === '' ? null : Number(text)));
    // Out of scope: UX is nowhere, not even in a total.
    expect(grid.flat().some((text) => text.includes('Xa Xôi'))).toBe(false);
  });

  it('keeps to the đồng what the summaries say, per zone and block, and UX counts for the admin only', async () => {
    for (const [period, { query }] of Object.entries(PERIODS)) {
      const summary = await sys.http.get(`/v1/summaries?${query}&by=ownership`, board);
      expect(summary.status).toBe(200);
      const keys = ['grossOutput', 'revenue', 'exportValueUsd', 'importValueUsd', 'stateBudgetPaid', 'realizedCapital'] as const;
      const pick = (f: Figures) => ({
        ...Object.fromEntries(keys.map((k) => [k, f[k]?.toString() ?? null])),
        workers: f.workers,
        femaleWorkers: f.femaleWorkers,
        foreignWorkers: f.foreignWorkers,
        operatingProjects: f.operatingProjects,
      });
      for (const zone of summary.body.zones) {
        for (const block of BLOCKS) {
          expect({ period, zone: zone.zoneCode, block, ...zone.blocks[block] }).toMatchObject({
            period,
            zone: zone.zoneCode,
            block,
            ...pick(expectedFigures(period, [zone.zoneCode], block)),
          });
        }
      }
      expect(summary.body.totals.all).toMatchObject(pick(expectedFigures(period, SCOPE, null)));
      // The workbook shows the summaries' figures.
      const grid = sheetGrid((await openWorkbook(await fetchReport(period, board))).getWorksheet('Báo cáo')!);
      const { columns, rows } = readTable(grid);
      const cell = (name: string, block: string, key: keyof Figures) => {
        const text = rows.find((r) => r[1] === name && r[2] === block)![columns.indexOf(COLUMNS[key])];
        return text === '' ? null : Number(text);
      };
      const millions = (v: string | null) => (v === null ? null : halfUp(BigInt(v), 1_000_000n));
      const ua = summary.body.zones.find((z: { zoneCode: string }) => z.zoneCode === 'UA');
      for (const block of BLOCKS) {
        expect(cell('Khu công nghiệp Uyên An', BLOCK_NAMES[block], 'grossOutput')).toBe(millions(ua.blocks[block].grossOutput));
        expect(cell('Khu công nghiệp Uyên An', BLOCK_NAMES[block], 'operatingProjects')).toBe(ua.blocks[block].operatingProjects);
      }
      expect(cell(TOTALS.all, BLOCK_NAMES.whole, 'revenue')).toBe(millions(summary.body.totals.all.revenue));
    }
    const all = ZONES.map((z) => z.code);
    const grid = sheetGrid((await openWorkbook(await fetchReport('2025', admin))).getWorksheet('Báo cáo')!);
    expectTable(grid, '2025', all, (text) => (text === '' ? null : Number(text)));
  });

  it('follows the takeover and the land that grew: the first half and the year read the registry of their last day', async () => {
    const read = async (period: string) => {
      const { columns, rows } = readTable(sheetGrid((await openWorkbook(await fetchReport(period, board))).getWorksheet('Báo cáo')!));
      return (block: string, key: keyof Figures) => {
        const text = rows.find((r) => r[1] === 'Khu công nghiệp Uyên An' && r[2] === block)![columns.indexOf(COLUMNS[key])];
        return text === '' ? null : Number(text);
      };
    };
    const [h1, year] = [await read('2025-H1'), await read('2025')];
    // DA-U-2 is new in the first half as domestic; by the end of the year E2 and both its projects are foreign.
    expect([h1(BLOCK_NAMES.domestic, 'newProjects'), h1(BLOCK_NAMES.foreign, 'newProjects')]).toEqual([1, 0]);
    expect([year(BLOCK_NAMES.domestic, 'newProjects'), year(BLOCK_NAMES.foreign, 'newProjects')]).toEqual([0, 2]);
    expect([h1(BLOCK_NAMES.whole, 'leasableHa'), year(BLOCK_NAMES.whole, 'leasableHa')]).toEqual([100, 160]);
    // Occupancy is the plan's as of the last day.
    for (const [period, day, cell] of [
      ['2025-H1', '2025-06-30', h1],
      ['2025', '2025-12-31', year],
    ] as const) {
      const plan = await sys.http.get(`/v1/plan?asOf=${day}`, board);
      const ua = plan.body.occupancy.find((o: { zoneCode: string | null }) => o.zoneCode === 'UA');
      expect({ period, leased: cell(BLOCK_NAMES.whole, 'leasedHa'), pct: cell(BLOCK_NAMES.whole, 'occupancyPct') }).toEqual({
        period,
        leased: ua.leasedHa,
        pct: ua.occupancyPct,
      });
    }
  });

  it('has the title block, the period as people write it, the recipient and the signature block', async () => {
    const grid = sheetGrid((await openWorkbook(await fetchReport('2025-H1', board))).getWorksheet('Báo cáo')!);
    const texts = grid.flat().filter((t) => t !== '');
    expect(texts).toEqual(
      expect.arrayContaining([
        'BAN QUẢN LÝ KHU KINH TẾ TỈNH LÀO CAI',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'BÁO CÁO',
        'Tình hình hoạt động các khu công nghiệp, cụm công nghiệp 6 tháng đầu năm 2025',
        'Kính gửi: Bộ Tài chính',
        'Ban Quản lý Khu kinh tế tỉnh Lào Cai',
        '6 tháng đầu năm 2025 (từ ngày 01/01/2025 đến ngày 30/06/2025)',
        'Người lập biểu',
        'Thủ trưởng đơn vị',
      ]),
    );
    expect(texts.some((t) => /^Lào Cai, ngày \d{2} tháng \d{2} năm \d{4}$/.test(t))).toBe(true);
    const year = sheetGrid((await openWorkbook(await fetchReport('2025', board))).getWorksheet('Báo cáo')!).flat();
    expect(year).toContain('Năm 2025 (từ ngày 01/01/2025 đến ngày 31/12/2025)');
    const q3 = sheetGrid((await openWorkbook(await fetchReport('2025-Q3', board))).getWorksheet('Báo cáo')!).flat();
    expect(q3).toContain('Tình hình hoạt động các khu công nghiệp, cụm công nghiệp quý III/2025');
  });

  it('is read the same by LibreOffice: the CSV it converts the workbook to has the same numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upward-'));
    try {
      for (const period of ['2025', '2025-H1']) {
        const file = join(dir, `${period}.xlsx`);
        writeFileSync(file, await fetchReport(period, board));
        execFileSync(
          'soffice',
          [
            `-env:UserInstallation=file://${dir}/profile`,
            '--headless',
            '--convert-to',
            'csv:Text - txt - csv (StarCalc):44,34,76,1',
            '--outdir',
            dir,
            file,
          ],
          { timeout: 120_000, stdio: 'pipe' },
        );
        const grid = csvGrid(readFileSync(join(dir, `${period}.csv`), 'utf8'));
        // Numbers as LibreOffice formats them for the sheet (#,##0 and #,##0.00), read back.
        expectTable(grid, period, SCOPE, (text) => (text === '' ? null : Number(text.replace(/,/g, ''))));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a period of another form naming it, and callers without the right', async () => {
    for (const bad of ['2025-H2', '2025-Q5', '25', '2025-06']) {
      const r = await sys.http.get(`/v1/upward-reports/${bad}.xlsx`, board);
      expectFieldProblem(r, 422, 'period', 'INVALID_PERIOD');
      expect(r.body.errors[0].message).toContain(`"${bad}"`);
    }
    expect((await sys.http.get('/v1/upward-reports/2025.xlsx', enterprise)).status).toBe(403);
    expect((await sys.http.get('/v1/upward-reports/2025.xlsx')).status).toBe(401);
  });

  describe("the board's pages", () => {
    let browser: Browser;
    let context: BrowserContext;
    beforeAll(async () => {
      browser = await launchBrowser();
      context = await newContext(browser, sys.http.baseUrl);
    }, 30_000);
    afterAll(async () => {
      await context?.close();
      await browser?.close();
    });

    const downloaded = async (page: import('playwright-core').Page, click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), grid: sheetGrid((await openWorkbook(readFileSync(path))).getWorksheet('Báo cáo')!) };
    };

    it("downloads the report from the overview and from the plan page, over the board's zones", async () => {
      const page = await signIn(context, board, '/?period=2025&lang=en');
      const fromOverview = await downloaded(page, () => page.getByRole('link', { name: 'Report to the ministry (Excel)' }).click());
      expect(fromOverview.name).toBe('bao-cao-kcn-gui-bo-2025.xlsx');
      expectTable(fromOverview.grid, '2025', SCOPE, (text) => (text === '' ? null : Number(text)));

      await page.goto('/plan?asOf=2025-12-31&lang=en');
      await page.getByLabel('Reporting period').fill('2025-H1');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'upward_report', 'plan-page-report-form');
      const fromPlan = await downloaded(page, () => page.getByRole('button', { name: 'Download report' }).click());
      expect(fromPlan.name).toBe('bao-cao-kcn-gui-bo-2025-h1.xlsx');
      expectTable(fromPlan.grid, '2025-H1', SCOPE, (text) => (text === '' ? null : Number(text)));

      const bad = await page.goto('/upward-report.xlsx?period=2025-H2&lang=en');
      expect(bad?.status()).toBe(422);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('The reporting period is not valid');
    });
  });
});
