import { DEFAULT_DISCLOSURE_PARAMS, DisclosureParams, resolveDisclosureRules } from '../../../libs/domain/src/disclosure/disclosure-params';
import { Block, FilingLedger, figure, Measure, MEASURES, Revision } from './filing-ledger';
import { IntervalProgram, LinearRow } from './interval-program';

/**
 * An outsider's view of everything published, audited by linear programming: the independent check of
 * the disclosure control, written from DOMAIN.md and the public contract, not from the code under test.
 *
 * The outsider keeps the public summary of every publication (GET /v1/public/summaries) and knows how a
 * figure is made: which enterprise's report of which quarter adds into it (the counts say how many), as
 * the standard interval audit assumes. Each measure is a linear program whose variables are the
 * contributions, one per accepted revision of a report (an amendment is a new, unknown value), all ≥ 0:
 * - every published figure is an equality (a zone or a total, or its FDI or domestic block; flows summed
 *   over the period's quarters, headcounts from each enterprise's latest report in it);
 * - a published growth on a year earlier bounds the figure against the same quarters a year earlier, and
 *   a published share bounds the zone against its kind's total, each within its rounding (2 decimals);
 * - a figure shown again because a revision is held back equals what it was when first published.
 * Exposed, where p and the frequency threshold are the project's disclosure parameters:
 * - a contribution whose tightest interval [min, max] is narrower than p % of its value;
 * - a cell (a zone in a quarter, a published figure, the base of a published growth) that the outsider
 *   derives exactly although the frequency or p% rule would withhold it.
 * The test's ledger says who contributed what; the outsider audit uses it to write the model and to check
 * that model against every published figure (a mismatch means the model is wrong, and is reported).
 */
export interface PublicEntry {
  [field: string]: unknown;
  zoneCode?: string;
  heldBack?: Array<{ field: string; reason: string }>;
  /** With `by=ownership`: the entry's FDI and domestic blocks, each disclosed on its own. */
  blocks?: Record<Block, PublicEntry>;
}

export interface PublicSummaryJson {
  publication?: { id: number };
  period: string;
  quarters: string[];
  zones: PublicEntry[];
  totals: Record<string, PublicEntry>;
}

export interface Exposure {
  readonly measure: Measure;
  readonly what: 'contribution' | 'cell';
  readonly where: string;
  readonly quarters: readonly string[];
  readonly taxCodes: readonly string[];
  readonly value: bigint;
  readonly min: number;
  readonly max: number;
  /** The published figures whose combination bounds it from above, each with its multiplier. */
  readonly from: readonly string[];
}

export const HELD_BACK_REVISION = 'revision held back';

/** One line a failing test prints. */
export function describeExposure(e: Exposure): string {
  const round = (x: number) => (Math.abs(x) >= 1e6 ? x.toExponential(9) : String(Math.round(x * 1000) / 1000));
  const cell = `${e.what} ${e.measure} ${e.where} ${e.quarters.join('+')} [${e.taxCodes.join(',')}]`;
  return `${cell} = ${e.value}: outsider derives [${round(e.min)}, ${round(e.max)}] from ${e.from.join(' ')}`;
}

/** A row kept exactly: coefficient per revision id, bounds in the measure's own units (null: none), and what it says. */
interface ExactRow {
  readonly terms: ReadonlyMap<number, number>;
  readonly lower: bigint | null;
  readonly upper: bigint | null;
  readonly label: string;
}

interface Cell {
  readonly where: string;
  readonly quarters: readonly string[];
  readonly revisions: readonly Revision[];
}

const GROWTHS: ReadonlyArray<readonly [string, Measure]> = [
  ['growthYoYPct', 'grossOutputConstant2010'],
  ['growthYoYCurrentPct', 'grossOutput'],
];

const shiftYear = (quarter: string, by: number) => `${Number(quarter.slice(0, 4)) + by}${quarter.slice(4)}`;
/** A percentage as published (2 decimals) in hundredths: the true ratio lies within half a hundredth of it. */
const hundredths = (pct: number) => BigInt(Math.round(pct * 100));

