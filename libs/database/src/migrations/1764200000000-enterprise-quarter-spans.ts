import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports expected = enterprise-quarters in which an enterprise operated. Counting them by scanning
 * every enterprise costs tens of milliseconds per summary in a large province; the registry is
 * instead kept folded into spans (zone, first and last quarter of operation → how many enterprises),
 * a few hundred rows, maintained by a trigger so no write path (API, bulk load, manual fix) can miss it.
 */
export class EnterpriseQuarterSpans1764200000000 implements MigrationInterface {
  name = 'EnterpriseQuarterSpans1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION quarter_of(day date) RETURNS text IMMUTABLE LANGUAGE sql
        AS $$ SELECT to_char(day, 'YYYY') || '-Q' || extract(quarter FROM day)::int $$;

      CREATE TABLE enterprise_quarter_spans (
        zone_code text NOT NULL,
        first_quarter text NOT NULL,
        last_quarter text NOT NULL,
        enterprises integer NOT NULL,
        PRIMARY KEY (zone_code, first_quarter, last_quarter)
      );

      CREATE FUNCTION enterprise_quarter_spans_track() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE enterprise_quarter_spans SET enterprises = enterprises - 1
          WHERE zone_code = OLD.zone_code AND first_quarter = quarter_of(OLD.operating_from)
            AND last_quarter = COALESCE(quarter_of(OLD.operating_until), '9999-Q4');
          DELETE FROM enterprise_quarter_spans WHERE enterprises = 0;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          INSERT INTO enterprise_quarter_spans
            VALUES (NEW.zone_code, quarter_of(NEW.operating_from), COALESCE(quarter_of(NEW.operating_until), '9999-Q4'), 1)
          ON CONFLICT (zone_code, first_quarter, last_quarter) DO UPDATE SET enterprises = enterprise_quarter_spans.enterprises + 1;
        END IF;
        RETURN NULL;
      END $$;

      CREATE TRIGGER enterprise_quarter_spans_track AFTER INSERT OR DELETE OR UPDATE OF zone_code, operating_from, operating_until
        ON enterprises FOR EACH ROW EXECUTE FUNCTION enterprise_quarter_spans_track();

      INSERT INTO enterprise_quarter_spans
        SELECT zone_code, quarter_of(operating_from), COALESCE(quarter_of(operating_until), '9999-Q4'), count(*)
        FROM enterprises GROUP BY 1, 2, 3;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER enterprise_quarter_spans_track ON enterprises;
      DROP FUNCTION enterprise_quarter_spans_track(); DROP TABLE enterprise_quarter_spans; DROP FUNCTION quarter_of(date);`);
  }
}
