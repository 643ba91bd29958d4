import { BlockSplit, blocksOf, Summary, SummaryFigures, ZONE_KINDS, ZoneKind, ZoneSummary } from '../aggregation/zone-summary';
import { AuditAtom, AuditCell } from '../disclosure/audit-model';
import { CandidateCell, suppressUntilAuditPasses } from '../disclosure/complementary-suppression';
import { DisclosureParams } from '../disclosure/disclosure-params';
import { LpSolver } from '../disclosure/lp-solver';
import { primarySensitivity } from '../disclosure/primary-suppression';
import { pooledByEnterprise } from '../disclosure/protection-level';
import { yearToDate } from '../periods/period-spec';
import { addQuarters, formatQuarter, parseQuarter, Quarter } from '../periods/quarter';
import { Ownership, OWNERSHIPS } from '../registry/ownership-history';
import {
  AUDITED_MEASURES,
  AuditedMeasure,
  blockArea,
  CellAddress,
  cellKey,
  ContributionSet,
  ContributionVersion,
  HeldBack,
  HeldBackReason,
  inArea,
  inBlock,
  isStock,
  LedgerCell,
  sameContributions,
  splitArea,
} from './public-cells';

/** What earlier publications made public: their cells and the contributions behind them. */
export interface DisclosureLedger {
  readonly cells: readonly LedgerCell[];
  readonly versions: readonly ContributionVersion[];
}

export interface PublicationDisclosureInput {
  /** The periods the publication states (its latest quarter and year to date), as the board sees them. */
  readonly summaries: readonly Summary[];
  /** Current contributions for the periods' quarters and the same quarters a year earlier. */
  readonly contributions: readonly ContributionSet[];
  readonly ledger: DisclosureLedger;
  readonly params: DisclosureParams;
}

export type PublicFigures<T> = T & { withheld: string[]; heldBack: HeldBack[] };

/** The blocks of a split summary, each disclosed like its zone or total. */
type PublicBlocks = { blocks?: Record<Ownership, PublicFigures<SummaryFigures>> };

export interface PublicSummary {
  period: string;
  quarters: string[];
  zones: Array<PublicFigures<Omit<ZoneSummary, 'blocks'>> & PublicBlocks>;
  totals: Record<ZoneKind | 'all', PublicFigures<SummaryFigures> & PublicBlocks>;
}

/** A block publishes its magnitudes (and the average wage with its wage fund), not shares, growth or progress. */
const NOT_PUBLISHED_IN_BLOCKS = { grossOutputSharePct: null, growthYoYPct: null, growthYoYCurrentPct: null, planProgressPct: null };

/** A cell for the ledger; `basisPublicationId` null means the contributions of the publication being made. */
export interface NewLedgerCell extends CellAddress {
  readonly value: bigint | null;
  readonly reason: HeldBackReason | null;
  readonly basisPublicationId: number | null;
}

export interface PublicationDisclosure {
  readonly summaries: PublicSummary[];
  readonly cells: NewLedgerCell[];
  /** Contribution sets changed since the ledger last kept them: to keep with this publication. */
  readonly versions: ContributionSet[];
}

/** What a publication shows of one cell. */
export type Decision =
  | { readonly state: 'published'; readonly value: bigint }
  | { readonly state: 'withheld'; readonly reason: 'confidential' | 'protects another figure' }
  | { readonly state: 'heldBack'; readonly value: bigint; readonly basis: number };

/**
 * Decides what a publication may show, audited against everything published before. Every cell (zone,
 * kind total or grand total, or a block of one when the summaries are split; measure; period) is judged on
 * its own: withheld as confidential when it fails the frequency or p% rule, and further withheld by the
 * interval audit (complementary suppression) when together with the ledger it would narrow some enterprise's
 * figure too far. A cell withheld by the audit whose period
 * was published before shows the earlier figure again: its revision is held back. Growth rates also publish
 * the previous year's cell, which is audited like any other.
 */
