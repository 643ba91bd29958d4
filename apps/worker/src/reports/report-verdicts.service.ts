import { Injectable, Logger } from '@nestjs/common';
import {
  EnterprisesRepository,
  PeriodLocksRepository,
  ReportSubmissionsRepository,
  Transactions,
  VerdictRecord,
  ZoneQuarterSumsRepository,
} from '@app/database';
import {
  AggregateDelta,
  cannotJudge,
  decideSubmission,
  EnterpriseHistory,
  lockedAtInstant,
  mergeDeltas,
  PendingSubmission,
  Verdict,
  VerdictOutcome,
} from '@app/domain';
import { MinimumWages } from '../reference/minimum-wages.service';

export type Decision = Verdict['status'] | 'already-processed';

/**
 * Decides on received submissions, many in one transaction: the rows are locked (submissions, then
 * their enterprises, then the zone-quarter sums, each in key order, so concurrent batches never
 * deadlock), the domain decides each in order of receipt, and verdicts, supersessions (with the
 * revision that took the place of each) and sums are written together. A submission no longer
 * `received` is left alone, so a job run twice changes nothing.
 */
@Injectable()
export class ReportVerdicts {
  private readonly logger = new Logger(ReportVerdicts.name);

  constructor(
    private readonly db: Transactions,
    private readonly submissions: ReportSubmissionsRepository,
    private readonly enterprises: EnterprisesRepository,
    private readonly locks: PeriodLocksRepository,
    private readonly sums: ZoneQuarterSumsRepository,
    private readonly minimumWages: MinimumWages,
  ) {}

  async decide(submissionIds: readonly string[]): Promise<Map<string, Decision>> {
    const minimumWages = await this.minimumWages.current();
    return this.db.run(async (tx) => {
      const decisions = new Map<string, Decision>(submissionIds.map((id) => [id, 'already-processed']));
      const pending = await this.submissions.lockReceived(submissionIds, tx);
      if (pending.length === 0) return decisions;
      const taxCodes = [...new Set(pending.map((s) => s.taxCode))].sort();
      const quarterKeys = [...new Set(pending.map((s) => `${s.taxCode}/${s.period}`))];
      const registry = await this.enterprises.lockForVerdicts(taxCodes, tx);
      const locks = await this.locks.inPeriods([...new Set(pending.map((s) => s.period))], tx);
      const history = await this.submissions.decidedHistory(taxCodes, quarterKeys, tx);
      const histories = new Map<string, EnterpriseHistory>(
        taxCodes.map((taxCode) => [
          taxCode,
          {
            taxCode,
            registry: registry.get(taxCode) ?? null,
            revisions: history.filter((h) => h.taxCode === taxCode),
          },
        ]),
      );

      const verdicts = new Map<string, Verdict>();
      const deltas: AggregateDelta[] = [];
      // Each revision superseded by this batch, and the revision that took its place.
      const supersededBy = new Map<string, string>();
      for (const s of [...pending].sort((a, b) => (a.receiptKey < b.receiptKey ? -1 : 1))) {
        // The enterprise's zone when the report arrived (stored at intake), else as registered now.
        const zoneAtReceipt = s.zoneCode ?? histories.get(s.taxCode)!.registry?.zoneCode ?? null;
        const submission: PendingSubmission = {
          id: s.id,
          period: s.period,
          receivedAt: s.receivedAt,
          receiptKey: s.receiptKey,
          filer: s.filerRole === 'enterprise' ? 'enterprise' : 'board',
          lockedAtReceipt: lockedAtInstant(locks, s.period, zoneAtReceipt, s.receivedAt),
          zoneCode: s.zoneCode,
          figures: s.figures,
        };
        const outcome = this.judge(submission, histories.get(s.taxCode)!, minimumWages);
        histories.set(s.taxCode, outcome.history);
        verdicts.set(s.id, outcome.verdict);
        deltas.push(...outcome.deltas);
        if (outcome.supersedes) supersededBy.set(outcome.supersedes, s.id);
        if (outcome.supersededBy) supersededBy.set(s.id, outcome.supersededBy);
      }
      // A revision accepted and superseded within this batch ends superseded.
      const records: VerdictRecord[] = [...verdicts].map(([id, v]) => {
        const by = supersededBy.get(id) ?? null;
        return { id, verdict: by === null ? v : { ...v, status: 'superseded' }, supersededBy: by };
      });
      await this.submissions.supersede(new Map([...supersededBy].filter(([id]) => !verdicts.has(id))), tx);
      await this.submissions.recordVerdicts(records, tx);
      await this.sums.apply(mergeDeltas(deltas), tx);
      for (const r of records) decisions.set(r.id, r.verdict.status);
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
}
