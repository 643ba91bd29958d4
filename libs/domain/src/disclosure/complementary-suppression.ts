import { AuditAtom, AuditCell, AuditGroup } from './audit-model';
import { DisclosureParams } from './disclosure-params';
import { Exposure, IntervalAuditor } from './interval-audit';
import { compactAtoms } from './atom-compaction';
import { LpSolver } from './lp-solver';
import { ProgramCache } from './program-cache';
import { Protection, protectionOf } from './protection-level';
import { SettledSums } from './settled-sums';

/** A cell about to be published, which may still be withheld. */
export interface CandidateCell extends AuditCell {
  readonly value: bigint;
  /** Withheld (or held back) in the latest earlier publication of the same figure: withholding it again costs least. */
  readonly withheldBefore: boolean;
}

export interface SuppressionInput {
  readonly atoms: readonly AuditAtom[];
  /** What earlier publications made public: fixed. */
  readonly published: readonly AuditCell[];
  readonly candidates: readonly CandidateCell[];
  readonly groups: readonly AuditGroup[];
}

/**
 * Complementary suppression chosen by the audit: while some protected sum is exposed, withhold more candidate
 * cells. First choice: an equation the too-close bound rests on (the cells a reader combines), if every cell
 * stating it is a candidate; next, the smallest published cell holding part of the sum (the total a reader
 * subtracts from) or a cell inside it; last, anywhere in the sum's component. Among these, cells withheld
 * before come first (so that the pattern does not move from month to month and two months together uncover
 * nothing), then the smallest figure (the least information lost). Each step withholds at least one cell, so
 * it ends. Only components with a candidate still published are audited: what earlier publications alone make
 * public, no candidate undoes. Returns the candidates to withhold.
 */
