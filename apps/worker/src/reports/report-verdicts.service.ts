import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { aggregateUpsert, figuresFromRow, receiptKeySql } from '@app/database';
import {
  AggregateDelta, cannotJudge, DecidedRevision, decideSubmission, EnterpriseHistory, LockInterval, lockedAtInstant, mergeDeltas, PendingSubmission,
  Verdict, VerdictOutcome, WageRegion,
} from '@app/domain';
import { MinimumWages } from '../reference/minimum-wages.service';

type Row = Record<string, unknown> & {
  id: string; tax_code: string; period: string; zone_code: string | null; status: string; revision: number | null;
  received_at: Date; receipt_key: string; late: boolean | null; warning_count: number; filer_role: string;
};

interface RegistryRow { tax_code: string; zone_code: string; operating_from: string; operating_until: string | null; wage_region: number }

export type Decision = Verdict['status'] | 'already-processed';

function decidedRevision(r: Row): DecidedRevision {
  return {
    id: r.id, period: r.period, zoneCode: r.zone_code!, receivedAt: r.received_at, receiptKey: r.receipt_key, status: r.status as DecidedRevision['status'],
    revision: r.revision!, late: r.late === true, warningCount: r.warning_count, figures: figuresFromRow(r),
  };
}

/**
 * Decides on received submissions, many in one transaction: the rows are locked (submissions, then
 * their enterprises, then the zone-quarter sums, each in key order, so concurrent batches never
 * deadlock), the domain decides each in order of receipt, and verdicts, supersessions and sums are
 * written together. A submission no longer `received` is left alone, so a job run twice changes nothing.
 */
@Injectable()
export class ReportVerdicts {
  private readonly logger = new Logger(ReportVerdicts.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly minimumWages: MinimumWages,
  ) {}

  async decide(submissionIds: readonly string[]): Promise<Map<string, Decision>> {
    const minimumWages = await this.minimumWages.current();
    return this.db.transaction(async (tx) => {
      const decisions = new Map<string, Decision>(submissionIds.map((id) => [id, 'already-processed']));
      const pending: Row[] = await tx.query(
        `SELECT s.*, ${receiptKeySql('s')} AS receipt_key FROM report_submissions s
         WHERE s.id = ANY($1::uuid[]) AND s.status = 'received' ORDER BY s.id FOR UPDATE`, [submissionIds],
      );
      if (pending.length === 0) return decisions;
      const taxCodes = [...new Set(pending.map((s) => s.tax_code))].sort();
      const quarterKeys = [...new Set(pending.map((s) => `${s.tax_code}/${s.period}`))];
      const [registry, locks, history]: [RegistryRow[], LockInterval[], Row[]] = [
        await tx.query(
          `SELECT e.tax_code, e.zone_code, e.operating_from, e.operating_until, z.wage_region
           FROM enterprises e JOIN zones z ON z.code = e.zone_code WHERE e.tax_code = ANY($1) ORDER BY e.tax_code FOR UPDATE OF e`,
          [taxCodes],
        ),
        await tx.query(
          'SELECT period, zone_code AS "zoneCode", locked_at AS "lockedAt", unlocked_at AS "unlockedAt" FROM period_locks WHERE period = ANY($1)',
          [[...new Set(pending.map((s) => s.period))]],
        ),
        await tx.query(
          `SELECT r.*, ${receiptKeySql('r')} AS receipt_key FROM report_submissions r WHERE r.tax_code = ANY($1)
             AND (r.status = 'accepted' OR (r.revision IS NOT NULL AND r.tax_code || '/' || r.period = ANY($2)))`,
          [taxCodes, quarterKeys],
        ),
      ];
      const histories = new Map<string, EnterpriseHistory>(taxCodes.map((taxCode) => {
        const r = registry.find((e) => e.tax_code === taxCode);
        return [taxCode, {
          taxCode,
          registry: r ? { zoneCode: r.zone_code, operatingFrom: r.operating_from, operatingUntil: r.operating_until, wageRegion: Number(r.wage_region) as WageRegion } : null,
          revisions: history.filter((h) => h.tax_code === taxCode).map(decidedRevision),
        }];
      }));

      const verdicts = new Map<string, Verdict>();
      const deltas: AggregateDelta[] = [];
      const superseded = new Set<string>();
      for (const s of [...pending].sort((a, b) => (a.receipt_key < b.receipt_key ? -1 : 1))) {
        // The enterprise's zone when the report arrived (stored at intake), else as registered now.
        const zoneAtReceipt = s.zone_code ?? histories.get(s.tax_code)!.registry?.zoneCode ?? null;
        const submission: PendingSubmission = {
          id: s.id, period: s.period, receivedAt: s.received_at, receiptKey: s.receipt_key, filer: s.filer_role === 'enterprise' ? 'enterprise' : 'board',
          lockedAtReceipt: lockedAtInstant(locks, s.period, zoneAtReceipt, s.received_at), zoneCode: s.zone_code, figures: figuresFromRow(s),
        };
        const outcome = this.judge(submission, histories.get(s.tax_code)!, minimumWages);
        histories.set(s.tax_code, outcome.history);
        verdicts.set(s.id, outcome.verdict);
        deltas.push(...outcome.deltas);
        if (outcome.supersedes) superseded.add(outcome.supersedes);
      }
      // A revision accepted and superseded within this batch ends superseded.
      for (const id of superseded) {
        const v = verdicts.get(id);
        if (v) verdicts.set(id, { ...v, status: 'superseded' });
      }
      const earlier = [...superseded].filter((id) => !verdicts.has(id));
      if (earlier.length > 0) await tx.query(`UPDATE report_submissions SET status = 'superseded' WHERE id = ANY($1::uuid[])`, [earlier]);
      await this.recordVerdicts(tx, verdicts);
      await this.applyDeltas(tx, mergeDeltas(deltas));
      for (const [id, v] of verdicts) decisions.set(id, v.status);
      return decisions;
    });
  }

