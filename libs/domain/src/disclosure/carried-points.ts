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
    const classTruth = new Map<number, number>();
    const lift = (point: Float64Array) => {
      // An atom's part of its class's value at this point: in proportion to its figure (evenly if the class is 0).
      const part = (atom: number) => {
        const cls = before.classOf(atom);
        const solved = cls < 0 ? null : before.solved(cls);
        if (solved === null || solved.component !== source.component) return truth(atom);
        let total = classTruth.get(cls);
        if (total === undefined) classTruth.set(cls, (total = sumOf(before.classAtoms(cls), truth)));
        const value = point[source.columnOf(cls)] * source.scale;
        return total > 0 ? (value * truth(atom)) / total : value / before.classAtoms(cls).length;
      };
      return { values: columns.map((members) => sumOf(members, part)), onCell: sumOf(cell, part) };
    };
    const lifted = source.solutions.map(lift);
    const close = 1e-9 * Math.max(1, target);
    const below = lifted.filter((l) => l.onCell < target - close);
    const above = lifted.filter((l) => l.onCell > target + close);
    const combine = (weight: number, a: readonly number[], b: readonly number[]) =>
      Float64Array.from(a, (value, i) => (weight * value + (1 - weight) * b[i]) / scale);
    for (const on of lifted.filter((l) => Math.abs(l.onCell - target) <= close)) carried.push(combine(1, on.values, on.values));
    for (const low of below)
      for (const high of above) {
        if (carried.length >= CARRIED_KEPT) return carried;
        carried.push(combine((high.onCell - target) / (high.onCell - low.onCell), low.values, high.values));
      }
  }
  return carried;
}
