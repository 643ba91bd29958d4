import { Injectable, Logger } from '@nestjs/common';
import { Settings } from '@app/config';
import {
  ContributionSetsRepository,
  enqueueEmails,
  PublicationRequestsRepository,
  PublicationsRepository,
  PublicCellsRepository,
  PublicContributionsRepository,
  recordAudit,
  SubscriptionsRepository,
  Transactions,
} from '@app/database';
import {
  formatQuarter,
  parsePeriod,
  publicationPlan,
  PublishedFigures,
  revisionsSince,
  shiftYears,
  summaryJson,
  toLocalIso,
} from '@app/domain';
import { discloseOnThreads } from './disclosure-threads';
import { FilingStatus, FilingStatusReader } from './filing-status.reader';
import { PUBLICATION_LOCK } from './publication-lock';
import { SummaryReader } from './summary.reader';
import { summaryWorkbookBytes } from './workbook-bytes';

export interface PublishRequest {
  /** The day whose publication this is ('YYYY-MM-DD', Vietnam time). */
  readonly asOf: string;
  /** Who asked: 'schedule' or an admin's name. */
  readonly by: string;
  /** Publish again although this month already has its publication. */
  readonly force: boolean;
  /** The stored request this answers, if an admin asked: answered in the transaction that publishes. */
  readonly requestId?: string;
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
 * each zone and total with its FDI and domestic blocks, the filing status of the quarter being filed,
 * the public version after disclosure control (audited against the ledger of everything published
 * before, which it extends), both workbooks, the zones
 * revised since the last publication, and one email per subscriber, all in one transaction. A month
 * has one regular publication: a second request gets the first one back.
 */
@Injectable()
export class PublicationBuilder {
  private readonly logger = new Logger(PublicationBuilder.name);

  constructor(
    private readonly summaries: SummaryReader,
    private readonly filingStatus: FilingStatusReader,
    private readonly settings: Settings,
    private readonly publicCells: PublicCellsRepository,
    private readonly publicContributions: PublicContributionsRepository,
    private readonly transactions: Transactions,
    private readonly requests: PublicationRequestsRepository,
    private readonly publications: PublicationsRepository,
    private readonly contributionSets: ContributionSetsRepository,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  /**
   * One publisher at a time, whether the schedule or an admin's request, on any worker: the month's
   * publication is decided, its figures read and audited against the ledger, under the lock (held on a
   * connection of its own, outside any transaction, as an audit may take longer than a transaction may
   * sit idle).
   */
  publish(request: PublishRequest): Promise<{ id: number; created: boolean }> {
    return this.transactions.exclusively(PUBLICATION_LOCK, () => this.publishExclusively(request));
  }

  private async publishExclusively(request: PublishRequest): Promise<{ id: number; created: boolean }> {
    const plan = publicationPlan(request.asOf);
    const asked = request.requestId === undefined ? null : await this.requests.find(request.requestId);
    // A request answered before (its job ran again after a crash, say) publishes nothing more, forced or not.
    if (asked?.publicationId) return { id: asked.publicationId, created: false };
    const existing = request.force ? null : await this.publications.regularOf(plan.month);
    if (existing !== null) {
      if (request.requestId !== undefined) await this.transactions.run((tx) => this.requests.answer(request.requestId!, existing, tx));
      return { id: existing, created: false };
    }

    const params = { pPercent: this.settings.DISCLOSURE_P_PERCENT, minContributors: this.settings.DISCLOSURE_MIN_CONTRIBUTORS };
    const latestPeriod = parsePeriod(formatQuarter(plan.latestQuarter));
    // Split into FDI and domestic blocks: the blocks' cells are published, and audited, like the zones'.
    const [latest, yearToDate, filing] = await Promise.all([
      this.summaries.summarize(latestPeriod, null, true),
      this.summaries.summarize(plan.yearToDate, null, true),
      this.filingStatus.read(formatQuarter(plan.filingQuarter), null),
    ]);
    const filingFigures = { period: filing.period, counts: filing.counts, byZone: countsByZone(filing) };
    // Who filed is the board's to see: its figures keep the list, so that a subscriber's workbook can be
    // written from the publication alone, in any language and cut to any zones.
    const figures: PublishedFigures = {
      latestQuarter: summaryJson(latest),
      yearToDate: summaryJson(yearToDate),
      filing: { ...filingFigures, items: filing.items },
    };
    const asOf = toLocalIso(plan.publishedAt);
    const workbook = await summaryWorkbookBytes({ summary: { ...figures.latestQuarter, asOf }, filingStatus: filing });
    // The audit covers the year and the year before: growth rates publish the previous year's cells.
    const periods = [latestPeriod, plan.yearToDate].flatMap((p) => [...p.quarters, ...shiftYears(p, -1).quarters]);
    const quarters = [...new Set(periods.map(formatQuarter))];
    const ledgerFrom = formatQuarter({ year: plan.latestQuarter.year - 1, quarter: 1 });

    const [ledgerCells, versions, contributions] = await Promise.all([
      this.publicCells.since(ledgerFrom),
      this.publicContributions.since(ledgerFrom),
      this.contributionSets.of(quarters),
    ]);
    const disclosure = await discloseOnThreads(
      { summaries: [latest, yearToDate], contributions, ledger: { cells: ledgerCells, versions }, params },
      this.settings.DISCLOSURE_THREADS,
    );
    const [latestPublic, yearToDatePublic] = disclosure.summaries.map(summaryJson);
    const publicFigures: PublishedFigures = { latestQuarter: latestPublic, yearToDate: yearToDatePublic, filing: filingFigures };
    const publicWorkbook = await summaryWorkbookBytes({ summary: { ...publicFigures.latestQuarter, asOf } });
    return this.transactions.run(async (tx) => {
      const regular = await this.publications.regularOf(plan.month, tx);
      // Compared with the latest publication of each period, not just the latest one: a quarter is
      // published for three months, and its year to date again next to the following quarter.
      const previous = await this.publications.figuresCovering([formatQuarter(plan.latestQuarter), plan.yearToDate.label], tx);
      const revised = revisionsSince(previous, figures);
      // Forced only when the month already has its regular publication: a first one asked with `force`
      // is the month's regular one, so a later request or the schedule does not publish the month again.
      const id = await this.publications.insert(
        {
          month: plan.month,
          forced: regular !== null,
          asOf: request.asOf,
          publishedBy: request.by,
          latestQuarter: formatQuarter(plan.latestQuarter),
          yearToDate: plan.yearToDate.label,
          filingQuarter: formatQuarter(plan.filingQuarter),
          figures,
          publicFigures,
          revised,
          workbook,
          publicWorkbook,
        },
        tx,
      );
      await this.publicContributions.insert(id, disclosure.versions, tx);
      await this.publicCells.insert(id, disclosure.cells, tx);
      const subscribers = await this.subscriptions.listActive(tx);
      const emails = await enqueueEmails(
        tx,
        subscribers.map((s) => ({
          dedupeKey: `publication:${id}:${s.id}`,
          kind: 'publication',
          recipient: s.email,
          language: s.language,
          payload: { publicationId: id, subscriptionId: s.id },
        })),
      );
      const details = { month: plan.month, asOf: request.asOf, revised, emails };
      await recordAudit(tx, { actorName: request.by, action: 'publication.create', entity: 'publication', entityId: String(id), details });
      if (request.requestId !== undefined) await this.requests.answer(request.requestId, id, tx);
      this.logger.log(`publication ${id} for ${plan.month}: ${figures.latestQuarter.period}, ${emails} emails`);
      return { id, created: true };
    });
  }
}
