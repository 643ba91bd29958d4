import loadHighs from 'highs';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

// One WebAssembly runtime for the whole test process: compiling it takes about half a second.
let runtime: Promise<Highs> | null = null;
const highsRuntime = () => (runtime ??= loadHighs());

/** lower ≤ Σ coefs·x[indices] ≤ upper, over variables that are all ≥ 0. */
export interface LinearRow {
  readonly indices: readonly number[];
  readonly coefs: readonly number[];
  readonly lower: number;
  readonly upper: number;
}

/** The least and greatest value of a linear objective over the rows; null for no bound; 'infeasible' when no point satisfies them. */
export type Extremes = { min: number; max: number | null } | 'infeasible';

/**
 * A linear program over non-negative variables, kept in one HiGHS model so that each new objective starts
 * from the previous basis. Dual simplex with Dantzig pricing: on these small sparse models the default
 * steepest-edge pricing spent ten times longer per solve.
 */
export class IntervalProgram {
  private duals: Float64Array = new Float64Array();

  private constructor(
    private readonly highs: Highs,
    private readonly model: ReturnType<Highs['createModel']>,
  ) {}

  static async open(columns: number, rows: readonly LinearRow[]): Promise<IntervalProgram> {
    const highs = await highsRuntime();
    const model = highs.createModel();
    model.options.set({
      output_flag: false,
      presolve: 'off',
      solver: 'simplex',
      simplex_strategy: 1,
      simplex_dual_edge_weight_strategy: 0,
      primal_feasibility_tolerance: 1e-9,
      dual_feasibility_tolerance: 1e-9,
    });
    model.addVars(new Array<number>(columns).fill(0), new Array<number>(columns).fill(highs.infinity));
    for (const row of rows) {
      const order = row.indices.map((_, k) => k).sort((a, b) => row.indices[a] - row.indices[b]);
      model.addRow(row.lower === -Infinity ? -highs.infinity : row.lower, row.upper === Infinity ? highs.infinity : row.upper, {
        indices: order.map((k) => row.indices[k]),
        values: order.map((k) => row.coefs[k]),
      });
    }
    return new IntervalProgram(highs, model);
  }

  extremes(indices: readonly number[], coefs: readonly number[] = indices.map(() => 1)): Extremes {
    const min = this.optimum(indices, coefs, 'minimize');
    if (min === 'infeasible') return min;
    const max = this.optimum(indices, coefs, 'maximize');
    if (max === 'infeasible') return max;
    return { min: min ?? 0, max };
  }

  /** The objective's optimum in one sense: null when unbounded. */
  optimum(indices: readonly number[], coefs: readonly number[], sense: 'minimize' | 'maximize'): number | null | 'infeasible' {
    const { constants } = this.highs;
    indices.forEach((j, k) => this.model.changeColCost(j, coefs[k]));
    this.model.changeObjectiveSense(constants.objectiveSense[sense]);
    try {
      this.model.run();
      const status = this.model.getModelStatus();
      if (status === constants.modelStatus.optimal) {
        this.duals = this.model.getSolution().rowDual;
        return this.model.getObjectiveValue();
      }
      if (status === constants.modelStatus.unbounded) return null;
      // A dual simplex that finds the dual infeasible cannot tell more; the minimum (never unbounded: every
      // objective here has non-negative coefficients over non-negative variables) tells feasibility apart.
      if (status === constants.modelStatus.unboundedOrInfeasible) return sense === 'maximize' ? null : 'infeasible';
      if (status === constants.modelStatus.infeasible) return 'infeasible';
      throw new Error(`HiGHS ended with model status ${status}`);
    } finally {
      for (const j of indices) this.model.changeColCost(j, 0);
    }
  }

  /** The multipliers of the rows at the last optimum found: the published figures it was derived from. */
  rowDuals(): Float64Array {
    return this.duals;
  }

  close(): void {
    this.model.dispose();
  }
}
