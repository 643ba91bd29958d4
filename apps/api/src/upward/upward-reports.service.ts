import { Injectable, StreamableFile } from '@nestjs/common';
import { Settings } from '@app/config';
import { localDate, parseUpwardPeriod, PeriodError, toLocalIso } from '@app/domain';
import { upwardReportFileName, writeUpwardReport, XLSX_MEDIA_TYPE } from '@app/excel';
import { UpwardReportReader } from '@app/reporting';
import { Problem } from '../common/problem';

/** The board's report to the ministry of a period, over the zones a caller reads: for the API and the pages. */
@Injectable()
export class UpwardReports {
  constructor(
    private readonly reader: UpwardReportReader,
    private readonly settings: Settings,
  ) {}

  /** `period` as the path gives it; a period of another form is answered 422 naming `period`. */
  async open(period: string, zoneCodes: readonly string[] | null): Promise<StreamableFile> {
    const report = await this.reader.read(upwardPeriod(period), zoneCodes);
    const now = new Date();
    const bytes = await writeUpwardReport(report, {
      boardName: this.settings.BOARD_NAME,
      recipient: this.settings.UPWARD_REPORT_RECIPIENT,
      place: this.settings.BOARD_PLACE,
      date: localDate(now),
      asOf: toLocalIso(now),
    });
    return new StreamableFile(bytes, { type: XLSX_MEDIA_TYPE, disposition: `attachment; filename="${upwardReportFileName(period)}"` });
  }
}

function upwardPeriod(text: string) {
  try {
    return parseUpwardPeriod(text);
  } catch (e) {
    if (e instanceof PeriodError) throw Problem.field(422, e.field, e.code, e.message);
    throw e;
  }
}
