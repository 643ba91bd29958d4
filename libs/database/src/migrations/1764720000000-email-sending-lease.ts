import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An email is claimed (`sending`, leased to one worker until `lease_until`) in a short transaction,
 * sent with no transaction open, and recorded in another: no row lock or connection is held while a
 * mail server takes its time. A lease that runs out (its worker died mid-send) makes it sendable again.
 */
export class EmailSendingLease1764720000000 implements MigrationInterface {
  name = 'EmailSendingLease1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_status_check;
      ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'cancelled'));
      ALTER TABLE email_outbox ADD COLUMN lease_until timestamptz;
      DROP INDEX email_outbox_pending;
      CREATE INDEX email_outbox_unsent ON email_outbox (created_at) WHERE status IN ('pending', 'sending');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX email_outbox_unsent;
      UPDATE email_outbox SET status = 'pending' WHERE status = 'sending';
      ALTER TABLE email_outbox DROP COLUMN lease_until;
      ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_status_check;
      ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_status_check CHECK (status IN ('pending', 'sent', 'cancelled'));
      CREATE INDEX email_outbox_pending ON email_outbox (created_at) WHERE status = 'pending';
    `);
  }
}
