import { dueInstant, formatQuarter, operatedDuring, parseQuarter, toLocalIso } from '@app/domain';
import { DemoZone, LAO_CAI_ZONES } from './lao-cai-zones';
import { allocate, SeededRandom } from '@app/common';

export interface DemoEnterprise {
  taxCode: string;
  name: string;
  zoneCode: string;
  ownership: 'domestic' | 'foreign';
  vsicSection: 'B' | 'C' | 'D' | 'E';
  operatingFrom: string;
  operatingUntil: string | null;
  contactEmail: string;
}
export interface DemoProject {
  code: string;
  name: string;
  taxCode: string;
  zoneCode: string;
  status: 'operating' | 'under_construction' | 'suspended' | 'terminated';
  operatingFrom: string | null;
  endedAt: string | null;
  registeredCapital: string;
  registeredOn: string | null;
  registeredCapitalUsd: string | null;
  leasedHa: number | null;
  leasedFrom: string | null;
}
export interface DemoFiling {
  /** Filings are sent phase by phase: originals, then corrections of rejected ones, then amendments. */
  phase: 1 | 2 | 3;
  kind: 'original' | 'rejected' | 'correction' | 'amendment';
  body: Record<string, unknown>;
}
export interface DemoDataset {
  zones: readonly DemoZone[];
  enterprises: DemoEnterprise[];
  projects: DemoProject[];
  targets: Array<{ zoneCode: string; year: number; grossOutputConstant2010: string }>;
  filings: DemoFiling[];
}

export const DEMO_QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'];
const SEASON = [0.23, 0.25, 0.25, 0.27];
const PRODUCTS = [
  'Hóa chất',
  'Phân bón',
  'Luyện kim',
  'Chế biến nông sản',
  'Vật liệu xây dựng',
  'Cơ khí',
  'Dệt may',
  'Điện tử',
  'Chế biến gỗ',
  'Thực phẩm',
  'Khoáng sản',
  'Bao bì',
];
const PLACES = ['Lào Cai', 'Tây Bắc', 'Hồng Hà', 'Phố Mới', 'Duyên Hải', 'Việt Trung', 'Hoàng Liên', 'Sông Hồng'];
const FORMS = ['Công ty TNHH', 'Công ty cổ phần', 'Công ty TNHH MTV'];

interface Cell {
  enterprise: DemoEnterprise;
  quarter: string;
  weight: number;
  headcount: number;
  wageFactor: number;
}

/** The seeded Lào Cai dataset: enterprises, projects and every filing, calibrated to the published 2024 figures. */
export function buildDemoDataset(seed = 2024): DemoDataset {
  const rnd = new SeededRandom(seed);
  const data: DemoDataset = { zones: LAO_CAI_ZONES, enterprises: [], projects: [], targets: [], filings: [] };
  LAO_CAI_ZONES.forEach((zone, zoneIndex) => {
    if (zone.year2024) addZone(zone, zoneIndex, rnd, data);
  });
  return data;
}

