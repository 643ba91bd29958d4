import { fieldColumn, REPORT_FIELDS, ReportFigures } from '@app/domain';

/** The figures of a stored submission row: bigint money, number counts, null where not reported. */
export function figuresFromRow(row: Record<string, unknown>): ReportFigures {
  const figures: Record<string, bigint | number | null> = {};
  for (const f of REPORT_FIELDS) {
    const raw = row[fieldColumn(f)] as string | number | null;
    figures[f.key] = raw === null ? null : f.kind === 'count' ? Number(raw) : BigInt(raw);
  }
  return figures as unknown as ReportFigures;
}

export const FIGURE_COLUMNS: readonly string[] = REPORT_FIELDS.map(fieldColumn);

/**
 * A text key that sorts submissions in order of receipt, exactly: receipt stamp and storage time in
 * microseconds (a JavaScript Date keeps only milliseconds, and one intake batch shares its now()),
 * then the row of an upload, then the id, so which revision is current never depends on job timing.
 */
export function receiptKeySql(alias: string): string {
  const micros = (column: string) => `lpad((extract(epoch FROM ${alias}.${column}) * 1000000)::bigint::text, 20, '0')`;
  return `${micros('received_at')} || ${micros('stored_at')} || lpad(COALESCE(${alias}.batch_row, 0)::text, 10, '0') || ${alias}.id::text`;
}
