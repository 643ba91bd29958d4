import { publicationChanges } from './publication-changes';
import type { SummaryJson } from './published-figures';

const summary = (zones: Array<{ code: string; received: number; withheld?: string[] }>): SummaryJson =>
  ({
    period: '2025-Q3',
    quarters: ['2025-Q3'],
    zones: zones.map((z) => ({ zoneCode: z.code, zoneName: `KCN ${z.code}`, reportsReceived: z.received, withheld: z.withheld })),
    totals: {},
  }) as unknown as SummaryJson;

describe('publication changes', () => {
  it('counts reports added since the previous publication of the quarter, and zones newly withheld or released', () => {
    const previous = summary([
      { code: 'A', received: 3 },
      { code: 'B', received: 1, withheld: ['grossOutput', 'workers'] },
      { code: 'C', received: 4 },
    ]);
    const current = summary([
      { code: 'A', received: 4, withheld: ['workers'] },
      { code: 'B', received: 3 },
      { code: 'C', received: 4 },
    ]);
    expect(publicationChanges({ number: 5, summary: previous }, current, () => true)).toEqual({
      previousNumber: 5,
      reportsAdded: 3,
      newlyWithheld: ['KCN A'],
      released: ['KCN B'],
    });
  });

  it('keeps to the zones in scope', () => {
    const previous = summary([
      { code: 'A', received: 1, withheld: ['grossOutput'] },
      { code: 'B', received: 2 },
    ]);
    const current = summary([
      { code: 'A', received: 3 },
      { code: 'B', received: 5 },
    ]);
    expect(publicationChanges({ number: 1, summary: previous }, current, (z) => z === 'B')).toEqual({
      previousNumber: 1,
      reportsAdded: 3,
      newlyWithheld: [],
      released: [],
    });
  });
});
