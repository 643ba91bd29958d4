import { BatcherOverloaded, MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('runs items submitted together as one batch and answers each caller with its own result', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        batches.push(items);
        return items.map((i) => i * 10);
      },
      100,
      2,
    );
    const results = await Promise.all([1, 2, 3].map((i) => batcher.submit(i)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('caps the batch size', async () => {
    const sizes: number[] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        sizes.push(items.length);
        return items;
      },
      2,
      1,
    );
    await Promise.all([1, 2, 3, 4, 5].map((i) => batcher.submit(i)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('retries a failed batch item by item so only the bad item fails', async () => {
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        if (items.includes(2)) throw new Error(`bad ${items.join(',')}`);
        return items;
      },
      10,
      1,
    );
    const outcomes = await Promise.allSettled([1, 2, 3].map((i) => batcher.submit(i)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('bad 2');
  });
});

describe('MicroBatcher bounds', () => {
  /** A run that hangs until released: the database that does not answer. */
  function hangingRun() {
    const started: number[][] = [];
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const run = async (items: number[]) => {
      started.push(items);
      await released;
      return items;
    };
    return { run, started, release };
  }

  it('refuses an item at once while its queue is full, rather than queueing it', async () => {
    const db = hangingRun();
    const batcher = new MicroBatcher<number, number>(db.run, 2, 1, { maxQueued: 3 });
    const first = [batcher.submit(1), batcher.submit(2)];
    await new Promise((r) => setImmediate(r));
    expect(db.started).toEqual([[1, 2]]);
    const waiting = [3, 4, 5].map((i) => batcher.submit(i));
    await expect(batcher.submit(6)).rejects.toBeInstanceOf(BatcherOverloaded);
    expect(batcher.queued).toBe(3);
    db.release();
    expect(await Promise.all([...first, ...waiting])).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses an item that waited too long for its batch to start, without ever running it', async () => {
    const db = hangingRun();
    const batcher = new MicroBatcher<number, number>(db.run, 10, 1, { maxWaitMs: 30 });
    const running = batcher.submit(1);
    await new Promise((r) => setImmediate(r));
    const late = batcher.submit(2);
    await expect(late).rejects.toBeInstanceOf(BatcherOverloaded);
    expect(batcher.queued).toBe(0);
    db.release();
    expect(await running).toBe(1);
    expect(db.started).toEqual([[1]]);
  });

  it("fails the whole batch without retrying item by item when the failure is not the items' own", async () => {
    const calls: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        calls.push(items);
        throw new Error('connection refused');
      },
      10,
      1,
      { isolate: (error) => (error as Error).message !== 'connection refused' },
    );
    const outcomes = await Promise.allSettled([1, 2, 3].map((i) => batcher.submit(i)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(calls).toEqual([[1, 2, 3]]);
  });
});
