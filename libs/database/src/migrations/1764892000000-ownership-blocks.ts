import { MigrationInterface, QueryRunner } from 'typeorm';

const FLOW_COLUMNS = [
  'gross_output',
  'gross_output_constant_2010',
  'revenue',
  'export_value_usd',
  'import_value_usd',
  'state_budget_paid',
  'realized_capital',
  'wage_fund',
];
const STOCK_COLUMNS = ['workers', 'female_workers', 'foreign_workers', 'local_workers'];
const OPTIONAL_COLUMNS = [
  'gross_output_constant_2010',
  'export_value_usd',
  'import_value_usd',
  'state_budget_paid',
  'realized_capital',
  'female_workers',
  'foreign_workers',
  'local_workers',
];

/**
 * FDI and domestic blocks. An enterprise's block becomes dated: `enterprises.ownership` is the block it
 * was registered in, and `enterprise_ownership_changes` its changes from a day on (a takeover by a
 * foreign investor). The zone-quarter sums are kept per block too, so a block's figures are a sum of
 * rows and a zone's are exactly the sum of its blocks. A report counts in the block its enterprise was
 * in on the last day of the report's quarter (`enterprise_ownership_on`, the rule the recomputation
 * and the rebuild after a change use; the worker applies the same rule in the domain). Existing sums
 * are split by recomputing them from the current revisions, each in its enterprise's block (no enterprise
 * has a dated change yet).
 */
export class OwnershipBlocks1764892000000 implements MigrationInterface {
  name = 'OwnershipBlocks1764892000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enterprise_ownership_changes (
        tax_code text NOT NULL REFERENCES enterprises (tax_code) ON UPDATE CASCADE ON DELETE CASCADE,
        effective_from date NOT NULL,
        ownership text NOT NULL CHECK (ownership IN ('domestic', 'foreign')),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tax_code, effective_from)
      );

      CREATE FUNCTION quarter_last_day(period text) RETURNS date IMMUTABLE LANGUAGE sql
        AS $$ SELECT (make_date(split_part(period, '-Q', 1)::int, split_part(period, '-Q', 2)::int * 3, 1)
                      + interval '1 month' - interval '1 day')::date $$;

      CREATE FUNCTION enterprise_ownership_on(enterprise text, day date) RETURNS text STABLE LANGUAGE sql
        AS $$ SELECT COALESCE(
          (SELECT c.ownership FROM enterprise_ownership_changes c
           WHERE c.tax_code = enterprise AND c.effective_from <= day ORDER BY c.effective_from DESC LIMIT 1),
          (SELECT e.ownership FROM enterprises e WHERE e.tax_code = enterprise)) $$;

      ALTER TABLE zone_quarter_aggregates ADD COLUMN ownership text;
      DELETE FROM zone_quarter_aggregates;
      ALTER TABLE zone_quarter_aggregates ALTER COLUMN ownership SET NOT NULL,
        ADD CONSTRAINT zone_quarter_aggregates_ownership CHECK (ownership IN ('domestic', 'foreign')),
        DROP CONSTRAINT zone_quarter_aggregates_pkey,
        ADD PRIMARY KEY (zone_code, period, next_period, ownership);
    `);
    await q.query(`
      INSERT INTO zone_quarter_aggregates (zone_code, period, next_period, ownership, reports, reports_on_time,
        reports_with_warnings, ${[...FLOW_COLUMNS, 'worker_months', ...STOCK_COLUMNS].join(', ')},
        ${OPTIONAL_COLUMNS.map((c) => `${c}_n`).join(', ')})
      SELECT zone_code, period, next_period, ownership, count(*), count(*) FILTER (WHERE NOT late),
        count(*) FILTER (WHERE warning_count > 0),
        ${FLOW_COLUMNS.map((c) => `COALESCE(sum(${c}), 0)`).join(', ')},
        sum(COALESCE(average_workers, workers) * 3),
        ${STOCK_COLUMNS.map((c) => `COALESCE(sum(${c}), 0)`).join(', ')},
        ${OPTIONAL_COLUMNS.map((c) => `count(${c})`).join(', ')}
      FROM (
        SELECT r.*, COALESCE(LEAD(r.period) OVER (PARTITION BY r.tax_code ORDER BY r.period), '9999-Q4') AS next_period,
          e.ownership
        FROM report_submissions r JOIN enterprises e ON e.tax_code = r.tax_code WHERE r.status = 'accepted'
      ) current
      GROUP BY zone_code, period, next_period, ownership
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    const summed = [...FLOW_COLUMNS, 'worker_months', ...STOCK_COLUMNS, ...OPTIONAL_COLUMNS.map((c) => `${c}_n`)];
    await q.query(`
      CREATE TEMPORARY TABLE merged_aggregates AS
        SELECT zone_code, period, next_period, sum(reports)::int AS reports, sum(reports_on_time)::int AS reports_on_time,
          sum(reports_with_warnings)::int AS reports_with_warnings, ${summed.map((c) => `sum(${c}) AS ${c}`).join(', ')}
        FROM zone_quarter_aggregates GROUP BY zone_code, period, next_period;
      DELETE FROM zone_quarter_aggregates;
      ALTER TABLE zone_quarter_aggregates DROP CONSTRAINT zone_quarter_aggregates_pkey, DROP COLUMN ownership,
        ADD PRIMARY KEY (zone_code, period, next_period);
      INSERT INTO zone_quarter_aggregates (zone_code, period, next_period, reports, reports_on_time, reports_with_warnings,
        ${summed.join(', ')})
        SELECT zone_code, period, next_period, reports, reports_on_time, reports_with_warnings, ${summed.join(', ')}
        FROM merged_aggregates;
      DROP TABLE merged_aggregates;
      DROP FUNCTION enterprise_ownership_on(text, date);
      DROP FUNCTION quarter_last_day(text);
      DROP TABLE enterprise_ownership_changes;
    `);
  }
}