export function suppressUntilAuditPasses(solver: LpSolver, input: SuppressionInput, params: DisclosureParams): ReadonlySet<string> {
  const withheld = new Set<string>();
  // Nothing new (every cell as published before from the same contributions): nothing to audit.
  if (input.candidates.length === 0) return withheld;
  // Atoms the cells and protected sums never tell apart are one unknown in every audit below: summed once.
  const compact = compactAtoms(input.atoms, [...input.published, ...input.candidates, ...input.groups]);
  const published = input.published.map((c) => compact.compact(c));
  const allCandidates = input.candidates.map((c) => compact.compact(c));
  const groups = input.groups.map((g) => compact.compact(g));
  const byEnterprise = protectionOf(input.atoms, params);
  const protection: Protection = (atoms) => byEnterprise(atoms.flatMap((a) => compact.members[a]));
  const cells = new Map<string, AuditCell>([...published, ...allCandidates].map((c) => [c.key, c]));
  // Every audit below is of the same atoms with a few cells more or less: components left as they were keep their programs.
  const cache = new ProgramCache(solver);
  // What earlier publications alone already pin down, no candidate can protect any more: only what they add counts.
  const before = new IntervalAuditor(solver, compact.atoms, published, protection, cache);
  // Sums found safe stay safe while more is withheld: each audit solves only for what is still open.
  const settled = new SettledSums();
  // `likely`: a try asks only whether anything is exposed, and looks first where it most likely is.
  const exposures = (touched: ReadonlySet<string> | null, likely?: readonly AuditGroup[], carry?: IntervalAuditor) => {
    const candidates = allCandidates.filter((c) => !withheld.has(c.key));
    const given = touched?.size === 1 && carry ? { before: carry, cell: cells.get([...touched][0])!.atoms } : undefined;
    const auditor = new IntervalAuditor(solver, compact.atoms, [...published, ...candidates], protection, cache, given);
    const look = settled.look(withheld);
    const scope = touched ?? new Set(candidates.map((c) => c.key));
    const found: Exposure[] = [];
    for (const group of [...(likely ?? []), ...groups, ...auditor.classGroups()]) {
      if (look.known(group)) continue;
      const exposure = auditor.exposure(group, scope);
      if (exposure === null) look.safe(group);
      else if (before.exposure(group) !== null) settled.ignore(group);
      else {
        found.push(exposure);
        if (likely) break;
      }
    }
    return { candidates, found, auditor };
  };
  // The sums each withheld cell was withheld for.
  const protecting = new Map<string, Exposure[]>();
  try {
    let audit = exposures(null);
    for (; audit.found.length > 0; audit = exposures(null)) {
      // Each exposure gets its withholding in one pass, unless one made in this pass takes away an equation its
      // too-close bound rests on (or a cell pinning an unknown in one): taking away any other leaves that optimum
      // where it was (its dual is zero).
      const now = new Set<string>();
      for (const exposure of audit.found) {
        if ([...now].some((key) => exposure.resting.has(key))) continue;
        // An exposure is only reported when its bounds rest on a published candidate, so there is one to withhold.
        const open = audit.candidates.filter((c) => !withheld.has(c.key));
        // Everything withheld: nothing a reader could combine is new.
        if (open.length === 0) break;
        for (const cell of choose(
          exposure,
          exposure.cells.map((key) => cells.get(key)!),
          open,
        )) {
          withheld.add(cell.key);
          now.add(cell.key);
          protecting.set(cell.key, [...(protecting.get(cell.key) ?? []), exposure]);
        }
      }
    }
    // A cell withheld early may have become needless once later ones were withheld (a total that the others
    // give back anyway): each is tried again, last withheld first, and published if the audit still passes.
    // No need to try when every cell a sum it was withheld for rests on is published with it: that sum's bound
    // comes back exactly (its dual solution holds again, and fewer equations never narrow it). Cells are tried in
    // halves: publishing more only narrows, so a batch passes exactly when each of its cells would in turn.
    // The audit of the cells as published now: the last that passed.
    let current = audit.auditor;
    const certain = (key: string) =>
      (protecting.get(key) ?? []).some((e) => ![...e.resting].some((cell) => cell !== key && withheld.has(cell)));
    const giveBack = (keys: readonly string[]): void => {
      if (keys.length === 0) return;
      for (const key of keys) withheld.delete(key);
      const likely = keys.flatMap((key) => protecting.get(key) ?? []).map((e) => ({ key: e.group, atoms: e.atoms }));
      // One cell given back starts its programs from the solutions of the view it is added to.
      const tried = exposures(new Set(keys), likely, current);
      if (tried.found.length === 0) {
        current = tried.auditor;
        return;
      }
      for (const key of keys) withheld.add(key);
      if (keys.length === 1) return;
      const half = Math.ceil(keys.length / 2);
      giveBack(keys.slice(0, half));
      giveBack(keys.slice(half));
    };
    giveBack([...withheld].reverse().filter((key) => !certain(key)));
    return withheld;
  } finally {
    cache.dispose();
  }
}

function choose(exposure: Exposure, componentCells: readonly AuditCell[], open: readonly CandidateCell[]): readonly CandidateCell[] {
  const byKey = new Map(open.map((c) => [c.key, c]));
  const removable = exposure.binding
    .map((keys) => keys.map((key) => byKey.get(key)))
    .filter((bundle): bundle is CandidateCell[] => bundle.every((c) => c !== undefined));
  if (removable.length > 0) return removable.sort((a, b) => compareCandidates(a[0], b[0]))[0];
  const group = new Set(exposure.atoms);
  const inComponent = new Set(componentCells.map((c) => c.key));
  const enclosing = componentCells.filter((c) => c.atoms.some((a) => group.has(a))).sort((a, b) => a.atoms.length - b.atoms.length);
  for (const total of enclosing) {
    const inside = new Set(total.atoms);
    const options = open.filter((c) => inComponent.has(c.key) && c.atoms.every((a) => inside.has(a)));
    if (options.length > 0) return [cheapest(options)];
  }
  const inside = open.filter((c) => inComponent.has(c.key));
  // The bounds rest on a published candidate, so there is one; withholding any keeps the loop going otherwise.
  return [cheapest(inside.length > 0 ? inside : open)];
}

function cheapest(candidates: readonly CandidateCell[]): CandidateCell {
  return [...candidates].sort(compareCandidates)[0];
}

function compareCandidates(a: CandidateCell, b: CandidateCell): number {
  const byValue = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  return Number(b.withheldBefore) - Number(a.withheldBefore) || byValue || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
