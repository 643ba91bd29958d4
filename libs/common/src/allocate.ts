/** Splits `total` into integer parts proportional to `weights`, summing exactly to `total`. */
export function allocate(total: bigint, weights: readonly number[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const scale = 1_000_000_000n;
  const parts = weights.map((w) => (total * BigInt(Math.round((w / sum) * Number(scale)))) / scale);
  const largest = weights.indexOf(Math.max(...weights));
  parts[largest] += total - parts.reduce((a, b) => a + b, 0n);
  return parts;
}
