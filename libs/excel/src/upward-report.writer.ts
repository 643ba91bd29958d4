import { Workbook, Worksheet } from 'exceljs';
import { OWNERSHIPS, periodNameOf, UpwardFigures, UpwardLine, UpwardReport, ZoneKind } from '@app/domain';
import { columnLetters } from './cell-ref';
import { cellContent, UnitName, unitNumFmt, unitSuffix } from './cell-units';
import { periodLabel } from './period-label';
import { BLOCK_LABELS } from './zone-summary.sheet';

/** Who sends the report, to whom, and where and when it is signed. */
export interface UpwardReportHeading {
  /** The reporting unit: the board. */
  readonly boardName: string;
  /** The ministry that receives it (since 2025 the Ministry of Finance): a setting, not code. */
  readonly recipient: string;
  readonly place: string;
  /** The day it is written, 'YYYY-MM-DD' in Vietnam. */
  readonly date: string;
  /** When the figures were read, local time with its offset. */
  readonly asOf: string;
}

export const UPWARD_SHEET_NAME = 'Báo cáo';

interface FigureColumn {
  readonly key: keyof UpwardFigures;
  readonly label: string;
  readonly unit: UnitName;
}

interface ColumnGroup {
  readonly label: string;
  readonly columns: readonly FigureColumn[];
}

// Keyed by every figure of UpwardFigures, so a figure added there cannot be left out of the form.
const GROUPS: readonly ColumnGroup[] = [
  {
    label: 'Dự án cấp mới trong kỳ',
    columns: [
      { key: 'newProjects', label: 'Số dự án', unit: 'projects' },
      { key: 'newCapital', label: 'Vốn đăng ký', unit: 'millionDong' },
      { key: 'newCapitalUsd', label: 'Vốn đăng ký (dự án FDI)', unit: 'thousandUsd' },
    ],
  },
  {
    label: 'Dự án đang hoạt động cuối kỳ',
    columns: [
      { key: 'operatingProjects', label: 'Số dự án', unit: 'projects' },
      { key: 'operatingCapital', label: 'Vốn đăng ký', unit: 'millionDong' },
      { key: 'operatingCapitalUsd', label: 'Vốn đăng ký (dự án FDI)', unit: 'thousandUsd' },
    ],
  },
  { label: 'Vốn đầu tư thực hiện trong kỳ', columns: [{ key: 'realizedCapital', label: 'Vốn thực hiện', unit: 'millionDong' }] },
  {
    label: 'Sản xuất, kinh doanh trong kỳ',
    columns: [
      { key: 'grossOutput', label: 'Giá trị sản xuất công nghiệp, giá hiện hành', unit: 'millionDong' },
      { key: 'revenue', label: 'Doanh thu thuần', unit: 'millionDong' },
      { key: 'exportValueUsd', label: 'Kim ngạch xuất khẩu', unit: 'thousandUsd' },
      { key: 'importValueUsd', label: 'Kim ngạch nhập khẩu', unit: 'thousandUsd' },
      { key: 'stateBudgetPaid', label: 'Nộp ngân sách nhà nước', unit: 'millionDong' },
    ],
  },
  {
    label: 'Lao động cuối kỳ',
    columns: [
      { key: 'workers', label: 'Tổng số lao động', unit: 'people' },
      { key: 'femaleWorkers', label: 'Trong đó: lao động nữ', unit: 'people' },
      { key: 'foreignWorkers', label: 'Trong đó: lao động nước ngoài', unit: 'people' },
    ],
  },
  {
    label: 'Đất công nghiệp cuối kỳ',
    columns: [
      { key: 'leasableHa', label: 'Diện tích đất công nghiệp có thể cho thuê', unit: 'hectares' },
      { key: 'leasedHa', label: 'Diện tích đã cho thuê', unit: 'hectares' },
      { key: 'occupancyPct', label: 'Tỷ lệ lấp đầy', unit: 'percent' },
    ],
  },
  {
    label: 'Xử lý nước thải tập trung cuối kỳ',
    columns: [
      { key: 'wastewaterPlants', label: 'Số khu có nhà máy xử lý nước thải tập trung đang vận hành', unit: 'zones' },
      { key: 'wastewaterCapacityM3Day', label: 'Công suất xử lý', unit: 'cubicMetresPerDay' },
    ],
  },
];

