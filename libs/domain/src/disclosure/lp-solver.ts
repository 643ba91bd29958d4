import loadHighs from 'highs';

/** An optimum, the rows it rests on (non-zero duals: the published cells a reader combines to reach it), and the solution. */
export interface LpOptimum {
  readonly value: number;
  readonly binding: readonly number[];
  readonly point: Float64Array;
}

/** One linear program kept in memory: non-negative columns under equality rows, optimised column sums. */
export interface LinearProgram {
  maximize(columns: readonly number[]): LpOptimum;
  minimize(columns: readonly number[]): LpOptimum;
  dispose(): void;
}

/** A row: the sum of some columns equals a value. */
export interface EqualityRow {
  readonly columns: readonly number[];
  readonly value: number;
}

export interface LpSolver {
  program(columns: number, rows: readonly EqualityRow[]): LinearProgram;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;

// Duals of rows a program does not rest on are zero up to rounding; each column's cost is 1 at most.
const DUAL_TOLERANCE = 1e-9;

let loading: Promise<Highs> | null = null;

/** HiGHS compiled to WebAssembly, loaded once per process. */
export async function loadLpSolver(): Promise<LpSolver> {
  const highs = await (loading ??= loadHighs());
  return { program: (columns, rows) => highsProgram(highs, columns, rows) };
}

function highsProgram(highs: Highs, columns: number, rows: readonly EqualityRow[]): LinearProgram {
  const starts = [0];
  const indices: number[] = [];
  for (const row of rows) {
    indices.push(...row.columns);
    starts.push(indices.length);
  }
  const model = highs.createModel({
    numCols: columns,
    numRows: rows.length,
    colCost: new Array<number>(columns).fill(0),
    colLower: new Array<number>(columns).fill(0),
    colUpper: new Array<number>(columns).fill(highs.infinity),
    rowLower: rows.map((r) => r.value),
    rowUpper: rows.map((r) => r.value),
    matrix: { format: 'csr', numRows: rows.length, numCols: columns, starts, indices, values: indices.map(() => 1) },
  });
  model.options.set({ output_flag: false });
  const costs = new Array<number>(columns).fill(0);
  const optimise = (sense: 'maximize' | 'minimize', selected: readonly number[]) => {
    costs.fill(0);
    for (const column of selected) costs[column] = 1;
    model.changeColsCost({ kind: 'range', from: 0, to: columns - 1 }, costs);
    model.changeObjectiveSense(highs.constants.objectiveSense[sense]);
    model.run();
    const status = model.getModelStatus();
    // The true figures satisfy every row, so anything but an optimum is a solver failure: fail closed.
    if (status !== highs.constants.modelStatus.optimal) throw new Error(`disclosure audit: linear program ended with status ${status}`);
    const binding: number[] = [];
    const solution = model.getSolution();
    solution.rowDual.forEach((dual, row) => {
      if (Math.abs(dual) > DUAL_TOLERANCE) binding.push(row);
    });
    return { value: model.getObjectiveValue(), binding, point: Float64Array.from(solution.colValue) };
  };
  return {
    maximize: (selected) => optimise('maximize', selected),
    minimize: (selected) => optimise('minimize', selected),
    dispose: () => model.dispose(),
  };
}
