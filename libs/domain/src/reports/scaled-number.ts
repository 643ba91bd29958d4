import { divideRounded } from './percent';

/**
 * An exact integer (money travels as a string of digits) divided by 10^shift and rounded half up to
 * `decimals` places. The division runs on bigint so that amounts beyond 2^53 đồng lose nothing before
 * the final, much smaller, number is made.
 */
export function scaledNumber(value: string | number, shift: number, decimals: number): number {
  if (decimals > shift) throw new RangeError(`cannot keep ${decimals} decimals when dividing by 10^${shift}`);
  // Never null: the divisor is a power of ten.
  const units = divideRounded(BigInt(value), 10n ** BigInt(shift - decimals))!;
  return Number(units) / 10 ** decimals;
}
