import { SummaryFigures, toLocalIso, ZoneSummary } from '@app/domain';

type Json<T> = { [K in keyof T]: T[K] extends bigint | null ? string | null : T[K] };

/** Money as strings of digits (exact beyond 2^53); everything else unchanged. */
export function figuresView<T extends SummaryFigures | ZoneSummary>(f: T): Json<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) out[k] = typeof v === 'bigint' ? v.toString() : v;
  return out as Json<T>;
}

export function asOfNow(): string {
  return toLocalIso(new Date());
}
