import { AuditAtom, AuditCell, AuditGroup, AuditModel, buildAuditModel } from './audit-model';
import { carriedPoints, SolvedComponent, SolvedView } from './carried-points';
import { LpSolver } from './lp-solver';
import { CachedProgram, ProgramCache, Sense } from './program-cache';
import { needsProtection, Protection } from './protection-level';

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
  /** The cells stating the binding equations or pinning an unknown substituted into them: the bound moves with none else. */
  readonly resting: ReadonlySet<string>;
}

// LP answers are accurate to a small fraction of the figures in the program, each scaled to about 1.
const RELATIVE_TOLERANCE = 1e-7;

/** A component's program as this model sees it: its classes' columns and, for each program row, the cells stating it. */
interface ComponentProgram {
  readonly cached: CachedProgram;
  readonly columnOf: ReadonlyMap<number, number>;
  readonly rowCells: ReadonlyArray<readonly string[]>;
  /** The cells that pinned the unknowns substituted into a program row: only asked of the rows a bound rests on. */
  readonly rowPins: (row: number) => readonly string[];
}

/**
 * The interval audit of one reader's view (a set of published cells), asked about any number of sums: for each,
 * the smallest and largest value consistent with all published cells and non-negative contributions, by
 * substitution and linear programming per component. A sum is exposed when either end comes closer to its true
 * value than its protection level (the p% rule's margin), or when a sum of fewer than the minimum of contributors
 * is pinned exactly. Its programs come from `cache` when given (kept by the caller across views of the same
 * atoms), else from its own, freed by dispose().
 */
export class IntervalAuditor implements SolvedView {
  private readonly model: AuditModel;
  private readonly cache: ProgramCache;
  private readonly ownsCache: boolean;
  private readonly programs = new Map<number, ComponentProgram>();
  private readonly componentRests = new Map<number, { readonly rows: readonly number[]; readonly pins: readonly number[] }>();
  private readonly touchedAnswers = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();

  constructor(
    solver: LpSolver,
    private readonly atoms: readonly AuditAtom[],
    cells: readonly AuditCell[],
    private readonly protection: Protection,
    cache?: ProgramCache,
    /** An audit of the same cells less this one, whose solutions the new programs start from. */
    private readonly carry?: { readonly before: SolvedView; readonly cell: readonly number[] },
  ) {
    this.model = buildAuditModel(atoms, cells);
    this.ownsCache = cache === undefined;
    this.cache = cache ?? new ProgramCache(solver);
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
      const rests = components.map((c) => this.restsOn(c));
      const own = touchedClasses.flatMap((cls) => model.fixed.get(cls)?.rows ?? []);
      const all = new Set([...rests.flatMap((r) => r.rows), ...rests.flatMap((r) => r.pins), ...own]);
      return [...all].flatMap((r) => model.rows[r].cells);
    };
    if (touched && !this.rests(touched, components, touchedClasses)) return null;
    const level = this.protection(group.atoms);
    if (!needsProtection(level)) return null;
    const inGroup = new Set(group.atoms);
    const whole = new Set(touchedClasses.filter((cls) => model.classes[cls].every((a) => inGroup.has(a))));

    const known = (classes: Iterable<number>) => [...classes].reduce((sum, cls) => sum + Number(model.fixed.get(cls)?.value ?? 0n), 0);
    const programs = components.map((component) => {
      const { cached, columnOf, rowCells, rowPins } = this.programOf(component);
      // Part of a class can be as small as 0 (the rest takes it all) and as large as the class.
      const columns = (classes: Iterable<number>) =>
        [...classes].filter((cls) => model.componentOf[cls] === component).map((cls) => columnOf.get(cls)!);
      return { cached, rowCells, rowPins, upperColumns: columns(touchedClasses), lowerColumns: columns(whole) };
    });
    const tolerance = programs.reduce((sum, p) => sum + RELATIVE_TOLERANCE * p.cached.scale, 0);
    const value = group.atoms.reduce((sum, a) => sum + this.atoms[a].value, 0n);
    const x = Number(value);
    // A side is settled without solving when a solution found before takes the sum far enough from its true value.
    const far = Math.max(level.margin, 2 * tolerance);
    const reach = (sense: Sense) =>
      programs.reduce((sum, p) => sum + p.cached.reach(sense, sense === 'maximize' ? p.upperColumns : p.lowerColumns) * p.cached.scale, 0);
    const [knownUpper, knownLower] = [known(touchedClasses), known(whole)];
    const reachedUpper = knownUpper + reach('maximize');
    const reachedLower = knownLower + reach('minimize');
    const highSettled = reachedUpper >= x + far;
    const lowSettled = reachedLower <= x - far;
    if (highSettled && lowSettled) return null;

