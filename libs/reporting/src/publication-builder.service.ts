import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { Settings } from '@app/config';
import { recordAudit } from '@app/database';
import {
  discloseSummary, formatQuarter, parsePeriod, publicationPlan, PublishedFigures, revisionsSince, Summary, summaryJson, toLocalIso,
} from '@app/domain';
import { SummaryWorkbookInput, writeSummaryWorkbook } from '@app/excel';
import { enqueueEmails } from './email-outbox';
import { FilingStatus, FilingStatusReader } from './filing-status.reader';
import { SummaryReader } from './summary-reader';
import { zoneContributions } from './zone-contributions';

export interface PublishRequest {
  /** The day whose publication this is ('YYYY-MM-DD', Vietnam time). */
  readonly asOf: string;
  /** Who asked: 'schedule' or an admin's name. */
  readonly by: string;
  /** Publish again although this month already has its publication. */
  readonly force: boolean;
}

async function workbookBytes(input: SummaryWorkbookInput): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeSummaryWorkbook(out, input);
  return Buffer.concat(chunks);
}

function countsByZone(filing: FilingStatus): PublishedFigures['filing']['byZone'] {
  const byZone: PublishedFigures['filing']['byZone'] = {};
  for (const item of filing.items) {
    const c = (byZone[item.zoneCode] ??= { expected: 0, onTime: 0, late: 0, missing: 0 });
    c.expected++;
    if (item.status === 'on_time') c.onTime++;
    else if (item.status === 'late') c.late++;
    else c.missing++;
  }
  return byZone;
}

/**
 * Builds a monthly publication: the figures of the latest quarter past due and of the year to date,
 * the filing status of the quarter being filed, the public version after disclosure control, both
 * workbooks, the zones revised since the last publication, and one email per subscriber, all in one
 * transaction. A month has one regular publication: a second request gets the first one back.
 */
@Injectable()
export class PublicationBuilder {
  private readonly logger = new Logger(PublicationBuilder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly summaries: SummaryReader,
    private readonly filingStatus: FilingStatusReader,
    private readonly settings: Settings,
  ) {}

  async publish(request: PublishRequest): Promise<{ id: number; created: boolean }> {
    const plan = publicationPlan(request.asOf);
    const existing = request.force ? null : await this.existing(plan.month);
    if (existing !== null) return { id: existing, created: false };

    const params = { pPercent: this.settings.DISCLOSURE_P_PERCENT, minContributors: this.settings.DISCLOSURE_MIN_CONTRIBUTORS };
    const latestPeriod = parsePeriod(formatQuarter(plan.latestQuarter));
    const [latest, yearToDate, filing] = await Promise.all([
      this.summaries.summarize(latestPeriod, null),
      this.summaries.summarize(plan.yearToDate, null),
      this.filingStatus.read(formatQuarter(plan.filingQuarter), null),
    ]);
    const [latestPublic, yearToDatePublic] = await Promise.all([
      zoneContributions(this.db, latestPeriod).then((c) => summaryJson(discloseSummary(latest, c, params))),
      zoneContributions(this.db, plan.yearToDate).then((c) => summaryJson(discloseSummary(yearToDate, c, params))),
    ]);
    const filingFigures = { period: filing.period, counts: filing.counts, byZone: countsByZone(filing) };
    const figures: PublishedFigures = { latestQuarter: summaryJson(latest), yearToDate: summaryJson(yearToDate), filing: filingFigures };
    const publicFigures: PublishedFigures = { latestQuarter: latestPublic, yearToDate: yearToDatePublic, filing: filingFigures };
    const asOf = toLocalIso(plan.publishedAt);
    const [workbook, publicWorkbook] = await Promise.all([
      workbookBytes({ summary: { ...figures.latestQuarter, asOf }, filingStatus: filing }),
      workbookBytes({ summary: { ...publicFigures.latestQuarter, asOf } as never }),
    ]);

    return this.db.transaction(async (tx) => {
      const [previous]: Array<{ figures: PublishedFigures }> = await tx.query('SELECT figures FROM publications ORDER BY id DESC LIMIT 1');
      const revised = revisionsSince(previous?.figures ?? null, figures);
      const inserted: Array<{ id: number }> = await tx.query(
        `INSERT INTO publications (month, forced, as_of, published_by, latest_quarter, year_to_date, filing_quarter, figures, public_figures, revised, workbook, public_workbook)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (month) WHERE NOT forced DO NOTHING RETURNING id`,
        [plan.month, request.force, request.asOf, request.by, formatQuarter(plan.latestQuarter), plan.yearToDate.label, formatQuarter(plan.filingQuarter),
          JSON.stringify(figures), JSON.stringify(publicFigures), JSON.stringify(revised), workbook, publicWorkbook],
      );
      // Another worker or request published this month meanwhile: theirs stands.
      if (inserted.length === 0) return { id: (await this.existing(plan.month))!, created: false };
      const id = inserted[0].id;
      const subscribers: Array<{ id: string; email: string; language: 'vi' | 'en' }> = await tx.query(
        'SELECT id, email, language FROM subscriptions WHERE cancelled_at IS NULL',
      );
      const emails = await enqueueEmails(tx, subscribers.map((s) => ({
        dedupeKey: `publication:${id}:${s.id}`, kind: 'publication', recipient: s.email, language: s.language, payload: { publicationId: id, subscriptionId: s.id },
      })));
      await recordAudit(tx, { actorName: request.by, action: 'publication.create', entity: 'publication', entityId: String(id), details: { month: plan.month, asOf: request.asOf, revised, emails } });
      this.logger.log(`publication ${id} for ${plan.month}: ${figures.latestQuarter.period}, ${emails} emails`);
      return { id, created: true };
    });
  }

  private async existing(month: string): Promise<number | null> {
    const rows: Array<{ id: number }> = await this.db.query('SELECT id FROM publications WHERE month = $1 AND NOT forced ORDER BY id LIMIT 1', [month]);
    return rows[0]?.id ?? null;
  }
}
