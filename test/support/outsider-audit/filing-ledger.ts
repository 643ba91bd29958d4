/**
 * What the test knows and an outsider does not: every accepted revision of every report, in the order
 * accepted. The outsider audit reads it to build its model (who contributes to which published figure)
 * and to check its own arithmetic against what was published; it never hands a figure to the outsider.
 */
export type ZoneKind = 'industrial_park' | 'industrial_cluster';
/** An enterprise's block; the worlds of these suites never change one. */
export type Block = 'foreign' | 'domestic';

/** Flows add up over the quarters of a period. */
export const FLOW_MEASURES = [
  'grossOutput',
  'grossOutputConstant2010',
  'revenue',
  'exportValueUsd',
  'importValueUsd',
  'stateBudgetPaid',
  'realizedCapital',
  'wageFund',
] as const;
/** Headcounts are taken from each enterprise's latest report inside the period. */
export const STOCK_MEASURES = ['workers', 'femaleWorkers', 'foreignWorkers', 'localWorkers'] as const;
export type Measure = (typeof FLOW_MEASURES)[number] | (typeof STOCK_MEASURES)[number];
export const MEASURES: readonly Measure[] = [...FLOW_MEASURES, ...STOCK_MEASURES];
export const isStock = (m: Measure) => (STOCK_MEASURES as readonly string[]).includes(m);

export interface Revision {
  readonly id: number;
  readonly taxCode: string;
  readonly zoneCode: string;
  readonly quarter: string;
  /** Its figures; a field the report left out is absent (not a contribution). */
  readonly values: Partial<Record<Measure, bigint>>;
}

/** A report body as the API takes it (see fixtures.reportBody). */
export interface ReportJson {
  taxCode: string;
  period: string;
  production?: Record<string, unknown>;
  investment?: Record<string, unknown>;
  employment?: Record<string, unknown>;
  wages?: Record<string, unknown>;
}

export class FilingLedger {
  readonly zoneKinds = new Map<string, ZoneKind>();
  readonly revisions: Revision[] = [];
  private readonly enterpriseZones = new Map<string, string>();
  private readonly enterpriseBlocks = new Map<string, Block>();
  private readonly current = new Map<string, Revision>();

  addZone(code: string, kind: ZoneKind): void {
    this.zoneKinds.set(code, kind);
  }

  addEnterprise(taxCode: string, zoneCode: string, block: Block = 'domestic'): void {
    if (!this.zoneKinds.has(zoneCode)) throw new Error(`ledger: unknown zone ${zoneCode}`);
    this.enterpriseZones.set(taxCode, zoneCode);
    this.enterpriseBlocks.set(taxCode, block);
  }

  /** Records a report the system accepted: the enterprise's current revision for its quarter from now on. */
  accept(body: ReportJson): Revision {
    const zoneCode = this.enterpriseZones.get(body.taxCode);
    if (zoneCode === undefined) throw new Error(`ledger: unknown enterprise ${body.taxCode}`);
    const sections = { ...body.production, ...body.investment, ...body.employment, ...body.wages } as Record<string, unknown>;
    const values: Partial<Record<Measure, bigint>> = {};
    for (const m of MEASURES) if (sections[m] !== undefined && sections[m] !== null) values[m] = BigInt(sections[m] as string | number);
    const revision: Revision = { id: this.revisions.length, taxCode: body.taxCode, zoneCode, quarter: body.period, values };
    this.revisions.push(revision);
    this.current.set(`${body.taxCode}|${body.period}`, revision);
    return revision;
  }

  /** The revisions a summary made now would read. */
  currentRevisions(): Revision[] {
    return [...this.current.values()];
  }

  /** The revisions a figure of `zones` (of one block of them, when given) over `quarters` is made of now. */
  madeOf(zones: readonly string[], quarters: readonly string[], m: Measure, block?: Block): Revision[] {
    const inside = this.currentRevisions().filter((r) => zones.includes(r.zoneCode) && quarters.includes(r.quarter));
    const inBlock = (r: Revision) => r.values[m] !== undefined && (block === undefined || this.enterpriseBlocks.get(r.taxCode) === block);
    if (!isStock(m)) return inside.filter(inBlock);
    const latest = new Map<string, Revision>();
    for (const r of inside) if ((latest.get(r.taxCode)?.quarter ?? '') < r.quarter) latest.set(r.taxCode, r);
    return [...latest.values()].filter(inBlock);
  }

  zonesOfKind(kind: ZoneKind | 'all'): string[] {
    return [...this.zoneKinds].filter(([, k]) => kind === 'all' || k === kind).map(([code]) => code);
  }
}

/** What the revisions add up to in one measure. */
export function figure(revisions: readonly Revision[], m: Measure): bigint {
  return revisions.reduce((s, r) => s + (r.values[m] ?? 0n), 0n);
}
