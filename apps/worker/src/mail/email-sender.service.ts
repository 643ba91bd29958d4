import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Settings } from '@app/config';
import { recordAudit } from '@app/database';
import { createMailTransport, EmailMessage, MailTransport } from '@app/mail';
import { composePublicationEmail, composeReminderEmail, EmailRow, PublicationRow, SubscriptionRow } from './email-composer';

export type SendOutcome = 'sent' | 'cancelled' | 'already-done';

/**
 * Sends one outbox email. The row stays locked while the server is talked to, so a doubled job waits
 * and then finds it sent; a refusal is recorded and rethrown for the queue to retry with backoff.
 */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private readonly logger = new Logger(EmailSender.name);
  private readonly transport: MailTransport;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    settings: Settings,
  ) {
    this.transport = createMailTransport({ smtpUrl: settings.SMTP_URL, from: settings.MAIL_FROM, mailDir: settings.MAIL_DIR });
  }

  async send(emailId: string): Promise<SendOutcome> {
    try {
      return await this.db.transaction(async (tx) => {
        const [email]: Array<EmailRow & { status: string; dedupe_key: string }> = await tx.query(
          'SELECT * FROM email_outbox WHERE id = $1 FOR UPDATE', [emailId],
        );
        if (!email || email.status !== 'pending') return 'already-done';
        const message = await this.compose(tx, email);
        if (!message) {
          await tx.query(`UPDATE email_outbox SET status = 'cancelled' WHERE id = $1`, [emailId]);
          return 'cancelled';
        }
        const response = await this.transport.send(message, email.dedupe_key);
        await tx.query(
          `UPDATE email_outbox SET status = 'sent', sent_at = now(), attempts = attempts + 1, server_response = $2 WHERE id = $1`,
          [emailId, response],
        );
        await recordAudit(tx, { actorName: 'worker', action: 'email.sent', entity: 'email', entityId: emailId, details: { key: email.dedupe_key, to: email.recipient, response } });
        return 'sent';
      });
    } catch (error) {
      await this.db.query('UPDATE email_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [emailId, (error as Error).message]);
      this.logger.warn(`email ${emailId} not sent: ${(error as Error).message}`);
      throw error;
    }
  }

  /** The message, or null when it should no longer go out (the enterprise filed, the subscriber left). */
  private async compose(tx: EntityManager, email: EmailRow): Promise<EmailMessage | null> {
    if (email.kind === 'publication') {
      const [publication]: PublicationRow[] = await tx.query('SELECT * FROM publications WHERE id = $1', [email.payload.publicationId]);
      // Someone who unsubscribed after the publication was made is not written to.
      const [subscription]: SubscriptionRow[] = await tx.query(
        'SELECT zone_codes, audience FROM subscriptions WHERE id = $1 AND cancelled_at IS NULL', [email.payload.subscriptionId],
      );
      return subscription ? composePublicationEmail(email, publication, subscription) : null;
    }
    const [enterprise]: Array<{ name: string; filed: boolean }> = await tx.query(
      `SELECT e.name, EXISTS (SELECT 1 FROM report_submissions r WHERE r.tax_code = e.tax_code AND r.period = $2 AND r.status = 'accepted') AS filed
       FROM enterprises e WHERE e.tax_code = $1`,
      [email.payload.taxCode, email.payload.period],
    );
    return !enterprise || enterprise.filed ? null : composeReminderEmail(email, enterprise.name);
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
