import { Summary, summaryJson, toLocalIso } from '@app/domain';

export function asOfNow(): string {
  return toLocalIso(new Date());
}

/** `GET /v1/summaries`: money as strings of digits (exact beyond 2^53), and when the figures were read. */
export function summaryView(summary: Summary) {
  return { ...summaryJson(summary), asOf: asOfNow() };
}