function addZone(zone: DemoZone, zoneIndex: number, rnd: SeededRandom, data: DemoDataset): void {
  const cal = zone.year2024!;
  const enterprises: DemoEnterprise[] = Array.from({ length: cal.enterprises }, (_, i) => ({
    taxCode: `53${String(zoneIndex + 10).padStart(2, '0')}${String(i + 1).padStart(6, '0')}`,
    name: `${rnd.pick(FORMS)} ${rnd.pick(PRODUCTS)} ${rnd.pick(PLACES)} ${i + 1}`,
    zoneCode: zone.code,
    ownership: rnd.next() < 0.3 ? 'foreign' : 'domestic',
    vsicSection: zone.code === 'TL' ? rnd.pick(['B', 'C', 'C', 'C', 'E'] as const) : 'C',
    operatingFrom: `${rnd.int(2012, 2022)}-${String(rnd.int(1, 12)).padStart(2, '0')}-01`,
    operatingUntil: null,
    contactEmail: `ketoan.${zone.code.toLowerCase()}${i + 1}@doanhnghiep.example`,
  }));
  // One newcomer in mid-2024 and, in the restricted zone, one leaver in mid-2025 (relocation).
  if (enterprises.length > 5) enterprises[enterprises.length - 1].operatingFrom = '2024-07-01';
  if (zone.status === 'restricted') enterprises[0].operatingUntil = '2025-06-30';
  data.enterprises.push(...enterprises);
  addProjects(zone, enterprises, rnd, data);

  const weights = new Map(enterprises.map((e) => [e.taxCode, rnd.weight()]));
  const wageFactors = new Map(enterprises.map((e, i) => [e.taxCode, zone.code === 'BDH' && i === 3 ? 0.68 : rnd.between(0.85, 1.2)]));
  const headcounts = new Map(
    enterprises.map((e, i) => [
      e.taxCode,
      Number(
        allocate(
          BigInt(cal.workers),
          enterprises.map((x) => weights.get(x.taxCode)! ** 0.6),
        )[i],
      ),
    ]),
  );
  // A few gaps, so filing status shows missing reports (never in 2024-Q4: the year-end stock is calibrated).
  const missing = new Set([
    `${enterprises[1].taxCode}/2025-Q3`,
    `${enterprises[2].taxCode}/2024-Q2`,
    `${enterprises[enterprises.length - 2].taxCode}/2025-Q3`,
  ]);

  for (const [year, quarters] of [
    [2024, DEMO_QUARTERS.slice(0, 4)],
    [2025, DEMO_QUARTERS.slice(4)],
  ] as const) {
    const growth = year === 2025 ? 1 + cal.growth2025 : 1;
    const cells: Cell[] = [];
    for (const quarter of quarters) {
      for (const e of enterprises) {
        if (!operatedDuring(e, parseQuarter(quarter)!) || missing.has(`${e.taxCode}/${quarter}`)) continue;
        const season = SEASON[parseQuarter(quarter)!.quarter - 1];
        const drift = quarter === '2024-Q4' ? 1 : rnd.between(0.96, 1.04) * (year === 2025 ? 1.02 : 1);
        cells.push({
          enterprise: e,
          quarter,
          weight: weights.get(e.taxCode)! * season * rnd.between(0.9, 1.1),
          headcount: Math.round(headcounts.get(e.taxCode)! * drift),
          wageFactor: wageFactors.get(e.taxCode)!,
        });
      }
    }
    // 2025 is filed up to Q3: its seasons' share of a year grown by the zone's growth rate.
    const seasons = quarters.reduce((sum, q) => sum + SEASON[parseQuarter(q)!.quarter - 1], 0);
    const total =
      year === 2024 ? cal.grossOutput : BigInt(Math.round(Number(cal.grossOutput / 1_000_000n) * growth * seasons)) * 1_000_000n;
    const outputs = allocate(
      total,
      cells.map((c) => c.weight),
    );
    const averageWage = year === 2024 ? cal.averageWage : (cal.averageWage * 107n) / 100n;
    const workerMonths = cells.map((c) => BigInt(c.headcount * 3));
    // Funds follow each enterprise's wage level, scaled so the zone's average wage is exact.
    const target = averageWage * workerMonths.reduce((a, b) => a + b, 0n);
    const wageFunds = allocate(
      target,
      cells.map((c, i) => Number(workerMonths[i]) * c.wageFactor),
    );
    cells.forEach((c, i) => data.filings.push(...filingsFor(c, outputs[i], wageFunds[i], rnd)));
  }
  for (const year of [2024, 2025]) {
    const growth = year === 2025 ? 1.134 : 1.05;
    data.targets.push({
      zoneCode: zone.code,
      year,
      grossOutputConstant2010: ((((cal.grossOutput * 78n) / 100n) * BigInt(Math.round(growth * 1000))) / 1000n).toString(),
    });
  }
}

function addProjects(zone: DemoZone, enterprises: DemoEnterprise[], rnd: SeededRandom, data: DemoDataset): void {
  const count = zone.year2024!.operatingProjects;
  for (let i = 0; i < count; i++) {
    const e = enterprises[i % enterprises.length];
    const leaver = e.operatingUntil !== null;
    data.projects.push({
      code: `DA-${zone.code}-${String(i + 1).padStart(3, '0')}`,
      name: `Dự án ${e.name.split(' ').slice(-3).join(' ')} giai đoạn ${Math.floor(i / enterprises.length) + 1}`,
      taxCode: e.taxCode,
      zoneCode: zone.code,
      status: leaver ? 'terminated' : 'operating',
      operatingFrom: e.operatingFrom,
      endedAt: leaver ? e.operatingUntil : null,
      ...investment(e, BigInt(rnd.int(20, 900)) * 1_000_000_000n),
      leasedHa: null,
      leasedFrom: null,
    });
  }
  leaseLand(zone, data.projects.slice(-count));
  // Registry history the end-of-period count must see through: ended before 2024, not yet operating.
  const e = enterprises[0];
  data.projects.push(
    {
      code: `DA-${zone.code}-X01`,
      name: 'Dự án đã chấm dứt',
      taxCode: e.taxCode,
      zoneCode: zone.code,
      status: 'terminated',
      operatingFrom: '2012-01-01',
      endedAt: '2023-06-30',
      ...investment(e, 15_000_000_000n),
      leasedHa: 2,
      leasedFrom: null,
    },
    {
      code: `DA-${zone.code}-X02`,
      name: 'Dự án đang xây dựng',
      taxCode: e.taxCode,
      zoneCode: zone.code,
      status: 'under_construction',
      operatingFrom: null,
      endedAt: null,
      ...investment(e, 80_000_000_000n),
      registeredOn: '2025-04-15',
      leasedHa: 3.5,
      leasedFrom: '2025-05-01',
    },
  );
}

