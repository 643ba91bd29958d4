import { DEFAULT_DISCLOSURE_PARAMS, DisclosureParams } from './disclosure-params';
import { primarySensitivity } from './primary-suppression';

const big = (values: readonly number[]) => values.map(BigInt);
// The p% rule alone: a single contributor is enough for the frequency rule.
const P10_ONLY: DisclosureParams = { pPercent: 10, minContributors: 1 };

describe('primary suppression', () => {
  describe('p% rule, golden cases with p = 10', () => {
    it.each([[[100]], [[90, 10]]])('withholds %p', (values) => {
      expect(primarySensitivity(big(values), P10_ONLY)).toBe('p-percent');
    });

    it.each([[[80, 10, 10]], [[70, 10, 10, 10]], [[60, 20, 10, 10]]])('publishes %p', (values) => {
      expect(primarySensitivity(big(values), P10_ONLY)).toBeNull();
    });

    it('sorts the contributions itself', () => {
      expect(primarySensitivity(big([10, 90]), P10_ONLY)).toBe('p-percent');
      expect(primarySensitivity(big([10, 10, 80]), P10_ONLY)).toBeNull();
    });
  });

  describe('p% rule boundary', () => {
    // 100 · (160 − 100 − 50) = 1000 = 10 · 100: the comparison is strict, so exactly p% is published.
    it('publishes a cell exactly at p%', () => {
      expect(primarySensitivity(big([100, 50, 10]), P10_ONLY)).toBeNull();
    });

    it('withholds a cell one unit below p%', () => {
      expect(primarySensitivity(big([100, 50, 9]), P10_ONLY)).toBe('p-percent');
    });

    // 10000 · (100 − 80 − 10) = 100000 = 1250 · 80: a decimal p is compared exactly, in basis points.
    it('compares a decimal p exactly', () => {
      expect(primarySensitivity(big([80, 10, 10]), { pPercent: 12.5, minContributors: 1 })).toBeNull();
      expect(primarySensitivity(big([80, 10, 10]), { pPercent: 12.51, minContributors: 1 })).toBe('p-percent');
    });

    it('stays exact beyond the range of floating point', () => {
      const x1 = 10n ** 30n;
      const exactlyAtP = [x1, 10n ** 29n, x1 / 10n];
      expect(primarySensitivity(exactlyAtP, P10_ONLY)).toBeNull();
      expect(primarySensitivity([x1 + 1n, 10n ** 29n, x1 / 10n], P10_ONLY)).toBe('p-percent');
    });
  });

  describe('frequency rule, at least 3 contributors', () => {
    it('withholds 2 contributors and publishes 3', () => {
      expect(primarySensitivity(big([50, 50]), DEFAULT_DISCLOSURE_PARAMS)).toBe('frequency');
      expect(primarySensitivity(big([50, 50, 50]), DEFAULT_DISCLOSURE_PARAMS)).toBeNull();
    });

    it('does not count zero contributions', () => {
      expect(primarySensitivity(big([50, 50, 0]), DEFAULT_DISCLOSURE_PARAMS)).toBe('frequency');
    });

    it('publishes a zero total nobody contributes to', () => {
      expect(primarySensitivity([], DEFAULT_DISCLOSURE_PARAMS)).toBeNull();
      expect(primarySensitivity(big([0, 0]), DEFAULT_DISCLOSURE_PARAMS)).toBeNull();
    });

    it('names frequency when both rules apply', () => {
      expect(primarySensitivity(big([100]), DEFAULT_DISCLOSURE_PARAMS)).toBe('frequency');
    });
  });

  it('rejects negative contributions', () => {
    expect(() => primarySensitivity([5n, -1n, 3n], DEFAULT_DISCLOSURE_PARAMS)).toThrow(RangeError);
  });
});
