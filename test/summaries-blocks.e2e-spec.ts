import { Workbook } from 'exceljs';
import { createEnterprise, createZone } from './support/fixtures';
import { fileOnPaper, PaperFiling } from './support/paper-filings';
import { aggregatesAndRecomputation } from './support/aggregate-invariant';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * FDI and domestic blocks (`?by=ownership`, the board's workbook), checked against figures worked out
 * here from the filings below, never by the code under test. Filings are keyed in by the board from
 * paper forms, whose stamps fix their timeliness.
 * - KA, industrial park: D1 (domestic) and F1 (foreign) file 2024-Q1 and every quarter of 2025; X,
 *   registered domestic, is taken over by a foreign investor on 2025-05-15 (recorded after its Q1..Q3
 *   reports were counted): its 2024-Q1 and 2025-Q1 count as domestic, its 2025-Q2 (the takeover's
 *   quarter ends after it) onwards as foreign, including its 2025-Q4 filed after the change.
 * - KB, industrial park: D2 (domestic) files every quarter of 2025; a project of D2 operates.
 * - CC, industrial cluster: C1 (foreign) files 2025-Q3 only.
 */
const D1 = '5300700001';
const F1 = '5300700002';
const X = '5300700003';
const D2 = '5300700004';
const C1 = '5300700005';
const TAKEOVER = '2025-05-15';
const YEAR = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
const M = 1_000_000;

type Block = 'foreign' | 'domestic';
const ZONE_OF: Record<string, string> = { [D1]: 'KA', [F1]: 'KA', [X]: 'KA', [D2]: 'KB', [C1]: 'CC' };
const KIND_OF: Record<string, 'industrial_park' | 'industrial_cluster'> = {
  KA: 'industrial_park',
  KB: 'industrial_park',
  CC: 'industrial_cluster',
};
const QUARTER_END: Record<string, string> = { Q1: '03-31', Q2: '06-30', Q3: '09-30', Q4: '12-31' };
/** The block of a report: its enterprise's on the quarter's last day. */
function blockOf(taxCode: string, period: string): Block {
  if (taxCode === F1 || taxCode === C1) return 'foreign';
  if (taxCode === X) return `${period.slice(0, 4)}-${QUARTER_END[period.slice(5)]}` >= TAKEOVER ? 'foreign' : 'domestic';
  return 'domestic';
}

const filing = (taxCode: string, period: string, output: number, workers: number, extra: PaperFiling['f'] = {}): PaperFiling => ({
  taxCode,
  period,
  f: {
    grossOutput: output * M + 123_457,
    grossOutputConstant2010: output * 700_000 + 11,
    revenue: output * 1_100_000 + 7,
    workers,
    wageFund: workers * 3 * 6_543_211,
    ...extra,
  },
});
const BEFORE_TAKEOVER: PaperFiling[] = [
  filing(D1, '2024-Q1', 4_000, 120),
  filing(F1, '2024-Q1', 9_000, 300, { exportValueUsd: 700_000 }),
  filing(X, '2024-Q1', 2_000, 80),
  ...YEAR.map((p, i) => filing(D1, p, 4_100 + i * 10, 121 + i)),
  ...YEAR.map((p, i) => filing(F1, p, 9_500 + i * 100, 310 + i, { exportValueUsd: 800_000 + i, femaleWorkers: 150 })),
  ...['2025-Q1', '2025-Q2', '2025-Q3'].map((p, i) => filing(X, p, 2_100 + i * 333, 82 + i, { femaleWorkers: 30 })),
  ...YEAR.map((p, i) => filing(D2, p, 1_000 + i, 40)),
  filing(C1, '2025-Q3', 555, 17, { exportValueUsd: 12_345 }),
];
const AFTER_TAKEOVER: PaperFiling[] = [filing(X, '2025-Q4', 3_000, 90, { femaleWorkers: 31 })];
const FILINGS = [...BEFORE_TAKEOVER, ...AFTER_TAKEOVER];

const big = (v: number | string | undefined) => (v === undefined ? null : BigInt(v));
/** n / d rounded half up. */
const halfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);
/** a / b × 100 rounded half away from zero to two decimals, as a number (no ties in these figures). */
const pct = (a: bigint, b: bigint) => Number(halfUp(a * 10_000n, b)) / 100;

