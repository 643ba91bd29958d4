import { reportBody, ReportFigures, submit, verdict } from './fixtures';
import { HttpClient } from './http-client';

/** A quarterly report keyed in by the board from a paper form, whose stamp fixes its timeliness. */
export interface PaperFiling {
  taxCode: string;
  period: string;
  late?: true;
  f: ReportFigures;
}

/** Stamped on the 5th of the month after the quarter at 09:00 (on time), or at the due instant itself, the 10th at 00:00 (late). */
export function paperStamp(period: string, late: boolean): string {
  const [year, quarter] = [Number(period.slice(0, 4)), Number(period[6])];
  const month = quarter === 4 ? `${year + 1}-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}`;
  return `${month}-${late ? '10T00:00:00' : '05T09:00:00'}+07:00`;
}

/**
 * Sends every form at once (the worker decides in order of receipt, which the stamps fix) and returns
 * the verdicts, failing unless each was accepted with the timeliness its stamp implies.
 */
export async function fileOnPaper(http: HttpClient, boardToken: string, filings: readonly PaperFiling[]) {
  const receipts = await Promise.all(
    filings.map((x) =>
      submit(http, boardToken, { ...reportBody(x.taxCode, x.period, x.f), receivedAt: paperStamp(x.period, x.late === true) }),
    ),
  );
  const verdicts = await Promise.all(receipts.map((r) => verdict(http, boardToken, r.id)));
  verdicts.forEach((v, i) => {
    const x = filings[i];
    if (v.status !== 'accepted' || v.late !== (x.late === true))
      throw new Error(`${x.taxCode} ${x.period}: ${v.status} late=${v.late} ${JSON.stringify(v.issues)}`);
  });
  return verdicts;
}