  /** A submission whose judging throws is rejected rather than failing its whole batch again on every attempt. */
  private judge(s: PendingSubmission, h: EnterpriseHistory, minimumWages: Parameters<typeof decideSubmission>[2]): VerdictOutcome {
    try {
      return decideSubmission(s, h, minimumWages);
    } catch (error) {
      this.logger.error(`submission ${s.id} could not be judged and is rejected: ${(error as Error).stack ?? String(error)}`);
      return cannotJudge(s, h);
    }
  }

  private async recordVerdicts(tx: EntityManager, verdicts: Map<string, Verdict>): Promise<void> {
    const list = [...verdicts].sort(([a], [b]) => a.localeCompare(b));
    await tx.query(
      `UPDATE report_submissions r SET status = v.status, revision = v.revision, late = v.late, issues = v.issues::jsonb,
         warning_count = v.warning_count, zone_code = v.zone_code, processed_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::boolean[], $5::text[], $6::int[], $7::text[])
         AS v(id, status, revision, late, issues, warning_count, zone_code)
       WHERE r.id = v.id`,
      [
        list.map(([id]) => id), list.map(([, v]) => v.status), list.map(([, v]) => v.revision), list.map(([, v]) => v.late),
        list.map(([, v]) => JSON.stringify(v.issues)), list.map(([, v]) => v.warningCount), list.map(([, v]) => v.zoneCode),
      ],
    );
  }

  private async applyDeltas(tx: EntityManager, deltas: AggregateDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const key = (d: AggregateDelta) => `${d.zoneCode}\u0000${d.period}\u0000${d.nextPeriod}`;
    const sorted = [...deltas].sort((a, b) => key(a).localeCompare(key(b)));
    const upsert = aggregateUpsert(sorted);
    await tx.query(upsert.sql, upsert.params);
    await tx.query(
      `DELETE FROM zone_quarter_aggregates WHERE reports = 0
         AND (zone_code, period, next_period) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
      [sorted.map((d) => d.zoneCode), sorted.map((d) => d.period), sorted.map((d) => d.nextPeriod)],
    );
  }
}
