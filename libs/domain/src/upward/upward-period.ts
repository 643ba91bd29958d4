import { PeriodError, PeriodSpec, parsePeriod, periodRange } from '../periods/period-spec';
import { QUARTER_RANGE } from '../periods/quarter-range';

const HALF_YEAR = /^(\d{4})-H1$/;

/**
 * The period of the board's report to the ministry: a quarter `YYYY-Qn`, the first six months `YYYY-H1`
 * (Q1..Q2, as the half-yearly reports are due in June) or a year `YYYY`. Anything else is a PeriodError
 * on `period` that names the text.
 */
export function parseUpwardPeriod(text: string): PeriodSpec {
  const invalid = () =>
    new PeriodError(
      'period',
      'INVALID_PERIOD',
      `period must be a quarter YYYY-Qn, the first half YYYY-H1 or a year YYYY from ${QUARTER_RANGE.text}, got "${text}"`,
    );
  const half = HALF_YEAR.exec(text);
  try {
    return half ? periodRange(`${half[1]}-Q1`, `${half[1]}-Q2`) : parsePeriod(text);
  } catch (e) {
    if (e instanceof PeriodError) throw invalid();
    throw e;
  }
}