export class OutsiderAudit {
  /** Problems of the model itself: a published figure it cannot explain. */
  readonly mismatches: string[] = [];
  private readonly rows = new Map<Measure, Map<string, ExactRow>>(MEASURES.map((m) => [m, new Map()]));
  private readonly cells = new Map<Measure, Map<string, Cell>>(MEASURES.map((m) => [m, new Map()]));
  /** What each figure was made of when last published (key: where|measure|quarters). */
  private readonly lastPublished = new Map<string, Revision[]>();
  private readonly pBasisPoints: bigint;
  /** The publication being observed, as the public endpoint numbers it. */
  private publication = 0;

  constructor(
    private readonly ledger: FilingLedger,
    private readonly params: DisclosureParams = DEFAULT_DISCLOSURE_PARAMS,
  ) {
    this.pBasisPoints = resolveDisclosureRules(params).pBasisPoints;
  }

  /** Takes in one public summary as published now (the ledger as it stands is what it was made from). */
  observe(summary: PublicSummaryJson): void {
    const quarters = summary.quarters;
    this.publication = summary.publication?.id ?? this.publication + 1;
    const wholes = [
      ...summary.zones
        .map((entry) => ({ where: String(entry.zoneCode), zones: [String(entry.zoneCode)], entry }))
        .filter((z) => this.ledger.zoneKinds.has(z.where)),
      ...Object.entries(summary.totals).map(([kind, entry]) => ({
        where: `total ${kind}`,
        zones: this.ledger.zonesOfKind(kind as 'all'),
        entry,
      })),
    ];
    const entries = wholes.map((e) => ({ ...e, block: undefined as Block | undefined }));
    const blocks = wholes.flatMap((e) =>
      Object.entries(e.entry.blocks ?? {}).map(([block, entry]) => ({ ...e, where: `${e.where} ${block}`, block: block as Block, entry })),
    );
    const used = new Map<string, Revision[]>();
    for (const { where, zones, entry, block } of [...entries, ...blocks]) {
      for (const m of MEASURES) {
        const made = this.published(where, zones, quarters, m, entry, block);
        if (made !== null) used.set(`${where}|${m}`, made);
        if (where.startsWith('total')) continue;
        for (const q of quarters) this.candidate(m, { where, quarters: [q], revisions: this.build(zones, [q], m, block) });
      }
    }
    for (const { where, zones, entry } of entries) {
      for (const [field, m] of GROWTHS) this.growth(where, zones, quarters, m, entry, field, used.get(`${where}|${m}`));
    }
    for (const { where, zones, entry } of entries) {
      const kind = this.ledger.zoneKinds.get(where);
      const share = entry.grossOutputSharePct;
      if (kind === undefined || typeof share !== 'number') continue;
      // Which figures a share shown next to a revision held back was worked out from is not public: no bound.
      const heldBack = (e: PublicEntry | undefined) => e?.heldBack?.some((h) => ['grossOutput', 'grossOutputSharePct'].includes(h.field));
      if (heldBack(entry) || heldBack(summary.totals[kind])) continue;
      const zone = used.get(`${where}|grossOutput`) ?? this.build(zones, quarters, 'grossOutput');
      const total = used.get(`total ${kind}|grossOutput`) ?? this.build(this.ledger.zonesOfKind(kind), quarters, 'grossOutput');
      this.ratio(`${where} ${quarters.join('+')} share`, 'grossOutput', zone, total, hundredths(share));
    }
  }

  /** The exposures of everything observed so far. */
  async audit(): Promise<Exposure[]> {
    const exposures: Exposure[] = [];
    for (const m of MEASURES) exposures.push(...(await this.auditMeasure(m)));
    return exposures;
  }

  private build(zones: readonly string[], quarters: readonly string[], m: Measure, block?: Block): Revision[] {
    return this.ledger.madeOf(zones, quarters, m, block);
  }

