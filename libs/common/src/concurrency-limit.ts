/** No slot freed up in time. */
export class ConcurrencyLimitBusy extends Error {}

/**
 * At most `size` holders at once; others wait in turn, each no longer than its own wait, then give up
 * (ConcurrencyLimitBusy). Bounds work that costs memory per holder, such as reading an upload.
 */
export class ConcurrencyLimit {
  private holders = 0;
  private readonly waiting: Array<{ grant: () => void; timer: NodeJS.Timeout }> = [];

  constructor(private readonly size: number) {}

  /** Resolves with the release of a slot, once one is free; rejects after `waitMs` without one. */
  acquire(waitMs: number): Promise<() => void> {
    if (this.holders < this.size) {
      this.holders++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => resolve(this.releaser()),
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new ConcurrencyLimitBusy(`all ${this.size} slots stayed busy for ${waitMs} ms`));
        }, waitMs),
      };
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.grant();
      } else this.holders--;
    };
  }
}
