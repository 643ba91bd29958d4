import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { aggregateUpsert, figuresFromRow } from '@app/database';
import {
  acceptanceDeltas, addQuarters, Contribution, evaluateReport, formatQuarter, hasErrors, isLate, parseQuarter,
  ReportIssue, reportContribution, WageRegion,
} from '@app/domain';
import { MinimumWages } from '../reference/minimum-wages.service';
import { RECEIVED_LATER_SQL } from './receipt-order';

export type Verdict = 'accepted' | 'rejected' | 'superseded' | 'already-processed';

type Row = Record<string, unknown> & {
  id: string; tax_code: string; period: string; zone_code: string | null; status: string; revision: number | null;
  received_at: Date; late: boolean | null; warning_count: number; filer_role: string; received_later?: boolean;
};

interface EnterpriseRow {
  zone_code: string; operating_from: string; operating_until: string | null; wage_region: WageRegion; locked: boolean;
}

const warningsIn = (issues: readonly ReportIssue[]) => issues.filter((i) => i.severity === 'warning').length;

/** What a stored revision contributes to its zone-quarter sums, exactly as when it was added. */
function contributionOf(row: Row): Contribution {
  return { zoneCode: row.zone_code!, period: row.period, sums: reportContribution(figuresFromRow(row), row.late === false, row.warning_count > 0) };
}

/**
 * Decides on one received submission in one transaction: rules, verdict, revision, supersession and
 * the zone-quarter sums. The enterprise row is locked so its verdicts never interleave; a submission
 * that is no longer `received` is left alone, so a job run twice changes nothing the second time.
 */
@Injectable()
export class ReportVerdicts {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly minimumWages: MinimumWages,
  ) {}

  async decide(submissionId: string): Promise<Verdict> {
    const minimumWages = await this.minimumWages.current();
    return this.db.transaction(async (tx) => {
      const [submission]: Row[] = await tx.query('SELECT * FROM report_submissions WHERE id = $1 FOR UPDATE', [submissionId]);
      if (!submission || submission.status !== 'received') return 'already-processed';
      const quarter = parseQuarter(submission.period)!;
      const [enterprise]: EnterpriseRow[] = await tx.query(
        `SELECT e.zone_code, e.operating_from, e.operating_until, z.wage_region,
           EXISTS (SELECT 1 FROM period_locks l WHERE l.period = $2 AND l.locked_at <= $3
                   AND (l.unlocked_at IS NULL OR l.unlocked_at > $3)) AS locked
         FROM enterprises e JOIN zones z ON z.code = e.zone_code WHERE e.tax_code = $1 FOR UPDATE OF e`,
        [submission.tax_code, submission.period, submission.received_at],
      );
      // Current revisions of every quarter, plus all accepted revisions of this one, each marked if
      // received after this submission (compared exactly, in the database).
      const history: Row[] = enterprise
        ? await tx.query(
            `SELECT r.*, ${RECEIVED_LATER_SQL} AS received_later FROM report_submissions r JOIN report_submissions s ON s.id = $3
             WHERE r.tax_code = $1 AND (r.status = 'accepted' OR (r.period = $2 AND r.revision IS NOT NULL))`,
            [submission.tax_code, submission.period, submission.id],
          )
        : [];
      const current = history.find((r) => r.status === 'accepted' && r.period === submission.period) ?? null;
      const revisions = history.filter((r) => r.period === submission.period);
      const firstReceivedAt = new Date(Math.min(submission.received_at.getTime(), ...revisions.map((r) => r.received_at.getTime())));
      const comparable = (period: string) => {
        const row = history.find((r) => r.status === 'accepted' && r.period === period);
        return row ? { period: parseQuarter(period)!, grossOutput: BigInt(row.gross_output as string), workers: Number(row.workers) } : null;
      };
      const figures = figuresFromRow(submission);
      const issues = evaluateReport(figures, {
        period: quarter,
        receivedAt: submission.received_at,
        filer: submission.filer_role === 'enterprise' ? 'enterprise' : 'board',
        enterprise: enterprise
          ? { operatingFrom: enterprise.operating_from, operatingUntil: enterprise.operating_until, wageRegion: Number(enterprise.wage_region) as WageRegion }
          : null,
        periodLockedAtReceipt: enterprise?.locked ?? false,
        firstReceivedAt,
        previousQuarter: comparable(formatQuarter(addQuarters(quarter, -1))),
        sameQuarterLastYear: comparable(formatQuarter(addQuarters(quarter, -4))),
        minimumWages,
      });
      const zoneCode = enterprise?.zone_code ?? submission.zone_code;
      if (!enterprise || hasErrors(issues)) {
        await this.record(tx, submission.id, { status: 'rejected', revision: null, late: null, issues, zoneCode });
        return 'rejected';
      }

      const late = isLate(firstReceivedAt, quarter);
      const revision = Math.max(0, ...revisions.map((r) => r.revision ?? 0)) + 1;
      // A revision received before the current one (jobs may finish out of order) is kept but not made current.
      if (current?.received_later) {
        await this.record(tx, submission.id, { status: 'superseded', revision, late, issues, zoneCode });
        return 'superseded';
      }
      const accepted: Row = { ...submission, zone_code: enterprise.zone_code, late, warning_count: warningsIn(issues) };
      const later = history.filter((r) => r.status === 'accepted' && r.period > submission.period).map((r) => r.period).sort();
      const earlier = history.filter((r) => r.status === 'accepted' && r.period < submission.period).sort((a, b) => (a.period < b.period ? 1 : -1));
      const deltas = acceptanceDeltas({
        accepted: contributionOf(accepted),
        replaced: current ? contributionOf(current) : null,
        previous: earlier[0] ? contributionOf(earlier[0]) : null,
        nextPeriod: later[0] ?? null,
      });
      if (current) await tx.query(`UPDATE report_submissions SET status = 'superseded' WHERE id = $1`, [current.id]);
      await this.record(tx, submission.id, { status: 'accepted', revision, late, issues, zoneCode: enterprise.zone_code });
      const upsert = aggregateUpsert(deltas);
      await tx.query(upsert.sql, upsert.params);
      await tx.query(
        `DELETE FROM zone_quarter_aggregates WHERE reports = 0 AND (zone_code, period, next_period) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
        [deltas.map((d) => d.zoneCode), deltas.map((d) => d.period), deltas.map((d) => d.nextPeriod)],
      );
      return 'accepted';
    });
  }

  private async record(
    tx: EntityManager,
    id: string,
    v: { status: string; revision: number | null; late: boolean | null; issues: ReportIssue[]; zoneCode: string | null },
  ): Promise<void> {
    await tx.query(
      `UPDATE report_submissions SET status = $2, revision = $3, late = $4, issues = $5, warning_count = $6, zone_code = $7, processed_at = now()
       WHERE id = $1`,
      [id, v.status, v.revision, v.late, JSON.stringify(v.issues), warningsIn(v.issues), v.zoneCode],
    );
  }
}
