import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A board returns an enterprise's current revision for amendment: when, by which token and with what
 * message, on the revision itself. The return stays open while that revision is current; the verdict
 * that supersedes it (the amendment) closes it, so nothing else records the closing.
 * The follow-up index covers open returns too, and a return's email is one more kind of the outbox.
 */
export class ReportReturns1764891000000 implements MigrationInterface {
  name = 'ReportReturns1764891000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report_submissions ADD COLUMN returned_at timestamptz, ADD COLUMN returned_by uuid REFERENCES api_tokens(id),
        ADD COLUMN return_message text;
      DROP INDEX report_submissions_follow_up;
      CREATE INDEX report_submissions_follow_up ON report_submissions (zone_code, period, tax_code)
        WHERE status = 'accepted' AND (warning_count > 0 OR returned_at IS NOT NULL);
      ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_kind_check,
        ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN ('publication', 'reminder', 'overdue', 'return'));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM email_outbox WHERE kind = 'return';
      ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_kind_check,
        ADD CONSTRAINT email_outbox_kind_check CHECK (kind IN ('publication', 'reminder', 'overdue'));
      DROP INDEX report_submissions_follow_up;
      CREATE INDEX report_submissions_follow_up ON report_submissions (zone_code, period, tax_code)
        WHERE status = 'accepted' AND warning_count > 0;
      ALTER TABLE report_submissions DROP COLUMN returned_at, DROP COLUMN returned_by, DROP COLUMN return_message;
    `);
  }
}
