/**
 * Excel filing end to end: the template, uploads of real files into the same pipeline as JSON reports,
 * errors by cell, atomic and dry-run modes, scope per row, limits, and the batch read back.
 *
 * test/fixtures/reports-libreoffice.xlsx was saved by LibreOffice (7.4, Debian package
 * libreoffice-calc-nogui), not by exceljs, from test/fixtures/reports-libreoffice.csv with:
 *
 *   cd test/fixtures && soffice --headless --infilter="CSV:44,34,76,1,,1066" --convert-to xlsx --outdir . reports-libreoffice.csv
 *
 * (CSV import: comma separated, '"' quotes, UTF-8, from line 1, locale vi-VN.) In the Vietnamese locale
 * LibreOffice stores "41.500.000.000" as the number 41500000000, while "2,750,000,000" stays text: the
 * fixture holds numbers both as numbers and as text, a blank row and a column that is not a field.
 */
import { Workbook } from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workbookParts, zipArchive } from '../libs/excel/src/zip-archive.fixture';
import { createEnterprise, createZone, reportBody, submitAndDecide } from './support/fixtures';
import { expectFieldProblem, expectProblem } from './support/problem-assertions';
import { startTestSystem, TestSystem } from './support/test-system';

const JSON_ZONE = 'XLA';
const UPLOAD_ZONE = 'XLB';
const OTHER_ZONE = 'XLC';
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_ROWS = 50;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The reports of the LibreOffice fixture, as the same enterprises' JSON reports would carry them. */
const FIXTURE_REPORTS = [
  {
    grossOutput: 41_500_000_000,
    grossOutputConstant2010: 30_100_000_000,
    revenue: 45_000_000_000,
    exportValueUsd: 120_000,
    stateBudgetPaid: 1_200_000_000,
    realizedCapital: 0,
    workers: 175,
    femaleWorkers: 60,
    averageWorkers: 172,
    wageFund: 3_255_000_000,
  },
  {
    grossOutput: 8_200_000_000,
    grossOutputConstant2010: 6_100_000_000,
    revenue: 9_000_000_000,
    stateBudgetPaid: 150_000_000,
    workers: 48,
    femaleWorkers: 20,
    averageWorkers: 47,
    wageFund: 620_000_000,
  },
  {
    grossOutput: 2_750_000_000,
    revenue: 3_000_000_000,
    exportValueUsd: 15_000,
    realizedCapital: 500_000_000,
    workers: 31,
    wageFund: 390_000_000,
  },
];

