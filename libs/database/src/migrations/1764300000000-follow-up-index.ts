import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board's follow-up list reads current reports with warnings by zone and quarter, in that order
 * (then tax code, its page key). Only those rows are indexed, a few percent of the reports: the list
 * stays a short index scan with millions stored, and intake (rows still `received`) never writes to it.
 */
export class FollowUpIndex1764300000000 implements MigrationInterface {
  name = 'FollowUpIndex1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX report_submissions_follow_up ON report_submissions (zone_code, period, tax_code)
      WHERE status = 'accepted' AND warning_count > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX report_submissions_follow_up');
  }
}
