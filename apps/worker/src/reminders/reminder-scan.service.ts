import { Injectable, Logger } from '@nestjs/common';
import { Settings } from '@app/config';
import { EmailOutboxRepository, FilingsRepository, Transactions } from '@app/database';
import { addQuarters, dueInstant, formatQuarter, hasEnded, quarterFirstDay, quarterLastDay, quarterOfInstant, Quarter } from '@app/domain';

const DAY_MS = 86_400_000;

/**
 * Enterprises with a contact email and no accepted report are reminded in the days before the due
 * instant, and told once after it that they are overdue. Keys (enterprise, quarter, kind) make
 * every scan after the first a no-op for them; an enterprise that has filed is never written to.
 */
@Injectable()
export class ReminderScan {
  private readonly logger = new Logger(ReminderScan.name);

  constructor(
    private readonly db: Transactions,
    private readonly filings: FilingsRepository,
    private readonly emails: EmailOutboxRepository,
    private readonly settings: Settings,
  ) {}

  async scan(at: Date): Promise<{ reminders: number; overdue: number }> {
    // The quarter being filed is the latest that has ended; the one before may just have become overdue.
    let quarter = addQuarters(quarterOfInstant(at), -1);
    if (!hasEnded(quarter, at)) quarter = addQuarters(quarter, -1);
    const due = dueInstant(quarter);
    const remindFrom = due.getTime() - this.settings.REMINDER_DAYS_BEFORE * DAY_MS;
    let reminders = 0;
    let overdue = 0;
    if (at.getTime() >= remindFrom && at < due) reminders = await this.notify(quarter, 'reminder');
    const previous = at >= due ? quarter : addQuarters(quarter, -1);
    // Overdue notices only in the filing window after the due date, not for ancient quarters.
    if (at >= dueInstant(previous) && at.getTime() < dueInstant(addQuarters(previous, 1)).getTime())
      overdue = await this.notify(previous, 'overdue');
    if (reminders + overdue > 0) this.logger.log(`queued ${reminders} reminders and ${overdue} overdue notices`);
    return { reminders, overdue };
  }

  private async notify(quarter: Quarter, kind: 'reminder' | 'overdue'): Promise<number> {
    const period = formatQuarter(quarter);
    return this.db.run(async (tx) => {
      const missing = await this.filings.missingWithContact(period, quarterFirstDay(quarter), quarterLastDay(quarter), tx);
      return this.emails.enqueue(
        missing.map((m) => ({
          dedupeKey: `${kind}:${m.taxCode}:${period}`,
          kind,
          recipient: m.contactEmail,
          language: 'vi',
          payload: { taxCode: m.taxCode, period },
        })),
        tx,
      );
    });
  }
}
