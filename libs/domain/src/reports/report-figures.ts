/** The figures of one quarterly report; money in đồng, trade in US dollars, null = not reported. */
export interface ReportFigures {
  grossOutput: bigint;
  grossOutputConstant2010: bigint | null;
  revenue: bigint;
  exportValueUsd: bigint | null;
  importValueUsd: bigint | null;
  stateBudgetPaid: bigint | null;
  realizedCapital: bigint | null;
  workers: number;
  femaleWorkers: number | null;
  foreignWorkers: number | null;
  localWorkers: number | null;
  averageWorkers: number | null;
  wageFund: bigint;
}

const MONTHS_PER_QUARTER = 3;

// An unreported average headcount defaults to the end-of-quarter headcount.
export function effectiveAverageWorkers(f: ReportFigures): number {
  return f.averageWorkers ?? f.workers;
}

export function workerMonths(f: ReportFigures): number {
  return effectiveAverageWorkers(f) * MONTHS_PER_QUARTER;
}
