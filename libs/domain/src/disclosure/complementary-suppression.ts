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
 * candidate cell of its component, preferring cells withheld before (so that the pattern does not move from
 * month to month and two months together uncover nothing), then cells holding part of the sum, then the
 * smallest figure (the least information lost). Each step withholds a cell, so it ends. Only components with
 * a candidate still published are audited: what earlier publications alone make public, no candidate undoes.
 * Returns the candidates to withhold.
 */
export function suppressUntilAuditPasses(solver: LpSolver, input: SuppressionInput, params: DisclosureParams): ReadonlySet<string> {
  const withheld = new Set<string>();
  const byKey = new Map(input.candidates.map((c) => [c.key, c]));
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
    withheld.add(preferred(exposure, exposure.cells.flatMap((key) => byKey.get(key) ?? []).filter((c) => !withheld.has(c.key))).key);
  }
}

function preferred(exposure: Exposure, candidates: readonly CandidateCell[]): CandidateCell {
  const atoms = new Set(exposure.atoms);
  const rank = (c: CandidateCell) => [c.withheldBefore ? 0 : 1, c.atoms.some((a) => atoms.has(a)) ? 0 : 1] as const;
  return [...candidates].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  })[0];
}
