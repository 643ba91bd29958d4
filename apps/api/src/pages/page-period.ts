import type { FastifyRequest } from 'fastify';
import { formatQuarter, latestQuarterPastDue, parsePeriod, PeriodError, PeriodSpec } from '@app/domain';

/** What `read` makes of a page's query, or null when the query is not a period (the page says so, 422). */
export function periodOrNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof PeriodError) return null;
    throw error;
  }
}

/** `?period=` as given, or the latest quarter past its due date; null when it is not a period. */
export function pagePeriod(request: FastifyRequest): { text: string; spec: PeriodSpec } | null {
  const asked = (request.query as Record<string, string | undefined>).period;
  const text = asked === undefined || asked === '' ? formatQuarter(latestQuarterPastDue(new Date())) : asked;
  return periodOrNull(() => ({ text, spec: parsePeriod(text) }));
}
