import type { ReportIssue, SummaryJson } from '@app/domain';
import type { WorkbookLanguage } from './labels';

// Plain data in the shapes of the API's JSON, so the api (per request) and the worker (monthly
// publications) can both hand over what they already have, without services.

export type FilingState = 'on_time' | 'late' | 'missing';

/** `GET /v1/periods/{quarter}/filing-status`. */
export interface FilingStatusJson {
  readonly period: string;
  readonly items: ReadonlyArray<{
    readonly taxCode: string;
    readonly name: string;
    readonly zoneCode: string;
    readonly status: FilingState;
    readonly reportId?: string | null;
    readonly receivedAt?: string | null;
  }>;
  readonly counts: { readonly expected: number; readonly onTime: number; readonly late: number; readonly missing: number };
}

export type WarningJson = Pick<ReportIssue, 'code' | 'field' | 'message' | 'details'>;

/** An item of `GET /v1/follow-ups`: an accepted report with warnings. */
export interface FollowUpJson {
  readonly reportId: string;
  readonly taxCode: string;
  readonly enterpriseName: string;
  readonly zoneCode: string;
  readonly period: string;
  readonly warnings: readonly WarningJson[];
}

export interface SummaryWorkbookInput {
  /**
   * `GET /v1/summaries`: money as strings of digits, and when the figures were read. Without totals for a
   * reader given some zones only (a subscriber of one zone), whose total rows would otherwise be someone's.
   * Zones and totals that carry `withheld` (published figures after disclosure control) get a column naming them.
   */
  readonly summary: Omit<SummaryJson, 'totals'> & { readonly totals?: SummaryJson['totals']; readonly asOf: string };
  /** The filing status of one quarter, usually the period's last. */
  readonly filingStatus?: FilingStatusJson;
  /** Reports whose warnings remain to be followed up; read once, page by page if need be. */
  readonly followUps?: Iterable<FollowUpJson> | AsyncIterable<FollowUpJson>;
  /** Vietnamese (the default) with a second, English header row, or English only. */
  readonly language?: WorkbookLanguage;
}
