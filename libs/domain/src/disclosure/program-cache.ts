import { EqualityRow, LinearProgram, LpOptimum, LpSolver } from './lp-solver';

export type Sense = 'maximize' | 'minimize';

// Solutions kept per program to settle bounds without solving: enough for the sums of one component.
const POINTS_KEPT = 64;

/** A component's linear program, its rows and columns named so that another audit of the same cells finds it. */
export class CachedProgram {
  private readonly optima = new Map<string, LpOptimum>();
  private readonly points: Float64Array[] = [];
  private readonly carried: Float64Array[] = [];

  constructor(
    private readonly program: LinearProgram,
    /** Equations are scaled by the largest value so that each is about 1: the solver's tolerances are absolute. */
    readonly scale: number,
    readonly columnOf: ReadonlyMap<string, number>,
    /** The name of each row, in the program's order. */
    readonly rows: readonly string[],
  ) {}

  /** The optimum of the sum of these columns, solved once per sense and columns. */
  optimum(sense: Sense, columns: readonly number[]): LpOptimum {
    const key = `${sense} ${[...columns].sort((a, b) => a - b).join(',')}`;
    let found = this.optima.get(key);
    if (found === undefined) {
      this.optima.set(key, (found = this.program[sense](columns)));
      if (this.points.push(found.point) > POINTS_KEPT) this.points.shift();
    }
    return found;
  }

  /** The solutions found so far (feasible points over this program's columns, in its scale), newest last. */
  get solutions(): readonly Float64Array[] {
    return this.points;
  }

  /** Whether nothing was solved or carried over yet. */
  get fresh(): boolean {
    return this.optima.size === 0 && this.carried.length === 0;
  }

  /** Feasible points found without solving (carried over from a program with one equation fewer): for reach() only. */
  carry(points: readonly Float64Array[]): void {
    this.carried.push(...points);
  }

  /**
   * How far the sum of these columns is known to go, from the solutions found so far (each a feasible point):
   * the largest (or smallest) sum among them; -Infinity (or Infinity) before any. A bound of the optimum
   * that settles many sums without solving: maximising one unknown pushes others to their least.
   */
  reach(sense: Sense, columns: readonly number[]): number {
    if (columns.length === 0) return 0;
    let best = sense === 'maximize' ? -Infinity : Infinity;
    for (const points of [this.points, this.carried])
      for (const point of points) {
        let sum = 0;
        for (const column of columns) sum += point[column];
        best = sense === 'maximize' ? Math.max(best, sum) : Math.min(best, sum);
      }
    return best;
  }

  dispose(): void {
    this.program.dispose();
  }
}

/** A row of a component: the names of its unknowns and its value, after substitution. */
export interface NamedRow {
  readonly name: string;
  readonly columns: readonly string[];
  readonly value: bigint;
}

/**
 * Programs and their optima kept across the audits of one measure. Complementary suppression audits the same
 * cells again and again with one cell more or less withheld: most components are stated by the same equations
 * as before, so they are the same program with the same answers, and only the components a change touched are
 * solved again.
 */
export class ProgramCache {
  private readonly programs = new Map<string, CachedProgram>();

  constructor(private readonly solver: LpSolver) {}

  /** The program of the component made of these rows (over these columns), built on first use. */
  program(columns: readonly string[], rows: readonly NamedRow[]): CachedProgram {
    const signature = rows
      .map((r) => r.name)
      .sort()
      .join('|');
    let entry = this.programs.get(signature);
    if (entry === undefined) {
      const columnOf = new Map(columns.map((name, column) => [name, column]));
      const scale = rows.reduce((max, r) => Math.max(max, Number(r.value)), 1);
      const equations: EqualityRow[] = rows.map((r) => ({
        columns: r.columns.map((c) => columnOf.get(c)!),
        value: Number(r.value) / scale,
      }));
      entry = new CachedProgram(
        this.solver.program(columns.length, equations),
        scale,
        columnOf,
        rows.map((r) => r.name),
      );
      this.programs.set(signature, entry);
    }
    return entry;
  }

  dispose(): void {
    for (const program of this.programs.values()) program.dispose();
    this.programs.clear();
  }
}
