import { AuditAtom, AuditCell, AuditGroup, AuditModel, buildAuditModel } from './audit-model';
import { DisclosureParams } from './disclosure-params';
import { LinearProgram, LpOptimum, LpSolver } from './lp-solver';
import { needsProtection, pooledByEnterprise, protectionLevel } from './protection-level';

/** A protected sum a reader can pin down too closely: its true value and the interval derivable for it. */
export interface Exposure {
  readonly group: string;
  readonly atoms: readonly number[];
  readonly value: bigint;
  readonly lower: number;
  readonly upper: number;
  readonly margin: number;
  /** The published cells the bounds are worked out from: withholding one of them may protect the sum. */
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
  /** Only sums whose bounds rest on one of these cells are audited: the rest was audited when it was published. */
  readonly touched?: ReadonlySet<string>;
}

// LP answers are accurate to a small fraction of the figures in the program, each scaled to about 1.
const RELATIVE_TOLERANCE = 1e-7;

interface Program {
  readonly program: LinearProgram;
  readonly scale: number;
  readonly columnOf: ReadonlyMap<number, number>;
  /** Optima already found, by sense and columns: a class and a zone-quarter are often the same sum. */
  readonly optima: Map<string, LpOptimum>;
}

/**
 * The interval audit: for every protected sum, the smallest and largest value consistent with all published
 * cells and non-negative contributions, by substitution and linear programming per component. A sum is exposed
 * when either end comes closer to its true value than its protection level (the p% rule's margin), or when a
 * sum of fewer than the minimum of contributors is pinned exactly.
 */
export function auditIntervals(solver: LpSolver, input: AuditInput, params: DisclosureParams): Exposure[] {
  const auditor = new IntervalAuditor(solver, input.atoms, input.cells, params);
  try {
    return [...input.groups, ...auditor.classGroups()].flatMap((group) => auditor.exposure(group, input.touched) ?? []);
  } finally {
    auditor.dispose();
  }
}

/** One reader's view (a set of published cells), asked about any number of sums; dispose() frees its programs. */
export class IntervalAuditor {
  private readonly model: AuditModel;
  private readonly programs = new Map<number, Program>();
  private readonly touchedAnswers = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();

  constructor(
    private readonly solver: LpSolver,
    private readonly atoms: readonly AuditAtom[],
    cells: readonly AuditCell[],
    private readonly params: DisclosureParams,
  ) {
    this.model = buildAuditModel(atoms, cells);
  }

  /** Each class of atoms found in the same cells, as a sum to protect. */
  classGroups(): AuditGroup[] {
    return this.model.classes.map((atoms, cls) => ({ key: `class ${cls}`, atoms }));
  }

