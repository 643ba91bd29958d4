import { ReportFigures } from './support/fixtures';
import { field, openWorkbook, sheetRecords } from './support/workbook-rows';
import { Block, Measure, MEASURES } from './support/outsider-audit/filing-ledger';
import { DisclosureWorld, Filing, heldBackReason, Published, shown, zoneEntry } from './support/outsider-audit/disclosure-world';
import { PublicEntry, PublicSummaryJson } from './support/outsider-audit/outsider-audit';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * FDI and domestic blocks on the public side (`GET /v1/public/summaries?by=ownership`), through the API and
 * publications the system makes, read as anyone reads them. The expected figures are worked out here from
 * the filings below. Each case keeps to a year of its own:
 * - 2023-Q1: park BA has four FDI filers and one domestic one; parks BB, BC and cluster BD three of each.
 * - 2024-Q1: only BB, BC and BD file: every block has three filers or more.
 * - the publication of February 2023 is stored as publications were before blocks were published.
 */
const G = 1_000_000_000;
const BLOCKS: readonly Block[] = ['foreign', 'domestic'];
const ZONES = ['BA', 'BB', 'BC', 'BD'] as const;
type Zone = (typeof ZONES)[number];

const taxCode = (zone: number, block: Block, i: number) => `54007${zone}${block === 'foreign' ? 1 : 2}${String(i).padStart(3, '0')}`;
const enterprises = (zone: number, foreign: number, domestic: number) => ({
  foreign: Array.from({ length: foreign }, (_, i) => taxCode(zone, 'foreign', i + 1)),
  domestic: Array.from({ length: domestic }, (_, i) => taxCode(zone, 'domestic', i + 1)),
});
const REGISTRY: Record<Zone, { foreign: string[]; domestic: string[] }> = {
  BA: enterprises(1, 4, 1),
  BB: enterprises(2, 3, 3),
  BC: enterprises(3, 3, 3),
  BD: enterprises(4, 3, 3),
};
const KIND: Record<Zone, 'industrial_park' | 'industrial_cluster'> = {
  BA: 'industrial_park',
  BB: 'industrial_park',
  BC: 'industrial_park',
  BD: 'industrial_cluster',
};

/** Figures alike in size within a block (the p% rule passes), odd to the đồng. */
function figuresOf(zone: number, block: Block, i: number): ReportFigures {
  const size = (block === 'foreign' ? 300 : 120) + 17 * zone + 9 * i;
  const workers = 4 * size + i;
  return {
    grossOutput: size * G + 123_457 * i,
    grossOutputConstant2010: size * 800_000_000 + 11 * i,
    revenue: size * 1_050_000_000 + 7 * i,
    exportValueUsd: size * 30_000 + i,
    workers,
    femaleWorkers: Math.round(workers * 0.4),
    wageFund: workers * 3 * 6_543_211,
  };
}

function filings(zones: readonly Zone[], period: string): Filing[] {
  return zones.flatMap((zone) =>
    BLOCKS.flatMap((block) =>
      REGISTRY[zone][block].map((t, k) => ({ taxCode: t, period, f: figuresOf(ZONES.indexOf(zone) + 1, block, k + 1) })),
    ),
  );
}

const CHECKED: readonly Measure[] = [
  'grossOutput',
  'grossOutputConstant2010',
  'revenue',
  'exportValueUsd',
  'wageFund',
  'workers',
  'femaleWorkers',
];

/** What the filings `of` add up to in one measure, as the test works it out (one quarter: stocks add too). */
function sum(of: readonly Filing[], m: Measure): bigint {
  return of.reduce((s, x) => s + BigInt((x.f as Record<string, number | string | undefined>)[m] ?? 0), 0n);
}

/** Every figure of a summary a reader is shown, zones, totals and their blocks alike, by where it stands. */
function shownFigures(s: PublicSummaryJson, m: Measure): Map<string, bigint> {
  const entries: Array<[string, PublicEntry]> = [
    ...s.zones.map((z) => [String(z.zoneCode), z] as [string, PublicEntry]),
    ...Object.entries(s.totals),
  ];
  const out = new Map<string, bigint>();
  for (const [where, entry] of entries) {
    const whole = shown(entry, m);
    if (whole !== null) out.set(where, whole);
    for (const b of BLOCKS) {
      const part = entry.blocks && shown(entry.blocks[b], m);
      if (part !== null && part !== undefined) out.set(`${where} ${b}`, part);
    }
  }
  return out;
}

