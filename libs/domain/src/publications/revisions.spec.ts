import { PublishedFigures, SummaryJson } from './published-figures';
import { revisionsSince } from './revisions';

const summary = (period: string, quarters: string[], gross: Record<string, string>): SummaryJson => ({
  period,
  quarters,
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
    expect(revisionsSince([before], after)).toEqual([
      { zoneCode: 'B', period: '2025-Q3', fields: ['grossOutput'] },
      { zoneCode: 'B', period: '2025-Q1..2025-Q3', fields: ['grossOutput'] },
    ]);
  });

  it('does not mark a zone whose share moved only because another zone was amended', () => {
    const withShares = (gross: Record<string, string>, shares: Record<string, number>) => {
      const f = figures(gross, gross);
      for (const s of [f.latestQuarter, f.yearToDate])
        s.zones.forEach((z) => Object.assign(z, { grossOutputSharePct: shares[z.zoneCode] }));
      return f;
    };
    const before = withShares({ A: '10', B: '30' }, { A: 25, B: 75 });
    const after = withShares({ A: '20', B: '30' }, { A: 40, B: 60 });
    expect(revisionsSince([before], after).map((r) => [r.zoneCode, r.fields])).toEqual([
      ['A', ['grossOutput']],
      ['A', ['grossOutput']],
    ]);
  });

  it('marks nothing for the first publication or a period not published before', () => {
    expect(revisionsSince([], figures({ A: '1' }, { A: '1' }))).toEqual([]);
    expect(revisionsSince([figures({ A: '1' }, { A: '9' }, '2025-Q2')], figures({ A: '2' }, { A: '9' }))).toEqual([]);
  });

  // Q3 and its year to date published in November; in February Q4 and Q1..Q4 are; Q3 again in a forced
  // publication later: an amendment of Q3 is found against November's figures, not February's.
  it('compares a period with the latest earlier publication that has it, however old', () => {
    const november = figures({ A: '10', B: '20' }, { A: '30', B: '60' });
    const february: PublishedFigures = {
      latestQuarter: summary('2025-Q4', ['2025-Q4'], { A: '11', B: '21' }),
      yearToDate: summary('2025', ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'], { A: '41', B: '81' }),
      filing: {} as never,
    };
    const later = figures({ A: '10', B: '22' }, { A: '30', B: '62' });
    expect(revisionsSince([february, november], later)).toEqual([
      { zoneCode: 'B', period: '2025-Q3', fields: ['grossOutput'] },
      { zoneCode: 'B', period: '2025-Q1..2025-Q3', fields: ['grossOutput'] },
    ]);
    expect(revisionsSince([later, february, november], later)).toEqual([]);
  });
});