interface Expected {
  reportsReceived: number;
  reportsExpected: number;
  grossOutput: string | null;
  grossOutputConstant2010: string | null;
  revenue: string | null;
  exportValueUsd: string | null;
  wageFund: string | null;
  workers: number | null;
  femaleWorkers: number | null;
  averageMonthlyWage: string | null;
  growthYoYPct: number | null;
  operatingProjects: number;
}

/** The figures of the filings `match` selects over `quarters`, worked out from the filings themselves. */
function expected(match: (x: PaperFiling) => boolean, quarters: string[], expectedReports: number, projects: number): Expected {
  const inPeriod = FILINGS.filter((x) => match(x) && quarters.includes(x.period));
  const yearEarlier = quarters.map((q) => `${Number(q.slice(0, 4)) - 1}${q.slice(4)}`);
  const earlier = FILINGS.filter((x) => match(x) && yearEarlier.includes(x.period));
  const sum = (rows: PaperFiling[], key: keyof PaperFiling['f']) => {
    const given = rows.filter((x) => x.f[key] !== undefined);
    return given.length === 0 ? null : given.reduce((s, x) => s + big(x.f[key])!, 0n);
  };
  // Stocks: each enterprise's latest report inside the period, in the block that report counts in.
  const latest = [...new Set(FILINGS.filter((x) => quarters.includes(x.period)).map((x) => x.taxCode))]
    .map((t) => FILINGS.filter((x) => x.taxCode === t && quarters.includes(x.period)).sort((a, b) => (a.period < b.period ? 1 : -1))[0])
    .filter(match);
  const stock = (key: 'workers' | 'femaleWorkers') => {
    const given = latest.filter((x) => x.f[key] !== undefined);
    return given.length === 0 ? null : given.reduce((s, x) => s + x.f[key]!, 0);
  };
  const wageFund = sum(inPeriod, 'wageFund');
  const workerMonths = inPeriod.reduce((s, x) => s + BigInt(x.f.workers!) * 3n, 0n);
  const constant = sum(inPeriod, 'grossOutputConstant2010');
  const constantBefore = sum(earlier, 'grossOutputConstant2010');
  return {
    reportsReceived: inPeriod.length,
    reportsExpected: expectedReports,
    grossOutput: sum(inPeriod, 'grossOutput')?.toString() ?? null,
    grossOutputConstant2010: constant?.toString() ?? null,
    revenue: sum(inPeriod, 'revenue')?.toString() ?? null,
    exportValueUsd: sum(inPeriod, 'exportValueUsd')?.toString() ?? null,
    wageFund: wageFund?.toString() ?? null,
    workers: stock('workers'),
    femaleWorkers: stock('femaleWorkers'),
    averageMonthlyWage: wageFund === null ? null : halfUp(wageFund, workerMonths).toString(),
    growthYoYPct:
      constant === null || constantBefore === null || constantBefore === 0n ? null : pct(constant - constantBefore, constantBefore),
    operatingProjects: projects,
  };
}

/** Enterprise-quarters in the block: every enterprise operates from 2020, so it is expected every quarter. */
function expectedReports(taxCodes: string[], quarters: string[], block: Block): number {
  return taxCodes.reduce((n, t) => n + quarters.filter((q) => blockOf(t, q) === block).length, 0);
}

const MONEY = ['grossOutput', 'grossOutputConstant2010', 'revenue', 'exportValueUsd', 'wageFund'] as const;
const COUNTS = ['reportsReceived', 'reportsExpected', 'workers', 'femaleWorkers', 'operatingProjects', 'warnings'] as const;

