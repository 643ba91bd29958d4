import { createHash } from 'node:crypto';
import { REPORT_FIELDS, ReportField } from '@app/domain';
import type { SubmitReportDto } from './dto/submit-report.dto';

/** A report as it arrived, normalized: money and counts as digit strings, null where not reported. */
export interface NormalizedReport {
  readonly taxCode: string;
  readonly period: string;
  readonly figures: Readonly<Record<ReportField['key'], string | null>>;
  /** A paper form's receipt stamp (board filings), else null for "now". */
  readonly receivedAt: string | null;
}

export function normalizeReport(dto: SubmitReportDto): NormalizedReport {
  const figures = {} as Record<ReportField['key'], string | null>;
  for (const f of REPORT_FIELDS) {
    const section = (dto as unknown as Record<string, Record<string, unknown> | undefined>)[f.section];
    const value = section?.[f.key];
    figures[f.key] = value === undefined || value === null ? null : BigInt(value as string | number).toString();
  }
  return { taxCode: dto.taxCode, period: dto.period, figures, receivedAt: dto.receivedAt ? new Date(dto.receivedAt).toISOString() : null };
}

/** Two bodies that mean the same report (100 and "100") hash alike, for Idempotency-Key checks. */
export function reportHash(r: NormalizedReport): string {
  const canonical = JSON.stringify([r.taxCode, r.period, REPORT_FIELDS.map((f) => r.figures[f.key]), r.receivedAt]);
  return createHash('sha256').update(canonical).digest('hex');
}
