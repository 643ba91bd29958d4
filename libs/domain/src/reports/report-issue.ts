// Errors reject a submission; warnings accept it and flag it for the board's follow-up.
export type IssueSeverity = 'error' | 'warning';

export type IssueCode =
  | 'UNKNOWN_ENTERPRISE'
  | 'ENTERPRISE_NOT_OPERATING'
  | 'PERIOD_NOT_ENDED'
  | 'PERIOD_LOCKED'
  | 'PART_EXCEEDS_TOTAL'
  | 'WAGES_WITHOUT_WORKERS'
  | 'WORKERS_WITHOUT_WAGES'
  | 'BELOW_MINIMUM_WAGE'
  | 'OUTLIER_CHANGE'
  | 'CONSTANT_ABOVE_CURRENT'
  | 'LATE'
  // A stored submission the rules cannot judge (data from before the limits, or a failure while judging).
  | 'INVALID_PERIOD'
  | 'FIGURE_OUT_OF_RANGE'
  | 'NOT_JUDGEABLE';

export interface ReportIssue {
  readonly code: IssueCode;
  readonly severity: IssueSeverity;
  /** JSON path of the offending field, e.g. 'employment.femaleWorkers' */
  readonly field?: string;
  readonly message: string;
  /** the triggering figures: money as bigint strings, counts as numbers */
  readonly details?: Readonly<Record<string, string | number | null>>;
}

export const ISSUE_SEVERITY: Readonly<Record<IssueCode, IssueSeverity>> = {
  UNKNOWN_ENTERPRISE: 'error',
  ENTERPRISE_NOT_OPERATING: 'error',
  PERIOD_NOT_ENDED: 'error',
  PERIOD_LOCKED: 'error',
  PART_EXCEEDS_TOTAL: 'error',
  WAGES_WITHOUT_WORKERS: 'error',
  WORKERS_WITHOUT_WAGES: 'error',
  BELOW_MINIMUM_WAGE: 'warning',
  OUTLIER_CHANGE: 'warning',
  CONSTANT_ABOVE_CURRENT: 'warning',
  LATE: 'warning',
  INVALID_PERIOD: 'error',
  FIGURE_OUT_OF_RANGE: 'error',
  NOT_JUDGEABLE: 'error',
};

export function reportIssue(code: IssueCode, field: string | undefined, message: string, details?: ReportIssue['details']): ReportIssue {
  return { code, severity: ISSUE_SEVERITY[code], ...(field !== undefined && { field }), message, ...(details && { details }) };
}

export function hasErrors(issues: readonly ReportIssue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
