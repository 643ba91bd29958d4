/** A small deterministic PRNG (mulberry32): the same demo data everywhere, replayable randomised tests. */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** Seeded from the variable when set, else from the clock (print `seed` to replay). */
  static fromEnv(name = 'TEST_SEED'): SeededRandom {
    const given = process.env[name];
    return new SeededRandom(given ? Number(given) : Date.now() % 2 ** 31);
  }

  chance(p: number): boolean {
    return this.next() < p;
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
