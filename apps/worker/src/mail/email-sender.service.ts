import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Settings } from '@app/config';
import { recordAudit } from '@app/database';
import { createMailTransport, EmailMessage, MailTransport } from '@app/mail';
import { composePublicationEmail, composeReminderEmail, EmailRow, PublicationRow, SubscriptionRow } from './email-composer';

export type SendOutcome = 'sent' | 'cancelled' | 'already-done';

/** How many send timeouts an email is leased to the worker sending it: connecting, greeting and the replies each get one. */
const LEASE_IN_SEND_TIMEOUTS = 3;

/**
 * Sends one outbox email in three steps, and no transaction or row lock is held while the mail server
 * is talked to: the email is claimed (`sending`, one more attempt, leased to this worker), sent, and
 * the server's answer recorded. A refusal puts it back to `pending` and is rethrown for the queue to
 * retry with backoff; a doubled job finds it sent, or leased and tries again later.
 * A send the server took but that could not be recorded (PostgreSQL away) is remembered and recorded
 * by the job's next attempt without sending again. What remains: a worker that dies between the
 * server's answer and the record leaves the email `sending`; once its lease runs out it is sent again,
 * under the same Message-ID.
 */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private readonly logger = new Logger(EmailSender.name);
  private readonly transport: MailTransport;
  private readonly leaseMs: number;
  /** Server answers of sends not yet recorded, by email id. */
  private readonly unrecorded = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    settings: Settings,
  ) {
    this.transport = createMailTransport({ smtpUrl: settings.SMTP_URL, from: settings.MAIL_FROM, mailDir: settings.MAIL_DIR, timeoutMs: settings.MAIL_SEND_TIMEOUT_MS });
    this.leaseMs = LEASE_IN_SEND_TIMEOUTS * settings.MAIL_SEND_TIMEOUT_MS;
  }

  async send(emailId: string): Promise<SendOutcome> {
    const answer = this.unrecorded.get(emailId);
    if (answer !== undefined) return this.recordSent(emailId, answer);
    const email = await this.claim(emailId);
    if (!email) return 'already-done';
    let response: string;
    try {
      const message = await this.compose(email);
      if (!message) {
        await this.db.query(`UPDATE email_outbox SET status = 'cancelled', lease_until = NULL WHERE id = $1 AND status = 'sending'`, [emailId]);
        return 'cancelled';
      }
      response = await this.transport.send(message, email.dedupe_key);
    } catch (error) {
      const reason = (error as Error).message;
      // Should this fail too, the lease running out makes the email sendable again.
      await this.db.query(
        `UPDATE email_outbox SET status = 'pending', lease_until = NULL, last_error = $2 WHERE id = $1 AND status = 'sending'`, [emailId, reason],
      ).catch(() => undefined);
      this.logger.warn(`email ${emailId} not sent: ${reason}`);
      throw error;
    }
    this.unrecorded.set(emailId, response);
    return this.recordSent(emailId, response);
  }

  /** The email, now leased to this worker; null if it needs nothing more. */
  private async claim(emailId: string): Promise<(EmailRow & { dedupe_key: string }) | null> {
    const [email]: Array<EmailRow & { dedupe_key: string }> = await this.db.query(
      `WITH claimed AS (
         UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, lease_until = now() + $2 * interval '1 millisecond'
         WHERE id = $1 AND (status = 'pending' OR (status = 'sending' AND lease_until < now()))
         RETURNING id, kind, recipient, language, payload, dedupe_key
       ) SELECT * FROM claimed`,
      [emailId, this.leaseMs],
    );
    if (email) return email;
    const [row]: Array<{ status: string; lease_until: Date }> = await this.db.query('SELECT status, lease_until FROM email_outbox WHERE id = $1', [emailId]);
    if (row?.status === 'sending') throw new Error(`email ${emailId} is being sent by another worker (leased until ${row.lease_until.toISOString()})`);
    return null;
  }

  private async recordSent(emailId: string, response: string): Promise<SendOutcome> {
    await this.db.transaction(async (tx) => {
      const [email]: Array<{ dedupe_key: string; recipient: string }> = await tx.query(
        `WITH sent AS (
           UPDATE email_outbox SET status = 'sent', sent_at = now(), lease_until = NULL, server_response = $2 WHERE id = $1 AND status = 'sending'
           RETURNING dedupe_key, recipient
         ) SELECT * FROM sent`,
        [emailId, response],
      );
      if (email) await recordAudit(tx, { actorName: 'worker', action: 'email.sent', entity: 'email', entityId: emailId, details: { key: email.dedupe_key, to: email.recipient, response } });
    });
    this.unrecorded.delete(emailId);
    return 'sent';
  }

  /** The message, or null when it should no longer go out (the enterprise filed, the subscriber left). */
  private async compose(email: EmailRow): Promise<EmailMessage | null> {
    if (email.kind === 'publication') {
      const [publication]: PublicationRow[] = await this.db.query('SELECT * FROM publications WHERE id = $1', [email.payload.publicationId]);
      // Someone who unsubscribed after the publication was made is not written to.
      const [subscription]: SubscriptionRow[] = await this.db.query(
        'SELECT zone_codes, audience FROM subscriptions WHERE id = $1 AND cancelled_at IS NULL', [email.payload.subscriptionId],
      );
      return subscription ? composePublicationEmail(email, publication, subscription) : null;
    }
    const [enterprise]: Array<{ name: string; filed: boolean }> = await this.db.query(
      `SELECT e.name, EXISTS (SELECT 1 FROM report_submissions r WHERE r.tax_code = e.tax_code AND r.period = $2 AND r.status = 'accepted') AS filed
       FROM enterprises e WHERE e.tax_code = $1`,
      [email.payload.taxCode, email.payload.period],
    );
    return !enterprise || enterprise.filed ? null : composeReminderEmail(email, enterprise.name);
  }

  /** After the mail worker has closed: sends in flight have finished. */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