    const lowerBinding = fixedRows(whole);
    const upperBinding = fixedRows(touchedClasses);
    // A settled side keeps the bound the solutions reached; the other is solved from what substitution fixed.
    let upper = highSettled ? reachedUpper : knownUpper;
    let lower = lowSettled ? reachedLower : knownLower;
    const [lowerPins, upperPins]: string[][] = [[], []];
    for (const { cached, rowCells, rowPins, upperColumns, lowerColumns } of programs) {
      if (!highSettled) {
        const max = cached.optimum('maximize', upperColumns);
        upper += max.value * cached.scale;
        upperBinding.push(...max.binding.map((row) => rowCells[row]));
        upperPins.push(...max.binding.flatMap((row) => rowPins(row)));
      }
      if (!lowSettled && lowerColumns.length > 0) {
        const min = cached.optimum('minimize', lowerColumns);
        lower += min.value * cached.scale;
        lowerBinding.push(...min.binding.map((row) => rowCells[row]));
        lowerPins.push(...min.binding.flatMap((row) => rowPins(row)));
      }
    }
    const exact = level.notExact && !highSettled && !lowSettled && upper - lower <= tolerance;
    const lowTooClose = exact || (!lowSettled && x - lower < level.margin - tolerance);
    const highTooClose = exact || (!highSettled && upper - x < level.margin - tolerance);
    if (!lowTooClose && !highTooClose) return null;
    const binding = [...(lowTooClose ? lowerBinding : []), ...(highTooClose ? upperBinding : [])];
    const resting = new Set([...binding.flat(), ...(lowTooClose ? lowerPins : []), ...(highTooClose ? upperPins : [])]);
    return { group: group.key, atoms: group.atoms, value, lower, upper, margin: level.margin, cells: cellsOf(), binding, resting };
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
      if (answer === undefined) answers.set(key, (answer = states(rows())));
      return answer;
    };
    const pinned = (rows: readonly number[]) => [...rows, ...this.pinning(rows)];
    return (
      components.some((c) => ask(`component ${c}`, () => [...this.restsOn(c).rows, ...this.restsOn(c).pins])) ||
      classes.some((cls) => model.fixed.has(cls) && ask(`class ${cls}`, () => pinned(model.fixed.get(cls)!.rows)))
    );
  }

  // The rows that pinned the classes substituted into these rows, each once.
  private pinning(rows: readonly number[]): number[] {
    const pins = new Set<number>();
    for (const r of rows)
      for (const cls of this.model.rows[r].classes) for (const pin of this.model.fixed.get(cls)?.rows ?? []) pins.add(pin);
    return [...pins];
  }

  // The rows a component's bounds rest on: its equations, and those that pinned the classes substituted into them.
  private restsOn(component: number): { readonly rows: readonly number[]; readonly pins: readonly number[] } {
    let found = this.componentRests.get(component);
    if (found === undefined) {
      const rows = this.model.components[component].rows.map((r) => r.row);
      this.componentRests.set(component, (found = { rows, pins: this.pinning(rows) }));
    }
    return found;
  }

  dispose(): void {
    if (this.ownsCache) this.cache.dispose();
  }

  classOf(atom: number): number {
    return this.model.classOf[atom];
  }

  classAtoms(cls: number): readonly number[] {
    return this.model.classes[cls];
  }

  solved(cls: number): SolvedComponent | null {
    const component = this.model.componentOf[cls];
    const entry = component < 0 ? undefined : this.programs.get(component);
    if (entry === undefined) return null;
    return { component, columnOf: (c) => entry.columnOf.get(c)!, solutions: entry.cached.solutions, scale: entry.cached.scale };
  }

  // A class is named by its first atom and its size, a row by its classes and value: the same names in another
  // view of the same atoms mean the same program (classes only split or merge as cells are withheld or not).
  private programOf(component: number): ComponentProgram {
    let entry = this.programs.get(component);
    if (entry === undefined) {
      const model = this.model;
      const { classes, rows } = model.components[component];
      const className = (cls: number) => `${model.classes[cls][0]}:${model.classes[cls].length}`;
      const named = rows.map((r) => ({
        name: `${r.classes.map(className).sort().join(' ')}=${r.value}`,
        columns: r.classes.map(className),
        value: r.value,
      }));
      const cached = this.cache.program(classes.map(className), named);
      if (this.carry && cached.fresh) {
        const byColumn: Array<readonly number[]> = [];
        for (const cls of classes) byColumn[cached.columnOf.get(className(cls))!] = model.classes[cls];
        cached.carry(carriedPoints(this.carry.before, this.atoms, this.carry.cell, byColumn, cached.scale));
      }
      // Rows stating the same equation after substitution are one equation: withholding it takes all their cells.
      const rowsByName = new Map<string, number[]>();
      named.forEach((row, i) => rowsByName.set(row.name, [...(rowsByName.get(row.name) ?? []), rows[i].row]));
      const cellsOfRows = (of: readonly number[]) => of.flatMap((r) => model.rows[r].cells);
      const pins = new Map<number, readonly string[]>();
      const rowPins = (row: number) => {
        let found = pins.get(row);
        if (found === undefined) pins.set(row, (found = rowsByName.get(cached.rows[row])!.flatMap((r) => cellsOfRows(this.pinning([r])))));
        return found;
      };
      const columnOf = new Map(classes.map((cls) => [cls, cached.columnOf.get(className(cls))!]));
      entry = { cached, columnOf, rowCells: cached.rows.map((name) => cellsOfRows(rowsByName.get(name)!)), rowPins };
      this.programs.set(component, entry);
    }
    return entry;
  }
}
