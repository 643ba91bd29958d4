import { DEFAULT_DISCLOSURE_PARAMS, resolveDisclosureRules } from './disclosure-params';

describe('disclosure parameters', () => {
  it('default to p = 10 and at least 3 contributors', () => {
    expect(DEFAULT_DISCLOSURE_PARAMS).toEqual({ pPercent: 10, minContributors: 3 });
  });

  it.each([
    [10, 1000n],
    [12.5, 1250n],
    // 0.29 * 100 is 28.999999999999996 in floating point; the exact decimal is still 29 basis points.
    [0.29, 29n],
    [0, 0n],
  ])('take p = %p percent as %p basis points', (pPercent, basisPoints) => {
    expect(resolveDisclosureRules({ pPercent, minContributors: 3 }).pBasisPoints).toBe(basisPoints);
  });

  it.each([10.125, -1, Number.NaN, Number.POSITIVE_INFINITY])('reject p = %p', (pPercent) => {
    expect(() => resolveDisclosureRules({ pPercent, minContributors: 3 })).toThrow(RangeError);
  });

  it.each([2.5, -1, Number.NaN])('reject minContributors = %p', (minContributors) => {
    expect(() => resolveDisclosureRules({ pPercent: 10, minContributors })).toThrow(RangeError);
  });
});