  /** Records a published figure as an equality; returns what it is made of, or null when withheld or unexplained. */
  private published(where: string, zones: string[], quarters: string[], m: Measure, entry: PublicEntry, block?: Block): Revision[] | null {
    const shown = entry[m];
    if (shown === null || shown === undefined) return null;
    const key = `${where}|${m}|${quarters.join('+')}`;
    const heldBack = entry.heldBack?.some((h) => h.field === m && h.reason === HELD_BACK_REVISION) ?? false;
    const made = heldBack ? this.lastPublished.get(key) : this.build(zones, quarters, m, block);
    if (made === undefined) {
      this.mismatches.push(`${key}: a revision held back, but no earlier figure was observed`);
      return null;
    }
    const value = BigInt(shown as string | number);
    if (figure(made, m) !== value) {
      this.mismatches.push(`${key}: published ${value}, the model makes ${figure(made, m)}${heldBack ? ' (revision held back)' : ''}`);
      return null;
    }
    if (!heldBack) this.lastPublished.set(key, made);
    const says = `${where} ${quarters.join('+')} = ${value}${heldBack ? ' (held back)' : ''}`;
    this.addRow(m, new Map(made.map((r) => [r.id, 1])), value, value, says);
    this.candidate(m, { where, quarters, revisions: made });
    return made;
  }

  private growth(
    where: string,
    zones: string[],
    quarters: string[],
    m: Measure,
    entry: PublicEntry,
    field: string,
    current: Revision[] | undefined,
  ) {
    const growth = entry[field];
    if (typeof growth !== 'number' || current === undefined) return;
    if (entry.heldBack?.some((h) => h.field === field || h.field === m)) return;
    const earlierQuarters = quarters.map((q) => shiftYear(q, -1));
    const earlier = this.build(zones, earlierQuarters, m);
    this.ratio(`${where} ${quarters.join('+')} ${field}`, m, current, earlier, hundredths(growth) + 10_000n);
    this.candidate(m, { where, quarters: earlierQuarters, revisions: earlier });
    if (where.startsWith('total')) return;
    for (const q of earlierQuarters) this.candidate(m, { where, quarters: [q], revisions: this.build(zones, [q], m) });
  }

  /**
   * numerator / denominator = ratio / 10,000, published rounded to a hundredth of a percent:
   * 20,000 · numerator lies between (2 · ratio − 1) and (2 · ratio + 1) times the denominator.
   */
  private ratio(what: string, m: Measure, numerator: readonly Revision[], denominator: readonly Revision[], ratio: bigint) {
    const [n, d] = [figure(numerator, m), figure(denominator, m)];
    if (20_000n * n < (2n * ratio - 1n) * d || 20_000n * n > (2n * ratio + 1n) * d) {
      this.mismatches.push(`${what}: ${ratio} / 10000 is not ${n} / ${d}`);
      return;
    }
    for (const [bound, factor] of [
      ['upper', 2n * ratio + 1n],
      ['lower', 2n * ratio - 1n],
    ] as const) {
      const terms = new Map<number, number>();
      for (const r of numerator) terms.set(r.id, 1);
      for (const r of denominator) terms.set(r.id, (terms.get(r.id) ?? 0) - Number(factor) / 20_000);
      this.addRow(m, terms, bound === 'lower' ? 0n : null, bound === 'upper' ? 0n : null, `${what} ${Number(ratio) / 100} (${bound})`);
    }
  }

  private addRow(m: Measure, terms: Map<number, number>, lower: bigint | null, upper: bigint | null, says: string) {
    const key = `${[...terms]
      .sort((a, b) => a[0] - b[0])
      .map(([id, c]) => `${id}:${c}`)
      .join(' ')}|${lower}|${upper}`;
    const rows = this.rows.get(m)!;
    if (!rows.has(key)) rows.set(key, { terms, lower, upper, label: `#${this.publication} ${says}` });
  }

  private candidate(m: Measure, cell: Cell) {
    if (cell.revisions.length === 0) return;
    this.cells.get(m)!.set(
      cell.revisions
        .map((r) => r.id)
        .sort((a, b) => a - b)
        .join(' '),
      cell,
    );
  }

  /** True when the frequency or p% rule withholds the cell, its contributions summed per enterprise. */
  private sensitive(cell: Cell, m: Measure): boolean {
    const byEnterprise = new Map<string, bigint>();
    for (const r of cell.revisions) byEnterprise.set(r.taxCode, (byEnterprise.get(r.taxCode) ?? 0n) + (r.values[m] ?? 0n));
    const x = [...byEnterprise.values()].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    const total = x.reduce((a, b) => a + b, 0n);
    if (total === 0n) return false;
    if (x.length < this.params.minContributors) return true;
    return 10_000n * (total - x[0] - (x[1] ?? 0n)) < this.pBasisPoints * x[0];
  }

