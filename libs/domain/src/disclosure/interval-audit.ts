import { AuditAtom, AuditCell, AuditGroup, AuditModel, buildAuditModel } from './audit-model';
import { DisclosureParams } from './disclosure-params';
import { LinearProgram, LpSolver } from './lp-solver';
import { needsProtection, pooledByEnterprise, protectionLevel } from './protection-level';

/** A protected sum a reader can pin down too closely: its true value and the interval derivable for it. */
export interface Exposure {
  readonly group: string;
  readonly atoms: readonly number[];
  readonly value: bigint;
  readonly lower: number;
  readonly upper: number;
  readonly margin: number;
  /** The published cells of the components the group lies in: withholding one of them may protect it. */
  readonly cells: readonly string[];
  /** The equations the too-close bounds rest on, each as the cells stating it: taking one away moves a bound. */
  readonly binding: ReadonlyArray<readonly string[]>;
}

export interface AuditInput {
  readonly atoms: readonly AuditAtom[];
  /** Everything a reader has: earlier publications and the cells about to be published. */
  readonly cells: readonly AuditCell[];
  /** Sums protected besides each class of atoms found in the same cells (which covers every single atom). */
  readonly groups: readonly AuditGroup[];
  /** Only components holding one of these cells are audited: the rest was audited when it was published. */
  readonly touched?: ReadonlySet<string>;
}

// LP answers are accurate to a small fraction of the figures in the program, each scaled to about 1.
const RELATIVE_TOLERANCE = 1e-7;

/**
 * The interval audit: for every protected sum, the smallest and largest value consistent with all published
 * cells and non-negative contributions, by linear programming per component. A sum is exposed when either end
 * comes closer to its true value than its protection level (the p% rule's margin), or when a sum of fewer
 * than the minimum of contributors is pinned exactly.
 */
export function auditIntervals(solver: LpSolver, input: AuditInput, params: DisclosureParams): Exposure[] {
  const model = buildAuditModel(input.atoms, input.cells);
  const programs = new Map<number, { program: LinearProgram; scale: number; columnOf: Map<number, number> }>();
  const programOf = (component: number) => {
    let entry = programs.get(component);
    if (entry === undefined) {
      const { classes, rows } = model.components[component];
      const columnOf = new Map(classes.map((cls, column) => [cls, column]));
      const scale = Math.max(1, ...rows.map((r) => Number(r.value)));
      const program = solver.program(classes.length, rows.map((r) => ({ columns: r.classes.map((c) => columnOf.get(c)!), value: Number(r.value) / scale })));
      entry = { program, scale, columnOf };
      programs.set(component, entry);
    }
    return entry;
  };
  try {
    const groups = [...input.groups, ...model.classes.map((atoms, cls) => ({ key: `class ${cls}`, atoms }))];
    return groups.flatMap((group) => {
      const exposure = auditGroup(group, input, model, params, programOf);
      return exposure === null ? [] : [exposure];
    });
  } finally {
    for (const { program } of programs.values()) program.dispose();
  }
}

function auditGroup(
  group: AuditGroup,
  input: AuditInput,
  model: AuditModel,
  params: DisclosureParams,
  programOf: (component: number) => { program: LinearProgram; scale: number; columnOf: Map<number, number> },
): Exposure | null {
  const level = protectionLevel(pooledByEnterprise(group.atoms.map((a) => input.atoms[a])), params);
  if (!needsProtection(level)) return null;
  // An atom in no published cell could be anything, and so could the sum.
  if (group.atoms.some((a) => model.classOf[a] < 0)) return null;
  const inGroup = new Set(group.atoms);
  const touched = [...new Set(group.atoms.map((a) => model.classOf[a]))];
  const whole = new Set(touched.filter((cls) => model.classes[cls].every((a) => inGroup.has(a))));
  const components = [...new Set(touched.map((cls) => model.componentOf[cls]))];
  const cells = components.flatMap((c) => model.components[c].cells);
  if (input.touched && !cells.some((key) => input.touched!.has(key))) return null;
  let lower = 0;
  let upper = 0;
  let tolerance = 0;
  const lowerBinding: Array<readonly string[]> = [];
  const upperBinding: Array<readonly string[]> = [];
  for (const component of components) {
    const { program, scale, columnOf } = programOf(component);
    const rowCells = (rows: readonly number[]) => rows.map((row) => model.components[component].rows[row].cells);
    const columns = (classes: Iterable<number>) => [...classes].filter((cls) => model.componentOf[cls] === component).map((cls) => columnOf.get(cls)!);
    // Part of a class can be as small as 0 (the rest takes it all) and as large as the class.
    const max = program.maximize(columns(touched));
    upper += max.value * scale;
    upperBinding.push(...rowCells(max.binding));
    const wholeColumns = columns(whole);
    if (wholeColumns.length > 0) {
      const min = program.minimize(wholeColumns);
      lower += min.value * scale;
      lowerBinding.push(...rowCells(min.binding));
    }
    tolerance += RELATIVE_TOLERANCE * scale;
  }
  const value = group.atoms.reduce((sum, a) => sum + input.atoms[a].value, 0n);
  const x = Number(value);
  const exact = level.notExact && upper - lower <= tolerance;
  const lowTooClose = exact || x - lower < level.margin - tolerance;
  const highTooClose = exact || upper - x < level.margin - tolerance;
  if (!lowTooClose && !highTooClose) return null;
  const binding = [...(lowTooClose ? lowerBinding : []), ...(highTooClose ? upperBinding : [])];
  return { group: group.key, atoms: group.atoms, value, lower, upper, margin: level.margin, cells, binding };
}
