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

/** An equation over classes, and the published cells stating it: all of them must be withheld to take it away. */
export interface ClassRow {
  readonly classes: readonly number[];
  readonly value: bigint;
  readonly cells: readonly string[];
}

/** What is left of an equation once the classes it shares with others are known: over unknown classes only. */
export interface ResidualRow {
  readonly row: number;
  readonly classes: readonly number[];
  readonly value: bigint;
}

/** A class a reader pins exactly by substitution, and the equations that take to do (all, transitively). */
export interface FixedClass {
  readonly value: bigint;
  readonly rows: readonly number[];
}

/**
 * What a reader could work out from published cells, for one measure. Atoms found in exactly the same
 * published cells only ever appear summed, so they form one class: a reader learns nothing about how a
 * class's total splits. An equation with one unknown class left pins it (a published zone, a total minus its
 * published zones); what remains after substitution ties the other classes into components, each an
 * independent linear program, and small, since totals over published zones drop out.
 */
export interface AuditModel {
  /** The class of each atom, -1 for an atom in no published cell (a reader knows nothing of it). */
  readonly classOf: Int32Array;
  readonly classes: ReadonlyArray<readonly number[]>;
  readonly rows: readonly ClassRow[];
  readonly fixed: ReadonlyMap<number, FixedClass>;
  /** The component of each class not fixed, -1 for a fixed one. */
  readonly componentOf: Int32Array;
  readonly components: ReadonlyArray<{ readonly classes: readonly number[]; readonly rows: readonly ResidualRow[] }>;
}

export function buildAuditModel(atoms: readonly AuditAtom[], cells: readonly AuditCell[]): AuditModel {
  const { classOf, classes } = classesOf(atoms, cells);
  const rows = equations(atoms, cells, classOf);
  const fixed = substitute(rows, classes.length);
  const componentOf = new Int32Array(classes.length).fill(-1);
  const components: Array<{ classes: number[]; rows: ResidualRow[] }> = [];
  const parent = classes.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const residual = rows.flatMap((row, index): ResidualRow[] => {
    const open = row.classes.filter((c) => !fixed.has(c));
    if (open.length === 0) return [];
    const known = row.classes.reduce((sum, c) => sum + (fixed.get(c)?.value ?? 0n), 0n);
    for (const cls of open.slice(1)) parent[find(cls)] = find(open[0]);
    return [{ row: index, classes: open, value: row.value - known }];
  });
  const roots = new Map<number, number>();
  classes.forEach((_, cls) => {
    if (fixed.has(cls)) return;
    const root = find(cls);
    let component = roots.get(root);
    if (component === undefined) {
      component = components.push({ classes: [], rows: [] }) - 1;
      roots.set(root, component);
    }
    componentOf[cls] = component;
    components[component].classes.push(cls);
  });
  for (const r of residual) components[componentOf[r.classes[0]]].rows.push(r);
  return { classOf, classes, rows, fixed, componentOf, components };
}

function classesOf(atoms: readonly AuditAtom[], cells: readonly AuditCell[]): { classOf: Int32Array; classes: number[][] } {
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
  return { classOf, classes };
}

// The same sum published again (another month, another table) is the same equation.
function equations(atoms: readonly AuditAtom[], cells: readonly AuditCell[], classOf: Int32Array): ClassRow[] {
  const rows: Array<{ classes: number[]; value: bigint; cells: string[] }> = [];
  const bySignature = new Map<string, number>();
  for (const cell of cells) {
    const members = [...new Set(cell.atoms.map((a) => classOf[a]))].sort((a, b) => a - b);
    if (members.length === 0) continue;
    const signature = members.join(',');
    const row = bySignature.get(signature);
    if (row !== undefined) {
      rows[row].cells.push(cell.key);
      continue;
    }
    bySignature.set(signature, rows.length);
    rows.push({ classes: members, value: cell.atoms.reduce((sum, a) => sum + atoms[a].value, 0n), cells: [cell.key] });
  }
  return rows;
}

function substitute(rows: readonly ClassRow[], classCount: number): Map<number, FixedClass> {
  const rowsOf: number[][] = Array.from({ length: classCount }, () => []);
  rows.forEach((row, index) => {
    for (const cls of row.classes) rowsOf[cls].push(index);
  });
  const open = rows.map((row) => row.classes.length);
  const fixed = new Map<number, FixedClass>();
  const queue = rows.flatMap((row, index) => (row.classes.length === 1 ? [index] : []));
  while (queue.length > 0) {
    const index = queue.pop()!;
    const row = rows[index];
    const unknown = row.classes.filter((c) => !fixed.has(c));
    if (unknown.length !== 1) continue;
    const used = new Set([index]);
    let value = row.value;
    for (const cls of row.classes) {
      const known = fixed.get(cls);
      if (known === undefined) continue;
      value -= known.value;
      for (const r of known.rows) used.add(r);
    }
    fixed.set(unknown[0], { value, rows: [...used] });
    for (const r of rowsOf[unknown[0]]) if (--open[r] === 1) queue.push(r);
  }
  return fixed;
}
