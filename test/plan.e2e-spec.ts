import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, newContext, screenshot, seriousViolations, signIn } from './support/browser';
import { createEnterprise, createProject, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { expectFieldProblem } from './support/problem-assertions';
import { startTestSystem, TestSystem } from './support/test-system';

/**
 * The province plan as of a day, every figure computed here again from the registry and the reports
 * this suite creates: zones counted from their establishment, areas, registered USD capital, jobs from
 * each enterprise's latest report among the four quarters ended, cluster wastewater coverage, a year's
 * park output at 2010 prices, the linear path to each deadline, and occupancy with a zone whose
 * leasable land grows in the middle of 2025.
 */
const SUITE = 'plan';
const PLAN_START = '2021-01-01';

interface ZoneFact {
  code: string;
  kind: 'industrial_park' | 'industrial_cluster';
  areaHa?: number;
  establishedOn?: string;
  plant?: { capacity: number; from: string };
  land: Array<[from: string, ha: number]>;
}
const ZONES: ZoneFact[] = [
  {
    code: 'PLA',
    kind: 'industrial_park',
    areaHa: 100.5,
    establishedOn: '2010-05-01',
    land: [
      ['2010-05-01', 60],
      ['2025-07-01', 90],
    ],
  },
  { code: 'PLB', kind: 'industrial_park', areaHa: 200, establishedOn: '2024-07-01', land: [['2024-07-01', 150]] },
  { code: 'PLC', kind: 'industrial_park', land: [] },
  {
    code: 'PLK',
    kind: 'industrial_cluster',
    areaHa: 50,
    establishedOn: '2019-01-01',
    plant: { capacity: 2000, from: '2025-03-01' },
    land: [['2019-01-01', 20]],
  },
  { code: 'PLL', kind: 'industrial_cluster', areaHa: 40, establishedOn: '2022-03-01', land: [] },
];

const ENTERPRISES: Array<[taxCode: string, zone: string, ownership: 'domestic' | 'foreign']> = [
  ['5300900001', 'PLA', 'foreign'],
  ['5300900002', 'PLB', 'domestic'],
  ['5300900003', 'PLK', 'domestic'],
  ['5300900004', 'PLA', 'domestic'],
];

interface ProjectFact {
  code: string;
  taxCode: string;
  zone: string;
  status: 'operating' | 'under_construction' | 'terminated';
  operatingFrom?: string;
  endedAt?: string;
  registeredOn?: string;
  usd?: number;
  leasedHa?: number;
  leasedFrom?: string;
}
const PROJECTS: ProjectFact[] = [
  {
    code: 'DA-PL-1',
    taxCode: '5300900001',
    zone: 'PLA',
    status: 'operating',
    operatingFrom: '2018-01-01',
    registeredOn: '2017-06-01',
    usd: 50_000_000,
    leasedHa: 30,
  },
  {
    code: 'DA-PL-2',
    taxCode: '5300900002',
    zone: 'PLB',
    status: 'under_construction',
    registeredOn: '2024-08-01',
    usd: 12_000_000,
    leasedHa: 45.5,
    leasedFrom: '2024-09-01',
  },
  { code: 'DA-PL-3', taxCode: '5300900003', zone: 'PLK', status: 'operating', operatingFrom: '2020-01-01', leasedHa: 10 },
  {
    code: 'DA-PL-4',
    taxCode: '5300900004',
    zone: 'PLA',
    status: 'under_construction',
    registeredOn: '2025-08-15',
    usd: 3_000_000,
    leasedHa: 25.25,
    leasedFrom: '2025-08-15',
  },
  {
    code: 'DA-PL-5',
    taxCode: '5300900004',
    zone: 'PLA',
    status: 'terminated',
    operatingFrom: '2019-06-01',
    endedAt: '2025-05-31',
    registeredOn: '2019-01-01',
    usd: 1_000_000,
    leasedHa: 5,
  },
];

/** Each report's 2010-price output (billion đồng) and workers. */
const REPORTS: Array<[taxCode: string, period: string, output2010Billion: number, workers: number]> = [
  ['5300900001', '2020-Q4', 3_000, 300],
  ['5300900001', '2025-Q1', 4_000, 500],
  ['5300900001', '2025-Q2', 4_500, 520],
  ['5300900001', '2025-Q3', 5_000, 530],
  ['5300900002', '2025-Q2', 1_000, 80],
  ['5300900003', '2025-Q1', 300, 40],
  ['5300900004', '2024-Q3', 700, 60],
];

const TARGETS: Record<string, { value: number; unit: string; deadline: string }> = {
  industrial_parks: { value: 10, unit: 'parks', deadline: '2030-12-31' },
  industrial_clusters: { value: 15, unit: 'clusters', deadline: '2030-12-31' },
  park_area_ha: { value: 2000, unit: 'ha', deadline: '2030-12-31' },
  cluster_area_ha: { value: 800, unit: 'ha', deadline: '2030-12-31' },
  investment_usd: { value: 10_000_000_000, unit: 'USD', deadline: '2030-12-31' },
  jobs: { value: 50_000, unit: 'workers', deadline: '2030-12-31' },
  cluster_wastewater_pct: { value: 100, unit: '%', deadline: '2030-12-31' },
  park_output_2025: { value: 24_000_000_000_000, unit: 'đồng', deadline: '2025-12-31' },
};
const SOURCE = 'Quyết định 273/QĐ-TTg (Quy hoạch tỉnh Lào Cai thời kỳ 2021–2030)';

// --- The expected plan, from the facts above ---

/** Half away from zero at two decimals, on the decimal value (15.025 → 15.03, which binary floating point holds as 15.02499…). */
const round2 = (x: number) => Math.round(Number((x * 100).toFixed(6))) / 100;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
const quarterEnd = (period: string) => {
  const [year, q] = [Number(period.slice(0, 4)), Number(period.slice(6))];
  return new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
};
/** Quarters as numbers (year × 4 + q − 1), to step back through them. */
const quarterNumber = (period: string) => Number(period.slice(0, 4)) * 4 + Number(period.slice(6)) - 1;

function expectedFigure(key: string, day: string, zones: readonly string[]): number | null {
  const inScope = ZONES.filter((z) => zones.includes(z.code));
  const established = (kind: ZoneFact['kind']) => inScope.filter((z) => z.kind === kind && z.establishedOn && z.establishedOn <= day);
  const projects = PROJECTS.filter((p) => zones.includes(p.zone));
  const inForce = (p: ProjectFact) => (p.endedAt ? p.endedAt > day : p.status !== 'terminated');
  const reports = REPORTS.filter(([taxCode]) => zones.includes(ENTERPRISES.find((e) => e[0] === taxCode)![1]));
  switch (key) {
    case 'industrial_parks':
      return established('industrial_park').length;
    case 'industrial_clusters':
      return established('industrial_cluster').length;
    case 'park_area_ha':
      return round2(sum(established('industrial_park').map((z) => z.areaHa ?? 0)));
    case 'cluster_area_ha':
      return round2(sum(established('industrial_cluster').map((z) => z.areaHa ?? 0)));
    case 'investment_usd':
      return sum(projects.filter((p) => p.usd && (p.registeredOn ?? p.operatingFrom)! <= day && inForce(p)).map((p) => p.usd!));
    case 'jobs': {
      // Each enterprise's latest report among the four quarters ended by the day.
      let lastEnded = quarterNumber(`${day.slice(0, 4)}-Q4`);
      while (quarterEnd(`${Math.floor(lastEnded / 4)}-Q${(lastEnded % 4) + 1}`) > day) lastEnded--;
      const latest = new Map<string, [number, number]>();
      for (const [taxCode, period, , workers] of reports) {
        const n = quarterNumber(period);
        if (n > lastEnded || n <= lastEnded - 4) continue;
        if ((latest.get(taxCode)?.[0] ?? -1) < n) latest.set(taxCode, [n, workers]);
      }
      return sum([...latest.values()].map(([, workers]) => workers));
    }
    case 'cluster_wastewater_pct': {
      const clusters = established('industrial_cluster');
      if (clusters.length === 0) return null;
      return round2((clusters.filter((z) => z.plant && z.plant.from <= day).length / clusters.length) * 100);
    }
    case 'park_output_2025': {
      const parks = inScope.filter((z) => z.kind === 'industrial_park').map((z) => z.code);
      return sum(
        reports
          .filter(([, period]) => period.startsWith('2025') && quarterEnd(period) <= day)
          .filter(([taxCode]) => parks.includes(ENTERPRISES.find((e) => e[0] === taxCode)![1]))
          .map(([, , billion]) => billion * 1_000_000_000),
      );
    }
  }
  throw new Error(key);
}

function expectedOnTrack(key: string, current: number, day: string, zones: readonly string[]): boolean {
  const { value, deadline } = TARGETS[key];
  if (key === 'park_output_2025') {
    const ended = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].filter((q) => quarterEnd(q) <= day).length;
    return current >= (value * ended) / 4;
  }
  const base = expectedFigure(key, PLAN_START, zones) ?? 0;
  const elapsed = Math.min(Math.max(days(PLAN_START, day), 0), days(PLAN_START, deadline));
  return current >= base + ((value - base) * elapsed) / days(PLAN_START, deadline);
}

