import { dominanceSensitive } from './dominance-rule';

const big = (values: readonly number[]) => values.map(BigInt);

describe('(n,k) dominance rule', () => {
  // 100 · (80 + 10) = 9000 = 90 · 100: the comparison is strict, so exactly k% is published.
  it('publishes {80,10,10} under (2,90), exactly on the boundary', () => {
    expect(dominanceSensitive(big([80, 10, 10]), 2, 90)).toBe(false);
  });

  it('withholds a cell just over k%', () => {
    expect(dominanceSensitive(big([81, 10, 9]), 2, 90)).toBe(true);
  });

  it('takes the n largest whatever the input order', () => {
    expect(dominanceSensitive(big([5, 5, 90]), 1, 85)).toBe(true);
    expect(dominanceSensitive(big([5, 5, 90]), 1, 90)).toBe(false);
  });

  it('withholds a cell with n contributors or fewer, and publishes an empty one', () => {
    expect(dominanceSensitive(big([50, 50]), 3, 90)).toBe(true);
    expect(dominanceSensitive([], 2, 90)).toBe(false);
  });

  it.each([
    [0, 90],
    [1.5, 90],
    [2, 101],
    [2, 89.5],
  ])('rejects n = %p, k = %p', (n, k) => {
    expect(() => dominanceSensitive(big([1]), n, k)).toThrow(RangeError);
  });
});
