import { Injectable } from '@nestjs/common';
import { ExpectedFiling, FilingsRepository } from '@app/database';
import { FilingItem, parseQuarter, PeriodError, quarterFirstDay, quarterLastDay, toLocalIso } from '@app/domain';

/** One enterprise expected to file: `reportId` and `receivedAt` (of the first accepted revision) are absent when missing. */
export type FilingStatusRow = FilingItem;

export type FilingStatus = {
  period: string;
  items: FilingStatusRow[];
  counts: { expected: number; onTime: number; late: number; missing: number };
};

function filingRow(f: ExpectedFiling): FilingStatusRow {
  const who = { taxCode: f.taxCode, name: f.name, zoneCode: f.zoneCode };
  if (f.reportId === null) return { ...who, status: 'missing' };
  return { ...who, status: f.late ? 'late' : 'on_time', reportId: f.reportId, receivedAt: toLocalIso(f.firstReceivedAt!) };
}

/** Who has filed a quarter, on time or late, and who has not: for the API and the board's workbook. */
@Injectable()
export class FilingStatusReader {
  constructor(private readonly filings: FilingsRepository) {}

  /** `zoneCodes` null reads every zone. Throws a PeriodError on `period` unless it is a quarter. */
  async read(period: string, zoneCodes: readonly string[] | null): Promise<FilingStatus> {
    const quarter = parseQuarter(period);
    if (!quarter) throw new PeriodError('period', 'INVALID_PERIOD', 'period must be a quarter written YYYY-Qn, e.g. 2025-Q3');
    const items = (await this.filings.expected(period, quarterFirstDay(quarter), quarterLastDay(quarter), zoneCodes)).map(filingRow);
    const count = (status: FilingStatusRow['status']) => items.filter((i) => i.status === status).length;
    return { period, items, counts: { expected: items.length, onTime: count('on_time'), late: count('late'), missing: count('missing') } };
  }
}
