import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A random token per subscription for the unsubscribe link of its emails (single-purpose: it can only
 * cancel that subscription). 256 random bits from two v4 uuids, since pgcrypto is not assumed.
 */
export class UnsubscribeTokens1764880000000 implements MigrationInterface {
  name = 'UnsubscribeTokens1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE subscriptions ADD COLUMN unsubscribe_token text NOT NULL
        DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
      CREATE UNIQUE INDEX subscriptions_unsubscribe_token ON subscriptions (unsubscribe_token);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE subscriptions DROP COLUMN unsubscribe_token');
  }
}
