import { Workbook, Worksheet } from 'exceljs';
import { FILING_STATUS, FOLLOW_UPS, SUMMARY, writtenWorkbook } from './summary-workbook.fixture';

const rowValues = (sheet: Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
/** The column whose header (row 2) starts with `header`. */
function column(sheet: Worksheet, header: string): number {
  const index = rowValues(sheet, 2).findIndex((h) => typeof h === 'string' && h.startsWith(header));
  if (index < 0) throw new Error(`no column ${header} in ${sheet.name}`);
  return index + 1;
}
const rowOf = (sheet: Worksheet, firstCell: string) => {
  for (let r = 1; r <= sheet.rowCount; r++)
    if (sheet.getCell(r, 1).value === firstCell || sheet.getCell(r, 2).value === firstCell) return r;
  throw new Error(`no row ${firstCell} in ${sheet.name}`);
};

describe('the summary workbook', () => {
  let vi: Workbook;
  beforeAll(async () => {
    vi = await writtenWorkbook({ summary: SUMMARY, filingStatus: FILING_STATUS, followUps: FOLLOW_UPS });
  });

  it('has the zone sheet, the filing status, the warnings and the notes, in Vietnamese', () => {
    expect(vi.worksheets.map((s) => s.name)).toEqual(['Tổng hợp theo khu', 'Tình hình nộp báo cáo', 'Cảnh báo cần xử lý', 'Ghi chú']);
  });

  it('states the period in a title row, then Vietnamese and English headers, bold and frozen with the zone columns', () => {
    const sheet = vi.getWorksheet('Tổng hợp theo khu')!;
    expect(sheet.getCell('A1').value).toBe('Tổng hợp số liệu các khu, cụm công nghiệp tỉnh Lào Cai, năm 2024');
    expect(rowValues(sheet, 2).slice(0, 4)).toEqual(['Mã khu', 'Tên khu, cụm công nghiệp', 'Loại', 'Số báo cáo phải nộp']);
    expect(rowValues(sheet, 3).slice(0, 4)).toEqual(['Zone code', 'Industrial park or cluster', 'Kind', 'Reports expected']);
    expect(rowValues(sheet, 2)).toContain('Giá trị sản xuất công nghiệp, giá hiện hành (triệu đồng)');
    expect(rowValues(sheet, 3)).toContain('Gross industrial output, current prices (million VND)');
    // Three label columns and every one of the 24 figures of a ZoneSummary.
    expect(rowValues(sheet, 2)).toHaveLength(3 + 24);
    expect(sheet.getCell('A2').font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 3 });
    expect(sheet.getColumn(2).width).toBe(34);
  });

  it('writes money in millions of đồng, exact beyond 2^53 and rounded half up, with thousands separators', () => {
    const sheet = vi.getWorksheet('Tổng hợp theo khu')!;
    const cell = (header: string) => sheet.getCell(4, column(sheet, header));
    expect(cell('Giá trị sản xuất công nghiệp, giá hiện hành').value).toBe(123_456_789_012_346);
    expect(cell('Giá trị sản xuất công nghiệp, giá hiện hành').numFmt).toBe('#,##0');
    expect(cell('Giá trị sản xuất công nghiệp, giá so sánh 2010').value).toBe(3);
    expect(cell('Doanh thu thuần').value).toBe(2);
    expect(cell('Thu nhập bình quân').value).toBe(6.2);
    expect(cell('Thu nhập bình quân').numFmt).toBe('#,##0.0');
    expect(cell('Kim ngạch xuất khẩu').value).toBe(120);
    expect(cell('Số lao động cuối kỳ (người)').value).toBe(1250);
    expect(cell('Số lao động cuối kỳ (người)').numFmt).toBe('#,##0');
  });

  it('writes percentages as numbers with two decimals and leaves figures nobody reported empty', () => {
    const sheet = vi.getWorksheet('Tổng hợp theo khu')!;
    const share = sheet.getCell(4, column(sheet, 'Tỷ trọng giá trị sản xuất'));
    expect(share.value).toBe(0.86);
    expect(share.numFmt).toBe('0.00');
    expect(rowValues(sheet, 2)[column(sheet, 'Tỷ trọng giá trị sản xuất') - 1]).toBe('Tỷ trọng giá trị sản xuất trong cùng loại khu (%)');
    expect(sheet.getCell(4, column(sheet, 'Tăng trưởng so với cùng kỳ, giá hiện hành')).value).toBe(-3.5);
    const cluster = rowOf(sheet, 'CCN-BX');
    expect(sheet.getCell(cluster, column(sheet, 'Giá trị sản xuất công nghiệp, giá hiện hành')).value).toBeNull();
    expect(sheet.getCell(cluster, column(sheet, 'Số báo cáo phải nộp')).value).toBe(0);
  });

  it('lists parks, then clusters, then the totals of parks, clusters and the province', () => {
    const sheet = vi.getWorksheet('Tổng hợp theo khu')!;
    expect([4, 5, 6, 7, 8].map((r) => sheet.getCell(r, 2).value)).toEqual([
      'Khu công nghiệp Tằng Loỏng',
      'Cụm công nghiệp Bát Xát',
      'Tổng các khu công nghiệp',
      'Tổng các cụm công nghiệp',
      'Toàn tỉnh',
    ]);
    expect(sheet.getCell(8, column(sheet, 'Giá trị sản xuất công nghiệp, giá hiện hành')).value).toBe(123_456_789_012_346);
    expect(sheet.rowCount).toBe(8);
  });

  it('lists the filing status in Vietnamese with the receipt time as Vietnam wall-clock time', () => {
    const sheet = vi.getWorksheet('Tình hình nộp báo cáo')!;
    expect(sheet.getCell('A1').value).toBe('Tình hình nộp báo cáo quý IV/2024');
    expect([4, 5, 6].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 4).value])).toEqual([
      ['5300000011', 'Đúng hạn'],
      ['5300000012', 'Nộp muộn'],
      ['5300000013', 'Chưa nộp'],
    ]);
    const received = sheet.getCell(4, column(sheet, 'Thời điểm nhận'));
    expect(received.value).toEqual(new Date('2025-01-05T09:30:00Z'));
    expect(received.numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.getCell(6, column(sheet, 'Thời điểm nhận')).value).toBeNull();
  });

  it('lists each warning on a row of its own, explained in Vietnamese with the figures that triggered it', () => {
    const sheet = vi.getWorksheet('Cảnh báo cần xử lý')!;
    const [wage, outlier] = [4, 5];
    expect(sheet.getCell(wage, column(sheet, 'Mã cảnh báo')).value).toBe('BELOW_MINIMUM_WAGE');
    expect(sheet.getCell(wage, column(sheet, 'Nội dung')).value).toBe(
      'Thu nhập bình quân một lao động một tháng thấp hơn lương tối thiểu vùng II (áp dụng từ 2024-07-01)',
    );
    expect(sheet.getCell(wage, column(sheet, 'Số liệu báo cáo')).value).toBe(3.2);
    expect(sheet.getCell(wage, column(sheet, 'Số liệu báo cáo')).numFmt).toBe('#,##0.00');
    expect(sheet.getCell(wage, column(sheet, 'Mức so sánh')).value).toBe(4.41);
    expect(sheet.getCell(wage, column(sheet, 'Đơn vị')).value).toBe('triệu đồng');
    expect(sheet.getCell(outlier, column(sheet, 'Nội dung')).value).toBe('Số lao động thay đổi 62,5% so với quý III/2024, quá 50%');
    expect(sheet.getCell(outlier, column(sheet, 'Số liệu báo cáo')).value).toBe(130);
    expect(sheet.getCell(outlier, column(sheet, 'Thay đổi')).value).toBe(62.5);
    expect(sheet.getCell(outlier, column(sheet, 'Đơn vị')).value).toBe('người');
    expect(sheet.rowCount).toBe(5);
  });

  it('explains units, the period and the filing counts in the notes', () => {
    const sheet = vi.getWorksheet('Ghi chú')!;
    const notes = Object.fromEntries(
      Array.from({ length: sheet.rowCount - 3 }, (_, i) => [sheet.getCell(i + 4, 1).value, sheet.getCell(i + 4, 2).value]),
    );
    expect(notes['Kỳ số liệu']).toBe('năm 2024: 2024-Q1, 2024-Q2, 2024-Q3, 2024-Q4');
    expect(notes['Số liệu tính đến']).toBe('2025-11-03 08:15 (giờ Việt Nam)');
    expect(notes['Đơn vị tiền']).toMatch(/^Triệu đồng/);
    expect(notes['Tình hình nộp báo cáo']).toBe('Quý 2024-Q4, số doanh nghiệp phải nộp 3: Đúng hạn 1, Nộp muộn 1, Chưa nộp 1');
  });

  it('in English has English sheets and a single header row', async () => {
    const en = await writtenWorkbook({ summary: SUMMARY, filingStatus: FILING_STATUS, followUps: FOLLOW_UPS, language: 'en' });
    expect(en.worksheets.map((s) => s.name)).toEqual(['Zones and totals', 'Filing status', 'Warnings to follow up', 'Notes']);
    const zones = en.getWorksheet('Zones and totals')!;
    expect(zones.getCell('A1').value).toBe('Industrial parks and clusters of Lào Cai province, 2024');
    expect(zones.getCell('A2').value).toBe('Zone code');
    expect(zones.getCell('A3').value).toBe('TLG');
    expect(zones.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(en.getWorksheet('Filing status')!.getCell('D3').value).toBe('On time');
    const warnings = en.getWorksheet('Warnings to follow up')!;
    expect(warnings.getCell(3, column(warnings, 'Explanation')).value).toBe(FOLLOW_UPS[0].warnings[0].message);
  });

  it('leaves out the filing status and the warnings when not given, and reads warnings from an async source', async () => {
    const summaryOnly = await writtenWorkbook({ summary: SUMMARY });
    expect(summaryOnly.worksheets.map((s) => s.name)).toEqual(['Tổng hợp theo khu', 'Ghi chú']);
    async function* pages() {
      for (const report of FOLLOW_UPS) yield report;
    }
    const streamed = await writtenWorkbook({ summary: SUMMARY, followUps: pages() });
    expect(streamed.getWorksheet('Cảnh báo cần xử lý')!.rowCount).toBe(5);
  });
});