export function disclosePublication(solver: LpSolver, input: PublicationDisclosureInput): PublicationDisclosure {
  const decisions = new Map<string, Decision>();
  for (const measure of AUDITED_MEASURES) for (const [key, d] of discloseMeasure(solver, measure, input)) decisions.set(key, d);
  return assembleDisclosure(input, decisions);
}

/**
 * The input one measure's decisions need: measures are audited apart (a reader cannot add workers to đồng), so
 * each may be decided on its own, e.g. on a thread of its own.
 */
export function measureInput(input: PublicationDisclosureInput, measure: AuditedMeasure): PublicationDisclosureInput {
  return {
    summaries: input.summaries,
    contributions: input.contributions.filter((s) => s.measure === measure),
    ledger: {
      cells: input.ledger.cells.filter((c) => c.measure === measure),
      versions: input.ledger.versions.filter((v) => v.measure === measure),
    },
    params: input.params,
  };
}

/** One measure's cells of the publication, decided: by cell key. */
export function discloseMeasure(solver: LpSolver, measure: AuditedMeasure, input: PublicationDisclosureInput): Map<string, Decision> {
  const decisions = new Map<string, Decision>();
  const addresses = candidateAddresses(input.summaries).filter((a) => a.measure === measure);
  decideMeasure(
    solver,
    measure,
    addresses,
    new ContributionIndex(input.contributions),
    input,
    ledgerViews(input.ledger.versions),
    decisions,
  );
  return decisions;
}

/** The public summaries, the ledger's new cells and the contribution sets to keep, from every measure's decisions. */
export function assembleDisclosure(input: PublicationDisclosureInput, decisions: ReadonlyMap<string, Decision>): PublicationDisclosure {
  const cells = candidateAddresses(input.summaries).flatMap((address): NewLedgerCell[] => {
    const d = decisions.get(cellKey(address));
    if (d === undefined) return [];
    if (d.state === 'published') return [{ ...address, value: d.value, reason: null, basisPublicationId: null }];
    if (d.state === 'withheld') return [{ ...address, value: null, reason: d.reason, basisPublicationId: null }];
    return [{ ...address, value: d.value, reason: 'revision held back', basisPublicationId: d.basis }];
  });
  const kept = latestVersions(input.ledger.versions);
  const versions = input.contributions.filter((s) => {
    const before = kept.get(setKey(s));
    return before === undefined || !sameContributions(before, s);
  });
  return { summaries: input.summaries.map((s) => publicSummary(s, decisions)), cells, versions };
}

