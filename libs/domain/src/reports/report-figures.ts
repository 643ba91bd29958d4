import { REPORT_FIELDS, ReportField } from './report-fields';

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

/** Figures from their stored or typed form (digit strings or numbers, null where not reported). */
export function reportFiguresFrom(read: (f: ReportField) => string | number | null): ReportFigures {
  const figures: Record<string, bigint | number | null> = {};
  for (const f of REPORT_FIELDS) {
    const raw = read(f);
    figures[f.key] = raw === null ? null : f.kind === 'count' ? Number(raw) : BigInt(raw);
  }
  return figures as unknown as ReportFigures;
}

const MONTHS_PER_QUARTER = 3;

// An unreported average headcount defaults to the end-of-quarter headcount.
export function effectiveAverageWorkers(f: ReportFigures): number {
  return f.averageWorkers ?? f.workers;
}

export function workerMonths(f: ReportFigures): number {
  return effectiveAverageWorkers(f) * MONTHS_PER_QUARTER;
}
