import { Workbook } from 'exceljs';
import { figures, SUMMARY, writtenWorkbook } from './summary-workbook.fixture';
import { SummaryWorkbookInput } from './summary-workbook.input';

const lastColumn = (workbook: Workbook, row: number) => {
  const values = (workbook.worksheets[0].getRow(row).values as unknown[]).slice(1);
  return values[values.length - 1];
};

describe('workbooks of published figures', () => {
  // As after disclosure control: TLG withheld on every magnitude, counts kept; the cluster published.
  const published: SummaryWorkbookInput['summary'] = {
    ...SUMMARY,
    zones: [
      { ...SUMMARY.zones[0], withheld: [] },
      { ...SUMMARY.zones[1], ...figures({ reportsExpected: 8, reportsReceived: 7 }), withheld: ['grossOutput', 'workers'] },
    ],
    totals: {
      industrial_park: { ...figures(), withheld: [] },
      industrial_cluster: { ...figures(), withheld: [] },
      all: { ...figures(), withheld: [] },
    },
  };

  it('names what a zone withholds in a column of its own, empty cells being otherwise "not reported"', async () => {
    const workbook = await writtenWorkbook({ summary: published });
    const sheet = workbook.worksheets[0];
    expect(lastColumn(workbook, 2)).toBe('Số liệu không công bố (bảo mật)');
    // Parks first: TLG is row 4, below the title and the two header rows.
    expect(sheet.getCell(4, 1).value).toBe('TLG');
    expect(lastColumn(workbook, 4)).toBe('Giá trị sản xuất công nghiệp, giá hiện hành; Số lao động cuối kỳ');
    const notes = workbook.getWorksheet('Ghi chú')!;
    const topics = Array.from({ length: notes.rowCount }, (_, i) => notes.getCell(i + 1, 1).value);
    expect(topics).toContain('Số liệu không công bố');
  });

  it('says why each figure is held back, in Vietnamese, without naming whom it protects', async () => {
    const held: SummaryWorkbookInput['summary'] = {
      ...published,
      zones: [
        { ...published.zones[0], heldBack: [{ field: 'grossOutput', reason: 'revision held back' }] },
        {
          ...published.zones[1],
          heldBack: [
            { field: 'grossOutput', reason: 'confidential' },
            { field: 'workers', reason: 'protects another figure' },
          ],
        },
      ],
    };
    const workbook = await writtenWorkbook({ summary: held });
    expect(lastColumn(workbook, 4)).toBe(
      'Giá trị sản xuất công nghiệp, giá hiện hành (bảo mật số liệu doanh nghiệp); Số lao động cuối kỳ (để không suy ra được số liệu khác)',
    );
    expect(lastColumn(workbook, 5)).toBe(
      'Giá trị sản xuất công nghiệp, giá hiện hành (số liệu công bố lần trước, chưa cập nhật điều chỉnh)',
    );
  });

  it('has no such column for the board, and no total rows for a reader of some zones', async () => {
    const board = await writtenWorkbook({ summary: SUMMARY });
    expect(lastColumn(board, 2)).not.toBe('Số liệu không công bố (bảo mật)');
    const { totals: _, ...zonesOnly } = SUMMARY;
    const scoped = await writtenWorkbook({ summary: { ...zonesOnly, zones: [SUMMARY.zones[1]] }, language: 'en' });
    const sheet = scoped.worksheets[0];
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getCell(3, 1).value).toBe('TLG');
  });
});