describe('Excel filing: template, upload with errors by cell, batches', () => {
  let sys: TestSystem;
  let admin: string;
  let boardB: string;
  let filer: string;

  beforeAll(async () => {
    sys = await startTestSystem('excel', { UPLOAD_LIMIT_BYTES: String(MAX_FILE_BYTES), UPLOAD_MAX_ROWS: String(MAX_ROWS) });
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    boardB = await sys.token({ role: 'board', name: 'BQL XLB', zoneCodes: [UPLOAD_ZONE] });
    filer = await sys.token({ role: 'enterprise', name: 'DN 301', taxCode: '5300000301' });
    for (const zone of [JSON_ZONE, UPLOAD_ZONE, OTHER_ZONE]) await createZone(sys.http, admin, zone);
    for (const i of [1, 2, 3]) {
      await createEnterprise(sys.http, admin, `530000010${i}`, JSON_ZONE);
      await createEnterprise(sys.http, admin, `530000020${i}`, UPLOAD_ZONE);
    }
    await createEnterprise(sys.http, admin, '5300000301', OTHER_ZONE);
    await createEnterprise(sys.http, admin, '5300000302', OTHER_ZONE);
  }, 30_000);
  afterAll(() => sys?.close(), 30_000);

  const upload = (bytes: Buffer, fileName: string, token: string, query = '') => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    return sys.http.request('POST', `/v1/reports/upload${query}`, { token, raw: form });
  };

  /** The batch once the worker has decided on every stored row. */
  const processedBatch = async (batchId: string, token: string) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const r = await sys.http.get(`/v1/reports/uploads/${batchId}`, token);
      expect(r.status).toBe(200);
      if (r.body.processed) return r.body;
      if (Date.now() > deadline) throw new Error(`batch ${batchId} not processed: ${JSON.stringify(r.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const stored = async () => {
    const [{ submissions }] = await sys.query('SELECT count(*)::int AS submissions FROM report_submissions');
    const [{ batches }] = await sys.query('SELECT count(*)::int AS batches FROM report_upload_batches');
    return { submissions, batches };
  };

  /**
   * Written by the test with exceljs: shuffled columns, merged labels, a note column, text numbers with Vietnamese separators, a
   * formula, three bad cells in row 4.
   */
  const exceljsWorkbook = async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Reports');
    sheet.addRow(['Doanh nghiệp', '', 'Sản xuất', '', 'Lao động', 'Tiền lương', 'Ghi chú']);
    sheet.mergeCells('A1:B1');
    sheet.mergeCells('C1:D1');
    sheet.addRow(['taxCode', 'period', 'production.revenue', 'production.grossOutput', 'employment.workers', 'wages.wageFund', 'ghiChu']);
    sheet.addRow([
      '5300000301',
      'Quý 1/2025',
      '1.100.000.000',
      { formula: '500000000*2', result: 1_000_000_000 },
      '100',
      '2.100.000.000',
      'số có dấu chấm',
    ]);
    sheet.addRow(['5300000302', '2025-Q1', '1,000,000', '12,5', '-3', 'abc', 'ba ô sai']);
    sheet.addRow([]);
    sheet.addRow([null, null, null, null, null, null, 'chỉ có ghi chú']);
    sheet.addRow(['5300000302', '2025-Q2', 900_000_000, 800_000_000, 80, 1_700_000_000]);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };

  it('shows the figures of an uploaded LibreOffice file in the zone summary exactly as the same reports sent as JSON', async () => {
    for (const [i, figures] of FIXTURE_REPORTS.entries()) {
      expect((await submitAndDecide(sys.http, admin, reportBody(`530000010${i + 1}`, '2025-Q2', figures))).status).toBe('accepted');
    }
    const bytes = readFileSync(join(__dirname, 'fixtures', 'reports-libreoffice.xlsx'));
    const r = await upload(bytes, 'reports-libreoffice.xlsx', boardB);
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ dryRun: false, format: 'xlsx', ignoredColumns: [{ cell: 'M2', text: 'ghiChu' }] });
    expect(r.body.rows).toEqual(
      [3, 4, 6].map((row, i) => ({ row, status: 'received', id: expect.any(String), taxCode: `530000020${i + 1}`, period: '2025-Q2' })),
    );

    const batch = await processedBatch(r.body.batchId, boardB);
    expect(batch).toMatchObject({
      batchId: r.body.batchId,
      fileName: 'reports-libreoffice.xlsx',
      format: 'xlsx',
      atomic: false,
      counts: { rows: 3, invalid: 0, accepted: 3 },
    });
    expect(batch.rows.map((row: { row: number; status: string }) => [row.row, row.status])).toEqual([
      [3, 'accepted'],
      [4, 'accepted'],
      [6, 'accepted'],
    ]);
    const report = await sys.http.get(`/v1/reports/${r.body.rows[0].id}`, boardB);
    expect(report.body).toMatchObject({
      source: 'excel',
      batchId: r.body.batchId,
      production: { grossOutput: '41500000000', exportValueUsd: '120000' },
      employment: { averageWorkers: 172 },
    });

    const summary = async (zone: string) => {
      const s = await sys.http.get(`/v1/zones/${zone}/summary?period=2025-Q2`, admin);
      expect(s.status).toBe(200);
      const { zoneCode, zoneName, asOf, ...figures } = s.body;
      return figures;
    };
    const byJson = await summary(JSON_ZONE);
    expect(byJson).toMatchObject({
      grossOutput: '52450000000',
      revenue: '57000000000',
      exportValueUsd: '135000',
      workers: 254,
      reportsReceived: 3,
    });
    expect(await summary(UPLOAD_ZONE)).toEqual(byJson);
  });

  it('stores the valid rows of an exceljs-written file and answers three bad cells of another row by cell, field and code', async () => {
    const r = await upload(await exceljsWorkbook(), 'bao-cao-quy.xlsx', admin);
    expect(r.status).toBe(202);
    expect(r.body.ignoredColumns).toEqual([{ cell: 'G2', text: 'ghiChu' }]);
    const [first, bad, last] = r.body.rows;
    expect(first).toMatchObject({ row: 3, status: 'received', taxCode: '5300000301', period: '2025-Q1' });
    expect(last).toMatchObject({ row: 7, status: 'received', taxCode: '5300000302', period: '2025-Q2' });
    expect(bad).toEqual({
      row: 4,
      status: 'invalid',
      errors: [
        { cell: 'D4', field: 'production.grossOutput', code: 'NOT_AN_INTEGER', message: expect.any(String) },
        { cell: 'E4', field: 'employment.workers', code: 'OUT_OF_RANGE', message: expect.any(String) },
        { cell: 'F4', field: 'wages.wageFund', code: 'NOT_AN_INTEGER', message: expect.any(String) },
      ],
    });

    const batch = await processedBatch(r.body.batchId, admin);
    expect(batch.rows.map((row: { row: number; status: string }) => [row.row, row.status])).toEqual([
      [3, 'accepted'],
      [4, 'invalid'],
      [7, 'accepted'],
    ]);
    expect(batch.rows[1]).toEqual(bad);
    const report = await sys.http.get(`/v1/reports/${first.id}`, admin);
    // Typed with Vietnamese thousands separators and as a formula (its cached result).
    expect(report.body).toMatchObject({
      source: 'excel',
      production: { revenue: '1100000000', grossOutput: '1000000000' },
      wages: { wageFund: '2100000000' },
      employment: { workers: 100 },
    });
  });

  it('stores nothing in atomic mode unless every row is valid', async () => {
    const before = await stored();
    const refused = await upload(await exceljsWorkbook(), 'bao-cao-quy.xlsx', admin, '?atomic=true');
    expectProblem(refused, 422);
    expect(refused.body.errors.map((e: { cell: string }) => e.cell)).toEqual(['D4', 'E4', 'F4']);
    expect(await stored()).toEqual(before);

    const csv =
      'taxCode;period;production.grossOutput;production.revenue;employment.workers;wages.wageFund\r\n' +
      '5300000301;2025-Q3;1.000.000.000;1.100.000.000;100;2.100.000.000\r\n';
    const whole = await upload(
      Buffer.from(`Mã số thuế;Kỳ;GTSX;Doanh thu;Lao động;Quỹ lương\r\n${csv}`),
      'bao-cao.csv',
      admin,
      '?atomic=true',
    );
    expect(whole.status).toBe(202);
    expect(whole.body).toMatchObject({ format: 'csv', rows: [{ row: 3, status: 'received' }] });
    expect(await stored()).toEqual({ submissions: before.submissions + 1, batches: before.batches + 1 });
  });

  it('checks every row in a dry run and stores nothing', async () => {
    const before = await stored();
    const r = await upload(await exceljsWorkbook(), 'bao-cao-quy.xlsx', admin, '?dryRun=true');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ batchId: null, dryRun: true });
    expect(r.body.rows.map((row: { row: number; status: string }) => [row.row, row.status])).toEqual([
      [3, 'valid'],
      [4, 'invalid'],
      [7, 'valid'],
    ]);
    expect(r.body.rows[1].errors).toHaveLength(3);
    expect(await stored()).toEqual(before);
  });

  it('checks scope per row: an enterprise files only its own tax code, a board only its zones', async () => {
    const csv = (rows: string[]) =>
      Buffer.from(
        [
          'Mã số thuế,Kỳ,GTSX,Doanh thu,Lao động,Quỹ lương',
          'taxCode,period,production.grossOutput,production.revenue,employment.workers,wages.wageFund',
          ...rows,
        ].join('\n'),
      );
    const r = await upload(
      csv(['5300000301,2025-Q4,"1,000,000,000","1,100,000,000",100,"2,100,000,000"', '5300000302,2025-Q4,1,1,1,5000000']),
      'dn.csv',
      filer,
    );
    expect(r.status).toBe(202);
    expect(r.body.rows[0]).toMatchObject({ row: 3, status: 'received' });
    expect(r.body.rows[1]).toEqual({
      row: 4,
      status: 'invalid',
      errors: [{ cell: 'A4', field: 'taxCode', code: 'OUT_OF_SCOPE', message: expect.any(String) }],
    });

    const byBoard = await upload(csv(['5300000101,2025-Q4,1,1,1,5000000']), 'bql.csv', boardB);
    expect(byBoard.body.rows[0].errors[0]).toMatchObject({ cell: 'A3', code: 'OUT_OF_SCOPE' });
    // Another caller's upload is not visible outside the scope that covers its uploader.
    expectProblem(await sys.http.get(`/v1/reports/uploads/${r.body.batchId}`, boardB), 404);
    expect((await sys.http.get(`/v1/reports/uploads/${byBoard.body.batchId}`, filer)).status).toBe(404);
  });

  it('hands an enterprise its template pre-filled, and accepts it filled in and uploaded back', async () => {
    const r = await sys.http.get('/v1/reports/template.xlsx?period=2025-Q3', filer);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="mau-bao-cao-2025-q3.xlsx"');
    const workbook = new Workbook();
    await workbook.xlsx.load(r.body);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Reports', 'Hướng dẫn']);
    const sheet = workbook.getWorksheet('Reports')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã số thuế');
    expect([sheet.getCell('A2').value, sheet.getCell('C2').value]).toEqual(['taxCode', 'production.grossOutput']);
    expect([sheet.getCell('A3').value, sheet.getCell('B3').value]).toEqual(['5300000301', '2025-Q3']);
    expect(sheet.getCell('C3').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      prompt: expect.stringContaining('đồng'),
    });

    const figures: Record<string, number> = {
      'production.grossOutput': 1_500_000_000,
      'production.revenue': 1_600_000_000,
      'employment.workers': 120,
      'wages.wageFund': 2_700_000_000,
    };
    sheet.getRow(2).eachCell((cell, column) => {
      const path = cell.text;
      if (path in figures) sheet.getRow(3).getCell(column).value = figures[path];
    });
    const back = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'mau-bao-cao-2025-q3.xlsx', filer);
    expect(back.status).toBe(202);
    const batch = await processedBatch(back.body.batchId, filer);
    expect(batch.rows).toEqual([expect.objectContaining({ row: 3, status: 'accepted', taxCode: '5300000301', period: '2025-Q3' })]);

    const latest = await sys.http.get('/v1/reports/template.xlsx', filer);
    const latestBook = new Workbook();
    await latestBook.xlsx.load(latest.body);
    const now = new Date(Date.now() + 7 * 3_600_000);
    const quarter = Math.floor(now.getUTCMonth() / 3);
    const expected = quarter === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${quarter}`;
    expect(latestBook.getWorksheet('Reports')!.getCell('B3').value).toBe(expected);
  });

  it('refuses what is no report file with 415, and too much with 413, as problem details', async () => {
    expectProblem(await upload(Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n\u0000\u0001', 'latin1'), 'bao-cao.pdf', admin), 415);
    expectProblem(await upload(Buffer.from('not a workbook at all'), 'bao-cao.xlsx', admin), 415);
    expectFieldProblem(
      await upload(zipArchive([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]), 'van-ban.xlsx', admin),
      415,
      'file',
      'NOT_A_WORKBOOK',
    );

    expectFieldProblem(await upload(Buffer.alloc(MAX_FILE_BYTES + 1024, 0x41), 'big.csv', admin), 413, 'file', 'FILE_TOO_LARGE');
    const sheetOf = (filler: number) =>
      Buffer.concat([Buffer.from('<worksheet><sheetData/>'), Buffer.alloc(filler, 0x20), Buffer.from('</worksheet>')]);
    const bomb = zipArchive(workbookParts(sheetOf(64 * 1024 * 1024)));
    expect(bomb.length).toBeLessThan(MAX_FILE_BYTES);
    expectFieldProblem(await upload(bomb, 'bomb.xlsx', admin), 413, 'file', 'INFLATED_TOO_LARGE');
    const lying = zipArchive(workbookParts(sheetOf(20 * 1024 * 1024), 4096));
    expectFieldProblem(await upload(lying, 'lying.xlsx', admin), 413, 'file', 'INFLATED_TOO_LARGE');
    const rows = Array.from({ length: MAX_ROWS + 1 }, () => '5300000301,2025-Q3,1,1,1,5000000');
    const many = Buffer.from(
      ['taxCode,period,production.grossOutput,production.revenue,employment.workers,wages.wageFund', ...rows].join('\n'),
    );
    expectFieldProblem(await upload(many, 'many.csv', admin), 413, 'file', 'TOO_MANY_ROWS');
  });

  it('takes multipart on the upload route only, and answers a file without the template columns with 422', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('{}')]), 'x.json');
    expectProblem(await sys.http.request('POST', '/v1/reports', { token: admin, raw: form }), 415);
    expectProblem(await sys.http.post('/v1/reports/upload', { taxCode: '5300000301' }, admin), 415);
    const noFile = new FormData();
    noFile.append('note', 'no file');
    expectFieldProblem(await sys.http.request('POST', '/v1/reports/upload', { token: admin, raw: noFile }), 400, 'file', 'REQUIRED');
    expectFieldProblem(
      await upload(Buffer.from('taxCode,period,production.grossOutput\n5300000301,2025-Q3,1\n'), 'thieu-cot.csv', admin),
      422,
      'production.revenue',
      'MISSING_COLUMN',
    );
    expectFieldProblem(await upload(Buffer.from('a,b\n1,2\n'), 'khong-mau.csv', admin), 422, 'file', 'NO_FIELD_PATH_ROW');
    expectProblem(await sys.http.get('/v1/reports/uploads/00000000-0000-4000-8000-000000000000', admin), 404);
    expectFieldProblem(await upload(Buffer.from('x'), 'x.csv', admin, '?atomic=yes'), 422, 'atomic', 'NOT_ALLOWED');
  });
});
