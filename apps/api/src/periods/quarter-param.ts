import { parseQuarter, Quarter, QUARTER_RANGE } from '@app/domain';
import { Problem } from '../common/problem';

/** A quarter from a path or query parameter; anything else is 422 naming `period`. */
export function quarterParam(period: string): Quarter {
  const quarter = parseQuarter(period);
  if (!quarter)
    throw Problem.field(
      422,
      'period',
      'INVALID_PERIOD',
      `period must be a quarter written YYYY-Qn from ${QUARTER_RANGE.text}, e.g. 2025-Q3`,
    );
  return quarter;
}