const FIGURE_COLUMNS = GROUPS.flatMap((g) => g.columns);
const LEAD_COLUMNS = [
  { label: 'STT', width: 6 },
  { label: 'Khu, cụm công nghiệp', width: 38 },
  { label: 'Khối', width: 33 },
] as const;
const WIDTH = LEAD_COLUMNS.length + FIGURE_COLUMNS.length;

const TOTAL_NAMES: Readonly<Record<ZoneKind | 'all', string>> = {
  industrial_park: 'Tổng các khu công nghiệp',
  industrial_cluster: 'Tổng các cụm công nghiệp',
  all: 'Tổng cộng',
};
const WHOLE = 'Tổng số';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

const NOTES = [
  'Số liệu sản xuất, kinh doanh, vốn thực hiện và lao động tổng hợp từ báo cáo quý của doanh nghiệp đã được chấp nhận (Mẫu A.III.1), ' +
    'bằng số liệu tổng hợp của Ban Quản lý cho cùng kỳ; lao động cuối kỳ lấy từ báo cáo mới nhất trong kỳ của mỗi doanh nghiệp.',
  'Khối FDI và khối trong nước: theo loại hình của doanh nghiệp vào ngày cuối quý của mỗi báo cáo; ' +
    'dự án theo doanh nghiệp vào ngày cuối kỳ.',
  'Tiền: triệu đồng; kim ngạch và vốn đăng ký bằng USD: nghìn USD; làm tròn. Ô trống: không có số liệu (khác với số 0).',
  'Dự án cấp mới: đăng ký trong kỳ (ngày cấp, nếu không có thì ngày bắt đầu hoạt động). Tỷ lệ lấp đầy = đất đã cho thuê ÷ đất ' +
    'công nghiệp có thể cho thuê vào ngày cuối kỳ; dòng của một khối là phần khối đó thuê.',
];

const dayText = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/**
 * The board's report to the ministry as a workbook in the statutory layout: the title block (the board as
 * reporting unit, the national motto, the recipient, the period as people write it), one table of zones
 * and totals, each as a whole and as its FDI and domestic blocks, units in the headers, notes, and the
 * signature block. Small (a few rows per zone), so written in memory.
 */
