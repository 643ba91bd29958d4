import { AUDITED_MEASURES, AuditedMeasure, ContributionSet, Ownership, ZoneKind } from '@app/domain';
import { SqlSession } from '../sql/sql-session';
import { Transactions } from '../sql/transactions.service';

const COLUMNS: Readonly<Record<AuditedMeasure, string>> = {
  grossOutput: 'gross_output',
  grossOutputConstant2010: 'gross_output_constant_2010',
  revenue: 'revenue',
  exportValueUsd: 'export_value_usd',
  importValueUsd: 'import_value_usd',
  stateBudgetPaid: 'state_budget_paid',
  realizedCapital: 'realized_capital',
  wageFund: 'wage_fund',
  workers: 'workers',
  femaleWorkers: 'female_workers',
  foreignWorkers: 'foreign_workers',
  localWorkers: 'local_workers',
};

// From the current revisions, by the zone each report was filed in and the block its enterprise was in on the
// quarter's last day (the rule the stored sums are kept by), as the stored sums are kept.
const SETS_SQL = `
  SELECT r.zone_code, z.kind, r.period, array_agg(r.tax_code ORDER BY r.tax_code) AS tax_codes,
    array_agg(enterprise_ownership_on(r.tax_code, quarter_last_day(r.period)) ORDER BY r.tax_code) AS blocks,
    ${AUDITED_MEASURES.map((m) => `array_agg(r.${COLUMNS[m]}::text ORDER BY r.tax_code) AS "${m}"`).join(', ')}
  FROM report_submissions r JOIN zones z ON z.code = r.zone_code
  WHERE r.status = 'accepted' AND r.period = ANY($1)
  GROUP BY r.zone_code, z.kind, r.period`;

type Row = Record<AuditedMeasure, Array<string | null>> & {
  zone_code: string;
  kind: ZoneKind;
  period: string;
  tax_codes: string[];
  blocks: Ownership[];
};

/** What each enterprise contributes to the sums that disclosure control audits: read off the accepted submissions. */
export class ContributionSetsRepository {
  constructor(private readonly db: Transactions) {}

  /** Each enterprise's figure for every audited measure, per zone and quarter of `quarters`. */
  async of(quarters: readonly string[], tx: SqlSession = this.db.pool): Promise<ContributionSet[]> {
    const rows = await tx.query<Row>(SETS_SQL, [quarters]);
    return rows.flatMap((r) =>
      AUDITED_MEASURES.map((measure) => ({
        zoneCode: r.zone_code,
        kind: r.kind,
        quarter: r.period,
        measure,
        taxCodes: r.tax_codes,
        amounts: r[measure].map((x) => (x === null ? null : BigInt(x))),
        blocks: r.blocks,
      })),
    );
  }
}
