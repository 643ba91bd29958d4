import { AggregateDelta, acceptanceDeltas, Contribution } from '../aggregation/aggregate-moves';
import { reportContribution } from '../aggregation/report-contribution';
import { isLate } from '../periods/due-date';
import { addQuarters, formatQuarter, parseQuarter, Quarter } from '../periods/quarter';
import { QUARTER_RANGE } from '../periods/quarter-range';
import { ownershipInQuarter, OwnershipHistory } from '../registry/ownership-history';
import { figureLimitIssues } from '../reports/figure-limits';
import { ReportFigures } from '../reports/report-figures';
import { hasErrors, reportIssue, ReportIssue } from '../reports/report-issue';
import { ComparableReport, evaluateReport, FilerKind } from '../reports/report-rules';
import { MinimumWageEntry } from '../wages/minimum-wage';
import { DecidedRevision, EnterpriseHistory } from './enterprise-history';

/** A received submission awaiting its verdict. */
export interface PendingSubmission {
  readonly id: string;
  readonly period: string;
  readonly receivedAt: Date;
  /** Sorts submissions in exact order of receipt. */
  readonly receiptKey: string;
  readonly filer: FilerKind;
  readonly lockedAtReceipt: boolean;
  readonly zoneCode: string | null;
  readonly figures: ReportFigures;
}

export interface Verdict {
  readonly status: 'accepted' | 'rejected' | 'superseded';
  readonly revision: number | null;
  readonly late: boolean | null;
  readonly issues: ReportIssue[];
  readonly warningCount: number;
  readonly zoneCode: string | null;
}

export interface VerdictOutcome {
  readonly verdict: Verdict;
  /** The revision this one replaces as current, if any. */
  readonly supersedes: string | null;
  /** The revision that stays current over this one, accepted but received before it (jobs finished out of order). */
  readonly supersededBy: string | null;
  /** Changes to the zone-quarter sums. */
  readonly deltas: AggregateDelta[];
  /** The enterprise's history after this verdict, for the next submission decided in the same batch. */
  readonly history: EnterpriseHistory;
}

const warningsIn = (issues: readonly ReportIssue[]) => issues.filter((i) => i.severity === 'warning').length;

/** A revision's place in the sums: its zone, its quarter, and the block the enterprise ended that quarter in. */
function contributionOf(r: DecidedRevision, ownership: OwnershipHistory): Contribution {
  return {
    zoneCode: r.zoneCode,
    period: r.period,
    ownership: ownershipInQuarter(ownership, r.period),
    sums: reportContribution(r.figures, !r.late, r.warningCount > 0),
  };
}

/**
 * The verdict on one submission: the rules, then, if accepted, its revision number, whether it becomes
 * current (a later-received revision already current keeps its place), what it supersedes and how
 * the zone-quarter sums change. Pure: the worker loads the history and writes the outcome.
 */
export function decideSubmission(s: PendingSubmission, h: EnterpriseHistory, minimumWages: readonly MinimumWageEntry[]): VerdictOutcome {
  const quarter = parseQuarter(s.period);
  // The api refuses both; a stored row may still hold them (older data, a manual fix): rejected, never a failed job.
  if (quarter === null) {
    return rejected(s, h, [
      reportIssue('INVALID_PERIOD', 'period', `The period "${s.period}" is not a quarter from ${QUARTER_RANGE.text}.`),
    ]);
  }
  const outOfRange = figureLimitIssues(s.figures);
  if (outOfRange.length > 0) return rejected(s, h, outOfRange);
  const currentOf = (period: string) => h.revisions.find((r) => r.status === 'accepted' && r.period === period) ?? null;
  const comparable = (q: Quarter): ComparableReport | null => {
    const r = currentOf(formatQuarter(q));
    return r ? { period: q, grossOutput: r.figures.grossOutput, workers: r.figures.workers } : null;
  };
  const ofQuarter = h.revisions.filter((r) => r.period === s.period);
  const firstReceivedAt = new Date(Math.min(s.receivedAt.getTime(), ...ofQuarter.map((r) => r.receivedAt.getTime())));
  const issues = evaluateReport(s.figures, {
    period: quarter,
    receivedAt: s.receivedAt,
    filer: s.filer,
    enterprise: h.registry,
    periodLockedAtReceipt: s.lockedAtReceipt,
    firstReceivedAt,
    previousQuarter: comparable(addQuarters(quarter, -1)),
    sameQuarterLastYear: comparable(addQuarters(quarter, -4)),
    minimumWages,
  });
  const warningCount = warningsIn(issues);
  if (!h.registry || hasErrors(issues)) return rejected(s, h, issues);

  const late = isLate(firstReceivedAt, quarter);
  const revision = Math.max(0, ...ofQuarter.map((r) => r.revision)) + 1;
  const current = currentOf(s.period);
  const decided: DecidedRevision = {
    id: s.id,
    period: s.period,
    zoneCode: h.registry.zoneCode,
    receivedAt: s.receivedAt,
    receiptKey: s.receiptKey,
    status: 'accepted',
    revision,
    late,
    warningCount,
    figures: s.figures,
  };
  // Jobs may finish out of order: a revision received before the current one is kept, not made current.
  if (current && current.receiptKey > s.receiptKey) {
    const kept = { ...decided, status: 'superseded' as const };
    return {
      verdict: { ...verdictOf(kept), issues },
      supersedes: null,
      supersededBy: current.id,
      deltas: [],
      history: { ...h, revisions: [...h.revisions, kept] },
    };
  }
  const accepted = h.revisions.filter((r) => r.status === 'accepted');
  const later = accepted
    .filter((r) => r.period > s.period)
    .map((r) => r.period)
    .sort();
  const earlier = accepted.filter((r) => r.period < s.period).sort((a, b) => (a.period < b.period ? 1 : -1));
  const deltas = acceptanceDeltas({
    accepted: contributionOf(decided, h.registry.ownership),
    replaced: current ? contributionOf(current, h.registry.ownership) : null,
    previous: earlier[0] ? contributionOf(earlier[0], h.registry.ownership) : null,
    nextPeriod: later[0] ?? null,
  });
  const revisions = h.revisions.map((r) => (r === current ? { ...r, status: 'superseded' as const } : r));
  return {
    verdict: { ...verdictOf(decided), issues },
    supersedes: current?.id ?? null,
    supersededBy: null,
    deltas,
    history: { ...h, revisions: [...revisions, decided] },
  };
}

/** The verdict on a submission whose judging failed unexpectedly: rejected, so that it is not left undecided. */
export function cannotJudge(s: PendingSubmission, h: EnterpriseHistory): VerdictOutcome {
  return rejected(s, h, [
    reportIssue('NOT_JUDGEABLE', undefined, 'The report could not be judged (the failure was logged); file it again, or ask the board.'),
  ]);
}

function rejected(s: PendingSubmission, h: EnterpriseHistory, issues: ReportIssue[]): VerdictOutcome {
  return {
    verdict: {
      status: 'rejected',
      revision: null,
      late: null,
      issues,
      warningCount: warningsIn(issues),
      zoneCode: h.registry?.zoneCode ?? s.zoneCode,
    },
    supersedes: null,
    supersededBy: null,
    deltas: [],
    history: h,
  };
}

function verdictOf(r: DecidedRevision): Omit<Verdict, 'issues'> {
  return { status: r.status, revision: r.revision, late: r.late, warningCount: r.warningCount, zoneCode: r.zoneCode };
}