  exposure(group: AuditGroup, touched?: ReadonlySet<string>): Exposure | null {
    const model = this.model;
    // An atom in no published cell could be anything, and so could the sum.
    if (group.atoms.some((a) => model.classOf[a] < 0)) return null;
    const touchedClasses = [...new Set(group.atoms.map((a) => model.classOf[a]))];
    const components = [...new Set(touchedClasses.map((cls) => model.componentOf[cls]).filter((c) => c >= 0))];
    const fixedRows = (classes: Iterable<number>) =>
      [...classes].flatMap((cls) => model.fixed.get(cls)?.rows ?? []).map((r) => model.rows[r].cells);
    // The cells the bounds rest on: the equations of the components, those that pinned the classes substituted
    // into them, and those that pinned the sum's own pinned classes.
    const cellsOf = () => {
      const rows = components.flatMap((c) => model.components[c].rows.map((r) => r.row));
      const all = new Set([...rows, ...this.pinning(rows), ...touchedClasses.flatMap((cls) => model.fixed.get(cls)?.rows ?? [])]);
      return [...all].flatMap((r) => model.rows[r].cells);
    };
    if (touched && !this.rests(touched, components, touchedClasses)) return null;
    const level = protectionLevel(pooledByEnterprise(group.atoms.map((a) => this.atoms[a])), this.params);
    if (!needsProtection(level)) return null;
    const inGroup = new Set(group.atoms);
    const whole = new Set(touchedClasses.filter((cls) => model.classes[cls].every((a) => inGroup.has(a))));

    const known = (classes: Iterable<number>) => [...classes].reduce((sum, cls) => sum + Number(model.fixed.get(cls)?.value ?? 0n), 0);
    let lower = known(whole);
    let upper = known(touchedClasses);
    let tolerance = 0;
    const lowerBinding = fixedRows(whole);
    const upperBinding = fixedRows(touchedClasses);
    for (const component of components) {
      const { program, scale, columnOf, optima } = this.programOf(component);
      const optimum = (sense: 'maximize' | 'minimize', selected: number[]) => {
        const key = `${sense} ${selected.sort((a, b) => a - b).join(',')}`;
        let found = optima.get(key);
        if (found === undefined) optima.set(key, (found = program[sense](selected)));
        return found;
      };
      const rowCells = (rows: readonly number[]) => rows.map((row) => model.rows[model.components[component].rows[row].row].cells);
      const columns = (classes: Iterable<number>) =>
        [...classes].filter((cls) => model.componentOf[cls] === component).map((cls) => columnOf.get(cls)!);
      // Part of a class can be as small as 0 (the rest takes it all) and as large as the class.
      const max = optimum('maximize', columns(touchedClasses));
      upper += max.value * scale;
      upperBinding.push(...rowCells(max.binding));
      const wholeColumns = columns(whole);
      if (wholeColumns.length > 0) {
        const min = optimum('minimize', wholeColumns);
        lower += min.value * scale;
        lowerBinding.push(...rowCells(min.binding));
      }
      tolerance += RELATIVE_TOLERANCE * scale;
    }
    const value = group.atoms.reduce((sum, a) => sum + this.atoms[a].value, 0n);
    const x = Number(value);
    const exact = level.notExact && upper - lower <= tolerance;
    const lowTooClose = exact || x - lower < level.margin - tolerance;
    const highTooClose = exact || upper - x < level.margin - tolerance;
    if (!lowTooClose && !highTooClose) return null;
    const binding = [...(lowTooClose ? lowerBinding : []), ...(highTooClose ? upperBinding : [])];
    return { group: group.key, atoms: group.atoms, value, lower, upper, margin: level.margin, cells: cellsOf(), binding };
  }

  // Whether what a reader works out for these classes rests on one of the touched cells: the equations of their
  // components, and those that pinned the classes substituted into them (answers kept per touched set).
  private rests(touched: ReadonlySet<string>, components: readonly number[], classes: readonly number[]): boolean {
    let answers = this.touchedAnswers.get(touched);
    if (answers === undefined) this.touchedAnswers.set(touched, (answers = new Map<string, boolean>()));
    const model = this.model;
    const states = (rows: Iterable<number>) => [...rows].some((r) => model.rows[r].cells.some((key) => touched.has(key)));
    const ask = (key: string, rows: () => readonly number[]) => {
      let answer = answers.get(key);
      if (answer === undefined) answers.set(key, (answer = states(new Set([...rows(), ...this.pinning(rows())]))));
      return answer;
    };
    return components.some((c) => ask(`component ${c}`, () => model.components[c].rows.map((r) => r.row)))
      || classes.some((cls) => model.fixed.has(cls) && ask(`class ${cls}`, () => model.fixed.get(cls)!.rows));
  }

  private pinning(rows: readonly number[]): number[] {
    return rows.flatMap((r) => this.model.rows[r].classes.flatMap((cls) => this.model.fixed.get(cls)?.rows ?? []));
  }

  dispose(): void {
    for (const { program } of this.programs.values()) program.dispose();
    this.programs.clear();
  }

  private programOf(component: number): Program {
    let entry = this.programs.get(component);
    if (entry === undefined) {
      const { classes, rows } = this.model.components[component];
      const columnOf = new Map(classes.map((cls, column) => [cls, column]));
      const scale = rows.reduce((max, r) => Math.max(max, Number(r.value)), 1);
      const equations = rows.map((r) => ({ columns: r.classes.map((c) => columnOf.get(c)!), value: Number(r.value) / scale }));
      const program = this.solver.program(classes.length, equations);
      entry = { program, scale, columnOf, optima: new Map() };
      this.programs.set(component, entry);
    }
    return entry;
  }
}
