import { NO_NEXT_PERIOD } from '../aggregation/quarter-sums';
import { ReportFigures } from '../reports/report-figures';
import { MinimumWageEntry } from '../wages/minimum-wage';
import { EnterpriseHistory } from './enterprise-history';
import { cannotJudge, decideSubmission, PendingSubmission } from './submission-verdict';

const wages: MinimumWageEntry[] = [{ effectiveFrom: '2024-07-01', region: 2, monthly: 4_410_000n }];
const figures = (grossOutput: bigint, workers = 10): ReportFigures => ({
  grossOutput,
  grossOutputConstant2010: null,
  revenue: grossOutput,
  exportValueUsd: null,
  importValueUsd: null,
  stateBudgetPaid: null,
  realizedCapital: null,
  workers,
  femaleWorkers: null,
  foreignWorkers: null,
  localWorkers: null,
  averageWorkers: null,
  wageFund: BigInt(workers) * 3n * 6_000_000n,
});
const empty: EnterpriseHistory = {
  taxCode: '5300000001',
  registry: {
    zoneCode: 'BDH',
    operatingFrom: '2020-01-01',
    operatingUntil: null,
    wageRegion: 2,
    ownership: { initial: 'domestic', changes: [] },
  },
  revisions: [],
};
let seq = 0;
const pending = (period: string, receivedAt: string, f = figures(100n)): PendingSubmission => ({
  id: `s${++seq}`,
  period,
  receivedAt: new Date(receivedAt),
  receiptKey: `${new Date(receivedAt).toISOString()}/${seq}`,
  filer: 'board',
  lockedAtReceipt: false,
  zoneCode: 'BDH',
  figures: f,
});

