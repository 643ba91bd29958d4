import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Settings } from '@app/config';
import { addQuarters, dueInstant, formatQuarter, hasEnded, quarterFirstDay, quarterLastDay, quarterOfInstant, Quarter } from '@app/domain';
import { enqueueEmails } from '@app/reporting';

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
    @InjectDataSource() private readonly db: DataSource,
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
    if (at >= dueInstant(previous) && at.getTime() < dueInstant(addQuarters(previous, 1)).getTime()) overdue = await this.notify(previous, 'overdue');
    if (reminders + overdue > 0) this.logger.log(`queued ${reminders} reminders and ${overdue} overdue notices`);
    return { reminders, overdue };
  }

  private async notify(quarter: Quarter, kind: 'reminder' | 'overdue'): Promise<number> {
    const period = formatQuarter(quarter);
    return this.db.transaction(async (tx) => {
      const missing: Array<{ tax_code: string; contact_email: string }> = await tx.query(
        `SELECT e.tax_code, e.contact_email FROM enterprises e
         WHERE e.contact_email IS NOT NULL AND e.operating_from <= $2 AND (e.operating_until IS NULL OR e.operating_until >= $3)
           AND NOT EXISTS (SELECT 1 FROM report_submissions r WHERE r.tax_code = e.tax_code AND r.period = $1 AND r.status = 'accepted')`,
        [period, quarterLastDay(quarter), quarterFirstDay(quarter)],
      );
      return enqueueEmails(tx, missing.map((m) => ({
        dedupeKey: `${kind}:${m.tax_code}:${period}`, kind, recipient: m.contact_email, language: 'vi', payload: { taxCode: m.tax_code, period },
      })));
    });
  }
}
