import { PublicCellsRepository } from '../../libs/database/src/repositories/public-cells.repository';
import { PublicContributionsRepository } from '../../libs/database/src/repositories/public-contributions.repository';
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
  const publication = async (month: string) => {
    const [{ id }] = await db.query<{ id: number }>(
      `INSERT INTO publications (month, as_of, published_by, latest_quarter, year_to_date, filing_quarter, figures, public_figures, workbook, public_workbook)
       VALUES ($1, ($1 || '-01')::date, 'test', '2025-Q2', '2025-Q1..2025-Q2', '2025-Q3', '{}', '{}', '', '') RETURNING id`,
      [month],
    );
    return id;
  };

  beforeAll(async () => {
    db = await openTestDatabase('repo-public-ledger');
    cells = new PublicCellsRepository(db.transactions);
    contributions = new PublicContributionsRepository(db.transactions);
  });
  afterAll(() => db?.close());

  it('keeps cells and contributions as published, in the transaction that stores the publication', async () => {
    const first = await publication('2025-08');
    const second = await publication('2025-09');
    await db.transactions.run(async (tx) => {
      await contributions.insert(first, [
        { zoneCode: 'ZA', kind: 'industrial_park', quarter: '2025-Q2', measure: 'grossOutput', taxCodes: ['5300000001', '5300000002'], amounts: [426_456_789_000n, 99_999_999_999_999_999n] },
        { zoneCode: 'ZA', kind: 'industrial_park', quarter: '2025-Q2', measure: 'femaleWorkers', taxCodes: ['5300000001', '5300000002'], amounts: [null, 40n] },
        { zoneCode: 'ZA', kind: 'industrial_park', quarter: '2023-Q4', measure: 'grossOutput', taxCodes: ['5300000001'], amounts: [1n] },
      ], tx);
      await cells.insert(first, [
        { area: 'ZA', measure: 'grossOutput', quarters: ['2025-Q1', '2025-Q2'], value: 100_000_000_426_456_788_999n, reason: null, basisPublicationId: null },
        { area: 'all', measure: 'exportValueUsd', quarters: ['2025-Q2'], value: null, reason: 'confidential', basisPublicationId: null },
      ], tx);
    });
    await cells.insert(second, [{ area: 'ZA', measure: 'grossOutput', quarters: ['2025-Q2'], value: 360n, reason: 'revision held back', basisPublicationId: first }], db.transactions.pool);

    expect(await cells.since('2024-Q1')).toEqual([
      { publicationId: first, area: 'ZA', measure: 'grossOutput', quarters: ['2025-Q1', '2025-Q2'], value: 100_000_000_426_456_788_999n, reason: null, basisPublicationId: first },
      { publicationId: first, area: 'all', measure: 'exportValueUsd', quarters: ['2025-Q2'], value: null, reason: 'confidential', basisPublicationId: first },
      { publicationId: second, area: 'ZA', measure: 'grossOutput', quarters: ['2025-Q2'], value: 360n, reason: 'revision held back', basisPublicationId: first },
    ].sort((a, b) => a.publicationId - b.publicationId || (a.area < b.area ? -1 : 1)));
    expect(await contributions.since('2024-Q1')).toEqual([
      { publicationId: first, zoneCode: 'ZA', kind: 'industrial_park', quarter: '2025-Q2', measure: 'femaleWorkers', taxCodes: ['5300000001', '5300000002'], amounts: [null, 40n] },
      { publicationId: first, zoneCode: 'ZA', kind: 'industrial_park', quarter: '2025-Q2', measure: 'grossOutput', taxCodes: ['5300000001', '5300000002'], amounts: [426_456_789_000n, 99_999_999_999_999_999n] },
    ]);
    expect(await cells.since('2025-Q2')).toEqual([expect.objectContaining({ area: 'all' }), expect.objectContaining({ publicationId: second })]);
  });

  it('refuses to change or remove what was published, and a withheld cell without its reason', async () => {
    await expect(db.query(`UPDATE public_cells SET value = 1`)).rejects.toThrow(/immutable/);
    await expect(db.query(`DELETE FROM public_contributions`)).rejects.toThrow(/immutable/);
    const id = await publication('2025-10');
    await expect(cells.insert(id, [{ area: 'ZB', measure: 'workers', quarters: ['2025-Q3'], value: null, reason: null, basisPublicationId: null }], db.transactions.pool))
      .rejects.toThrow(/check constraint/);
  });

  it('stores nothing of a publication whose transaction fails', async () => {
    const id = await publication('2025-11');
    await expect(db.transactions.run(async (tx) => {
      await cells.insert(id, [{ area: 'ZC', measure: 'revenue', quarters: ['2025-Q3'], value: 5n, reason: null, basisPublicationId: null }], tx);
      throw new Error('publication failed');
    })).rejects.toThrow('publication failed');
    expect((await cells.since('2025-Q3')).filter((c) => c.area === 'ZC')).toEqual([]);
  });
});
