import { fieldPath, FieldKind, REPORT_FIELDS } from './report-fields';
import { ReportFigures } from './report-figures';
import { reportIssue, ReportIssue } from './report-issue';

/** Headcounts are at most ten million per field. */
export const COUNT_MAXIMUM = 10_000_000;

/**
 * The most one figure may hold, per kind, from zero. Đồng up to 10^16 − 1 (about US$400 billion: a
 * thousand times the quarterly revenue of the largest enterprise in Vietnam), US dollars up to
 * 10^12 − 1; registry money (registered capital, zone targets) shares the đồng maximum. Sums never
 * overflow: the zone-quarter sums are numeric(38, 0) and a row counts at most 2^31 − 1 reports, so
 * even every one of them at the maximum stays below 2.2 × 10^25.
 */
export const FIGURE_LIMITS: Readonly<Record<FieldKind, { readonly maximum: bigint; readonly unit: string }>> = {
  money: { maximum: 9_999_999_999_999_999n, unit: 'đồng' },
  usd: { maximum: 999_999_999_999n, unit: 'US dollars' },
  count: { maximum: BigInt(COUNT_MAXIMUM), unit: 'people' },
};

export function withinFigureLimit(kind: FieldKind, value: bigint): boolean {
  return value >= 0n && value <= FIGURE_LIMITS[kind].maximum;
}

/** Each figure of a stored report outside its limit (the api refuses them; older rows may hold them). */
export function figureLimitIssues(figures: ReportFigures): ReportIssue[] {
  return REPORT_FIELDS.flatMap((f) => {
    const raw = figures[f.key];
    if (raw === null || withinFigureLimit(f.kind, BigInt(raw))) return [];
    const { maximum, unit } = FIGURE_LIMITS[f.kind];
    return [
      reportIssue('FIGURE_OUT_OF_RANGE', fieldPath(f), `${fieldPath(f)} (${raw}) is outside 0 to ${maximum} ${unit}.`, {
        value: String(raw),
        maximum: String(maximum),
      }),
    ];
  });
}
