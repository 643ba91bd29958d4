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