describe('decideSubmission', () => {
  it('accepts a first filing as revision 1, on time before the due instant', () => {
    const o = decideSubmission(pending('2025-Q2', '2025-07-09T10:00:00+07:00'), empty, wages);
    expect(o.verdict).toMatchObject({ status: 'accepted', revision: 1, late: false, zoneCode: 'BDH' });
    expect(o.deltas.map((d) => [d.period, d.nextPeriod, d.change.reports])).toEqual([['2025-Q2', NO_NEXT_PERIOD, 1]]);
  });

  it('makes an amendment current, supersedes the old revision and keeps timeliness of the first', () => {
    const first = decideSubmission(pending('2025-Q2', '2025-07-09T10:00:00+07:00'), empty, wages);
    const amendment = pending('2025-Q2', '2025-08-01T10:00:00+07:00', figures(150n));
    const o = decideSubmission(amendment, first.history, wages);
    expect(o.verdict).toMatchObject({ status: 'accepted', revision: 2, late: false });
    expect(o.supersedes).toBe(first.history.revisions[0].id);
    expect(o.supersededBy).toBeNull();
    expect(o.deltas.map((d) => [d.change.reports, d.change.sums.grossOutput])).toEqual([[0, 50n]]);
  });

  it('keeps an earlier-received revision that finishes after a later one, without making it current', () => {
    const later = decideSubmission(pending('2025-Q2', '2025-08-01T10:00:00+07:00', figures(150n)), empty, wages);
    const o = decideSubmission(pending('2025-Q2', '2025-07-09T10:00:00+07:00'), later.history, wages);
    expect(o.verdict).toMatchObject({ status: 'superseded', revision: 2 });
    expect(o.supersedes).toBeNull();
    // The verdict names the revision that stays current over it: the fact the audit log reads.
    expect(o.supersededBy).toBe(later.history.revisions[0].id);
    expect(o.deltas).toEqual([]);
  });

  it("puts each report in its quarter's block, and moves the previous report within its own block", () => {
    // Taken over by a foreign investor on 2025-05-15: Q1 ends domestic, Q2 ends foreign.
    const takenOver: EnterpriseHistory = {
      ...empty,
      registry: { ...empty.registry!, ownership: { initial: 'domestic', changes: [{ from: '2025-05-15', ownership: 'foreign' }] } },
    };
    const q1 = decideSubmission(pending('2025-Q1', '2025-04-09T10:00:00+07:00'), takenOver, wages);
    expect(q1.deltas.map((d) => [d.period, d.nextPeriod, d.ownership, d.change.reports])).toEqual([
      ['2025-Q1', NO_NEXT_PERIOD, 'domestic', 1],
    ]);
    const q2 = decideSubmission(pending('2025-Q2', '2025-07-09T10:00:00+07:00'), q1.history, wages);
    expect(q2.deltas.map((d) => [d.period, d.nextPeriod, d.ownership, d.change.reports]).sort()).toEqual([
      ['2025-Q1', '2025-Q2', 'domestic', 1],
      ['2025-Q1', NO_NEXT_PERIOD, 'domestic', -1],
      ['2025-Q2', NO_NEXT_PERIOD, 'foreign', 1],
    ]);
  });

  it('rejects an unknown enterprise and an error without touching the sums', () => {
    const unknown = decideSubmission(pending('2025-Q2', '2025-07-09T10:00:00+07:00'), { ...empty, registry: null }, wages);
    expect(unknown.verdict).toMatchObject({ status: 'rejected', revision: null });
    expect(unknown.verdict.issues.map((i) => i.code)).toContain('UNKNOWN_ENTERPRISE');
    const bad = decideSubmission(pending('2025-Q2', '2025-07-09T10:00:00+07:00', { ...figures(1n), femaleWorkers: 11 }), empty, wages);
    expect(bad.verdict.status).toBe('rejected');
    expect(bad.deltas).toEqual([]);
  });

  it('compares with the previous quarter decided earlier in the same batch', () => {
    const q1 = decideSubmission(pending('2025-Q1', '2025-04-09T10:00:00+07:00', figures(100n)), empty, wages);
    const q2 = decideSubmission(pending('2025-Q2', '2025-07-09T10:00:00+07:00', figures(300n)), q1.history, wages);
    expect(q2.verdict.issues.map((i) => i.code)).toContain('OUTLIER_CHANGE');
    expect(q2.deltas.map((d) => [d.period, d.nextPeriod, d.change.reports])).toEqual([
      ['2025-Q2', NO_NEXT_PERIOD, 1],
      ['2025-Q1', NO_NEXT_PERIOD, -1],
      ['2025-Q1', '2025-Q2', 1],
    ]);
  });

  it('rejects a stored submission it cannot judge, with an issue instead of failing: a period or a figure out of range', () => {
    for (const period of ['0000-Q1', '1999-Q4', '2025-Q7', '']) {
      const o = decideSubmission(pending(period, '2025-07-09T10:00:00+07:00'), empty, wages);
      expect(o.verdict).toMatchObject({ status: 'rejected', revision: null, late: null, zoneCode: 'BDH' });
      expect(o.verdict.issues).toEqual([
        expect.objectContaining({
          code: 'INVALID_PERIOD',
          field: 'period',
          severity: 'error',
          message: expect.stringContaining('2000-Q1 to 2099-Q4'),
        }),
      ]);
      expect(o.deltas).toEqual([]);
    }
    const huge = decideSubmission(pending('2025-Q2', '2025-07-09T10:00:00+07:00', figures(9_223_372_036_854_775_807n)), empty, wages);
    expect(huge.verdict.status).toBe('rejected');
    expect(huge.verdict.issues.map((i) => [i.code, i.field])).toEqual([
      ['FIGURE_OUT_OF_RANGE', 'production.grossOutput'],
      ['FIGURE_OUT_OF_RANGE', 'production.revenue'],
    ]);
  });

  it('compares with the quarters before the first one without parsing them (a report of 2000-Q1)', () => {
    const history: EnterpriseHistory = { ...empty, registry: { ...empty.registry!, operatingFrom: '1995-01-01' } };
    const o = decideSubmission(pending('2000-Q1', '2000-04-09T10:00:00+07:00'), history, wages);
    expect(o.verdict).toMatchObject({ status: 'accepted', revision: 1 });
  });

  it('rejects a submission whose judging failed, keeping the history as it was', () => {
    const s = pending('2025-Q2', '2025-07-09T10:00:00+07:00');
    const o = cannotJudge(s, empty);
    expect(o).toEqual({
      verdict: {
        status: 'rejected',
        revision: null,
        late: null,
        issues: [expect.objectContaining({ code: 'NOT_JUDGEABLE', severity: 'error' })],
        warningCount: 0,
        zoneCode: 'BDH',
      },
      supersedes: null,
      supersededBy: null,
      deltas: [],
      history: empty,
    });
  });
});