/** Đồng per US dollar for the demo's registered capital in USD (a round rate, not a published one). */
const DONG_PER_USD = 25_000n;

/** Registered a year before it began operating; a foreign-invested project's capital in USD as well. */
function investment(e: DemoEnterprise, capital: bigint) {
  return {
    registeredCapital: String(capital),
    registeredOn: `${Number(e.operatingFrom.slice(0, 4)) - 1}${e.operatingFrom.slice(4)}`,
    registeredCapitalUsd: e.ownership === 'foreign' ? String(capital / DONG_PER_USD) : null,
  };
}

/** About 72% of the zone's first leasable land leased to its projects, in proportion to their capital. */
function leaseLand(zone: DemoZone, projects: DemoProject[]): void {
  const land = zone.leasableLand?.[0]?.[1];
  if (land === undefined) return;
  const total = projects.reduce((a, p) => a + Number(p.registeredCapital), 0);
  for (const p of projects) p.leasedHa = Math.round(((land * 0.72 * Number(p.registeredCapital)) / total) * 100) / 100;
}

/** The filings of one enterprise-quarter: usually one, sometimes a rejected first try or a later amendment. */
function filingsFor(c: Cell, grossOutput: bigint, wageFund: bigint, rnd: SeededRandom): DemoFiling[] {
  const q = parseQuarter(c.quarter)!;
  const due = dueInstant(q).getTime();
  const day = 86_400_000;
  const stamp = (ms: number) => toLocalIso(new Date(ms));
  const receivedAt =
    rnd.next() < 0.1 ? due + rnd.int(1, 25) * day + rnd.int(8, 16) * 3_600_000 : due - rnd.int(1, 9) * day + rnd.int(8, 16) * 3_600_000;
  const foreign = c.enterprise.ownership === 'foreign';
  const body = (gross: bigint, female: number, at: number) => ({
    taxCode: c.enterprise.taxCode,
    period: formatQuarter(q),
    receivedAt: stamp(at),
    production: {
      grossOutput: gross.toString(),
      grossOutputConstant2010: ((gross * 78n) / 100n).toString(),
      revenue: ((gross * 104n) / 100n).toString(),
      ...(foreign ? { exportValueUsd: (gross / 50_000n).toString(), importValueUsd: (gross / 125_000n).toString() } : {}),
      stateBudgetPaid: ((gross * 35n) / 1000n).toString(),
    },
    investment: { realizedCapital: (rnd.next() < 0.2 ? BigInt(rnd.int(1, 40)) * 1_000_000_000n : 0n).toString() },
    employment: {
      workers: c.headcount,
      femaleWorkers: female,
      foreignWorkers: foreign ? Math.min(c.headcount, rnd.int(1, 4)) : 0,
      localWorkers: Math.round(c.headcount * 0.86),
      averageWorkers: c.headcount,
    },
    wages: { wageFund: wageFund.toString() },
  });
  const female = Math.round(c.headcount * 0.34);
  const roll = rnd.next();
  if (roll < 0.03) {
    // A typo in the first filing: women above the total headcount, rejected, then corrected.
    return [
      { phase: 1, kind: 'rejected', body: body(grossOutput, c.headcount + 5, receivedAt) },
      { phase: 2, kind: 'correction', body: body(grossOutput, female, receivedAt + 2 * day) },
    ];
  }
  if (roll < 0.07) {
    // Output keyed ten times too high, amended a few days later.
    return [
      { phase: 1, kind: 'original', body: body(grossOutput * 10n, female, receivedAt) },
      { phase: 3, kind: 'amendment', body: body(grossOutput, female, receivedAt + 4 * day) },
    ];
  }
  return [{ phase: 1, kind: 'original', body: body(grossOutput, female, receivedAt) }];
}
