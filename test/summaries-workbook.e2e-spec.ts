import { Workbook, Worksheet } from 'exceljs';
import { createEnterprise, createZone } from './support/fixtures';
import { Reply } from './support/http-client';
import { fileOnPaper, PaperFiling } from './support/paper-filings';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * The board's workbook, GET /v1/summaries.xlsx, opened with exceljs. Expected values are worked out
 * here from the filings below, never by the code under test. The board keys the filings in from paper
 * forms, whose stamps fix their timeliness.
 * - TLG, industrial park, wage region III: T1 files every quarter of 2024 on time; T2 files 2024-Q4
 *   late, with a wage fund under the region's minimum wage; T3 files 2024-Q1 only (missing in 2024-Q4).
 * - BDH, industrial park: B1 files every quarter of 2024 on time.
 */
const T1 = '5300300001';
const T2 = '5300300002';
const T3 = '5300300003';
const B1 = '5300300011';
const YEAR = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'];

const FILINGS: PaperFiling[] = [
  // 41,500.6 million đồng a quarter: the fraction of a million must be rounded, not cut off.
  ...YEAR.map((period) => ({ taxCode: T1, period, f: { grossOutput: 41_500_600_000 } })),
  // 900,000,000 / (100 workers × 3 months) = 3,000,000 đồng a month, under region III's 3,860,000.
  { taxCode: T2, period: '2024-Q4', late: true, f: { grossOutput: 1_234_567_890, workers: 100, wageFund: 900_000_000 } },
  { taxCode: T3, period: '2024-Q1', f: { grossOutput: 2_000_499_999 } },
  ...YEAR.map((period) => ({ taxCode: B1, period, f: { grossOutput: 10_250_000_000 } })),
];

const sumOutput = (zoneTaxCodes: string[], quarters: string[]) =>
  FILINGS.filter((x) => zoneTaxCodes.includes(x.taxCode) && quarters.includes(x.period)).reduce(
    (sum, x) => sum + BigInt(x.f.grossOutput!),
    0n,
  );
/** n / d rounded half up to a whole number. */
const halfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);