  private async auditMeasure(m: Measure): Promise<Exposure[]> {
    const rows = [...this.rows.get(m)!.values()];
    if (rows.length === 0) return [];
    const column = new Map<number, number>();
    for (const row of rows) for (const id of row.terms.keys()) if (!column.has(id)) column.set(id, column.size);
    const revisions = [...column.keys()].map((id) => this.ledger.revisions[id]);
    // Scaled to the largest contribution: đồng run to 10^12 and the solver's tolerances are absolute.
    const scale = Math.max(1, ...revisions.map((r) => Number(r.values[m] ?? 0n)));
    const linear: LinearRow[] = rows.map((row) => ({
      indices: [...row.terms.keys()].map((id) => column.get(id)!),
      coefs: [...row.terms.values()],
      lower: row.lower === null ? -Infinity : Number(row.lower) / scale,
      upper: row.upper === null ? Infinity : Number(row.upper) / scale,
    }));
    const p = this.params.pPercent / 100;
    const exposures: Exposure[] = [];
    const program = await IntervalProgram.open(column.size, linear);
    try {
      // Contributions that enter exactly the same rows can trade places, so each can be 0: only a
      // contribution with rows of its own can be narrowed.
      const signature = new Map<number, string>();
      linear.forEach((row, i) => row.indices.forEach((j, k) => signature.set(j, `${signature.get(j) ?? ''} ${i}:${row.coefs[k]}`)));
      const shared = new Map<string, number>();
      for (const s of signature.values()) shared.set(s, (shared.get(s) ?? 0) + 1);
      for (const r of revisions) {
        const j = column.get(r.id)!;
        const value = Number(r.values[m] ?? 0n) / scale;
        if (value <= 0 || shared.get(signature.get(j)!)! > 1) continue;
        const max = program.optimum([j], [1], 'maximize');
        if (max === 'infeasible') return this.infeasible(m);
        if (max === null || max - value >= p * value) continue;
        const min = program.optimum([j], [1], 'minimize');
        if (min === 'infeasible' || min === null) return this.infeasible(m);
        if (max - min >= p * value) continue;
        program.optimum([j], [1], 'maximize');
        const cell = { where: r.zoneCode, quarters: [r.quarter], revisions: [r] };
        exposures.push(this.exposure(m, 'contribution', cell, min, max, scale, this.certificate(rows, program.rowDuals())));
      }
      for (const cell of this.cells.get(m)!.values()) {
        if (!this.sensitive(cell, m) || cell.revisions.some((r) => !column.has(r.id))) continue;
        const extremes = program.extremes(cell.revisions.map((r) => column.get(r.id)!));
        if (extremes === 'infeasible') return this.infeasible(m);
        const value = Number(figure(cell.revisions, m)) / scale;
        if (extremes.max !== null && extremes.max - extremes.min <= 1e-7 * Math.max(1, value)) {
          const from = this.certificate(rows, program.rowDuals());
          exposures.push(this.exposure(m, 'cell', cell, extremes.min, extremes.max, scale, from));
        }
      }
    } finally {
      program.close();
    }
    return exposures;
  }

  private exposure(m: Measure, what: Exposure['what'], cell: Cell, min: number, max: number, scale: number, from: string[]): Exposure {
    return {
      measure: m,
      what,
      where: cell.where,
      quarters: cell.quarters,
      taxCodes: [...new Set(cell.revisions.map((r) => r.taxCode))].sort(),
      value: figure(cell.revisions, m),
      min: min * scale,
      max: max * scale,
      from,
    };
  }

  /** The rows of the last optimum's dual solution: which published figures, added and taken away, give the bound. */
  private certificate(rows: readonly ExactRow[], duals: Float64Array): string[] {
    return rows.flatMap((row, i) => {
      const y = Math.round(duals[i] * 10_000) / 10_000;
      return y === 0 ? [] : [`${y > 0 ? '+' : '−'}${Math.abs(y) === 1 ? '' : `${Math.abs(y)}·`}[${row.label}]`];
    });
  }

  private infeasible(m: Measure): Exposure[] {
    this.mismatches.push(`${m}: no contributions satisfy everything published`);
    return [];
  }
}
