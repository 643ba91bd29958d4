import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger of everything published to the public, which the disclosure audit reads before each
 * publication: every public cell (zone, kind total or grand total; measure; quarters) with its value, null
 * when withheld, and the contributions behind it. Contributions are kept per zone, quarter and measure,
 * again only when they changed since last kept, so a cell's contributions are those kept last by its basis
 * publication. Both tables only grow: publications are immutable and so is what they made public.
 */
export class PublicCellLedger1764730000000 implements MigrationInterface {
  name = 'PublicCellLedger1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE public_contributions (
        publication_id integer NOT NULL REFERENCES publications (id),
        zone_code text NOT NULL,
        zone_kind text NOT NULL,
        quarter text NOT NULL,
        measure text NOT NULL,
        tax_codes text[] NOT NULL,
        -- NULL where a report gave no figure: a headcount still takes that report as the latest.
        amounts numeric[] NOT NULL,
        PRIMARY KEY (quarter, measure, zone_code, publication_id),
        CHECK (cardinality(tax_codes) = cardinality(amounts))
      );
      CREATE TABLE public_cells (
        publication_id integer NOT NULL REFERENCES publications (id),
        area text NOT NULL,
        measure text NOT NULL,
        quarters text[] NOT NULL,
        value numeric,
        reason text CHECK (reason IN ('confidential', 'protects another figure', 'revision held back')),
        basis_publication_id integer NOT NULL REFERENCES publications (id),
        PRIMARY KEY (publication_id, area, measure, quarters),
        CHECK ((value IS NULL) = (reason IS NOT NULL AND reason <> 'revision held back'))
      );
      CREATE INDEX public_cells_first_quarter ON public_cells ((quarters[1]));
      CREATE FUNCTION public_ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the public ledger is immutable: % on %', TG_OP, TG_TABLE_NAME; END $$;
      CREATE TRIGGER public_contributions_immutable BEFORE UPDATE OR DELETE ON public_contributions
        FOR EACH ROW EXECUTE FUNCTION public_ledger_immutable();
      CREATE TRIGGER public_cells_immutable BEFORE UPDATE OR DELETE ON public_cells
        FOR EACH ROW EXECUTE FUNCTION public_ledger_immutable();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE public_cells, public_contributions; DROP FUNCTION public_ledger_immutable()');
  }
}
