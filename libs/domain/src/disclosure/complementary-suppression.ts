import { AuditAtom, AuditCell, AuditGroup } from './audit-model';
import { DisclosureParams } from './disclosure-params';
import { auditIntervals, Exposure } from './interval-audit';
import { LpSolver } from './lp-solver';

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
 * Complementary suppression chosen by the audit: while some protected sum is exposed, withhold one more
 * candidate cell. It is looked for under the smallest published cell holding part of the sum (the total a
 * reader subtracts from): that cell itself or one inside it, preferring cells withheld before (so that the
 * pattern does not move from month to month and two months together uncover nothing), then the smallest
 * figure (the least information lost); failing that, anywhere in the sum's component. Each step withholds a
 * cell, so it ends. Only components with a candidate still published are audited: what earlier publications
 * alone make public, no candidate undoes. Returns the candidates to withhold.
 */
export function suppressUntilAuditPasses(solver: LpSolver, input: SuppressionInput, params: DisclosureParams): ReadonlySet<string> {
  const withheld = new Set<string>();
  const cells = new Map<string, AuditCell>([...input.published, ...input.candidates].map((c) => [c.key, c]));
  for (;;) {
    const candidates = input.candidates.filter((c) => !withheld.has(c.key));
    const exposures = auditIntervals(solver, {
      atoms: input.atoms,
      cells: [...input.published, ...candidates],
      groups: input.groups,
      touched: new Set(candidates.map((c) => c.key)),
    }, params);
    if (exposures.length === 0) return withheld;
    // An exposure is only reported for a component holding a published candidate, so there is one to withhold.
    const exposure = exposures[0];
    withheld.add(choose(exposure, exposure.cells.map((key) => cells.get(key)!), candidates).key);
  }
}

function choose(exposure: Exposure, componentCells: readonly AuditCell[], open: readonly CandidateCell[]): CandidateCell {
  const group = new Set(exposure.atoms);
  const inComponent = new Set(componentCells.map((c) => c.key));
  const enclosing = componentCells.filter((c) => c.atoms.some((a) => group.has(a))).sort((a, b) => a.atoms.length - b.atoms.length);
  for (const total of enclosing) {
    const inside = new Set(total.atoms);
    const options = open.filter((c) => inComponent.has(c.key) && c.atoms.every((a) => inside.has(a)));
    if (options.length > 0) return cheapest(options);
  }
  return cheapest(open.filter((c) => inComponent.has(c.key)));
}

function cheapest(candidates: readonly CandidateCell[]): CandidateCell {
  return [...candidates].sort((a, b) =>
    Number(b.withheldBefore) - Number(a.withheldBefore) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )[0];
}
