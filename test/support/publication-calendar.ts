/**
 * Today's publication as docs/domain/publications.md describes it, worked out here from the machine clock without the
 * code under test: the month (Vietnam time), and the latest quarter whose due date (the 10th of the
 * month after it, 00:00) has passed by 07:00 today.
 */
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

export function vietnamDate(at: Date = new Date()): string {
  return VIETNAM_DAY.format(at);
}

export function todaysPublication(at: Date = new Date()): { day: string; month: string; latestQuarter: string; yearToDate: string[] } {
  const day = vietnamDate(at);
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  // Quarters counted from year 0: the quarter of today, the one before, and the one before that while
  // the one before is not yet due (days 1 to 9 of a quarter's first month).
  let q = year * 4 + Math.floor((month - 1) / 3) - 1;
  if ((month - 1) % 3 === 0 && dayOfMonth < 10) q -= 1;
  const quarter = (n: number) => `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
  const firstOfYear = Math.floor(q / 4) * 4;
  return {
    day,
    month: day.slice(0, 7),
    latestQuarter: quarter(q),
    yearToDate: Array.from({ length: q - firstOfYear + 1 }, (_, i) => quarter(firstOfYear + i)),
  };
}

/** The month a quarter is due in ('YYYY-MM'): its reports are due before the 10th of it, 00:00 Vietnam time. */
export function dueMonth(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 4 ? `${year + 1}-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}`;
}
