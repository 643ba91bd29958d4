import type { DatabaseProbe } from '@app/database';
import { TableFiguresCache } from './table-figures';

/** A database whose counts hang until released, counting the times they were made. */
function countingDb() {
  const counts: string[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const db = {
    backlog: async () => {
      counts.push('backlog');
      await released;
      return { reportsByStatus: [{ status: 'accepted', n: 7 }], reportsUndecidedOverMinute: 0, outboxPending: 2, outboxOldestSeconds: 0 };
    },
  };
  return { db: db as unknown as DatabaseProbe, counts, release };
}

describe('TableFiguresCache', () => {
  afterEach(() => jest.useRealTimers());

  it('counts once for a burst of scrapes, answers them while the count waits, then serves its figures', async () => {
    jest.useFakeTimers();
    const { db, counts, release } = countingDb();
    const cache = new TableFiguresCache(db);
    const burst = Promise.all(Array.from({ length: 20 }, () => cache.current()));
    await jest.advanceTimersByTimeAsync(1000);
    expect(await burst).toEqual(Array(20).fill(null));
    expect(counts).toHaveLength(1);

    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(await cache.current()).toMatchObject({ reportsByStatus: [{ status: 'accepted', n: 7 }], outboxPending: 2 });
    await jest.advanceTimersByTimeAsync(5000);
    await Promise.all(Array.from({ length: 20 }, () => cache.current()));
    expect(counts).toHaveLength(1);

    // Counted again once the figures are 10 s old.
    await jest.advanceTimersByTimeAsync(5000);
    await cache.current();
    expect(counts).toHaveLength(2);
  });

  it('shows no figures while the count fails, rather than stale ones', async () => {
    let fail = false;
    const db = {
      backlog: async () => {
        if (fail) throw new Error('connection refused');
        return { reportsByStatus: [], reportsUndecidedOverMinute: 0, outboxPending: 1, outboxOldestSeconds: 0 };
      },
    };
    jest.useFakeTimers();
    const cache = new TableFiguresCache(db as unknown as DatabaseProbe);
    expect(await cache.current()).toMatchObject({ reportsByStatus: [], outboxPending: 1 });
    fail = true;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(await cache.current()).toBeNull();
  });
});
