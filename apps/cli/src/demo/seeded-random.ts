/** A small deterministic PRNG (mulberry32), so the demo data are the same on every machine. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, max: number): number {
    return Math.floor(this.between(min, max + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A skewed positive weight: a few large enterprises, many small ones. */
  weight(): number {
    return Math.exp(1.1 * Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next()));
  }
}

/** Splits `total` into integer parts proportional to `weights`, summing exactly to `total`. */
export function allocate(total: bigint, weights: readonly number[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const scale = 1_000_000_000n;
  const parts = weights.map((w) => (total * BigInt(Math.round((w / sum) * Number(scale)))) / scale);
  const largest = weights.indexOf(Math.max(...weights));
  parts[largest] += total - parts.reduce((a, b) => a + b, 0n);
  return parts;
}