function expectedPlan(day: string, zones: readonly string[]) {
  const targets = Object.entries(TARGETS).map(([key, t]) => {
    const current = expectedFigure(key, day, zones);
    return {
      key,
      label: expect.any(String),
      value: t.value,
      unit: t.unit,
      deadline: t.deadline,
      source: SOURCE,
      current,
      sharePct: current === null ? null : round2((current / t.value) * 100),
      onTrack: current === null ? null : expectedOnTrack(key, current, day, zones),
    };
  });
  const withLand = ZONES.filter((z) => zones.includes(z.code) && z.land.some(([from]) => from <= day));
  const rows = withLand.map((z) => {
    const leasable = z.land.filter(([from]) => from <= day).pop()![1];
    const leased = round2(
      sum(
        PROJECTS.filter((p) => p.zone === z.code && p.leasedHa)
          .filter((p) => (p.leasedFrom ?? p.registeredOn ?? p.operatingFrom)! <= day && (p.endedAt ? p.endedAt > day : true))
          .map((p) => p.leasedHa!),
      ),
    );
    return { zoneCode: z.code, leasableHa: leasable, leasedHa: leased, occupancyPct: round2((leased / leasable) * 100) };
  });
  const leasable = sum(rows.map((r) => r.leasableHa));
  const leased = round2(sum(rows.map((r) => r.leasedHa)));
  const total = {
    zoneCode: null,
    leasableHa: leasable,
    leasedHa: leased,
    occupancyPct: leasable === 0 ? null : round2((leased / leasable) * 100),
  };
  return { asOf: day, targets, occupancy: [...rows, total] };
}