const rowValues = (sheet: Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
/** The column whose first header row starts with `header`. */
function column(sheet: Worksheet, header: string): number {
  const index = rowValues(sheet, 2).findIndex((h) => typeof h === 'string' && h.startsWith(header));
  if (index < 0) throw new Error(`no column "${header}" in ${sheet.name}`);
  return index + 1;
}
/** The data rows (below the title and header rows) as objects keyed by the first header row. */
function records(sheet: Worksheet, headerRows: number): Array<Record<string, unknown>> {
  const headers = rowValues(sheet, 2) as string[];
  const rows: Array<Record<string, unknown>> = [];
  for (let r = 2 + headerRows; r <= sheet.rowCount; r++) {
    rows.push(Object.fromEntries(headers.map((h, i) => [h, sheet.getCell(r, i + 1).value])));
  }
  return rows;
}

async function opened(reply: Reply): Promise<Workbook> {
  expect(reply.status).toBe(200);
  const workbook = new Workbook();
  // exceljs types its input as its own Buffer interface, which @types/node's Buffer no longer matches.
  await workbook.xlsx.load(reply.body as never);
  return workbook;
}

describe('summary workbook: GET /v1/summaries.xlsx opened with exceljs', () => {
  let sys: TestSystem;
  let admin: string;
  let board: string;
  let boardBdh: string;
  const warningsOf: Record<string, string[]> = {};

  beforeAll(async () => {
    sys = await startTestSystem('summaries_workbook');
    admin = await sys.token({ role: 'admin', name: 'Quản trị' });
    board = await sys.token({ role: 'board', name: 'Ban Quản lý KKT' });
    boardBdh = await sys.token({ role: 'board', name: 'BQL Bắc Duyên Hải', zoneCodes: ['BDH'] });
    await createZone(sys.http, admin, 'TLG', { name: 'Khu công nghiệp Tằng Loỏng', locality: 'Bảo Thắng', wageRegion: 3 });
    await createZone(sys.http, admin, 'BDH', { name: 'Khu công nghiệp Bắc Duyên Hải', wageRegion: 2 });
    for (const taxCode of [T1, T2, T3]) await createEnterprise(sys.http, admin, taxCode, 'TLG');
    await createEnterprise(sys.http, admin, B1, 'BDH');

    const verdicts = await fileOnPaper(sys.http, board, FILINGS);
    verdicts.forEach((v, i) => {
      const warnings = v.issues
        .filter((issue: { severity: string }) => issue.severity === 'warning')
        .map((issue: { code: string }) => issue.code);
      if (warnings.length > 0) warningsOf[`${FILINGS[i].taxCode} ${FILINGS[i].period}`] = warnings;
    });
  }, 60_000);
  afterAll(() => sys?.close(), 30_000);

  it('is an xlsx attachment named after the period, refused to enterprises', async () => {
    const reply = await sys.http.get('/v1/summaries.xlsx?period=2024', board);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename="tong-hop-kcn-2024.xlsx"');
    expect((reply.body as Buffer).subarray(0, 2).toString()).toBe('PK');

    const filer = await sys.token({ role: 'enterprise', name: 'DN T1', taxCode: T1 });
    const refused = await sys.http.get('/v1/summaries.xlsx?period=2024', filer);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await sys.http.get('/v1/summaries.xlsx?period=2024')).status).toBe(401);
    const badLanguage = await sys.http.get('/v1/summaries.xlsx?period=2024&lang=fr', board);
    expect(badLanguage.status).toBe(422);
    expect(badLanguage.body.errors).toEqual([expect.objectContaining({ field: 'lang', code: 'INVALID_LANGUAGE' })]);
  });

  it('has Vietnamese headers over English ones, frozen, with money in millions of đồng and formatted percentages', async () => {
    const workbook = await opened(await sys.http.get('/v1/summaries.xlsx?period=2024', board));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp theo khu',
      'Khối FDI và trong nước',
      'Tình hình nộp báo cáo',
      'Cảnh báo cần xử lý',
      'Ghi chú',
    ]);
    const zones = workbook.getWorksheet('Tổng hợp theo khu')!;
    expect(zones.getCell('A1').value).toEqual(expect.stringContaining('năm 2024'));
    expect(rowValues(zones, 2).slice(0, 2)).toEqual(['Mã khu', 'Tên khu, cụm công nghiệp']);
    expect(rowValues(zones, 3).slice(0, 2)).toEqual(['Zone code', 'Industrial park or cluster']);
    const output = column(zones, 'Giá trị sản xuất công nghiệp, giá hiện hành');
    expect(zones.getCell(2, output).value).toBe('Giá trị sản xuất công nghiệp, giá hiện hành (triệu đồng)');
    expect(zones.getCell(3, output).value).toBe('Gross industrial output, current prices (million VND)');
    expect(zones.getCell(2, output).font).toMatchObject({ bold: true });
    expect(zones.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });

    // Keyed by zone code, totals by their name.
    const byCode = Object.fromEntries(records(zones, 2).map((r) => [r['Mã khu'] ?? r['Tên khu, cụm công nghiệp'], r]));
    const tlgRow = 4 + records(zones, 2).findIndex((r) => r['Mã khu'] === 'TLG');
    // TLG: 4 × 41,500,600,000 + 1,234,567,890 + 2,000,499,999 = 169,237,467,889 đồng → 169,237 million.
    const tlg = sumOutput([T1, T2, T3], YEAR);
    const bdh = sumOutput([B1], YEAR);
    expect(zones.getCell(tlgRow, output).value).toBe(Number(halfUp(tlg, 1_000_000n)));
    expect(zones.getCell(tlgRow, output).value).toBe(169_237);
    expect(zones.getCell(tlgRow, output).numFmt).toBe('#,##0');
    expect(byCode.BDH['Giá trị sản xuất công nghiệp, giá hiện hành (triệu đồng)']).toBe(41_000);
    expect(byCode['Tổng các khu công nghiệp']['Giá trị sản xuất công nghiệp, giá hiện hành (triệu đồng)']).toBe(
      Number(halfUp(tlg + bdh, 1_000_000n)),
    );

    const share = zones.getCell(tlgRow, column(zones, 'Tỷ trọng giá trị sản xuất'));
    expect(share.value).toBe(Number(halfUp(tlg * 10_000n, tlg + bdh)) / 100);
    expect(share.numFmt).toBe('0.00');
    expect(zones.getCell(2, column(zones, 'Tỷ trọng giá trị sản xuất')).value).toMatch(/\(%\)$/);
    // Nobody reported exports: an empty cell, not 0.
    expect(zones.getCell(tlgRow, column(zones, 'Kim ngạch xuất khẩu')).value).toBeNull();
  });

  it('lists who filed the period’s last quarter on time, late, or not at all', async () => {
    const workbook = await opened(await sys.http.get('/v1/summaries.xlsx?period=2024', board));
    const filing = workbook.getWorksheet('Tình hình nộp báo cáo')!;
    expect(filing.getCell('A1').value).toBe('Tình hình nộp báo cáo quý IV/2024');
    expect(filing.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const rows = records(filing, 2).map((r) => [r['Mã số thuế'], r['Mã khu'], r['Tình trạng']]);
    expect(rows).toEqual([
      [B1, 'BDH', 'Đúng hạn'],
      [T1, 'TLG', 'Đúng hạn'],
      [T2, 'TLG', 'Nộp muộn'],
      [T3, 'TLG', 'Chưa nộp'],
    ]);
    // The late filing's stamp, 2025-01-10 00:00 in Vietnam, as a date cell; nothing for the missing one.
    const received = column(filing, 'Thời điểm nhận');
    expect(filing.getCell(6, received).value).toEqual(new Date('2025-01-10T00:00:00Z'));
    expect(filing.getCell(6, received).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(filing.getCell(7, received).value).toBeNull();
  });

  it('lists every warning still to follow up, explained in Vietnamese with its figures', async () => {
    expect(warningsOf).toEqual({ [`${T2} 2024-Q4`]: expect.arrayContaining(['BELOW_MINIMUM_WAGE', 'LATE']) });
    const workbook = await opened(await sys.http.get('/v1/summaries.xlsx?period=2024', board));
    const warnings = records(workbook.getWorksheet('Cảnh báo cần xử lý')!, 2);
    expect(warnings.map((w) => [w['Mã số thuế'], w['Quý'], w['Mã cảnh báo']]).sort()).toEqual(
      warningsOf[`${T2} 2024-Q4`].map((code) => [T2, '2024-Q4', code]).sort(),
    );
    const wage = warnings.find((w) => w['Mã cảnh báo'] === 'BELOW_MINIMUM_WAGE')!;
    expect(wage['Nội dung']).toMatch(/thấp hơn lương tối thiểu vùng III/);
    // 3,000,000 and 3,860,000 đồng a month, in millions.
    expect(wage).toMatchObject({ 'Số liệu báo cáo': 3, 'Mức so sánh': 3.86, 'Đơn vị': 'triệu đồng' });
  });

  it('gives a board only its own zones', async () => {
    const workbook = await opened(await sys.http.get('/v1/summaries.xlsx?period=2024', boardBdh));
    const zones = records(workbook.getWorksheet('Tổng hợp theo khu')!, 2);
    expect(zones.map((z) => z['Mã khu']).filter((code) => code !== null)).toEqual(['BDH']);
    const province = zones.find((z) => z['Tên khu, cụm công nghiệp'] === 'Toàn tỉnh')!;
    expect(province['Giá trị sản xuất công nghiệp, giá hiện hành (triệu đồng)']).toBe(41_000);
    expect(records(workbook.getWorksheet('Tình hình nộp báo cáo')!, 2).map((r) => r['Mã số thuế'])).toEqual([B1]);
    expect(records(workbook.getWorksheet('Cảnh báo cần xử lý')!, 2)).toEqual([]);
  });

  it('comes in English for a range of quarters', async () => {
    const reply = await sys.http.get('/v1/summaries.xlsx?from=2024-Q3&to=2024-Q4&lang=en', board);
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename="tong-hop-kcn-2024-q3-2024-q4.xlsx"');
    const workbook = await opened(reply);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Zones and totals',
      'FDI and domestic',
      'Filing status',
      'Warnings to follow up',
      'Notes',
    ]);
    const zones = workbook.getWorksheet('Zones and totals')!;
    expect(zones.getCell('A1').value).toBe('Industrial parks and clusters of Lào Cai province, Q3–Q4 2024');
    expect(rowValues(zones, 2).slice(0, 2)).toEqual(['Zone code', 'Industrial park or cluster']);
    expect(zones.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const statuses = records(workbook.getWorksheet('Filing status')!, 1).map((r) => r.Status);
    expect(statuses).toEqual(['On time', 'On time', 'Late', 'Missing']);
  });
});