describe('FDI and domestic blocks: GET /v1/summaries?by=ownership and the workbook', () => {
  let sys: TestSystem;
  let admin: string;
  let board: string;
  let boardKb: string;

  beforeAll(async () => {
    sys = await startTestSystem('summaries_blocks');
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    board = await sys.token({ role: 'board', name: 'Ban Quản lý KKT' });
    boardKb = await sys.token({ role: 'board', name: 'BQL KB', zoneCodes: ['KB'] });
    await createZone(sys.http, admin, 'KA', { name: 'Khu công nghiệp Kim Anh' });
    await createZone(sys.http, admin, 'KB', { name: 'Khu công nghiệp Kim Bôi' });
    await createZone(sys.http, admin, 'CC', { name: 'Cụm công nghiệp Cốc Cọc', kind: 'industrial_cluster' });
    for (const t of [D1, X, D2]) await createEnterprise(sys.http, admin, t, ZONE_OF[t]);
    for (const t of [F1, C1]) await createEnterprise(sys.http, admin, t, ZONE_OF[t], { ownership: 'foreign' });
    for (const [code, taxCode] of [
      ['P-X', X],
      ['P-D2', D2],
    ]) {
      const r = await sys.http.post(
        '/v1/projects',
        { code, name: `Dự án ${code}`, taxCode, zoneCode: ZONE_OF[taxCode], status: 'operating', operatingFrom: '2020-01-01' },
        admin,
      );
      expect(r.status).toBe(201);
    }
    await fileOnPaper(sys.http, board, BEFORE_TAKEOVER);
    // The takeover is learnt of after X's Q1..Q3 were counted, all as domestic.
    const change = await sys.http.patch(`/v1/enterprises/${X}`, { ownership: 'foreign', ownershipFrom: TAKEOVER }, board);
    expect(change.status).toBe(200);
    expect(change.body).toMatchObject({
      ownership: 'foreign',
      ownershipHistory: [
        { ownership: 'domestic', from: null },
        { ownership: 'foreign', from: TAKEOVER },
      ],
    });
    await fileOnPaper(sys.http, board, AFTER_TAKEOVER);
  }, 120_000);
  afterAll(() => sys?.close());

  const zoneTaxCodes = (zone: string | null, kind: string | null) =>
    Object.keys(ZONE_OF).filter((t) => (zone === null || ZONE_OF[t] === zone) && (kind === null || KIND_OF[ZONE_OF[t]] === kind));
  const projectsOf = (taxCodes: string[], block: Block, period: string[]) =>
    // P-X and P-D2 operate throughout; each counts in its enterprise's block at the end of the period.
    taxCodes.filter((t) => (t === X || t === D2) && blockOf(t, period[period.length - 1]) === block).length;
  const blockExpected = (taxCodes: string[], quarters: string[], block: Block) =>
    expected(
      (x) => taxCodes.includes(x.taxCode) && blockOf(x.taxCode, x.period) === block,
      quarters,
      expectedReports(taxCodes, quarters, block),
      projectsOf(taxCodes, block, quarters),
    );

  it.each([
    ['2025', YEAR],
    ['2025-Q1', ['2025-Q1']],
    ['2025-Q3', ['2025-Q3']],
  ])('splits every zone and total of %s into blocks computed from the filings', async (period, quarters) => {
    const r = await sys.http.get(`/v1/summaries?period=${period}&by=ownership`, board);
    expect(r.status).toBe(200);
    for (const zone of r.body.zones) {
      for (const block of ['foreign', 'domestic'] as const) {
        expect({ zone: zone.zoneCode, block, ...zone.blocks[block] }).toMatchObject({
          zone: zone.zoneCode,
          block,
          ...blockExpected(zoneTaxCodes(zone.zoneCode, null), quarters, block),
        });
      }
    }
    for (const kind of ['industrial_park', 'industrial_cluster', 'all'] as const) {
      for (const block of ['foreign', 'domestic'] as const) {
        expect({ kind, block, ...r.body.totals[kind].blocks[block] }).toMatchObject({
          kind,
          block,
          ...blockExpected(zoneTaxCodes(null, kind === 'all' ? null : kind), quarters, block),
        });
      }
    }
  });

  it('counts X in the block of each quarter: its Q1 as domestic, its Q3 and Q4 as foreign', async () => {
    const q1 = (await sys.http.get('/v1/summaries?period=2025-Q1&by=ownership', board)).body.zones.find((z: any) => z.zoneCode === 'KA');
    const q3 = (await sys.http.get('/v1/summaries?period=2025-Q3&by=ownership', board)).body.zones.find((z: any) => z.zoneCode === 'KA');
    const output = (t: string, p: string) => BigInt(FILINGS.find((x) => x.taxCode === t && x.period === p)!.f.grossOutput!);
    expect(q1.blocks.domestic.grossOutput).toBe((output(D1, '2025-Q1') + output(X, '2025-Q1')).toString());
    expect(q1.blocks.foreign.grossOutput).toBe(output(F1, '2025-Q1').toString());
    expect(q3.blocks.domestic.grossOutput).toBe(output(D1, '2025-Q3').toString());
    expect(q3.blocks.foreign.grossOutput).toBe((output(F1, '2025-Q3') + output(X, '2025-Q3')).toString());
  });

  it('keeps every zone and total equal to its domestic plus its foreign block, to the đồng', async () => {
    for (const period of ['2025', '2025-Q2', '2024-Q1']) {
      const r = await sys.http.get(`/v1/summaries?period=${period}&by=ownership`, board);
      const plain = await sys.http.get(`/v1/summaries?period=${period}`, board);
      for (const item of [...r.body.zones, ...Object.values(r.body.totals)] as any[]) {
        const { foreign, domestic } = item.blocks;
        for (const k of MONEY) {
          const parts = [foreign[k], domestic[k]].filter((v) => v !== null);
          expect({ period, k, v: parts.length === 0 ? null : parts.reduce((s, v) => s + BigInt(v), 0n).toString() }).toEqual({
            period,
            k,
            v: item[k],
          });
        }
        for (const k of COUNTS) expect({ period, k, v: (foreign[k] ?? 0) + (domestic[k] ?? 0) }).toEqual({ period, k, v: item[k] ?? 0 });
      }
      // The split adds blocks and changes nothing else.
      const strip = (body: any) => ({
        zones: body.zones.map(({ blocks: _, ...z }: any) => z),
        totals: Object.fromEntries(Object.entries(body.totals).map(([k, { blocks: _, ...t }]: [string, any]) => [k, t])),
      });
      expect(strip(r.body)).toEqual(strip(plain.body));
      expect(plain.body.zones[0].blocks).toBeUndefined();
    }
  });

  it('derives shares per block from the same base as their zone, and a total block against its total', async () => {
    const r = await sys.http.get('/v1/summaries?period=2025&by=ownership', board);
    const sumOf = (taxCodes: string[], block?: Block) =>
      FILINGS.filter(
        (x) => taxCodes.includes(x.taxCode) && YEAR.includes(x.period) && (block === undefined || blockOf(x.taxCode, x.period) === block),
      ).reduce((s, x) => s + BigInt(x.f.grossOutput!), 0n);
    const parks = sumOf(zoneTaxCodes(null, 'industrial_park'));
    const ka = r.body.zones.find((z: any) => z.zoneCode === 'KA');
    expect(ka.blocks.foreign.grossOutputSharePct).toBe(pct(sumOf(zoneTaxCodes('KA', null), 'foreign'), parks));
    expect(ka.blocks.domestic.grossOutputSharePct).toBe(pct(sumOf(zoneTaxCodes('KA', null), 'domestic'), parks));
    const all = sumOf(Object.keys(ZONE_OF));
    expect(r.body.totals.all.blocks.foreign.grossOutputSharePct).toBe(pct(sumOf(Object.keys(ZONE_OF), 'foreign'), all));
    expect(ka.blocks.foreign.planTarget).toBeNull();
  });

  it("keeps a board to its zones and answers a zone's own summary split too", async () => {
    const r = await sys.http.get('/v1/summaries?period=2025&by=ownership', boardKb);
    expect(r.body.zones.map((z: any) => z.zoneCode)).toEqual(['KB']);
    expect(r.body.totals.all.blocks.foreign.reportsReceived).toBe(0);
    expect(r.body.totals.all.blocks.domestic).toMatchObject(blockExpected([D2], YEAR, 'domestic'));
    const one = await sys.http.get('/v1/zones/KA/summary?period=2025&by=ownership', board);
    expect(one.body.blocks.foreign).toMatchObject(blockExpected(zoneTaxCodes('KA', null), YEAR, 'foreign'));
    expect((await sys.http.get('/v1/zones/KA/summary?period=2025&by=ownership', boardKb)).status).toBe(404);
  });

  it('refuses another split, on the public summaries too, naming the field', async () => {
    for (const [path, token] of [
      ['/v1/summaries?period=2025&by=vsic', board],
      ['/v1/public/summaries?period=2025&by=vsic', undefined],
    ] as const) {
      const bad = await sys.http.get(path, token);
      expect(bad.status).toBe(422);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'by', code: 'NOT_ALLOWED' })]);
    }
  });

  it('keeps the stored sums equal to a recomputation after the change of block', async () => {
    const { stored, recomputed } = await aggregatesAndRecomputation(sys);
    expect(stored).toEqual(recomputed);
    const blocks = await sys.query<{ ownership: string; reports: number }>(
      `SELECT ownership, sum(reports)::int AS reports FROM zone_quarter_aggregates
       WHERE zone_code = 'KA' AND period LIKE '2025-%' GROUP BY 1 ORDER BY 1`,
    );
    // Domestic: D1 × 4 + X's Q1; foreign: F1 × 4 + X's Q2..Q4.
    expect(blocks).toEqual([
      { ownership: 'domestic', reports: 5 },
      { ownership: 'foreign', reports: 7 },
    ]);
  });

  it('validates the change of block: 422 naming the field, and the audit log records it', async () => {
    const noBlock = await sys.http.patch(`/v1/enterprises/${D1}`, { ownershipFrom: '2025-01-01' }, board);
    expect(noBlock.status).toBe(422);
    expect(noBlock.body.errors).toEqual([expect.objectContaining({ field: 'ownershipFrom', code: 'REQUIRES_OWNERSHIP' })]);
    const badDay = await sys.http.patch(`/v1/enterprises/${D1}`, { ownership: 'foreign', ownershipFrom: '2025-02-30' }, board);
    expect(badDay.status).toBe(422);
    expect(badDay.body.errors).toEqual([expect.objectContaining({ field: 'ownershipFrom' })]);
    const badBlock = await sys.http.patch(`/v1/enterprises/${D1}`, { ownership: 'fdi', ownershipFrom: '2025-01-01' }, board);
    expect(badBlock.status).toBe(422);
    expect(badBlock.body.errors).toEqual([expect.objectContaining({ field: 'ownership', code: 'NOT_ALLOWED' })]);
    expect((await sys.http.patch(`/v1/enterprises/${D1}`, { ownership: 'foreign', ownershipFrom: '2025-01-01' }, boardKb)).status).toBe(
      404,
    );

    const audit = await sys.http.get(`/v1/audit?entity=enterprise&id=${X}`, admin);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'enterprise.update', details: { ownership: 'foreign', ownershipFrom: TAKEOVER } }),
      ]),
    );
    // Sending the current block back changes nothing: the history stays.
    const same = await sys.http.patch(`/v1/enterprises/${X}`, { ownership: 'foreign', name: `Công ty ${X}` }, board);
    expect(same.body.ownershipHistory).toHaveLength(2);
  });

  it("shows the blocks in the board's workbook, money in millions of đồng", async () => {
    const reply = await sys.http.get('/v1/summaries.xlsx?period=2025', board);
    expect(reply.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(reply.body as never);
    const sheet = workbook.getWorksheet('Khối FDI và trong nước')!;
    expect(sheet).toBeDefined();
    const headers = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    const col = (start: string) => headers.findIndex((h) => h.startsWith(start));
    expect(headers[col('Giá trị sản xuất công nghiệp, giá hiện hành')]).toBe('Giá trị sản xuất công nghiệp, giá hiện hành (triệu đồng)');
    const rows: unknown[][] = [];
    for (let i = 4; i <= sheet.rowCount; i++) rows.push((sheet.getRow(i).values as unknown[]).slice(1));
    const find = (code: string | null, name: string | null, block: string) =>
      rows.find((r) => (code === null ? r[1] === name : r[0] === code) && r[col('Khối')] === block)!;
    const fdi = 'Khối FDI (có vốn đầu tư nước ngoài)';
    const millions = (v: string | null) => (v === null ? null : Number(halfUp(BigInt(v), 1_000_000n)));
    for (const [code, block, label] of [
      ['KA', 'foreign', fdi],
      ['KA', 'domestic', 'Khối trong nước'],
      ['KB', 'domestic', 'Khối trong nước'],
      ['CC', 'foreign', fdi],
    ] as const) {
      const e = blockExpected(zoneTaxCodes(code, null), YEAR, block);
      const row = find(code, null, label);
      expect({
        code,
        block,
        output: row[col('Giá trị sản xuất công nghiệp, giá hiện hành')],
        workers: row[col('Số lao động cuối kỳ')],
      }).toEqual({
        code,
        block,
        output: millions(e.grossOutput),
        workers: e.workers,
      });
    }
    const province = find(null, 'Toàn tỉnh', fdi);
    expect(province[col('Giá trị sản xuất công nghiệp, giá hiện hành')]).toBe(
      millions(blockExpected(Object.keys(ZONE_OF), YEAR, 'foreign').grossOutput),
    );
    // KB has no foreign enterprise: its FDI row is there, with no output.
    expect(find('KB', null, fdi)[col('Giá trị sản xuất công nghiệp, giá hiện hành')] ?? null).toBeNull();
  });
});
