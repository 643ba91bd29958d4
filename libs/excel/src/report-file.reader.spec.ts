import { Workbook } from 'exceljs';
import { PassThrough } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { readReportFile } from './report-file.reader';
import { writeReportTemplate } from './report-template.writer';
import { uploadLimits } from './upload-limits';
import { zipArchive } from './zip-archive.fixture';
import { readZipDirectory } from './zip-directory.reader';

const limits = uploadLimits(10 * 1024 * 1024, 100);

async function templateBytes(input: Parameters<typeof writeReportTemplate>[1]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  await writeReportTemplate(output, input);
  return Buffer.concat(chunks);
}

describe('reading report files', () => {
  it('reads an xlsx by its field paths: text numbers, separators, formulas, dates, merged labels, blank rows, extra columns', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Hướng dẫn').addRow(['not read']);
    const sheet = workbook.addWorksheet('Reports');
    sheet.addRow(['Doanh nghiệp', '', 'Sản xuất', '', 'Lao động', 'Tiền lương', 'Ghi chú']);
    sheet.mergeCells('A1:B1');
    sheet.mergeCells('C1:D1');
    sheet.addRow(['period', 'taxCode', 'production.revenue', 'production.grossOutput', 'employment.workers', 'wages.wageFund', 'ghi chú']);
    sheet.addRow([
      '2025-Q3',
      5300000001,
      45_000_000_000,
      '41.500.000.000',
      '175',
      { formula: '3000000000+255000000', result: 3_255_000_000 },
      'ok',
    ]);
    sheet.addRow([]);
    sheet.addRow([null, null, null, null, null, null, 'only a note']);
    sheet.addRow([
      new Date(Date.UTC(2025, 8, 30)),
      '5300000002',
      '1,200,000',
      '-5',
      'mười',
      { formula: 'A1/0', result: { error: '#DIV/0!' } },
    ]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const file = await readReportFile(bytes, 'bao-cao.xlsx', limits);
    expect(file.format).toBe('xlsx');
    expect(file.ignoredColumns).toEqual([{ cell: 'G2', text: 'ghi chú' }]);
    expect(file.rows.map((r) => r.row)).toEqual([3, 6]);
    expect(file.rows[0].body).toEqual({
      taxCode: '5300000001',
      period: '2025-Q3',
      production: { revenue: '45000000000', grossOutput: '41500000000' },
      employment: { workers: 175 },
      wages: { wageFund: '3255000000' },
    });
    expect(file.rows[1].body).toEqual({
      taxCode: '5300000002',
      period: '2025-Q3',
      production: { revenue: '1200000', grossOutput: '-5' },
      employment: { workers: 'mười' },
      wages: { wageFund: '=A1/0' },
    });
    expect(file.rows[1].cellOf('production.grossOutput')).toBe('D6');
  });

  it("reads a workbook whose parts come in Excel's order: sheets first, then styles and shared strings", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Reports');
    sheet.addRow([
      'taxCode',
      'period',
      'production.grossOutput',
      'production.revenue',
      'employment.workers',
      'wages.wageFund',
      'receivedAt',
    ]);
    sheet.addRow(['5300000001', '2025-Q3', '1.000.000', '2.000.000', 10, '300.000.000', new Date(Date.UTC(2025, 9, 5, 9, 30))]);
    sheet.getCell('G2').numFmt = 'dd/mm/yyyy hh:mm';
    const written = Buffer.from(await workbook.xlsx.writeBuffer());
    const parts = readZipDirectory(written, 100).entries.map((e) => {
      const data = written.subarray(e.dataStart, e.dataStart + e.compressedSize);
      return { name: e.name, data: e.method === 8 ? inflateRawSync(data) : data };
    });
    const excelOrder = (name: string) =>
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/workbook.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/worksheets/sheet1.xml',
        'xl/theme/theme1.xml',
        'xl/styles.xml',
        'xl/sharedStrings.xml',
      ].indexOf(name) + 1 || 99;
    const reordered = zipArchive([...parts].sort((a, b) => excelOrder(a.name) - excelOrder(b.name)));

    const file = await readReportFile(reordered, 'excel.xlsx', limits);
    expect(file.rows).toEqual([
      expect.objectContaining({
        row: 2,
        body: {
          taxCode: '5300000001',
          period: '2025-Q3',
          production: { grossOutput: '1000000', revenue: '2000000' },
          employment: { workers: 10 },
          wages: { wageFund: '300000000' },
          receivedAt: '2025-10-05T09:30:00+07:00',
        },
      }),
    ]);
  });

  it('reads a CSV with a byte-order mark, semicolons and Vietnamese thousands separators', async () => {
    const csv =
      '\ufeffMã số thuế;Kỳ;"Giá trị (giá hiện hành, đồng)";Doanh thu;Lao động;Quỹ lương\r\n' +
      'taxCode;period;production.grossOutput;production.revenue;employment.workers;wages.wageFund\r\n' +
      '5300000001;2025-Q3;41.500.000.000;45.000.000.000;175;3.255.000.000\r\n;;;;;\r\n';
    const file = await readReportFile(Buffer.from(csv, 'utf8'), 'bao-cao.csv', limits);
    expect(file.format).toBe('csv');
    expect(file.rows).toHaveLength(1);
    expect(file.rows[0]).toMatchObject({
      row: 3,
      body: {
        taxCode: '5300000001',
        period: '2025-Q3',
        production: { grossOutput: '41500000000', revenue: '45000000000' },
        employment: { workers: 175 },
        wages: { wageFund: '3255000000' },
      },
    });
  });

  it('reads back the template: pre-filled for an enterprise, with validation and a guide sheet', async () => {
    const bytes = await templateBytes({ prefill: { taxCode: '0123456789', period: '2025-Q3' }, forBoard: false, maxRows: 100 });
    const file = await readReportFile(bytes, 'template.xlsx', limits);
    expect(file.rows).toEqual([
      expect.objectContaining({ row: 3, body: { taxCode: '0123456789', period: '2025-Q3', production: {}, employment: {}, wages: {} } }),
    ]);

    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Reports', 'Hướng dẫn']);
    const sheet = workbook.getWorksheet('Reports')!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Giá trị sản xuất công nghiệp (giá hiện hành, đồng)');
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'taxCode',
      'period',
      'production.grossOutput',
      'production.grossOutputConstant2010',
      'production.revenue',
      'production.exportValueUsd',
      'production.importValueUsd',
      'production.stateBudgetPaid',
      'investment.realizedCapital',
      'employment.workers',
      'employment.femaleWorkers',
      'employment.foreignWorkers',
      'employment.localWorkers',
      'employment.averageWorkers',
      'wages.wageFund',
    ]);
    expect(sheet.getCell('C50').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      promptTitle: 'Số tiền (đồng)',
    });
    expect(sheet.getCell('B3').dataValidation).toMatchObject({ type: 'custom', prompt: expect.stringContaining('2025-Q3') });
    expect(sheet.getCell('C103').dataValidation).toBeUndefined();
  });

  it('gives the board the paper stamp column and no pre-filled row', async () => {
    const bytes = await templateBytes({ forBoard: true, maxRows: 100 });
    await expect(readReportFile(bytes, 'template.xlsx', limits)).rejects.toMatchObject({ status: 422, issues: [{ code: 'NO_ROWS' }] });
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.getWorksheet('Reports')!.getCell('P2').value).toBe('receivedAt');
  });

  it('reads a CSV as its chunks arrive, and lets too many bytes decide over what its first rows showed', async () => {
    async function* chunks(parts: Buffer[]) {
      yield* parts;
    }
    const head = 'taxCode,period,production.grossOutput,production.revenue,employment.workers,wages.wageFund\n';
    const row = '5300000001,2025-Q3,1,1,1,5000000\n';
    // Cut inside a character of two bytes (ã) and inside a row.
    const text = Buffer.from(`Mã số thuế\n${head}${row}${row}`);
    const file = await readReportFile(chunks([text.subarray(0, 2), text.subarray(2, 40), text.subarray(40)]), 'bao-cao.csv', limits);
    expect(file.rows.map((r) => [r.row, r.body.taxCode])).toEqual([
      [3, '5300000001'],
      [4, '5300000001'],
    ]);

    const small = uploadLimits(1024, 10);
    // No field-path row in the first lines (422), but the file goes on past the limit: 413 decides.
    await expect(
      readReportFile(chunks([Buffer.from('a,b\n1,2\n'.repeat(10)), Buffer.alloc(2048, 0x41)]), 'x.csv', small),
    ).rejects.toMatchObject({ status: 413, issues: [{ code: 'FILE_TOO_LARGE' }] });
    await expect(readReportFile(chunks([Buffer.from(head), Buffer.from([0xff, 0xfe])]), 'x.csv', small)).rejects.toMatchObject({
      status: 415,
    });
  });

  it('tells files apart by content: 415 for other kinds, 413 past the byte limit', async () => {
    const reject = (bytes: Buffer, name: string) => readReportFile(bytes, name, limits);
    await expect(reject(Buffer.from('%PDF-1.7\n\u0000\u0001binary', 'latin1'), 'bao-cao.pdf')).rejects.toMatchObject({ status: 415 });
    await expect(reject(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls')).rejects.toMatchObject({
      status: 415,
    });
    await expect(reject(Buffer.from('taxCode,period\n'), 'renamed.xlsx')).rejects.toMatchObject({ status: 415 });
    await expect(reject(Buffer.from([0xff, 0xfe, 0x41, 0x00]), 'utf16.csv')).rejects.toMatchObject({ status: 415 });
    await expect(readReportFile(Buffer.alloc(2048, 0x41), 'big.csv', uploadLimits(1024, 10))).rejects.toMatchObject({
      status: 413,
      issues: [{ code: 'FILE_TOO_LARGE' }],
    });
  });
});
