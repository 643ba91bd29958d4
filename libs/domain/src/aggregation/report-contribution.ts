import { ReportFigures, workerMonths } from '../reports/report-figures';
import { QuarterSums, SumKey, SUM_KEYS } from './quarter-sums';

/** What one accepted report adds to its zone-quarter sums. */
export function reportContribution(f: ReportFigures, onTime: boolean, hasWarnings: boolean): QuarterSums {
  const values: Record<SumKey, bigint | number | null> = {
    grossOutput: f.grossOutput,
    grossOutputConstant2010: f.grossOutputConstant2010,
    revenue: f.revenue,
    exportValueUsd: f.exportValueUsd,
    importValueUsd: f.importValueUsd,
    stateBudgetPaid: f.stateBudgetPaid,
    realizedCapital: f.realizedCapital,
    wageFund: f.wageFund,
    workerMonths: workerMonths(f),
    workers: f.workers,
    femaleWorkers: f.femaleWorkers,
    foreignWorkers: f.foreignWorkers,
    localWorkers: f.localWorkers,
  };
  const sums = {} as Record<SumKey, bigint>;
  const counts = {} as Record<SumKey, number>;
  for (const k of SUM_KEYS) {
    const v = values[k];
    sums[k] = v === null ? 0n : BigInt(v);
    counts[k] = v === null ? 0 : 1;
  }
  return { reports: 1, reportsOnTime: onTime ? 1 : 0, reportsWithWarnings: hasWarnings ? 1 : 0, sums, counts };
}