describe('the province plan as of a day', () => {
  let sys: TestSystem;
  let admin: string;
  let board: string;
  let boardAll: string;
  const ALL = ZONES.map((z) => z.code);
  const SCOPE = ['PLA', 'PLK'];

  beforeAll(async () => {
    sys = await startTestSystem(SUITE);
    await sys.startWorker();
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    board = await sys.token({ role: 'board', name: 'BQL PLA, PLK', zoneCodes: SCOPE });
    boardAll = await sys.token({ role: 'board', name: 'BQL tỉnh', zoneCodes: null });
    for (const z of ZONES) {
      await createZone(sys.http, admin, z.code, {
        kind: z.kind,
        status: z.establishedOn ? 'operating' : 'planned',
        ...(z.areaHa ? { areaHa: z.areaHa } : {}),
        ...(z.establishedOn ? { establishedOn: z.establishedOn } : {}),
        ...(z.plant ? { wastewaterCapacityM3Day: z.plant.capacity, wastewaterOperatingFrom: z.plant.from } : {}),
      });
      for (const [from, ha] of z.land) {
        const r = await sys.http.put(`/v1/zones/${z.code}/land/${from}`, { leasableHa: ha }, admin);
        expect(r.status).toBe(200);
      }
    }
    for (const [taxCode, zone, ownership] of ENTERPRISES) await createEnterprise(sys.http, admin, taxCode, zone, { ownership });
    for (const p of PROJECTS) await createProject(sys.http, admin, { ...p, zoneCode: p.zone });
    for (const [taxCode, period, billion, workers] of REPORTS) {
      const output2010 = BigInt(billion) * 1_000_000_000n;
      const report = await submitAndDecide(
        sys.http,
        admin,
        reportBody(taxCode, period, {
          grossOutput: String((output2010 * 6n) / 5n),
          grossOutputConstant2010: String(output2010),
          revenue: String(output2010),
          workers,
          wageFund: workers * 3 * 7_000_000,
        }),
      );
      expect(report.status).toBe('accepted');
    }
    for (const [key, t] of Object.entries(TARGETS)) {
      const r = await sys.http.put(`/v1/plan/targets/${key}`, { ...t, source: SOURCE }, admin);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ key, value: t.value, unit: t.unit, deadline: t.deadline, source: SOURCE });
    }
  }, 120_000);
  afterAll(() => sys?.close(), 30_000);

  it.each(['2024-12-31', '2025-06-30', '2025-07-01', '2025-09-30', '2025-12-31'])(
    'as of %s: every target, share and path, and occupancy, as computed from the registry and the reports',
    async (day) => {
      const r = await sys.http.get(`/v1/plan?asOf=${day}`, admin);
      expect(r.status).toBe(200);
      expect(r.body).toEqual(expectedPlan(day, ALL));
    },
  );

  it('reads leasable land as it was: the zone whose land grows on 1 July 2025 has 60 ha the day before and 90 ha from then', async () => {
    const occupancy = async (day: string) =>
      (await sys.http.get(`/v1/plan?asOf=${day}`, admin)).body.occupancy.find((o: { zoneCode: string }) => o.zoneCode === 'PLA');
    expect(await occupancy('2025-06-30')).toEqual({ zoneCode: 'PLA', leasableHa: 60, leasedHa: 30, occupancyPct: 50 });
    expect(await occupancy('2025-07-01')).toEqual({ zoneCode: 'PLA', leasableHa: 90, leasedHa: 30, occupancyPct: 33.33 });
    // A project leasing 25.25 ha from 15 August.
    expect(await occupancy('2025-08-15')).toEqual({ zoneCode: 'PLA', leasableHa: 90, leasedHa: 55.25, occupancyPct: 61.39 });
    const history = await sys.http.get('/v1/zones/PLA/land', board);
    expect(history.body.items.map((l: { effectiveFrom: string; leasableHa: number }) => [l.effectiveFrom, l.leasableHa])).toEqual(
      ZONES[0].land,
    );
  });

  it('gives a board scoped to some zones the plan computed over its zones only, and a board of every zone all of it', async () => {
    for (const day of ['2025-06-30', '2025-12-31']) {
      const scoped = await sys.http.get(`/v1/plan?asOf=${day}`, board);
      expect(scoped.body).toEqual(expectedPlan(day, SCOPE));
      expect(JSON.stringify(scoped.body)).not.toMatch(/PLB|PLC|PLL/);
      expect((await sys.http.get(`/v1/plan?asOf=${day}`, boardAll)).body).toEqual(expectedPlan(day, ALL));
    }
    expect((await sys.http.get('/v1/zones/PLB/land', board)).status).toBe(404);
  });

  it('stores each target with its unit, deadline and source, refuses unknown keys and wrong units by field, and audits', async () => {
    const body = { value: 12, unit: 'parks', deadline: '2030-12-31', source: 'Điều chỉnh quy hoạch' };
    expectFieldProblem(await sys.http.put('/v1/plan/targets/parks_total', body, admin), 422, 'key', 'UNKNOWN_KEY');
    expectFieldProblem(await sys.http.put('/v1/plan/targets/park_output_1999', body, admin), 422, 'key', 'UNKNOWN_KEY');
    expectFieldProblem(await sys.http.put('/v1/plan/targets/jobs', body, admin), 422, 'unit', 'WRONG_UNIT');
    expectFieldProblem(await sys.http.put('/v1/plan/targets/industrial_parks', { ...body, value: -1 }, admin), 422, 'value');
    expectFieldProblem(await sys.http.put('/v1/plan/targets/industrial_parks', { ...body, value: 1.234 }, admin), 422, 'value');
    expectFieldProblem(
      await sys.http.put('/v1/plan/targets/industrial_parks', { ...body, deadline: '2030-02-30' }, admin),
      422,
      'deadline',
    );
    expectFieldProblem(await sys.http.put('/v1/plan/targets/industrial_parks', { ...body, source: ' ' }, admin), 422, 'source');
    expect((await sys.http.put('/v1/plan/targets/industrial_parks', body, board)).status).toBe(403);
    expectFieldProblem(await sys.http.get('/v1/plan?asOf=2025-13-01', admin), 422, 'asOf');

    const audited = await sys.query(`SELECT actor_name, details FROM audit_events WHERE action = 'plan_target.set' AND entity_id = 'jobs'`);
    expect(audited).toEqual([{ actor_name: 'admin:Quản trị', details: { ...TARGETS.jobs, source: SOURCE } }]);
    const land = await sys.query(`SELECT details FROM audit_events WHERE action = 'zone.land_set' AND entity_id = 'PLA' ORDER BY id`);
    expect(land.map((l) => l.details)).toEqual(ZONES[0].land.map(([effectiveFrom, leasableHa]) => ({ effectiveFrom, leasableHa })));
  });

  it('keeps the registry facts of zones and projects, and refuses bad ones naming the field', async () => {
    const zone = await sys.http.get('/v1/zones/PLK', admin);
    expect(zone.body).toMatchObject({
      areaHa: 50,
      establishedOn: '2019-01-01',
      wastewaterCapacityM3Day: 2000,
      wastewaterOperatingFrom: '2025-03-01',
    });
    const project = await sys.http.get('/v1/projects/DA-PL-2', admin);
    expect(project.body).toMatchObject({
      registeredOn: '2024-08-01',
      registeredCapitalUsd: '12000000',
      leasedHa: 45.5,
      leasedFrom: '2024-09-01',
    });

    expectFieldProblem(
      await sys.http.patch('/v1/zones/PLL', { wastewaterOperatingFrom: '2025-01-01' }, admin),
      422,
      'wastewaterCapacityM3Day',
    );
    expectFieldProblem(await sys.http.patch('/v1/zones/PLL', { wastewaterCapacityM3Day: 0 }, admin), 422, 'wastewaterCapacityM3Day');
    expectFieldProblem(await sys.http.patch('/v1/zones/PLL', { establishedOn: '22-03-2022' }, admin), 422, 'establishedOn');
    expectFieldProblem(await sys.http.put('/v1/zones/PLL/land/2025-02-30', { leasableHa: 10 }, admin), 422, 'effectiveFrom');
    expectFieldProblem(await sys.http.put('/v1/zones/PLL/land/2025-01-01', { leasableHa: 0 }, admin), 422, 'leasableHa');
    expect((await sys.http.put('/v1/zones/PLL/land/2025-01-01', { leasableHa: 10 }, board)).status).toBe(403);
    expect((await sys.http.put('/v1/zones/NOPE/land/2025-01-01', { leasableHa: 10 }, admin)).status).toBe(404);
    expectFieldProblem(await sys.http.patch('/v1/projects/DA-PL-3', { leasedHa: -1 }, admin), 422, 'leasedHa');
    expectFieldProblem(await sys.http.patch('/v1/projects/DA-PL-3', { registeredCapitalUsd: '-5' }, admin), 422, 'registeredCapitalUsd');
    expectFieldProblem(await sys.http.patch('/v1/projects/DA-PL-3', { leasedFrom: 'soon' }, admin), 422, 'leasedFrom');
    // Nothing refused changed the plan.
    expect((await sys.http.get('/v1/plan?asOf=2025-12-31', admin)).body).toEqual(expectedPlan('2025-12-31', ALL));
  });

  describe('the plan page', () => {
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

    it('shows each target with its figure, share and progress, and occupancy, in English and Vietnamese', async () => {
      const page = await signIn(context, boardAll, '/plan?asOf=2025-12-31&lang=en');
      const plan = expectedPlan('2025-12-31', ALL);
      await page.getByRole('link', { name: 'Plan' }).waitFor();
      expect(await page.getByRole('link', { name: 'Plan' }).getAttribute('aria-current')).toBe('page');
      const table = page.getByRole('table', { name: /Plan targets/ });
      const row = (key: string) => table.locator(`tr[data-key="${key}"]`);
      expect(await table.locator('tbody tr').count()).toBe(plan.targets.length);
      // 2 of 10 parks by the end of 2025 (PLA and PLB; PLC is planned), behind the path from 1 in 2021.
      expect(await row('industrial_parks').locator('td').allInnerTexts()).toEqual(['10', '31 Dec 2030', '2', '20.00', 'Behind', SOURCE]);
      const output = plan.targets.find((t) => t.key === 'park_output_2025')!;
      expect(await row('park_output_2025').locator('td').allInnerTexts()).toEqual([
        '24,000.0',
        '31 Dec 2025',
        (output.current! / 1e9).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        output.sharePct!.toFixed(2),
        output.onTrack ? 'On track' : 'Behind',
        SOURCE,
      ]);
      const occupancy = page.getByRole('table', { name: /Occupancy/ });
      expect(await occupancy.locator('tfoot td').allInnerTexts()).toEqual(
        [plan.occupancy.at(-1)!.leasableHa, plan.occupancy.at(-1)!.leasedHa, plan.occupancy.at(-1)!.occupancyPct!].map((x) =>
          x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        ),
      );
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, SUITE, 'plan-2025-12-31');

      await page.goto('/plan?asOf=2025-06-30&lang=vi');
      await page.getByRole('table', { name: /Các chỉ tiêu quy hoạch/ }).waitFor();
      expect(await page.locator('tr[data-key="industrial_parks"] th').innerText()).toContain('Số khu công nghiệp');
      await page.goto('/plan?asOf=2025-02-30');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Ngày không hợp lệ');
    });
  });
});