export async function writeUpwardReport(report: UpwardReport, heading: UpwardReportHeading): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(UPWARD_SHEET_NAME, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1 } });
  sheet.columns = [...LEAD_COLUMNS.map((c) => ({ width: c.width })), ...FIGURE_COLUMNS.map(() => ({ width: 14 }))];
  const range = `${report.quarters[0]}..${report.quarters[report.quarters.length - 1]}`;

  titleBlock(sheet, report, heading, range);
  const headerTop = sheet.rowCount + 2;
  headerRows(sheet, headerTop);
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: headerTop + 2 }];
  let order = 0;
  for (const line of report.zones) writeLine(sheet, line, String(++order), line.zoneName ?? '');
  for (const kind of ['industrial_park', 'industrial_cluster', 'all'] as const)
    writeLine(sheet, report.totals[kind], '', TOTAL_NAMES[kind], true);

  sheet.addRow([]);
  for (const note of ['Ghi chú:', ...NOTES.map((n) => `- ${n}`)]) {
    const row = sheet.addRow([note]);
    sheet.mergeCells(row.number, 1, row.number, WIDTH);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = note.length > 130 ? 30 : 16;
  }
  signatureBlock(sheet, heading);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function mergedText(sheet: Worksheet, row: number, from: number, to: number, text: string, font: object = {}): void {
  sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text;
  cell.font = font;
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function titleBlock(sheet: Worksheet, report: UpwardReport, heading: UpwardReportHeading, range: string): void {
  const half = Math.floor(WIDTH / 2);
  mergedText(sheet, 1, 1, half - 4, heading.boardName.toUpperCase(), { bold: true });
  mergedText(sheet, 1, half + 1, WIDTH, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  mergedText(sheet, 2, half + 1, WIDTH, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
  mergedText(sheet, 4, 1, WIDTH, 'BÁO CÁO', { bold: true, size: 14 });
  mergedText(
    sheet,
    5,
    1,
    WIDTH,
    `Tình hình hoạt động các khu công nghiệp, cụm công nghiệp ${periodLabel(report.period, report.quarters).vi}`,
    { bold: true, size: 13 },
  );
  mergedText(sheet, 6, 1, WIDTH, `Kính gửi: ${heading.recipient}`, { italic: true });
  const facts: Array<[string, string]> = [
    ['Đơn vị báo cáo', heading.boardName],
    ['Đơn vị nhận báo cáo', heading.recipient],
    ['Kỳ báo cáo', `${periodNameOf(range, 'vi')} (từ ngày ${dayText(report.firstDay)} đến ngày ${dayText(report.lastDay)})`],
    ['Số liệu tính đến', `${dayText(heading.asOf.slice(0, 10))} ${heading.asOf.slice(11, 16)} (giờ Việt Nam)`],
  ];
  facts.forEach(([label, text], i) => {
    const row = sheet.getRow(8 + i);
    sheet.mergeCells(row.number, 1, row.number, 2);
    row.getCell(1).value = `${label}:`;
    row.getCell(1).font = { bold: true };
    sheet.mergeCells(row.number, 3, row.number, WIDTH);
    row.getCell(3).value = text;
  });
}

function headerRows(sheet: Worksheet, top: number): void {
  LEAD_COLUMNS.forEach((c, i) => {
    sheet.mergeCells(top, i + 1, top + 1, i + 1);
    sheet.getCell(top, i + 1).value = c.label;
  });
  let column = LEAD_COLUMNS.length + 1;
  for (const group of GROUPS) {
    const last = column + group.columns.length - 1;
    if (last > column) sheet.mergeCells(top, column, top, last);
    sheet.getCell(top, column).value = group.label;
    for (const c of group.columns) {
      const suffix = unitSuffix(c.unit);
      sheet.getCell(top + 1, column++).value = suffix ? `${c.label} (${suffix.vi})` : c.label;
    }
  }
  // The columns numbered as the statutory forms number them: letters for text, digits for figures.
  const numbers = sheet.getRow(top + 2);
  for (let i = 1; i <= WIDTH; i++) numbers.getCell(i).value = i <= LEAD_COLUMNS.length ? columnLetters(i) : String(i - LEAD_COLUMNS.length);
  for (let r = top; r <= top + 2; r++) {
    const row = sheet.getRow(r);
    row.height = r === top + 1 ? 64 : r === top ? 32 : 14;
    for (let i = 1; i <= WIDTH; i++) {
      const cell = row.getCell(i);
      cell.font = { bold: r < top + 2, italic: r === top + 2 };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }
}

function writeLine(sheet: Worksheet, line: UpwardLine, order: string, name: string, total = false): void {
  const parts: Array<[string, UpwardFigures]> = [
    [WHOLE, line.figures],
    ...OWNERSHIPS.map((b): [string, UpwardFigures] => [BLOCK_LABELS[b].vi, line.blocks[b]]),
  ];
  parts.forEach(([block, figures], i) => {
    const row = sheet.addRow([i === 0 ? order : '', name, block]);
    FIGURE_COLUMNS.forEach((c, j) => {
      const value = figures[c.key];
      const content = cellContent(c.unit, typeof value === 'bigint' ? value.toString() : value);
      const cell = row.getCell(LEAD_COLUMNS.length + 1 + j);
      if (content !== null) cell.value = content;
      const numFmt = unitNumFmt(c.unit);
      if (numFmt) cell.numFmt = numFmt;
    });
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
    row.font = { bold: i === 0 && total, italic: i > 0 };
  });
}

function signatureBlock(sheet: Worksheet, heading: UpwardReportHeading): void {
  const [year, month, day] = heading.date.split('-');
  const top = sheet.rowCount + 2;
  const left: [number, number] = [1, 4];
  const right: [number, number] = [WIDTH - 7, WIDTH];
  mergedText(sheet, top, right[0], right[1], `${heading.place}, ngày ${day} tháng ${month} năm ${year}`, { italic: true });
  mergedText(sheet, top + 1, left[0], left[1], 'Người lập biểu', { bold: true });
  mergedText(sheet, top + 1, right[0], right[1], 'Thủ trưởng đơn vị', { bold: true });
  mergedText(sheet, top + 2, left[0], left[1], '(Ký, ghi rõ họ tên)', { italic: true });
  mergedText(sheet, top + 2, right[0], right[1], '(Ký, ghi rõ họ tên, đóng dấu)', { italic: true });
}

/** 'bao-cao-kcn-gui-bo-2025-h1.xlsx': ASCII, so no header encoding is needed. */
export function upwardReportFileName(period: string): string {
  return `bao-cao-kcn-gui-bo-${period.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.xlsx`;
}