/** Every figure a reader gets from one shown figure less one or two others. */
function differences(figures: ReadonlyMap<string, bigint>): bigint[] {
  const values = [...figures.values()];
  const out: bigint[] = [];
  for (const a of values) {
    for (const b of values) {
      out.push(a - b);
      for (const c of values) out.push(a - b - c);
    }
  }
  return out;
}

describe('public FDI and domestic blocks: GET /v1/public/summaries?by=ownership', () => {
  let sys: TestSystem;
  let world: DisclosureWorld;
  let older: Published;
  let mixed: Published;
  let even: Published;

  beforeAll(async () => {
    sys = await startTestSystem('public_blocks', { TRUST_PROXY: '127.0.0.1' });
    const admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    const board = await sys.token({ role: 'board', name: 'Ban Quản lý KKT' });
    world = new DisclosureWorld(sys, admin, board);
    for (const zone of ZONES) {
      const { foreign, domestic } = REGISTRY[zone];
      await world.zone(zone, KIND[zone], [...foreign, ...domestic], foreign);
    }
    await world.file(filings(['BA', 'BB', 'BC', 'BD'], '2022-Q4'));
    older = await world.publish('2023-02-01');
    // Stored as a publication made before blocks were published: its public figures carry none.
    const [row] = await sys.query<{ public_figures: { latestQuarter: PublicSummaryJson; yearToDate: PublicSummaryJson } }>(
      'SELECT public_figures FROM publications WHERE id = $1',
      [older.id],
    );
    for (const s of [row.public_figures.latestQuarter, row.public_figures.yearToDate]) {
      for (const entry of [...s.zones, ...Object.values(s.totals)]) delete entry.blocks;
    }
    await sys.query('UPDATE publications SET public_figures = $2 WHERE id = $1', [older.id, JSON.stringify(row.public_figures)]);

    await world.file(filings(['BA', 'BB', 'BC', 'BD'], '2023-Q1'));
    mixed = await world.publish('2023-05-01');
    await world.file(filings(['BB', 'BC', 'BD'], '2024-Q1'));
    even = await world.publish('2024-05-01');
  }, 240_000);

  afterAll(async () => {
    await sys?.close();
  }, 30_000);

  it("withholds the lone domestic filer's block, and nothing shown gives its figure back by subtraction", async () => {
    const ba = zoneEntry(mixed.latest, 'BA');
    const lone = filings(['BA'], '2023-Q1').find((x) => x.taxCode === REGISTRY.BA.domestic[0])!;
    for (const m of CHECKED) {
      expect({ m, value: shown(ba.blocks!.domestic, m), reason: heldBackReason(ba.blocks!.domestic, m) }).toEqual({
        m,
        value: null,
        reason: 'confidential',
      });
      expect(ba.blocks!.domestic.withheld).toContain(m);
      // The zone less its FDI block would be the lone filer: one of the two is withheld.
      expect({ m, both: shown(ba, m) !== null && shown(ba.blocks!.foreign, m) !== null }).toEqual({ m, both: false });
      // Nor one figure less one or two others (the totals' domestic blocks less the other zones' included) gives
      // any single enterprise of BA back.
      const singles = filings(['BA'], '2023-Q1').map((x) => sum([x], m));
      const derived = new Set(differences(shownFigures(mixed.latest, m)));
      expect({ m, recovered: singles.filter((v) => derived.has(v)) }).toEqual({ m, recovered: [] });
      expect(derived.has(sum([lone], m))).toBe(false);
    }
    // Counts are shown as for zones.
    expect(ba.blocks!.domestic).toMatchObject({ reportsReceived: 1 });
    expect(ba.blocks!.foreign).toMatchObject({ reportsReceived: 4 });
    // Everything published, blocks included, as an outsider's linear program: nothing exposed.
    expect(await world.exposures()).toEqual([]);
  });

  it('publishes both blocks where each has three filers or more, equal to the filings to the đồng and adding up to the zone', async () => {
    const filed = filings(['BB', 'BC', 'BD'], '2024-Q1');
    const inBlock = (zones: readonly Zone[], b: Block) => filed.filter((x) => zones.some((z) => REGISTRY[z][b].includes(x.taxCode)));
    const areas: Array<[PublicEntry, Zone[]]> = [
      ...(['BB', 'BC', 'BD'] as const).map((z): [PublicEntry, Zone[]] => [zoneEntry(even.latest, z), [z]]),
      [even.latest.totals.industrial_park, ['BB', 'BC']],
      [even.latest.totals.industrial_cluster, ['BD']],
      [even.latest.totals.all, ['BB', 'BC', 'BD']],
    ];
    for (const [entry, zones] of areas) {
      for (const b of BLOCKS) {
        expect(entry.blocks![b]).toMatchObject({ withheld: [], heldBack: [] });
        for (const m of CHECKED) {
          expect({ zones, b, m, value: shown(entry.blocks![b], m) }).toEqual({ zones, b, m, value: sum(inBlock(zones, b), m) });
        }
      }
      for (const m of CHECKED) {
        expect(shown(entry.blocks!.foreign, m)! + shown(entry.blocks!.domestic, m)!).toBe(shown(entry, m));
      }
    }
    // A block publishes magnitudes, not shares or growth.
    expect(zoneEntry(even.latest, 'BB').blocks!.foreign).toMatchObject({ grossOutputSharePct: null, growthYoYPct: null });
    expect(await world.exposures()).toEqual([]);
  });

  it('writes the blocks in the public workbook, each naming its own withheld figures', async () => {
    const sheet = async (id: number) => {
      const reply = await sys.http.get(`/public/publications/${id}/workbook.xlsx`);
      expect(reply.status).toBe(200);
      return sheetRecords((await openWorkbook(reply.body as Buffer)).getWorksheet('Khối FDI và trong nước')!, 2);
    };
    const row = (rows: Array<Record<string, unknown>>, code: string, block: string) =>
      rows.find((r) => field(r, 'Mã khu') === code && field(r, 'Khối') === block)!;
    const output = 'Giá trị sản xuất công nghiệp, giá hiện hành';
    const lone = row(await sheet(mixed.id), 'BA', 'Khối trong nước');
    expect(field(lone, output)).toBeNull();
    expect(field(lone, 'Số liệu không công bố')).toEqual(expect.stringContaining(output));
    const bb = row(await sheet(even.id), 'BB', 'Khối FDI (có vốn đầu tư nước ngoài)');
    const filed = filings(['BB'], '2024-Q1').filter((x) => REGISTRY.BB.foreign.includes(x.taxCode));
    // In millions of đồng.
    expect(field(bb, output)).toBe(Number((sum(filed, 'grossOutput') + 500_000n) / 1_000_000n));
    expect(field(bb, 'Số liệu không công bố')).toBeNull();
  });

  it('answers the plain summary without blocks, as before', async () => {
    const plain = await world.publicSummary('period=2024-Q1');
    expect(plain.zones.every((z) => z.blocks === undefined)).toBe(true);
    expect(Object.values(plain.totals).every((t) => t.blocks === undefined)).toBe(true);
    for (const m of MEASURES) expect(zoneEntry(plain, 'BB')[m]).toEqual(zoneEntry(even.latest, 'BB')[m]);
  });

  it('answers by=ownership on a publication made before blocks were published with 422 NOT_PUBLISHED naming by', async () => {
    const r = await sys.http.get('/v1/public/summaries?period=2022-Q4&by=ownership');
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'by', code: 'NOT_PUBLISHED' })]);
    expect(r.body.errors[0].message).toContain(`publication ${older.id}`);
    const plain = await sys.http.get('/v1/public/summaries?period=2022-Q4');
    expect(plain.status).toBe(200);
    expect(plain.body.publication.id).toBe(older.id);
  });

  it('refuses any other by, naming the field', async () => {
    const r = await sys.http.get('/v1/public/summaries?period=2024-Q1&by=vsic');
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'by', code: 'NOT_ALLOWED' })]);
  });
});
