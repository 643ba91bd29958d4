import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FilingItem, parseQuarter, PeriodError, quarterFirstDay, quarterLastDay, toLocalIso } from '@app/domain';

/** One enterprise expected to file: `reportId` and `receivedAt` (of the first accepted revision) are absent when missing. */
export type FilingStatusRow = FilingItem;

export type FilingStatus = {
  period: string;
  items: FilingStatusRow[];
  counts: { expected: number; onTime: number; late: number; missing: number };
};

interface Row {
  tax_code: string;
  name: string;
  zone_code: string;
  report_id: string | null;
  late: boolean | null;
  first_received_at: Date | null;
}

// Every enterprise whose operating interval meets the quarter is expected to file, with the registry
// as it is now (it keeps operating dates, not their history). The current accepted revision carries
// `late` as judged on the first accepted one, so an amendment keeps an on-time filing on time; a
// rejected submission is no filing at all.
const FILING_SQL = `
  SELECT e.tax_code, e.name, e.zone_code, cur.id AS report_id, cur.late,
    CASE WHEN cur.id IS NOT NULL THEN (
      SELECT min(r.received_at) FROM report_submissions r WHERE r.tax_code = e.tax_code AND r.period = $1 AND r.revision IS NOT NULL
    ) END AS first_received_at
  FROM enterprises e
  LEFT JOIN report_submissions cur ON cur.tax_code = e.tax_code AND cur.period = $1 AND cur.status = 'accepted'
  WHERE e.operating_from <= $3::date AND (e.operating_until IS NULL OR e.operating_until >= $2::date)
    AND ($4::text[] IS NULL OR e.zone_code = ANY($4))
  ORDER BY e.zone_code, e.tax_code`;

function filingRow(r: Row): FilingStatusRow {
  const who = { taxCode: r.tax_code, name: r.name, zoneCode: r.zone_code };
  if (r.report_id === null) return { ...who, status: 'missing' };
  return { ...who, status: r.late ? 'late' : 'on_time', reportId: r.report_id, receivedAt: toLocalIso(r.first_received_at!) };
}

/** Who has filed a quarter, on time or late, and who has not: for the API and the board's workbook. */
@Injectable()
export class FilingStatusReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `zoneCodes` null reads every zone. Throws a PeriodError on `period` unless it is a quarter. */
  async read(period: string, zoneCodes: readonly string[] | null): Promise<FilingStatus> {
    const quarter = parseQuarter(period);
    if (!quarter) throw new PeriodError('period', 'INVALID_PERIOD', 'period must be a quarter written YYYY-Qn, e.g. 2025-Q3');
    const rows: Row[] = await this.db.query(FILING_SQL, [period, quarterFirstDay(quarter), quarterLastDay(quarter), zoneCodes]);
    const items = rows.map(filingRow);
    const count = (status: FilingStatusRow['status']) => items.filter((i) => i.status === status).length;
    return { period, items, counts: { expected: items.length, onTime: count('on_time'), late: count('late'), missing: count('missing') } };
  }
}
