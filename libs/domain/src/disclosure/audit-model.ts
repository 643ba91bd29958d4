/** One enterprise's figure for one measure in one quarter, as one revision of its report: an unknown to a reader. */
export interface AuditAtom {
  readonly enterprise: string;
  readonly value: bigint;
}

/** A published figure: the sum of some atoms (indices into the atoms), which a reader learns exactly. */
export interface AuditCell {
  readonly key: string;
  readonly atoms: readonly number[];
}

/** A sum of atoms that must stay protected, e.g. a withheld zone-quarter. Every atom is protected on its own too. */
export type AuditGroup = AuditCell;

/**
 * What a reader could work out from published cells, for one measure. Atoms found in exactly the same
 * published cells only ever appear summed, so they form one class, and the linear programs run over classes:
 * a reader learns nothing about how a class's total splits. Classes tied by cells form components, which
 * are independent programs.
 */
export interface AuditModel {
  /** The class of each atom, -1 for an atom in no published cell (a reader knows nothing of it). */
  readonly classOf: Int32Array;
  readonly classes: ReadonlyArray<readonly number[]>;
  /** The component of each class. */
  readonly componentOf: Int32Array;
  /** Per component: its cells as unique rows over its classes, and the cell keys behind them. */
  readonly components: ReadonlyArray<{ readonly classes: readonly number[]; readonly rows: readonly ClassRow[]; readonly cells: readonly string[] }>;
}

export interface ClassRow {
  readonly classes: readonly number[];
  readonly value: bigint;
  /** The published cells that state this equation: all of them must be withheld to take it away. */
  readonly cells: readonly string[];
}

export function buildAuditModel(atoms: readonly AuditAtom[], cells: readonly AuditCell[]): AuditModel {
  const cellsOf: number[][] = atoms.map(() => []);
  cells.forEach((cell, index) => {
    for (const atom of cell.atoms) cellsOf[atom].push(index);
  });
  const classOf = new Int32Array(atoms.length).fill(-1);
  const classBySignature = new Map<string, number>();
  const classes: number[][] = [];
  cellsOf.forEach((inCells, atom) => {
    if (inCells.length === 0) return;
    const signature = inCells.join(',');
    let cls = classBySignature.get(signature);
    if (cls === undefined) {
      cls = classes.push([]) - 1;
      classBySignature.set(signature, cls);
    }
    classes[cls].push(atom);
    classOf[atom] = cls;
  });
  const parent = classes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const cellClasses = cells.map((cell) => [...new Set(cell.atoms.map((a) => classOf[a]))].sort((a, b) => a - b));
  for (const members of cellClasses) for (const cls of members.slice(1)) parent[find(cls)] = find(members[0]);
  const componentOf = new Int32Array(classes.length);
  const roots = new Map<number, number>();
  const components: Array<{ classes: number[]; rows: Array<ClassRow & { cells: string[] }>; cells: string[]; seen: Map<string, number> }> = [];
  classes.forEach((_, cls) => {
    const root = find(cls);
    let component = roots.get(root);
    if (component === undefined) {
      component = components.push({ classes: [], rows: [], cells: [], seen: new Map() }) - 1;
      roots.set(root, component);
    }
    componentOf[cls] = component;
    components[component].classes.push(cls);
  });
  cells.forEach((cell, index) => {
    const members = cellClasses[index];
    if (members.length === 0) return;
    const component = components[componentOf[members[0]]];
    component.cells.push(cell.key);
    // The same sum published again (another month, another table) is the same equation.
    const signature = members.join(',');
    const row = component.seen.get(signature);
    if (row !== undefined) {
      component.rows[row].cells.push(cell.key);
      return;
    }
    component.seen.set(signature, component.rows.length);
    component.rows.push({ classes: members, value: cell.atoms.reduce((sum, a) => sum + atoms[a].value, 0n), cells: [cell.key] });
  });
  return { classOf, classes, componentOf, components: components.map(({ classes: c, rows, cells: k }) => ({ classes: c, rows, cells: k })) };
}
