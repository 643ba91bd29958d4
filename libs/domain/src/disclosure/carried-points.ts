import { AuditAtom } from './audit-model';

/** A view whose programs were solved: its classes, and the solutions found for the component holding a class. */
export interface SolvedView {
  /** The class of an atom (-1: in no published cell). */
  classOf(atom: number): number;
  classAtoms(cls: number): readonly number[];
  /** The solutions found for the class's component (with its columns and scale); null if it is pinned or unsolved. */
  solved(cls: number): SolvedComponent | null;
}

export interface SolvedComponent {
  readonly component: number;
  columnOf(cls: number): number;
  readonly solutions: readonly Float64Array[];
  readonly scale: number;
}

// Points carried to one new program: pairs of solutions beyond this add little and cost every reach() a scan.
const CARRIED_KEPT = 256;

/**
 * Feasible points of a program in a view with one cell published more than `before`, from the solutions `before`
 * found, without solving. Each new class lies inside one earlier class (publishing a cell only splits classes), so
 * an earlier solution, with each class's value shared among its atoms in proportion to their figures and every
 * unknown outside its component at its true figure, satisfies every earlier equation; it satisfies the new one
 * only by chance, but a convex combination of two such points on either side of it satisfies it exactly and still
 * every earlier one. These settle, without solving, the sums they take beyond their protection levels.
 */
export function carriedPoints(
  before: SolvedView,
  atoms: readonly AuditAtom[],
  cell: readonly number[],
  /** The new program's unknowns in column order, each as its atoms. */
  columns: ReadonlyArray<readonly number[]>,
  scale: number,
): Float64Array[] {
  const truth = (atom: number) => Number(atoms[atom].value);
  const sumOf = (list: readonly number[], value: (atom: number) => number) => list.reduce((sum, atom) => sum + value(atom), 0);
  const target = sumOf(cell, truth);
  const sources = new Map<number, SolvedComponent>();
  for (const members of columns) {
    const cls = before.classOf(members[0]);
    const solved = cls < 0 ? null : before.solved(cls);
    if (solved !== null && solved.solutions.length > 0) sources.set(solved.component, solved);
  }
  const carried: Float64Array[] = [];
  for (const source of sources.values()) {
    // An atom's part of its class's value at a point, in proportion to its figure (evenly if the class is 0): its
    // column in the source's points and its weight, worked out once; null outside the source (its true figure).
    const classTruth = new Map<number, number>();
    const shares = new Map<number, { readonly column: number; readonly weight: number } | null>();
    const shareOf = (atom: number) => {
      let share = shares.get(atom);
      if (share === undefined) {
        const cls = before.classOf(atom);
        const solved = cls < 0 ? null : before.solved(cls);
        if (solved === null || solved.component !== source.component) share = null;
        else {
          let total = classTruth.get(cls);
          if (total === undefined) classTruth.set(cls, (total = sumOf(before.classAtoms(cls), truth)));
          const fraction = total > 0 ? truth(atom) / total : 1 / before.classAtoms(cls).length;
          share = { column: source.columnOf(cls), weight: source.scale * fraction };
        }
        shares.set(atom, share);
      }
      return share;
    };
    const lift = (point: Float64Array) => {
      const part = (atom: number) => {
        const share = shareOf(atom);
        return share === null ? truth(atom) : point[share.column] * share.weight;
      };
      return { values: columns.map((members) => sumOf(members, part)), onCell: sumOf(cell, part) };
    };
    const lifted = source.solutions.map(lift);
    const close = 1e-9 * Math.max(1, target);
    const below = lifted.filter((l) => l.onCell < target - close);
    const above = lifted.filter((l) => l.onCell > target + close);
    for (const on of lifted.filter((l) => Math.abs(l.onCell - target) <= close))
      carried.push(Float64Array.from(on.values, (v) => v / scale));
    for (const low of below)
      for (const high of above) {
        if (carried.length >= CARRIED_KEPT) return carried;
        const weight = (high.onCell - target) / (high.onCell - low.onCell);
        carried.push(Float64Array.from(low.values, (value, i) => (weight * value + (1 - weight) * high.values[i]) / scale));
      }
  }
  return carried;
}
