import { expectedQuarters } from './filing-calendar';
import { formatQuarter } from './quarter';

const at = (iso: string) => new Date(iso);
const shown = (list: ReturnType<typeof expectedQuarters>) =>
  list.map((q) => `${formatQuarter(q.quarter)} ${q.open ? 'open' : 'not yet'} ${q.lastDay} ${q.daysLeft}`);

describe('expectedQuarters', () => {
  it('lists the current quarter (not yet open) and the ended ones, newest first, with the last day to file and days left', () => {
    // 5 October 2025, 10:00 in Hà Nội: Q3 ended, due before 10 October.
    const list = expectedQuarters({ operatingFrom: '2025-02-15', operatingUntil: null }, at('2025-10-05T03:00:00Z'));
    expect(shown(list)).toEqual([
      '2025-Q4 not yet 2026-01-09 96',
      '2025-Q3 open 2025-10-09 4',
      '2025-Q2 open 2025-07-09 -88',
      '2025-Q1 open 2025-04-09 -179',
    ]);
  });

  it('counts days in Vietnam: just after midnight local time it is already the next day', () => {
    // 9 October 2025 at 00:30 in Hà Nội is still 8 October in UTC.
    const [, q3] = expectedQuarters({ operatingFrom: '2020-01-01', operatingUntil: null }, at('2025-10-08T17:30:00Z'));
    expect(q3.daysLeft).toBe(0);
    const [, late] = expectedQuarters({ operatingFrom: '2020-01-01', operatingUntil: null }, at('2025-10-09T17:00:00Z'));
    expect(late.daysLeft).toBe(-1);
  });

  it('stops at `count` quarters and skips quarters after the enterprise stopped operating', () => {
    const list = expectedQuarters({ operatingFrom: '2010-01-01', operatingUntil: '2025-05-31' }, at('2025-10-05T03:00:00Z'), 3);
    expect(list.map((q) => formatQuarter(q.quarter))).toEqual(['2025-Q2', '2025-Q1', '2024-Q4']);
  });

  it('owes nothing before the enterprise began operating', () => {
    expect(expectedQuarters({ operatingFrom: '2026-03-01', operatingUntil: null }, at('2025-10-05T03:00:00Z'))).toEqual([]);
  });
});