function decideMeasure(
  solver: LpSolver,
  measure: AuditedMeasure,
  addresses: readonly CellAddress[],
  current: ContributionIndex,
  input: PublicationDisclosureInput,
  asOf: (publicationId: number) => ContributionIndex,
  decisions: Map<string, Decision>,
): void {
  const table = new AtomTable(isStock(measure));
  const atoms = table.atoms;

  const published: AuditCell[] = [];
  const latest = new Map<string, LedgerCell>();
  const equations = new Set<string>();
  for (const cell of input.ledger.cells.filter((c) => c.measure === measure)) {
    const key = cellKey(cell);
    if ((latest.get(key)?.publicationId ?? -1) < cell.publicationId) latest.set(key, cell);
    // Most cells are published again month after month from the same contributions: one equation.
    const view = asOf(cell.basisPublicationId);
    const equation = `${key}|${view.versionsOf(cell)}`;
    if (cell.value === null || equations.has(equation)) continue;
    equations.add(equation);
    published.push({ key: `${cell.publicationId} ${key}`, atoms: table.cellAtoms(cell, view.setsOf(cell)) });
  }
  const before = (key: string) => {
    const cell = latest.get(key);
    return cell && { cell, atoms: table.cellAtoms(cell, asOf(cell.basisPublicationId).setsOf(cell)) };
  };

  const candidates: CandidateCell[] = [];
  const groups: AuditCell[] = [];
  for (const address of addresses) {
    const key = cellKey(address);
    const cellAtoms = table.cellAtoms(address, current.setsOf(address));
    if (cellAtoms.length === 0) continue;
    const value = cellAtoms.reduce((sum, a) => sum + atoms[a].value, 0n);
    const earlier = before(key);
    if (primarySensitivity(pooledByEnterprise(cellAtoms.map((a) => atoms[a])), input.params) !== null) {
      decisions.set(key, { state: 'withheld', reason: 'confidential' });
      groups.push({ key, atoms: cellAtoms });
    } else if (earlier !== undefined && earlier.cell.value !== null && sameAtoms(earlier.atoms, cellAtoms)) {
      // Published before from the same contributions: the same equation again, nothing new to judge.
      decisions.set(key, { state: 'published', value });
      published.push({ key, atoms: cellAtoms });
    } else {
      decisions.set(key, { state: 'published', value });
      const withheldBefore = earlier !== undefined && (earlier.cell.value === null || earlier.cell.reason === 'revision held back');
      candidates.push({ key, atoms: cellAtoms, value, withheldBefore });
    }
  }
  // Each zone's quarters stay protected too, e.g. a quarter with one filer that no cell of this publication states,
  // and so does each earlier version of them: cells published before an amendment still state the old figures.
  // So does each block of a zone's quarter, once the sets record blocks.
  const protectedSums = new Set<string>();
  for (const set of [...current.sets, ...input.ledger.versions].filter((s) => s.measure === measure)) {
    const areas = [set.zoneCode, ...(set.blocks ? OWNERSHIPS.map((b) => blockArea(set.zoneCode, b)) : [])];
    for (const area of areas) {
      const sum = table.cellAtoms({ area, measure, quarters: [set.quarter] }, [set]);
      const signature = sum.join(',');
      if (sum.length === 0 || protectedSums.has(signature)) continue;
      protectedSums.add(signature);
      groups.push({ key: `${area} ${set.quarter} ${protectedSums.size}`, atoms: sum });
    }
  }

  for (const key of suppressUntilAuditPasses(solver, { atoms, published, candidates, groups }, input.params)) {
    const before = latest.get(key);
    decisions.set(
      key,
      before?.value != null
        ? { state: 'heldBack', value: before.value, basis: before.basisPublicationId }
        : { state: 'withheld', reason: 'protects another figure' },
    );
  }
}

/**
 * The cells a publication states (with each block's when the summary is split), and for each growth rate the
 * previous year's cell it reveals.
 */
function candidateAddresses(summaries: readonly Summary[]): CellAddress[] {
  const addresses = new Map<string, CellAddress>();
  const add = (address: CellAddress) => addresses.set(cellKey(address), address);
  for (const summary of summaries) {
    const entries: Array<[string, SummaryFigures & BlockSplit]> = [
      ...summary.zones.map((z): [string, ZoneSummary] => [z.zoneCode, z]),
      ...[...ZONE_KINDS, 'all' as const].map((k): [string, SummaryFigures & BlockSplit] => [k, summary.totals[k]]),
    ];
    const previous = summary.quarters.map((q) => yearEarlier(q));
    for (const [area, figures] of entries) {
      const areas = [area, ...(figures.blocks ? OWNERSHIPS.map((b) => blockArea(area, b)) : [])];
      for (const measure of AUDITED_MEASURES) for (const a of areas) add({ area: a, measure, quarters: summary.quarters });
      if (figures.growthYoYPct !== null) add({ area, measure: 'grossOutputConstant2010', quarters: previous });
      if (figures.growthYoYCurrentPct !== null) add({ area, measure: 'grossOutput', quarters: previous });
    }
  }
  return [...addresses.values()];
}

