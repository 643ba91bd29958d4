import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker looks for reports still undecided long after they were stored (their queue job may have
 * been lost); the index holds only those, so the look-up stays cheap with millions of decided reports.
 */
export class ReceivedSubmissionsIndex1764100000000 implements MigrationInterface {
  name = 'ReceivedSubmissionsIndex1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX report_submissions_received ON report_submissions (stored_at) WHERE status = 'received'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX report_submissions_received');
  }
}
