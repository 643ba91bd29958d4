import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry facts the province's plan is measured on, dated so that a figure as of a day reads the
 * registry as it was: a zone's establishment, its central wastewater plant and its leasable land (a
 * history, since land is added in the middle of a year); a project's registration, capital in USD and
 * leased land. And the plan's targets themselves.
 */
export class PlanFactsAndTargets1764890000000 implements MigrationInterface {
  name = 'PlanFactsAndTargets1764890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE zones
        ADD COLUMN established_on date,
        ADD COLUMN wastewater_capacity_m3_day integer CHECK (wastewater_capacity_m3_day > 0),
        ADD COLUMN wastewater_operating_from date,
        ADD CONSTRAINT zones_wastewater_capacity CHECK (wastewater_operating_from IS NULL OR wastewater_capacity_m3_day IS NOT NULL);

      -- Leasable industrial land from a day on; the row in force on a day is the latest on or before it.
      CREATE TABLE zone_land (
        zone_code text NOT NULL REFERENCES zones(code),
        effective_from date NOT NULL,
        leasable_ha numeric(12, 2) NOT NULL CHECK (leasable_ha >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (zone_code, effective_from)
      );

      ALTER TABLE projects
        ADD COLUMN registered_on date,
        ADD COLUMN registered_capital_usd bigint CHECK (registered_capital_usd >= 0),
        ADD COLUMN leased_ha numeric(12, 2) CHECK (leased_ha >= 0),
        ADD COLUMN leased_from date;

      CREATE TABLE plan_targets (
        key text PRIMARY KEY,
        value numeric(20, 2) NOT NULL CHECK (value > 0),
        unit text NOT NULL,
        deadline date NOT NULL,
        source text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES api_tokens(id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE plan_targets;
      ALTER TABLE projects DROP COLUMN registered_on, DROP COLUMN registered_capital_usd, DROP COLUMN leased_ha, DROP COLUMN leased_from;
      DROP TABLE zone_land;
      ALTER TABLE zones DROP CONSTRAINT zones_wastewater_capacity, DROP COLUMN established_on,
        DROP COLUMN wastewater_capacity_m3_day, DROP COLUMN wastewater_operating_from;
    `);
  }
}
