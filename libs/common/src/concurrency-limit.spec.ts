import { ConcurrencyLimit, ConcurrencyLimitBusy } from './concurrency-limit';

describe('ConcurrencyLimit', () => {
  afterEach(() => jest.useRealTimers());

  it('lets `size` holders in at once and the next one in turn when one leaves', async () => {
    const limit = new ConcurrencyLimit(2);
    const [a, b] = await Promise.all([limit.acquire(1000), limit.acquire(1000)]);
    const order: string[] = [];
    const c = limit.acquire(1000).then((release) => (order.push('c'), release));
    const d = limit.acquire(1000).then((release) => (order.push('d'), release));
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([]);
    a();
    a();
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['c']);
    b();
    (await c)();
    (await d)();
    // All slots free again: two come in at once.
    await Promise.all([limit.acquire(0), limit.acquire(0)]);
  });

  it('gives up on a slot after the wait, and leaves the queue', async () => {
    jest.useFakeTimers();
    const limit = new ConcurrencyLimit(1);
    const release = await limit.acquire(1000);
    const late = limit.acquire(500);
    jest.advanceTimersByTime(500);
    await expect(late).rejects.toBeInstanceOf(ConcurrencyLimitBusy);
    release();
    await expect(limit.acquire(0)).resolves.toEqual(expect.any(Function));
  });
});
