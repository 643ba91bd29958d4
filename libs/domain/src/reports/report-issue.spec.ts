import { hasErrors, ISSUE_SEVERITY, ReportIssue } from './report-issue';

const issue = (code: ReportIssue['code']): ReportIssue => ({ code, severity: ISSUE_SEVERITY[code], message: code });

describe('report issues', () => {
  it('classifies rejecting and flagging codes as in the validation table', () => {
    const errors = Object.entries(ISSUE_SEVERITY)
      .filter(([, s]) => s === 'error')
      .map(([code]) => code);
    expect(errors.sort()).toEqual([
      'ENTERPRISE_NOT_OPERATING',
      'FIGURE_OUT_OF_RANGE',
      'INVALID_PERIOD',
      'NOT_JUDGEABLE',
      'PART_EXCEEDS_TOTAL',
      'PERIOD_LOCKED',
      'PERIOD_NOT_ENDED',
      'UNKNOWN_ENTERPRISE',
      'WAGES_WITHOUT_WORKERS',
      'WORKERS_WITHOUT_WAGES',
    ]);
    const warnings = Object.entries(ISSUE_SEVERITY)
      .filter(([, s]) => s === 'warning')
      .map(([code]) => code);
    expect(warnings.sort()).toEqual(['BELOW_MINIMUM_WAGE', 'CONSTANT_ABOVE_CURRENT', 'LATE', 'OUTLIER_CHANGE']);
  });

  it('rejects when any issue is an error', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors([issue('LATE'), issue('OUTLIER_CHANGE')])).toBe(false);
    expect(hasErrors([issue('LATE'), issue('PERIOD_LOCKED')])).toBe(true);
  });
});
