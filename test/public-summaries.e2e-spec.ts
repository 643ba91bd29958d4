import { createEnterprise, createZone } from './support/fixtures';
import { fileOnPaper, PaperFiling } from './support/paper-filings';
import { expectProblem } from './support/problem-assertions';
import { todaysPublication } from './support/publication-calendar';
import { startTestSystem, TestSystem } from './support/test-system';
import { field, openWorkbook, sheetRecords } from './support/workbook-rows';
import { publish } from './support/publish';

/*
 * GET /v1/public/summaries: the figures of the latest publication after disclosure control, for
 * anyone. Each enterprise below reports the same proportions on every magnitude (u million đồng of
 * gross output, 1.05·u of revenue, u/10 workers paid 6 million a month), so one list of u per zone
 * tells how each rule decides, worked out by hand next to it. The rules (docs/domain/disclosure-control.md):
 * fewer than 3 enterprises, or X − x1 − x2 < p% · x1, and a lone withheld zone under a total takes the smallest
 * other zone with it.
 * Industrial parks:
 * - SOLO {500}: one enterprise, withheld;
 * - SMALL {100,100,100}: the smallest other park, withheld with it (else SOLO = parks − SMALL − BIG);
 *   together {500,100,100,100}: 800 − 500 − 100 = 200 ≥ 10% · 500, safe;
 * - BIG {2000,2000,2000}: published.
 * Industrial clusters (golden cases, worked out by hand):
 * - C90 {900,100}: withheld (2 enterprises; and 1000 − 900 − 100 = 0 < 90);
 * - CMID {300,300,300}: the smallest other cluster (900 < 1000), withheld with C90;
 *   together 1900 − 900 − 300 = 700 ≥ 90, safe;
 * - C80 {800,100,100}: 1000 − 800 − 100 = 100 ≥ 10% · 800 = 80, published.
 * With p = 25 instead: C80 is withheld itself (100 < 200); C90 and C80 together give
 * 2000 − 900 − 800 = 300 ≥ 25% · 900 = 225, so CMID is published again.
 * And a cluster across periods: LATE's three enterprises filed {1000,1000,1000} in the first quarter
 * of the year, but only L1 filed, {50}, in the latest quarter. In the quarter LATE is withheld (one
 * enterprise; with C90, {900,100,50}: 1050 − 900 − 100 = 50 < 90, so CMID is still needed). In the year
 * to date, {1050,1000,1000}, LATE would pass on its own, yet it is withheld there too: the year to date
 * minus the one published a quarter earlier is L1's quarter.
 */
const QUARTER = todaysPublication().latestQuarter;
const YEAR_TO_DATE = todaysPublication().yearToDate;
// Today (November) the year to date runs from Q1 to Q3; LATE's earlier filings are in its first quarter.
const EARLIER = YEAR_TO_DATE[0];
const M = 1_000_000;

const ZONES: Record<string, { kind: 'industrial_park' | 'industrial_cluster'; units: number[] }> = {
  SOLO: { kind: 'industrial_park', units: [500] },
  SMALL: { kind: 'industrial_park', units: [100, 100, 100] },
  BIG: { kind: 'industrial_park', units: [2000, 2000, 2000] },
  C90: { kind: 'industrial_cluster', units: [900, 100] },
  CMID: { kind: 'industrial_cluster', units: [300, 300, 300] },
  C80: { kind: 'industrial_cluster', units: [800, 100, 100] },
  LATE: { kind: 'industrial_cluster', units: [50] },
};
const taxCode = (zoneIndex: number, i: number) => `53006${String(zoneIndex).padStart(2, '0')}${String(i + 1).padStart(3, '0')}`;
// SOLO's enterprise also realised 3,000 million đồng of investment: its own figure, to be withheld with it.
const FILINGS: PaperFiling[] = Object.values(ZONES).flatMap(({ units }, z) =>
  units.map((u, i) => ({
    taxCode: taxCode(z, i),
    period: QUARTER,
    f: {
      grossOutput: u * M,
      revenue: u * 1_050_000,
      workers: u / 10,
      wageFund: (u / 10) * 3 * 6_000_000,
      ...(z === 0 ? { realizedCapital: 3_000 * M } : {}),
    },
  })),
);
const LATE_EARLIER: PaperFiling[] = [0, 1, 2].map((i) => ({
  taxCode: taxCode(6, i),
  period: EARLIER,
  f: { grossOutput: 1000 * M, revenue: 1000 * 1_050_000, workers: 100, wageFund: 100 * 3 * 6_000_000 },
}));
const output = (zone: string) => String(ZONES[zone].units.reduce((a, b) => a + b, 0) * M);

/**
 * Every figure these zones report, each judged on its own and here withheld on each (the same proportions
 * everywhere); shares and averages with the figures they come from. Output at 2010 prices nobody reported:
 * it is null, not withheld.
 */
const WITHHELD_FIGURES = ['grossOutput', 'grossOutputSharePct', 'revenue', 'wageFund', 'averageMonthlyWage', 'workers'];

