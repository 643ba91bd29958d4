import { PeriodLocksRepository } from '../../libs/database/src/repositories/period-locks.repository';
import { seedToken, seedZones } from '../support/repository-fixtures';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Locks of quarters against a real database, without HTTP: kept as intervals, at most one open per
 * zone and one for the province, even when two transactions lock at once.
 */
describe('period locks repository', () => {
  let db: TestDatabase;
  let locks: PeriodLocksRepository;
  let by: string;

  const open = async (period: string) => (await locks.open(period)).map((l) => l.zoneCode).sort();

  beforeAll(async () => {
    db = await openTestDatabase('repo-period-locks');
    locks = new PeriodLocksRepository(db.transactions);
    await seedZones(db, ['LA', 'LB', 'LC']);
    by = await seedToken(db, 'admin');
  });
  afterAll(() => db?.close());

  it('locks zones once: locking again changes nothing, and says which zones it newly locked', async () => {
    expect((await locks.lockZones('2025-Q1', ['LA', 'LB'], by)).sort()).toEqual(['LA', 'LB']);
    expect(await locks.lockZones('2025-Q1', ['LB', 'LC'], by)).toEqual(['LC']);
    expect(await open('2025-Q1')).toEqual(['LA', 'LB', 'LC']);
    expect(await open('2025-Q2')).toEqual([]);
  });

  it('keeps one open lock per zone when two transactions lock the same zone at once', async () => {
    const results = await Promise.all(
      [1, 2].map(() =>
        db.transactions.run(async (tx) => {
          const locked = await locks.lockZones('2025-Q3', ['LA'], by, tx);
          await tx.query('SELECT pg_sleep(0.2)');
          return locked;
        }),
      ),
    );
    expect(results.flat()).toEqual(['LA']);
    expect(await locks.history('2025-Q3', ['LA'])).toHaveLength(1);
  });

  it('locks the province once, holds its lock for an unlock, and an unlock of zones leaves it in force', async () => {
    expect(await locks.lockProvince('2025-Q1', by)).toEqual([null]);
    expect(await locks.lockProvince('2025-Q1', by)).toEqual([]);
    await db.transactions.run(async (tx) => {
      expect(await locks.holdProvinceLock('2025-Q1', tx)).toBe(true);
      expect(await locks.holdProvinceLock('2025-Q2', tx)).toBe(false);
    });
    expect(await locks.unlock('2025-Q1', ['LA'], by)).toEqual(['LA']);
    expect(await open('2025-Q1')).toEqual(['LB', 'LC', null]);
  });

  it('unlocks the whole quarter at once and keeps every interval, in the order taken, for the zones asked and the province', async () => {
    expect((await locks.unlock('2025-Q1', null, by)).sort()).toEqual(['LB', 'LC', null]);
    expect(await open('2025-Q1')).toEqual([]);
    const history = await locks.history('2025-Q1', ['LA', 'LC']);
    expect(history.map((l) => [l.zoneCode, l.unlockedAt === null])).toEqual([
      ['LA', false],
      ['LC', false],
      [null, false],
    ]);
    for (const l of history) {
      expect(l.period).toBe('2025-Q1');
      expect(l.unlockedAt!.getTime()).toBeGreaterThanOrEqual(l.lockedAt.getTime());
    }
    // A quarter unlocked can be locked again: a new interval.
    expect(await locks.lockZones('2025-Q1', ['LA'], by)).toEqual(['LA']);
    expect((await locks.history('2025-Q1', ['LA'])).map((l) => [l.zoneCode, l.unlockedAt === null])).toEqual([
      ['LA', false],
      [null, false],
      ['LA', true],
    ]);
  });

  it('reads every lock of several quarters at once, as the verdicts judge receipts by them', async () => {
    const all = await locks.inPeriods(['2025-Q1', '2025-Q3', '2025-Q4']);
    expect(all.map((l) => `${l.period}/${l.zoneCode ?? 'province'}/${l.unlockedAt === null ? 'open' : 'closed'}`).sort()).toEqual([
      '2025-Q1/LA/closed',
      '2025-Q1/LA/open',
      '2025-Q1/LB/closed',
      '2025-Q1/LC/closed',
      '2025-Q1/province/closed',
      '2025-Q3/LA/open',
    ]);
  });
});
