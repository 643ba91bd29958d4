import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Settings } from '@app/config';
import {
  EmailOutboxRepository,
  FilingsRepository,
  openReturn,
  OutboxEmail,
  PublicationsRepository,
  recordAudit,
  ReportSubmissionsRepository,
  SubscriptionsRepository,
  Transactions,
} from '@app/database';
import { createMailTransport, EmailMessage, MailTransport, sitePage } from '@app/mail';
import { composePublicationEmail, composeReminderEmail, composeReturnEmail } from './email-composer';

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
// The email's chart of the province's output over time shows this many published quarters.
const CHART_QUARTERS = 8;

@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private readonly logger = new Logger(EmailSender.name);
  private readonly transport: MailTransport;
  private readonly leaseMs: number;
  private readonly siteUrl: string;
  /** Server answers of sends not yet recorded, by email id. */
  private readonly unrecorded = new Map<string, string>();

  constructor(
    private readonly db: Transactions,
    private readonly emails: EmailOutboxRepository,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly filings: FilingsRepository,
    private readonly publications: PublicationsRepository,
    private readonly submissions: ReportSubmissionsRepository,
    settings: Settings,
  ) {
    this.transport = createMailTransport({
      smtpUrl: settings.SMTP_URL,
      from: settings.MAIL_FROM,
      mailDir: settings.MAIL_DIR,
      timeoutMs: settings.MAIL_SEND_TIMEOUT_MS,
    });
    this.leaseMs = LEASE_IN_SEND_TIMEOUTS * settings.MAIL_SEND_TIMEOUT_MS;
    this.siteUrl = settings.PUBLIC_BASE_URL;
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
        await this.emails.cancel(emailId);
        return 'cancelled';
      }
      response = await this.transport.send(message, email.dedupeKey);
    } catch (error) {
      const reason = (error as Error).message;
      // Should this fail too, the lease running out makes the email sendable again.
      await this.emails.release(emailId, reason).catch(() => undefined);
      this.logger.warn(`email ${emailId} not sent: ${reason}`);
      throw error;
    }
    this.unrecorded.set(emailId, response);
    return this.recordSent(emailId, response);
  }

  /** The email, now leased to this worker; null if it needs nothing more. */
  private async claim(emailId: string): Promise<OutboxEmail | null> {
    const email = await this.emails.claim(emailId, this.leaseMs);
    if (email) return email;
    const state = await this.emails.state(emailId);
    if (state?.status === 'sending') {
      throw new Error(`email ${emailId} is being sent by another worker (leased until ${state.leaseUntil!.toISOString()})`);
    }
    return null;
  }

  private async recordSent(emailId: string, response: string): Promise<SendOutcome> {
    await this.db.run(async (tx) => {
      const sent = await this.emails.markSent(emailId, response, tx);
      if (!sent) return;
      const details = { key: sent.dedupeKey, to: sent.recipient, response };
      await recordAudit(tx, { actorName: 'worker', action: 'email.sent', entity: 'email', entityId: emailId, details });
    });
    this.unrecorded.delete(emailId);
    return 'sent';
  }

  /** The message, or null when it should no longer go out (the enterprise filed or amended, the subscriber left). */
  private async compose(email: OutboxEmail): Promise<EmailMessage | null> {
    if (email.kind === 'publication') {
      const publication = await this.publications.find(email.payload.publicationId!);
      if (publication === null) return null;
      // Someone who unsubscribed after the publication was made is not written to.
      const subscription = await this.subscriptions.findActive(email.payload.subscriptionId!);
      if (!subscription) return null;
      const previous = await this.publications.previousOfQuarter(publication.id, publication.latestQuarter);
      const token = await this.subscriptions.unsubscribeToken(subscription.id);
      const page = subscription.audience === 'public' ? '/public' : '/';
      const site = {
        unsubscribeUrl: sitePage(this.siteUrl, `/unsubscribe/${token}`),
        pageUrl: sitePage(this.siteUrl, `${page}?period=${publication.latestQuarter}`),
      };
      const byQuarter = await this.publications.outputByQuarter(publication.id, CHART_QUARTERS);
      return composePublicationEmail(email, publication, subscription, previous, site, byQuarter);
    }
    const enterprise = await this.filings.filedBy(email.payload.taxCode!, email.payload.period!);
    if (email.kind === 'return') {
      const report = await this.submissions.find(email.payload.reportId!);
      // An amendment accepted before the email went out has closed the return: nothing to ask for.
      const returned = report && openReturn(report);
      return enterprise && returned ? composeReturnEmail(email, enterprise.name, returned.message, this.siteUrl) : null;
    }
    return !enterprise || enterprise.filed ? null : composeReminderEmail(email, enterprise.name, this.siteUrl);
  }

  /** After the mail worker has closed: sends in flight have finished. */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