type PublicZone = Record<string, unknown> & { zoneCode: string; withheld: string[] };

describe('public summaries: published figures after disclosure control, for anyone', () => {
  let sys: TestSystem;
  let admin: string;
  let board: string;

  const publicSummary = async (query: string) => {
    const r = await sys.http.get(`/v1/public/summaries?${query}`);
    expect(r.status).toBe(200);
    return r.body as {
      publication: { id: number };
      zones: PublicZone[];
      totals: Record<string, Record<string, unknown> & { withheld: string[] }>;
    };
  };
  const withheldZones = (s: { zones: PublicZone[] }) =>
    s.zones
      .filter((z) => z.withheld.includes('grossOutput'))
      .map((z) => z.zoneCode)
      .sort();
  const zone = (s: { zones: PublicZone[] }, code: string) => s.zones.find((z) => z.zoneCode === code)!;

  beforeAll(async () => {
    sys = await startTestSystem('public_summaries');
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    board = await sys.token({ role: 'board', name: 'Ban Quản lý KKT' });
    for (const [z, [code, { kind, units }]] of Object.entries(ZONES).entries()) {
      await createZone(sys.http, admin, code, { kind, name: `${kind === 'industrial_park' ? 'KCN' : 'CCN'} ${code}` });
      for (let i = 0; i < units.length; i++) await createEnterprise(sys.http, admin, taxCode(z, i), code);
    }
    for (const { taxCode: t } of LATE_EARLIER.slice(1)) await createEnterprise(sys.http, admin, t, 'LATE');
    const project = await sys.http.post(
      '/v1/projects',
      { code: 'P-SOLO', name: 'Nhà máy SOLO', taxCode: taxCode(0, 0), zoneCode: 'SOLO', status: 'operating', operatingFrom: '2020-01-01' },
      admin,
    );
    expect(project.status).toBe(201);
    await fileOnPaper(sys.http, board, [...FILINGS, ...LATE_EARLIER]);
    expect((await publish(sys.http, {}, admin)).status).toBe(202);
  }, 60_000);

  afterAll(async () => {
    await sys?.close();
  }, 30_000);

  it('withholds a one-enterprise park and its complement, keeps their counts and publishes the total', async () => {
    const s = await publicSummary(`period=${QUARTER}`);
    expect(s).toMatchObject({ period: QUARTER, quarters: [QUARTER], publication: { id: 1 } });
    expect(withheldZones(s)).toEqual(['C90', 'CMID', 'LATE', 'SMALL', 'SOLO']);
    for (const code of ['SOLO', 'SMALL']) {
      const z = zone(s, code);
      expect(z.withheld).toEqual(expect.arrayContaining(WITHHELD_FIGURES));
      for (const f of WITHHELD_FIGURES) expect(z[f]).toBeNull();
    }
    expect(zone(s, 'SOLO')).toMatchObject({
      realizedCapital: null,
      reportsExpected: 1,
      reportsReceived: 1,
      reportsOnTime: 1,
      operatingProjects: 1,
    });
    expect(zone(s, 'SOLO').heldBack).toEqual(
      expect.arrayContaining([
        { field: 'grossOutput', reason: 'confidential' },
        { field: 'realizedCapital', reason: 'confidential' },
      ]),
    );
    expect(zone(s, 'SMALL').heldBack).toEqual(expect.arrayContaining([{ field: 'grossOutput', reason: 'protects another figure' }]));
    expect(zone(s, 'SMALL')).toMatchObject({ reportsExpected: 3, reportsReceived: 3 });
    expect(zone(s, 'BIG')).toMatchObject({ grossOutput: output('BIG'), workers: 600, withheld: [] });
    // 500 + 300 + 6,000 million đồng: the total stands, only its parts are hidden. Realised investment is
    // judged like any figure: SOLO's enterprise is the only investor, so the totals would be its own figure.
    expect(s.totals.industrial_park).toMatchObject({
      grossOutput: String(6_800 * M),
      workers: 680,
      reportsReceived: 7,
      realizedCapital: null,
      withheld: ['realizedCapital'],
    });
    // Workers of the province minus those of the parks would be the clusters' (withheld, see below).
    expect(s.totals.all).toMatchObject({ grossOutput: String(9_750 * M), withheld: ['realizedCapital', 'workers'] });
    expect(s.totals.all.heldBack).toEqual([
      { field: 'realizedCapital', reason: 'confidential' },
      { field: 'workers', reason: 'protects another figure' },
    ]);
  });

  it('applies the p% rule as in the golden cases: {90,10} withheld, {80,10,10} published', async () => {
    const s = await publicSummary(`period=${QUARTER}`);
    expect(zone(s, 'C90')).toMatchObject({ grossOutput: null, revenue: null, workers: null, reportsReceived: 2 });
    expect(zone(s, 'CMID')).toMatchObject({ grossOutput: null, reportsReceived: 3 });
    expect(zone(s, 'C80')).toMatchObject({
      grossOutput: output('C80'),
      revenue: String(1_050 * M),
      workers: 100,
      averageMonthlyWage: '6000000',
      withheld: [],
    });
    // Headcounts are stocks: over the year to date, LATE's two enterprises that filed only in its first
    // quarter count with that quarter's figure, so the clusters' year to date minus their quarter would be
    // the sum of those two. The quarter's cluster total of workers protects it; the output total stands.
    expect(s.totals.industrial_cluster).toMatchObject({ grossOutput: String(2_950 * M), workers: null, withheld: ['workers'] });
    expect(s.totals.industrial_cluster.heldBack).toEqual([{ field: 'workers', reason: 'protects another figure' }]);
    // The parameters of the rules stay out of what is published.
    expect(JSON.stringify(s)).not.toMatch(/pPercent|minContributors|sensitive|primary|secondary/);
  });

  it('withholds in the year to date a zone the quarter withholds, though it would pass there on its own', async () => {
    const ytd = await publicSummary(`from=${YEAR_TO_DATE[0]}&to=${QUARTER}`);
    expect(ytd.zones.map((z) => z.zoneCode).sort()).toEqual(Object.keys(ZONES).sort());
    expect(zone(ytd, 'LATE')).toMatchObject({ grossOutput: null, workers: null, reportsReceived: 4 });
    expect(withheldZones(ytd)).toEqual(['C90', 'CMID', 'LATE', 'SMALL', 'SOLO']);
    // 1,000 + 900 + 1,000 + 3,050 million đồng of cluster output over the year to date, LATE's among them.
    expect(ytd.totals.industrial_cluster).toMatchObject({ grossOutput: String(5_950 * M), withheld: [] });
  });

  it('needs no token and answers 404 for a period no publication covers', async () => {
    expectProblem(await sys.http.get('/v1/public/summaries?period=2019-Q3'), 404);
    expectProblem(await sys.http.get('/v1/public/summaries?period=2026-Q5'), 422);
  });

  it('shows the board the full figures of the same publication', async () => {
    const full = await sys.http.get('/v1/publications/1', board);
    expect(full.status).toBe(200);
    const boardZones = full.body.figures.latestQuarter.zones as PublicZone[];
    expect(zone({ zones: boardZones }, 'SOLO')).toMatchObject({
      grossOutput: output('SOLO'),
      workers: 50,
      realizedCapital: String(3_000 * M),
    });
    expect(zone({ zones: boardZones }, 'C90')).toMatchObject({ grossOutput: output('C90') });
    expect(zone({ zones: full.body.publicFigures.latestQuarter.zones }, 'SOLO')).toMatchObject({ grossOutput: null });
    expect((await sys.http.get('/v1/publications/1')).status).toBe(401);

    // The public workbook of the publication: the withheld cells are empty, and say why.
    const workbook = await openWorkbook((await sys.http.get('/v1/publications/1/workbook.xlsx?audience=public', board)).body as Buffer);
    const rows = sheetRecords(workbook.getWorksheet('Tổng hợp theo khu')!, 2);
    const solo = rows.find((r) => r['Mã khu'] === 'SOLO')!;
    expect(field(solo, 'Giá trị sản xuất công nghiệp, giá hiện hành')).toBeNull();
    expect(field(solo, 'Số báo cáo đã nhận')).toBe(1);
    expect(field(solo, 'Số liệu không công bố')).toEqual(expect.stringContaining('Giá trị sản xuất công nghiệp, giá hiện hành'));
    expect(
      field(
        rows.find((r) => r['Mã khu'] === 'BIG')!,
        'Giá trị sản xuất công nghiệp, giá hiện hành',
      ),
    ).toBe(6_000);
  });

  // Judged alone, this publication would need no cluster complement (C90 and C80 protect each other), but the
  // first publication, under p = 10, published C80 and the cluster total: with them, CMID published would leave
  // C90 and LATE as 2,950 − 1,000 − 900 = 1,050, C90's 900 within 25 % of the largest. CMID stays withheld.
  it('takes p from DISCLOSURE_P_PERCENT: p = 25 withholds {80,10,10}; the audit of past publications keeps the complement', async () => {
    // The worker builds publications: it is the one given the setting.
    await sys.stopWorker();
    await sys.startWorker({ DISCLOSURE_P_PERCENT: '25' });
    const republished = await publish(sys.http, { force: true }, admin);
    expect(republished.status).toBe(202);
    const s = await publicSummary(`period=${QUARTER}`);
    expect(s.publication.id).toBe(republished.body.id);
    expect(withheldZones(s)).toEqual(['C80', 'C90', 'CMID', 'LATE', 'SMALL', 'SOLO']);
    expect(zone(s, 'C80').heldBack).toEqual(expect.arrayContaining([{ field: 'grossOutput', reason: 'confidential' }]));
    expect(zone(s, 'CMID').heldBack).toEqual(expect.arrayContaining([{ field: 'grossOutput', reason: 'protects another figure' }]));
    expect(s.totals.industrial_cluster).toMatchObject({ grossOutput: String(2_950 * M) });
  });
});
