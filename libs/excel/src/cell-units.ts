import { toLocalIso } from '@app/domain';
import { cellText } from './excel-text';
import { Label } from './labels';
import { scaledNumber } from '@app/domain';

/** A value as the API's JSON carries it: money and USD as strings of digits, counts and percentages as numbers. */
export type RawValue = string | number | null | undefined;
type CellContent = string | number | Date | null;

/** How a kind of figure is shown: the unit named in its header, its number format and the conversion into a cell. */
interface Unit {
  readonly suffix?: Label;
  readonly numFmt?: string;
  readonly cell: (value: string | number) => CellContent;
}

const millionDong = (decimals: number): Unit => ({
  suffix: { vi: 'triệu đồng', en: 'million VND' },
  numFmt: decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`,
  cell: (value) => scaledNumber(value, 6, decimals),
});

// Excel dates carry no time zone: an instant is shown as the wall-clock time in Vietnam, stored as if it were UTC.
const vietnamWallClock = (value: string | number): Date => new Date(toLocalIso(new Date(value)).replace('+07:00', 'Z'));

const UNITS = {
  text: { cell: (value) => cellText(String(value)) },
  count: { numFmt: '#,##0', cell: Number },
  people: { suffix: { vi: 'người', en: 'people' }, numFmt: '#,##0', cell: Number },
  percent: { suffix: { vi: '%', en: '%' }, numFmt: '0.00', cell: Number },
  millionDong: millionDong(0),
  // Wages per worker are a few million đồng: one decimal tells 6.2 from 6.4 million.
  millionDongTenths: millionDong(1),
  // Compared with a minimum wage such as 4.41 million, a tenth would round the difference away.
  millionDongHundredths: millionDong(2),
  thousandUsd: { suffix: { vi: 'nghìn USD', en: 'thousand USD' }, numFmt: '#,##0', cell: (value) => scaledNumber(value, 3, 0) },
  dateTime: { numFmt: 'dd/mm/yyyy hh:mm', cell: vietnamWallClock },
  projects: { suffix: { vi: 'dự án', en: 'projects' }, numFmt: '#,##0', cell: Number },
  zones: { suffix: { vi: 'khu', en: 'zones' }, numFmt: '#,##0', cell: Number },
  hectares: { suffix: { vi: 'ha', en: 'ha' }, numFmt: '#,##0.00', cell: Number },
  cubicMetresPerDay: { suffix: { vi: 'm³/ngày đêm', en: 'm³ a day' }, numFmt: '#,##0', cell: Number },
} satisfies Record<string, Unit>;

export type UnitName = keyof typeof UNITS;

/** Null and undefined ("not reported") stay empty cells, never 0. */
export function cellContent(unit: UnitName, value: RawValue): CellContent {
  return value === null || value === undefined ? null : UNITS[unit].cell(value);
}

export function unitSuffix(unit: UnitName): Label | undefined {
  return (UNITS[unit] as Unit).suffix;
}

export function unitNumFmt(unit: UnitName): string | undefined {
  return (UNITS[unit] as Unit).numFmt;
}
