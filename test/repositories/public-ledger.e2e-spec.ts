import { PublicCellsRepository } from '../../libs/database/src/repositories/public-cells.repository';
import { PublicContributionsRepository } from '../../libs/database/src/repositories/public-contributions.repository';
import { seedPublication } from '../support/repository-fixtures';
import { openTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The ledger of public cells against a real database, without HTTP: what one publication stores comes back
 * as the audit reads it (values as exact integers, withheld cells as null, contributions in order with their
 * gaps), only from the quarters asked, and nothing in it can be changed or removed.
 */
describe('public cell ledger repositories', () => {
  let db: TestDatabase;
  let cells: PublicCellsRepository;
  let contributions: PublicContributionsRepository;
  const publication = (month: string) => seedPublication(db, month);

  beforeAll(async () => {
    db = await openTestDatabase('repo-public-ledger');
    cells = new PublicCellsRepository(db.transactions);
    contributions = new PublicContributionsRepository(db.transactions);
  });
  afterAll(() => db?.close());

  it('keeps cells and contributions as published, in the transaction that stores the publication', async () => {
    const first = await publication('2025-08');
    const second = await publication('2025-09');
    const za = { zoneCode: 'ZA', kind: 'industrial_park' as const, quarter: '2025-Q2', taxCodes: ['5300000001', '5300000002'] };
    const output = { ...za, measure: 'grossOutput' as const, amounts: [426_456_789_000n, 99_999_999_999_999_999n] };
    // Kept before blocks were published (none), and after (each contribution's block).
    const women = { ...za, measure: 'femaleWorkers' as const, amounts: [null, 40n], blocks: ['foreign' as const, 'domestic' as const] };
    const olderQuarter = { ...za, quarter: '2023-Q4', measure: 'grossOutput' as const, taxCodes: ['5300000001'], amounts: [1n] };
    const [q1q2, q2] = [['2025-Q1', '2025-Q2'], ['2025-Q2']];
    const foreignYtd = {
      area: 'ZA:foreign',
      measure: 'femaleWorkers' as const,
      quarters: ['2025-Q1', '2025-Q2'],
      value: null,
      reason: 'confidential' as const,
    };
    const ytd = { area: 'ZA', measure: 'grossOutput' as const, quarters: q1q2, value: 100_000_000_426_456_788_999n, reason: null };
    const exports = { area: 'all', measure: 'exportValueUsd' as const, quarters: q2, value: null, reason: 'confidential' as const };
    const heldBack = { area: 'ZA', measure: 'grossOutput' as const, quarters: q2, value: 360n, reason: 'revision held back' as const };
    await db.transactions.run(async (tx) => {
      await contributions.insert(first, [output, women, olderQuarter], tx);
      await cells.insert(
        first,
        [
          { ...ytd, basisPublicationId: null },
          { ...exports, basisPublicationId: null },
          { ...foreignYtd, basisPublicationId: null },
        ],
        tx,
      );
    });
    await cells.insert(second, [{ ...heldBack, basisPublicationId: first }], db.transactions.pool);

    expect(await cells.since('2024-Q1')).toEqual(
      [
        { publicationId: first, ...ytd, basisPublicationId: first },
        { publicationId: first, ...foreignYtd, basisPublicationId: first },
        { publicationId: first, ...exports, basisPublicationId: first },
        { publicationId: second, ...heldBack, basisPublicationId: first },
      ].sort((a, b) => a.publicationId - b.publicationId || (a.area < b.area ? -1 : 1)),
    );
    expect(await contributions.since('2024-Q1')).toEqual([
      { publicationId: first, ...women },
      { publicationId: first, ...output },
    ]);
    // Neither way of keeping them leaves the other's field behind.
    expect((await contributions.since('2024-Q1')).find((s) => s.measure === 'grossOutput')).not.toHaveProperty('blocks');
    const fromQ2 = [expect.objectContaining({ area: 'all' }), expect.objectContaining({ publicationId: second })];
    expect(await cells.since('2025-Q2')).toEqual(fromQ2);
  });

  it('refuses to change or remove what was published, and a withheld cell without its reason', async () => {
    await expect(db.query(`UPDATE public_cells SET value = 1`)).rejects.toThrow(/immutable/);
    await expect(db.query(`DELETE FROM public_contributions`)).rejects.toThrow(/immutable/);
    const id = await publication('2025-10');
    const unexplained = { area: 'ZB', measure: 'workers' as const, quarters: ['2025-Q3'], value: null, reason: null };
    const refused = cells.insert(id, [{ ...unexplained, basisPublicationId: null }], db.transactions.pool);
    await expect(refused).rejects.toThrow(/check constraint/);
  });

  it('stores nothing of a publication whose transaction fails', async () => {
    const id = await publication('2025-11');
    await expect(
      db.transactions.run(async (tx) => {
        const revenue = {
          area: 'ZC',
          measure: 'revenue' as const,
          quarters: ['2025-Q3'],
          value: 5n,
          reason: null,
          basisPublicationId: null,
        };
        await cells.insert(id, [revenue], tx);
        throw new Error('publication failed');
      }),
    ).rejects.toThrow('publication failed');
    expect((await cells.since('2025-Q3')).filter((c) => c.area === 'ZC')).toEqual([]);
  });
});
