import { formatQuarter, PeriodSpec, ZoneContributions } from '@app/domain';
import { SqlRunner } from '@app/common';

/**
 * Each enterprise's contribution to each protected magnitude of its zone over a period, from the
 * current revisions: flows summed over the period, headcount from its latest report in it. Export and
 * import count as one contribution (trade), so an enterprise is never two contributors.
 */
const CONTRIBUTIONS_SQL = `
  WITH current AS (
    SELECT DISTINCT ON (tax_code) tax_code, zone_code, workers FROM report_submissions
    WHERE status = 'accepted' AND period = ANY($1) ORDER BY tax_code, period DESC
  ), flows AS (
    SELECT tax_code, sum(gross_output) AS gross_output, sum(revenue) AS revenue,
      sum(COALESCE(export_value_usd, 0)::numeric + COALESCE(import_value_usd, 0)) AS trade,
      sum(COALESCE(state_budget_paid, 0)) AS state_budget_paid, sum(wage_fund) AS wages
    FROM report_submissions WHERE status = 'accepted' AND period = ANY($1) GROUP BY tax_code
  )
  SELECT c.zone_code,
    array_agg(f.gross_output::text) AS "grossOutput", array_agg(f.revenue::text) AS revenue, array_agg(f.trade::text) AS trade,
    array_agg(f.state_budget_paid::text) AS "stateBudgetPaid", array_agg(f.wages::text) AS wages, array_agg(c.workers::text) AS workers
  FROM current c JOIN flows f USING (tax_code) GROUP BY c.zone_code`;

const MAGNITUDES = ['grossOutput', 'revenue', 'trade', 'stateBudgetPaid', 'wages', 'workers'] as const;

export async function zoneContributions(db: SqlRunner, period: PeriodSpec): Promise<ZoneContributions[]> {
  const rows: Array<Record<string, string[]> & { zone_code: string }> = await db.query(CONTRIBUTIONS_SQL, [period.quarters.map(formatQuarter)]);
  return rows.map((r) => ({
    zoneCode: r.zone_code,
    contributions: Object.fromEntries(MAGNITUDES.map((m) => [m, r[m].map((v) => BigInt(v))])) as unknown as ZoneContributions['contributions'],
  }));
}
