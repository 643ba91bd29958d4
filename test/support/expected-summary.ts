/**
 * A zone summary worked out in the test from the API's own list of accepted reports, without the
 * aggregates or the domain code under test: flows summed over the quarters, stocks from each
 * enterprise's latest accepted report inside the period, wage per worker-month rounded half up.
 */
export interface ListedReport {
  id: string;
  taxCode: string;
  zoneCode: string;
  period: string;
  status: string;
  late: boolean | null;
  issues: Array<{ severity: string }>;
  production: Record<string, string | null>;
  investment: Record<string, string | null>;
  employment: Record<string, number | null>;
  wages: Record<string, string | null>;
}

const FLOWS: ReadonlyArray<[section: 'production' | 'investment' | 'wages', key: string]> = [
  ['production', 'grossOutput'],
  ['production', 'grossOutputConstant2010'],
  ['production', 'revenue'],
  ['production', 'exportValueUsd'],
  ['production', 'importValueUsd'],
  ['production', 'stateBudgetPaid'],
  ['investment', 'realizedCapital'],
  ['wages', 'wageFund'],
];
const STOCKS = ['workers', 'femaleWorkers', 'foreignWorkers', 'localWorkers'] as const;

/** A sum of the values given, or null when nobody gave one ("not reported" is not 0). */
function sumGiven(values: ReadonlyArray<string | number | null | undefined>): bigint | null {
  const given = values.filter((v): v is string | number => v !== null && v !== undefined);
  return given.length === 0 ? null : given.reduce<bigint>((a, v) => a + BigInt(v), 0n);
}

function halfUp(numerator: bigint, denominator: bigint): bigint | null {
  return denominator === 0n ? null : (2n * numerator + denominator) / (2n * denominator);
}

export function expectedZoneSummary(
  accepted: readonly ListedReport[],
  zoneCode: string,
  quarters: readonly string[],
  reportsExpected: number,
) {
  const inPeriod = accepted.filter((r) => r.zoneCode === zoneCode && quarters.includes(r.period));
  const latest = new Map<string, ListedReport>();
  for (const r of inPeriod) {
    const seen = latest.get(r.taxCode);
    if (!seen || seen.period < r.period) latest.set(r.taxCode, r);
  }
  const stockRows = [...latest.values()];
  const flows = Object.fromEntries(
    FLOWS.map(([section, key]) => [key, sumGiven(inPeriod.map((r) => r[section][key]))?.toString() ?? null]),
  );
  const stocks = Object.fromEntries(
    STOCKS.map((key) => {
      const sum = sumGiven(stockRows.map((r) => r.employment[key]));
      return [key, sum === null ? null : Number(sum)];
    }),
  );
  const wageFund = sumGiven(inPeriod.map((r) => r.wages.wageFund));
  const workerMonths = inPeriod.reduce((n, r) => n + BigInt((r.employment.averageWorkers ?? r.employment.workers)!) * 3n, 0n);
  return {
    zoneCode,
    reportsExpected,
    reportsReceived: inPeriod.length,
    reportsOnTime: inPeriod.filter((r) => r.late === false).length,
    warnings: inPeriod.filter((r) => r.issues.some((i) => i.severity === 'warning')).length,
    ...flows,
    ...stocks,
    averageMonthlyWage: wageFund === null ? null : (halfUp(wageFund, workerMonths)?.toString() ?? null),
  };
}
