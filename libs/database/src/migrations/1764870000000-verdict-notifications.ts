import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification on `reports_decided` whenever a statement moves submissions out of `received`: the
 * enterprise's filing page follows its report to the verdict without the worker knowing of pages,
 * as `figures_changed` does for the board's figures.
 */
export class VerdictNotifications1764870000000 implements MigrationInterface {
  name = 'VerdictNotifications1764870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A payload is at most 8000 bytes: a statement that decided more than fits says "everything".
      CREATE FUNCTION notify_reports_decided() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE hint text;
      BEGIN
        SELECT json_agg(json_build_object('id', n.id, 'taxCode', n.tax_code))::text INTO hint
          FROM decided n JOIN undecided o ON o.id = n.id
          WHERE o.status = 'received' AND n.status <> 'received';
        IF hint IS NULL THEN RETURN NULL; END IF;
        IF length(hint) > 7900 THEN hint := '"*"'; END IF;
        PERFORM pg_notify('reports_decided', hint);
        RETURN NULL;
      END $$;
      CREATE TRIGGER report_submissions_decided AFTER UPDATE ON report_submissions
        REFERENCING OLD TABLE AS undecided NEW TABLE AS decided FOR EACH STATEMENT EXECUTE FUNCTION notify_reports_decided();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER report_submissions_decided ON report_submissions;
      DROP FUNCTION notify_reports_decided();
    `);
  }
}