// Figures computed from cells: each is shown only when all of its cells are shown as they are now.
function derivedFrom(summary: Summary, area: string, kind: ZoneKind | null): Record<string, CellAddress[]> {
  const q = summary.quarters;
  const previous = q.map(yearEarlier);
  const ytd = yearToDate(toQuarter(q[q.length - 1])).quarters.map(formatQuarter);
  return {
    grossOutputSharePct: [
      { area, measure: 'grossOutput', quarters: q },
      ...(kind ? [{ area: kind, measure: 'grossOutput' as const, quarters: q }] : []),
    ],
    growthYoYPct: [
      { area, measure: 'grossOutputConstant2010', quarters: q },
      { area, measure: 'grossOutputConstant2010', quarters: previous },
    ],
    growthYoYCurrentPct: [
      { area, measure: 'grossOutput', quarters: q },
      { area, measure: 'grossOutput', quarters: previous },
    ],
    planProgressPct: [{ area, measure: 'grossOutputConstant2010', quarters: ytd }],
    averageMonthlyWage: [{ area, measure: 'wageFund', quarters: q }],
  };
}

function publicSummary(summary: Summary, decisions: ReadonlyMap<string, Decision>): PublicSummary {
  const discloseFigures = <T extends SummaryFigures>(figures: T, area: string, kind: ZoneKind | null): PublicFigures<T> => {
    const out: Record<string, unknown> = Object.fromEntries(Object.entries(figures));
    const withheld: string[] = [];
    const heldBack: HeldBack[] = [];
    const hold = (field: string, reason: HeldBackReason) => {
      heldBack.push({ field, reason });
      if (reason !== 'revision held back') {
        out[field] = null;
        withheld.push(field);
      }
    };
    for (const measure of AUDITED_MEASURES) {
      if (figures[measure] === null) continue;
      const d = decisions.get(cellKey({ area, measure, quarters: summary.quarters }));
      if (d?.state === 'withheld') hold(measure, d.reason);
      if (d?.state === 'heldBack') {
        out[measure] = typeof figures[measure] === 'number' ? Number(d.value) : d.value;
        hold(measure, 'revision held back');
      }
    }
    for (const [field, cells] of Object.entries(derivedFrom(summary, area, kind))) {
      if (figures[field as keyof SummaryFigures] === null) continue;
      const blocking = cells.map((c) => decisions.get(cellKey(c))).find((d) => d !== undefined && d.state !== 'published');
      // A ratio of a held-back figure would give the revision away: it is withheld, not shown from the earlier one.
      if (blocking !== undefined) hold(field, blocking.state === 'withheld' ? blocking.reason : 'protects another figure');
    }
    return { ...(out as T), withheld, heldBack };
  };
  const disclose = <T extends SummaryFigures & BlockSplit>({ blocks, ...figures }: T, area: string, kind: ZoneKind | null) => {
    const shown = discloseFigures(figures, area, kind);
    if (!blocks) return shown;
    return { ...shown, blocks: blocksOf((b) => discloseFigures({ ...blocks[b], ...NOT_PUBLISHED_IN_BLOCKS }, blockArea(area, b), null)) };
  };
  return {
    period: summary.period,
    quarters: summary.quarters,
    zones: summary.zones.map((z) => disclose(z, z.zoneCode, z.kind)),
    totals: {
      industrial_park: disclose(summary.totals.industrial_park, 'industrial_park', null),
      industrial_cluster: disclose(summary.totals.industrial_cluster, 'industrial_cluster', null),
      all: disclose(summary.totals.all, 'all', null),
    },
  };
}

/** Contribution sets by measure and quarter, for finding the contributions of cells quickly. */
class ContributionIndex {
  private readonly byMeasureQuarter = new Map<string, ContributionSet[]>();
  private readonly ids = new Map<ContributionSet, number>();

  constructor(
    readonly sets: readonly ContributionSet[],
    ids?: ReadonlyMap<ContributionSet, number>,
  ) {
    for (const set of sets) {
      const key = `${set.measure}|${set.quarter}`;
      let list = this.byMeasureQuarter.get(key);
      if (list === undefined) this.byMeasureQuarter.set(key, (list = []));
      list.push(set);
      this.ids.set(set, ids?.get(set) ?? this.ids.size);
    }
  }

  /** Which kept sets a cell sums: two cells over the same ones are the same equation. */
  versionsOf(cell: CellAddress): string {
    return this.setsOf(cell)
      .filter((s) => inArea(cell.area, s))
      .map((s) => this.ids.get(s))
      .join(',');
  }

