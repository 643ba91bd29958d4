import { columnLayout } from './column-layout';
import { UploadRejection } from './upload-rejection';

const row = (number: number, texts: Record<number, string>) => ({
  number,
  cells: new Map(Object.entries(texts).map(([c, t]) => [Number(c), t])),
});
const REQUIRED = ['taxCode', 'period', 'production.grossOutput', 'production.revenue', 'employment.workers', 'wages.wageFund'];

describe('column discovery from the field-path row', () => {
  it('finds each field by its path, whatever the order, and names the columns it reads past', () => {
    const layout = columnLayout(
      row(2, {
        1: 'Ghi chú',
        2: 'wages.wageFund',
        3: 'period',
        5: ' TaxCode ',
        6: 'employment.workers',
        7: 'production.revenue',
        9: 'production.grossOutput',
      }),
    )!;
    expect(layout.pathRow).toBe(2);
    expect(layout.cellOf('taxCode', 7)).toBe('E7');
    expect(layout.cellOf('production.grossOutput', 4)).toBe('I4');
    expect(layout.cellOf('investment.realizedCapital', 4)).toBeUndefined();
    expect([...layout.columns].map(([c, col]) => [c, col.path])).toEqual([
      [2, 'wages.wageFund'],
      [3, 'period'],
      [5, 'taxCode'],
      [6, 'employment.workers'],
      [7, 'production.revenue'],
      [9, 'production.grossOutput'],
    ]);
    expect(layout.ignored).toEqual([{ cell: 'A2', text: 'Ghi chú' }]);
  });

  it('is not found in a label row', () => {
    expect(columnLayout(row(1, { 1: 'Mã số thuế', 2: 'Kỳ báo cáo' }))).toBeNull();
  });

  it('refuses a file without a required column, or with one twice, naming each', () => {
    const texts = Object.fromEntries(REQUIRED.filter((p) => p !== 'wages.wageFund').map((p, i) => [i + 1, p]));
    try {
      columnLayout(row(2, { ...texts, 8: 'period' }));
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(UploadRejection);
      expect((error as UploadRejection).status).toBe(422);
      expect((error as UploadRejection).issues).toEqual([
        expect.objectContaining({ cell: 'H2', field: 'period', code: 'DUPLICATE_COLUMN' }),
        expect.objectContaining({ field: 'wages.wageFund', code: 'MISSING_COLUMN' }),
      ]);
    }
  });
});
