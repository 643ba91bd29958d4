import { divideRounded, growthPercent, ratioPercent } from './percent';

describe('percent', () => {
  describe('ratioPercent', () => {
    it('gives Bắc Duyên Hải its 0.86% share of all KCN output', () => {
      expect(ratioPercent(166n, 19_200n)).toBe(0.86);
    });

    it('rounds half away from zero at the second decimal', () => {
      expect(ratioPercent(1n, 20_000n)).toBe(0.01); // 0.005
      expect(ratioPercent(-1n, 20_000n)).toBe(-0.01); // -0.005
      expect(ratioPercent(1n, 20_001n)).toBe(0); // just under 0.005
      expect(ratioPercent(2n, 3n)).toBe(66.67);
      expect(ratioPercent(1n, 3n)).toBe(33.33);
    });

    it('handles whole and above-100 ratios', () => {
      expect(ratioPercent(19_200n, 19_200n)).toBe(100);
      expect(ratioPercent(3n, 2n)).toBe(150);
      expect(ratioPercent(0n, 5n)).toBe(0);
      expect(Object.is(ratioPercent(-1n, 30_000n), 0)).toBe(true); // no negative zero
    });

    it('is null when the denominator is 0', () => {
      expect(ratioPercent(5n, 0n)).toBeNull();
    });

    it('stays exact beyond 2^53', () => {
      const total = (2n ** 60n + 105n) * 20_000n;
      expect(ratioPercent(total / 20_000n, total)).toBe(0.01); // exactly 0.005%
      expect(ratioPercent(total / 20_000n - 1n, total)).toBe(0);
      expect(ratioPercent(2n ** 64n + 1n, 2n ** 65n + 2n)).toBe(50);
    });
  });

  describe('growthPercent', () => {
    it('gives the change on the previous value', () => {
      expect(growthPercent(113n, 100n)).toBe(13);
      expect(growthPercent(1_300n, 800n)).toBe(62.5);
      expect(growthPercent(100n, 100n)).toBe(0);
      expect(growthPercent(0n, 100n)).toBe(-100);
    });

    it('rounds negative growth half away from zero: -12.345 -> -12.35', () => {
      expect(growthPercent(175_310n, 200_000n)).toBe(-12.35);
      expect(growthPercent(224_690n, 200_000n)).toBe(12.35);
    });

    it('is null when the previous value is 0', () => {
      expect(growthPercent(10n, 0n)).toBeNull();
    });

    it('stays exact beyond 2^53', () => {
      const previous = (2n ** 60n + 105n) * 20_000n;
      // Exactly 0.005%: the float computation (Number(current) − Number(previous)) / Number(previous) gives 0 here.
      expect(growthPercent(previous + previous / 20_000n, previous)).toBe(0.01);
    });
  });

  describe('divideRounded', () => {
    it('rounds half up', () => {
      expect(divideRounded(7n, 2n)).toBe(4n);
      expect(divideRounded(5n, 3n)).toBe(2n);
      expect(divideRounded(4n, 3n)).toBe(1n);
      expect(divideRounded(0n, 3n)).toBe(0n);
      expect(divideRounded(18_600_000n, 3n)).toBe(6_200_000n);
    });

    it('is null when the denominator is 0', () => {
      expect(divideRounded(7n, 0n)).toBeNull();
    });

    it('stays exact beyond 2^53', () => {
      expect(divideRounded(2n ** 64n + 1n, 2n)).toBe(2n ** 63n + 1n);
    });
  });
});
