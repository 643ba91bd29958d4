import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Locks carry a zone: a board locks the quarter for its zones, an admin for the whole province (a
 * lock without a zone, as every lock was before). At most one lock of each is open per quarter.
 * A review keeps the board's internal comment apart from what the enterprise is told.
 */
export class ZoneLocksAndReviewMessages1764710000000 implements MigrationInterface {
  name = 'ZoneLocksAndReviewMessages1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE period_locks ADD COLUMN zone_code text REFERENCES zones(code);
      DROP INDEX period_locks_open;
      CREATE UNIQUE INDEX period_locks_open_province ON period_locks (period) WHERE unlocked_at IS NULL AND zone_code IS NULL;
      CREATE UNIQUE INDEX period_locks_open_zone ON period_locks (period, zone_code) WHERE unlocked_at IS NULL AND zone_code IS NOT NULL;

      ALTER TABLE report_submissions ADD COLUMN review_message text, ADD COLUMN review_message_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE report_submissions DROP COLUMN review_message, DROP COLUMN review_message_at;
      DROP INDEX period_locks_open_zone;
      DROP INDEX period_locks_open_province;
      -- Zone locks cannot be told apart once their zone is gone: only province-wide locks are kept.
      DELETE FROM period_locks WHERE zone_code IS NOT NULL;
      ALTER TABLE period_locks DROP COLUMN zone_code;
      CREATE UNIQUE INDEX period_locks_open ON period_locks (period) WHERE unlocked_at IS NULL;
    `);
  }
}