  /** The sets of a cell's measure and quarters, of every zone. */
  setsOf(cell: CellAddress): ContributionSet[] {
    return cell.quarters.flatMap((q) => this.byMeasureQuarter.get(`${cell.measure}|${q}`) ?? []);
  }
}

/**
 * The atoms of one measure: each enterprise's figure in a quarter, one per value it has had (an amendment is a
 * new unknown), indexed once per kept set so that totals over thousands of enterprises are gathered cheaply.
 */
class AtomTable {
  readonly atoms: AuditAtom[] = [];
  private readonly ids = new Map<string, number>();
  private readonly ofSet = new Map<ContributionSet, Int32Array>();

  constructor(private readonly stock: boolean) {}

  /** The atoms a cell sums, sorted, out of `sets` (those of its measure and quarters). */
  cellAtoms(cell: CellAddress, sets: readonly ContributionSet[]): number[] {
    const mine = sets.filter((s) => inArea(cell.area, s));
    const { block } = splitArea(cell.area);
    const out: number[] = [];
    if (!this.stock) {
      for (const set of mine) this.atomsOf(set).forEach((atom, i) => atom >= 0 && inBlock(block, set, i) && out.push(atom));
    } else {
      // A stock takes each enterprise's latest report in the period, even one that gave no figure; a block's, those of
      // the enterprises whose latest report counts in that block.
      const seen = new Set<string>();
      for (const set of [...mine].sort((a, b) => (a.quarter < b.quarter ? 1 : a.quarter > b.quarter ? -1 : 0))) {
        const atoms = this.atomsOf(set);
        set.taxCodes.forEach((taxCode, i) => {
          if (seen.has(taxCode)) return;
          seen.add(taxCode);
          if (atoms[i] >= 0 && inBlock(block, set, i)) out.push(atoms[i]);
        });
      }
    }
    return out.sort((a, b) => a - b);
  }

  private atomsOf(set: ContributionSet): Int32Array {
    let atoms = this.ofSet.get(set);
    if (atoms === undefined) {
      atoms = Int32Array.from(set.amounts, (amount, i) => {
        if (amount === null) return -1;
        const id = `${set.taxCodes[i]}|${set.quarter}|${amount}`;
        let index = this.ids.get(id);
        if (index === undefined) {
          index = this.atoms.push({ enterprise: set.taxCodes[i], value: amount }) - 1;
          this.ids.set(id, index);
        }
        return index;
      });
      this.ofSet.set(set, atoms);
    }
    return atoms;
  }
}

const setKey = (s: Pick<ContributionSet, 'zoneCode' | 'quarter' | 'measure'>) => `${s.zoneCode}|${s.quarter}|${s.measure}`;

function latestVersions(versions: readonly ContributionVersion[]): Map<string, ContributionVersion> {
  const latest = new Map<string, ContributionVersion>();
  for (const v of versions) if ((latest.get(setKey(v))?.publicationId ?? -1) < v.publicationId) latest.set(setKey(v), v);
  return latest;
}

// The ledger keeps a set again only when it changed, so a publication's contributions are the latest kept by then.
function ledgerViews(versions: readonly ContributionVersion[]): (publicationId: number) => ContributionIndex {
  const views = new Map<number, ContributionIndex>();
  const ids = new Map<ContributionSet, number>(versions.map((v, i) => [v, i]));
  return (publicationId) => {
    let view = views.get(publicationId);
    if (view === undefined) {
      view = new ContributionIndex([...latestVersions(versions.filter((v) => v.publicationId <= publicationId)).values()], ids);
      views.set(publicationId, view);
    }
    return view;
  };
}

function sameAtoms(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function toQuarter(label: string): Quarter {
  const quarter = parseQuarter(label);
  if (!quarter) throw new RangeError(`not a quarter: ${label}`);
  return quarter;
}

function yearEarlier(label: string): string {
  return formatQuarter(addQuarters(toQuarter(label), -4));
}
