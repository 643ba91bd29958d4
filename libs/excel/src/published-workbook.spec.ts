import { Workbook } from 'exceljs';
import { PassThrough } from 'node:stream';
import { figures, SUMMARY } from './summary-workbook.fixture';
import { SummaryWorkbookInput } from './summary-workbook.input';
import { writeSummaryWorkbook } from './summary-workbook.writer';

async function written(input: SummaryWorkbookInput): Promise<Workbook> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => output.on('end', resolve));
  await writeSummaryWorkbook(output, input);
  await ended;
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as never);
  return workbook;
}

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
    totals: { industrial_park: { ...figures(), withheld: [] }, industrial_cluster: { ...figures(), withheld: [] }, all: { ...figures(), withheld: [] } },
  };

  it('names what a zone withholds in a column of its own, empty cells being otherwise "not reported"', async () => {
    const workbook = await written({ summary: published });
    const sheet = workbook.worksheets[0];
    expect(lastColumn(workbook, 2)).toBe('Số liệu không công bố (bảo mật)');
    // Parks first: TLG is row 4, below the title and the two header rows.
    expect(sheet.getCell(4, 1).value).toBe('TLG');
    expect(lastColumn(workbook, 4)).toBe('Giá trị sản xuất công nghiệp, giá hiện hành; Số lao động cuối kỳ');
    const notes = workbook.getWorksheet('Ghi chú')!;
    const topics = Array.from({ length: notes.rowCount }, (_, i) => notes.getCell(i + 1, 1).value);
    expect(topics).toContain('Số liệu không công bố');
  });

  it('has no such column for the board, and no total rows for a reader of some zones', async () => {
    const board = await written({ summary: SUMMARY });
    expect(lastColumn(board, 2)).not.toBe('Số liệu không công bố (bảo mật)');
    const { totals: _, ...zonesOnly } = SUMMARY;
    const scoped = await written({ summary: { ...zonesOnly, zones: [SUMMARY.zones[1]] }, language: 'en' });
    const sheet = scoped.worksheets[0];
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getCell(3, 1).value).toBe('TLG');
  });
});
