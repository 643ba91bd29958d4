import { PublishedFigures, SummaryJson } from './published-figures';
import { revisionsSince } from './revisions';

const summary = (period: string, quarters: string[], gross: Record<string, string>): SummaryJson => ({
  period, quarters,
  zones: Object.entries(gross).map(([zoneCode, grossOutput]) => ({ zoneCode, grossOutput }) as never),
  totals: {} as never,
});
const figures = (q: Record<string, string>, ytd: Record<string, string>, quarter = '2025-Q3'): PublishedFigures => ({
  latestQuarter: summary(quarter, [quarter], q),
  yearToDate: summary('2025-Q1..2025-Q3', ['2025-Q1', '2025-Q2', '2025-Q3'], ytd),
  filing: {} as never,
});

describe('revisionsSince', () => {
  it('marks the zones whose figures for the same period changed since the previous publication', () => {
    const before = figures({ A: '10', B: '20' }, { A: '30', B: '60' });
    const after = figures({ A: '10', B: '25' }, { A: '30', B: '65' });
    expect(revisionsSince(before, after)).toEqual([
      { zoneCode: 'B', period: '2025-Q3', fields: ['grossOutput'] },
      { zoneCode: 'B', period: '2025-Q1..2025-Q3', fields: ['grossOutput'] },
    ]);
  });

  it('marks nothing for the first publication or a period not published before', () => {
    expect(revisionsSince(null, figures({ A: '1' }, { A: '1' }))).toEqual([]);
    expect(revisionsSince(figures({ A: '1' }, { A: '9' }, '2025-Q2'), figures({ A: '2' }, { A: '9' }))).toEqual([]);
  });
});
