import { MigrationInterface, QueryRunner } from 'typeorm';

const SUM_COLUMNS = [
  'gross_output',
  'gross_output_constant_2010',
  'revenue',
  'export_value_usd',
  'import_value_usd',
  'state_budget_paid',
  'realized_capital',
  'wage_fund',
  'worker_months',
  'workers',
  'female_workers',
  'foreign_workers',
  'local_workers',
];

/**
 * Zone-quarter sums as numeric(38, 0): a bigint sum overflowed once a zone-quarter's reports added up
 * beyond 2^63 − 1, and every later verdict of that zone and quarter failed for good. A figure is at
 * most 10^16 − 1 and a row counts at most 2^31 − 1 reports, so no sum can reach 10^38.
 */
export class NumericAggregateSums1764700000000 implements MigrationInterface {
  name = 'NumericAggregateSums1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE zone_quarter_aggregates ${SUM_COLUMNS.map((c) => `ALTER COLUMN ${c} TYPE numeric(38, 0)`).join(', ')}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE zone_quarter_aggregates ${SUM_COLUMNS.map((c) => `ALTER COLUMN ${c} TYPE bigint`).join(', ')}`);
  }
}
