import type { PlainCell } from './cell-value';
import { readReportRows } from './report-rows.reader';
import type { SheetRow } from './sheet-row';
import { uploadLimits } from './upload-limits';

const PATHS = [
  'taxCode',
  'period',
  'production.grossOutput',
  'production.revenue',
  'investment.realizedCapital',
  'employment.workers',
  'wages.wageFund',
];
const row = (number: number, values: PlainCell[]): SheetRow => ({
  number,
  cells: new Map(values.flatMap((v, i) => (v === null ? [] : [[i + 1, v] as const]))),
});
async function* sheet(rows: SheetRow[]): AsyncIterable<SheetRow> {
  yield* rows;
}
const read = (rows: SheetRow[], maxRows = 100) => readReportRows(sheet(rows), uploadLimits(1024 * 1024, maxRows));

describe('report rows of a sheet', () => {
  it('turns each filled row below the field-path row into a JSON report body, skipping blank rows', async () => {
    const { rows } = await read([
      row(1, ['Báo cáo quý']),
      row(2, ['Mã số thuế', 'Kỳ']),
      row(3, PATHS),
      row(4, ['5300000001', 'Quý 3/2025', '1.234.567', 2_000_000, null, '175', 300_000_000]),
      row(5, [null, '  ', null]),
      row(7, ['5300000002', '2025-Q3', 'x', null, '0', 12.5, null]),
    ]);
    expect(rows.map((r) => r.row)).toEqual([4, 7]);
    expect(rows[0].body).toEqual({
      taxCode: '5300000001',
      period: '2025-Q3',
      production: { grossOutput: '1234567', revenue: '2000000' },
      employment: { workers: 175 },
      wages: { wageFund: '300000000' },
    });
    expect(rows[1].body).toEqual({
      taxCode: '5300000002',
      period: '2025-Q3',
      production: { grossOutput: 'x' },
      investment: { realizedCapital: '0' },
      employment: { workers: 12.5 },
      wages: {},
    });
    expect(rows[1].cellOf('employment.workers')).toBe('F7');
  });

  it('refuses a file without a field-path row or without reports (422)', async () => {
    await expect(read([row(1, ['a']), row(10, ['b'])])).rejects.toMatchObject({ status: 422, issues: [{ code: 'NO_FIELD_PATH_ROW' }] });
    await expect(read([row(2, PATHS), row(3, [null])])).rejects.toMatchObject({ status: 422, issues: [{ code: 'NO_ROWS' }] });
  });

  it('stops at the row limit with 413', async () => {
    const filled = Array.from({ length: 4 }, (_, i) => row(3 + i, ['5300000001', '2025-Q3', 1]));
    await expect(read([row(2, PATHS), ...filled.slice(0, 3)], 3)).resolves.toMatchObject({ rows: { length: 3 } });
    await expect(read([row(2, PATHS), ...filled], 3)).rejects.toMatchObject({ status: 413, issues: [{ code: 'TOO_MANY_ROWS' }] });
  });

  it('stops at the sheet row limit with 413, blank rows counted', async () => {
    const blank = Array.from({ length: 10_000 }, (_, i) => row(3 + i, [null, null, null, null, null, null, null, 'ghi chú']));
    await expect(read([row(2, PATHS), ...blank], 100)).rejects.toMatchObject({ status: 413, issues: [{ code: 'SHEET_TOO_LARGE' }] });
  });
});
