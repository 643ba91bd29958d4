import { describePlan, publicationPlan } from './publication-plan';

describe('publicationPlan', () => {
  it('on 1 November publishes the quarter due on 10 October, its year to date, and that quarter as being filed', () => {
    expect(describePlan(publicationPlan('2025-11-01'))).toEqual({
      latestQuarter: '2025-Q3',
      yearToDate: '2025-Q1..2025-Q3',
      filingQuarter: '2025-Q3',
    });
  });

  it('on 1 October the third quarter is being filed and the second is the latest past due', () => {
    expect(describePlan(publicationPlan('2025-10-01'))).toEqual({
      latestQuarter: '2025-Q2',
      yearToDate: '2025-Q1..2025-Q2',
      filingQuarter: '2025-Q3',
    });
  });

  it('in January publishes the third quarter of the year before while the fourth is being filed', () => {
    expect(describePlan(publicationPlan('2026-01-01'))).toEqual({
      latestQuarter: '2025-Q3',
      yearToDate: '2025-Q1..2025-Q3',
      filingQuarter: '2025-Q4',
    });
    expect(describePlan(publicationPlan('2026-02-01'))).toEqual({
      latestQuarter: '2025-Q4',
      yearToDate: '2025-Q1..2025-Q4',
      filingQuarter: '2025-Q4',
    });
  });

  it('publishes at 07:00 Vietnam time and names its month', () => {
    const plan = publicationPlan('2026-12-01');
    expect(plan.publishedAt.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(plan.month).toBe('2026-12');
  });
});
