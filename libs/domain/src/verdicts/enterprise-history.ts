import { ReportFigures } from '../reports/report-figures';
import { OwnershipHistory } from '../registry/ownership-history';
import { RegisteredEnterprise } from '../reports/report-rules';

/** A revision already decided and stored: the current one of its quarter, or an earlier accepted one. */
export interface DecidedRevision {
  readonly id: string;
  readonly period: string;
  readonly zoneCode: string;
  readonly receivedAt: Date;
  /** Sorts revisions in exact order of receipt (see the database's receipt key). */
  readonly receiptKey: string;
  readonly status: 'accepted' | 'superseded';
  readonly revision: number;
  readonly late: boolean;
  readonly warningCount: number;
  readonly figures: ReportFigures;
}

/**
 * What a verdict needs to know about one enterprise: its registry entry (null if unknown) and its
 * decided revisions: the current one of every quarter, plus every accepted revision of the quarters
 * being decided.
 */
export interface EnterpriseHistory {
  readonly taxCode: string;
  readonly registry: (RegisteredEnterprise & { readonly zoneCode: string; readonly ownership: OwnershipHistory }) | null;
  readonly revisions: readonly DecidedRevision[];
}
