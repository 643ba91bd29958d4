import { AuditAtom, AuditCell } from './audit-model';

/** Atoms that no cell or protected sum tells apart, summed into one: all an audit of those cells can see of them. */
export interface CompactAtoms {
  readonly atoms: AuditAtom[];
  /** The original atoms behind each compact one, ascending. */
  readonly members: ReadonlyArray<readonly number[]>;
  /** A cell over the original atoms, restated over the compact ones. */
  compact<T extends AuditCell>(cell: T): T;
}

/**
 * Partition refinement: each cell in turn moves its atoms out of the class they were in into a class of their own,
 * so that in the end two atoms share a class exactly when the same cells hold them. Totals over thousands of
 * enterprises then become sums over a few hundred unknowns, in every audit of the same cells.
 */
export function compactAtoms(atoms: readonly AuditAtom[], cells: readonly AuditCell[]): CompactAtoms {
  const classOf = new Int32Array(atoms.length).fill(-1);
  const seenIn = new Int32Array(atoms.length).fill(-1);
  let classes = 0;
  cells.forEach((cell, index) => {
    const split = new Map<number, number>();
    for (const atom of cell.atoms) {
      if (seenIn[atom] === index) continue;
      seenIn[atom] = index;
      let next = split.get(classOf[atom]);
      if (next === undefined) split.set(classOf[atom], (next = classes++));
      classOf[atom] = next;
    }
  });
  // Numbered by their first atom, so that compact atoms keep the order of the atoms they stand for.
  const idOf = new Int32Array(atoms.length).fill(-1);
  const idOfClass = new Map<number, number>();
  const members: number[][] = [];
  classOf.forEach((cls, atom) => {
    if (cls < 0) return;
    let id = idOfClass.get(cls);
    if (id === undefined) idOfClass.set(cls, (id = members.push([]) - 1));
    members[id].push(atom);
    idOf[atom] = id;
  });
  return {
    atoms: members.map((m) => ({ enterprise: atoms[m[0]].enterprise, value: m.reduce((sum, a) => sum + atoms[a].value, 0n) })),
    members,
    compact: (cell) => ({ ...cell, atoms: [...new Set(cell.atoms.map((a) => idOf[a]))].sort((a, b) => a - b) }),
  };
}
