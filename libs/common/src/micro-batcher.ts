/** An item refused before it ran: the queue was full, or the item waited too long for a batch. */
export class BatcherOverloaded extends Error {}

export interface BatcherLimits {
  /** Items waiting for a batch; beyond this, submit() rejects at once (BatcherOverloaded). */
  readonly maxQueued?: number;
  /** An item not taken into a batch within this long is rejected (BatcherOverloaded), never run. */
  readonly maxWaitMs?: number;
  /** Whether a failed batch is retried item by item to find the bad one; by default always. */
  readonly isolate?: (error: unknown) => boolean;
}

interface Waiting<I, O> {
  readonly item: I;
  readonly deadline: number;
  readonly resolve: (o: O) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Gathers work that arrives at the same moment into batches run by one call (one transaction, one
 * disk flush), while each caller still waits for its own result. A failed batch is retried item by
 * item, so one bad item fails only its own caller. The limits keep the queue bounded when the runs
 * stall (a database that hangs): callers are refused rather than kept waiting without end.
 */
export class MicroBatcher<I, O> {
  private queue: Array<Waiting<I, O>> = [];
  private scheduled = false;
  private inFlight = 0;
  private expiry: NodeJS.Timeout | null = null;

  constructor(
    /** Runs a batch; returns one result per item, in order. */
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly maxBatch: number,
    private readonly maxInFlight: number,
    private readonly limits: BatcherLimits = {},
  ) {}

  /** Items waiting for a batch to start. */
  get queued(): number {
    return this.queue.length;
  }

  submit(item: I): Promise<O> {
    if (this.queue.length >= (this.limits.maxQueued ?? Infinity)) {
      return Promise.reject(new BatcherOverloaded(`${this.queue.length} items are already waiting`));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ item, deadline: Date.now() + (this.limits.maxWaitMs ?? Infinity), resolve, reject });
      this.schedule();
      this.armExpiry();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** One timer, for the oldest waiting item: deadlines come in the order items arrived. */
  private armExpiry(): void {
    if (this.expiry || this.queue.length === 0 || this.limits.maxWaitMs === undefined) return;
    this.expiry = setTimeout(
      () => {
        this.expiry = null;
        const now = Date.now();
        while (this.queue.length > 0 && this.queue[0].deadline <= now) {
          this.queue.shift()!.reject(new BatcherOverloaded(`waited more than ${this.limits.maxWaitMs} ms for a batch`));
        }
        this.armExpiry();
      },
      Math.max(0, this.queue[0].deadline - Date.now()),
    );
    this.expiry.unref();
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.inFlight++;
    try {
      const results = await this.run(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1 || !(this.limits.isolate?.(error) ?? true)) for (const w of batch) w.reject(error);
      else for (const w of batch) this.run([w.item]).then(([o]) => w.resolve(o), w.reject);
    } finally {
      this.inFlight--;
      if (this.queue.length > 0) this.schedule();
    }
  }
}
