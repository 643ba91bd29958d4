import { Injectable, StreamableFile } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import { formatQuarter, PeriodSpec, periodEnd } from '@app/domain';
import { summaryWorkbookFileName, WorkbookLanguage, writeSummaryWorkbook, XLSX_MEDIA_TYPE } from '@app/excel';
import { FilingStatusReader, SummaryReader } from '@app/reporting';
import { FollowUp, FollowUpReader } from '../follow-ups/follow-ups.service';
import { summaryView } from './summary-view';

const FOLLOW_UP_PAGE = 500;

/** The board's workbook of a period for the zones a caller reads: for the API and the overview's download. */
@Injectable()
export class SummaryWorkbooks {
  constructor(
    private readonly summaries: SummaryReader,
    private readonly filing: FilingStatusReader,
    private readonly followUps: FollowUpReader,
  ) {}

  /**
   * The zone table and totals, the filing status of the period's last quarter and the warnings not yet
   * reviewed, streamed as it is written. Read before the first byte is sent, so that a failure here is
   * answered as an error; once streaming has begun a failure can only cut the response short.
   */
  async open(period: PeriodSpec, language: WorkbookLanguage, zoneCodes: readonly string[] | null): Promise<StreamableFile> {
    const [summary, filingStatus] = await Promise.all([
      // The board's workbook always shows the FDI and domestic blocks.
      this.summaries.summarize(period, zoneCodes, true),
      this.filing.read(formatQuarter(periodEnd(period)), zoneCodes),
    ]);
    const output = new PassThrough();
    const followUps = this.pendingFollowUps(period, zoneCodes);
    writeSummaryWorkbook(output, { summary: summaryView(summary), filingStatus, followUps, language }).catch((error: Error) =>
      output.destroy(error),
    );
    return new StreamableFile(output, {
      type: XLSX_MEDIA_TYPE,
      disposition: `attachment; filename="${summaryWorkbookFileName(summary.period)}"`,
    });
  }

  /** Warnings not yet reviewed in each quarter of the period, a page at a time as the sheet asks for them. */
  private async *pendingFollowUps(period: PeriodSpec, zoneCodes: readonly string[] | null): AsyncIterable<FollowUp> {
    for (const quarter of period.quarters) {
      let cursor: string | undefined;
      do {
        const page = await this.followUps.list({ period: formatQuarter(quarter), reviewed: false }, zoneCodes, {
          limit: FOLLOW_UP_PAGE,
          cursor,
        });
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
    }
  }
}
