import { quarterOfInstant, formatQuarter } from '@app/domain';
import type { PlainCell } from './cell-value';

const TAX_CODE_DIGITS = 10;

/**
 * A tax code cell as text. Excel turns a typed 0123456789 into the number 123456789: a number is
 * padded back to ten digits (every tax code has ten, the first two name the province).
 */
export function taxCodeCellValue(cell: PlainCell): unknown {
  if (typeof cell === 'number' && Number.isSafeInteger(cell) && cell >= 0) return String(cell).padStart(TAX_CODE_DIGITS, '0');
  return typeof cell === 'string' ? cell.trim() : cell;
}

const ROMAN: Record<string, string> = { I: '1', II: '2', III: '3', IV: '4' };
const ISO_QUARTER = /^(\d{4})\s*-\s*Q([1-4])$/;
// "Q3/2025", "Q3-2025", "Quý 3/2025", "Quý III năm 2025": how Vietnamese forms write a quarter.
const LOCAL_QUARTER = /^(?:Q|QUÝ)\s*([1-4]|I{1,3}|IV)\s*(?:[/-]|NĂM)\s*(\d{4})$/;

/**
 * A period cell as `YYYY-Qn`. Quarters written the Vietnamese way are understood; a date stands for
 * the quarter it falls in (a cell typed as the quarter's last day, for instance). Anything else is
 * passed on for the report validation to refuse as INVALID_PERIOD.
 */
export function periodCellValue(cell: PlainCell): unknown {
  if (cell instanceof Date) return formatQuarter(quarterOfInstant(wallClockInstant(cell)));
  if (typeof cell !== 'string') return cell;
  const text = cell.trim().toUpperCase().replace(/\s+/g, ' ');
  const iso = ISO_QUARTER.exec(text);
  if (iso) return `${iso[1]}-Q${iso[2]}`;
  const local = LOCAL_QUARTER.exec(text);
  if (local) return `${local[2]}-Q${ROMAN[local[1]] ?? local[1]}`;
  return cell.trim();
}

// dd/mm/yyyy with an optional hh:mm[:ss], as dates are typed in Vietnam.
const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A paper form's receipt stamp as an ISO instant in Vietnam time. Spreadsheet dates carry no time zone:
 * the wall-clock time in the cell is read as Vietnam time. Text already in ISO form is passed on as is.
 */
export function instantCellValue(cell: PlainCell): unknown {
  if (cell instanceof Date) return localIso(cell);
  if (typeof cell !== 'string') return cell;
  const text = cell.trim();
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const [day, month, year, hour, minute, second] = dmy.slice(1).map((part) => Number(part ?? 0));
    const wallClock = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    // Date.UTC rolls 31/02 over into March: a date that does not exist is passed on and refused.
    return wallClock.getUTCDate() === day && wallClock.getUTCMonth() === month - 1 ? localIso(wallClock) : text;
  }
  return ISO_DAY.test(text) ? `${text}T00:00:00+07:00` : text;
}

/** A spreadsheet date (wall-clock time stored as UTC) as the instant it means in Vietnam. */
function wallClockInstant(cell: Date): Date {
  return new Date(cell.getTime() - 7 * 60 * 60 * 1000);
}

function localIso(wallClock: Date): string {
  return wallClock.toISOString().replace(/\.\d{3}Z$/, '+07:00');
}
