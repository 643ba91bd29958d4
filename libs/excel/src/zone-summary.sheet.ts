import { HeldBack, HeldBackReason, Json, Ownership, OWNERSHIPS, SummaryFigures, SummaryJson, ZONE_KINDS, ZoneKind } from '@app/domain';
import { UnitName } from './cell-units';
import { Label, untranslated } from './labels';
import { periodLabel } from './period-label';
import { Column, TableSheet } from './table-sheet.writer';

/** A zone, or a total over a kind of zone or over all of them. */
interface ZoneRow {
  readonly code: string | null;
  readonly name: Label;
  readonly kind: Label;
  readonly figures: Json<SummaryFigures> & { readonly blocks?: SummaryJson['totals']['all']['blocks'] };
  /** Fields withheld by disclosure control; absent in the board's figures. */
  readonly withheld?: readonly string[];
  /** Fields not shown as computed now, and why; absent in the board's figures. */
  readonly heldBack?: readonly HeldBack[];
}

type SheetSummary = Omit<SummaryJson, 'totals'> & { readonly totals?: SummaryJson['totals'] };

const KIND_LABELS: Readonly<Record<ZoneKind, Label>> = {
  industrial_park: { vi: 'KCN', en: 'Industrial park' },
  industrial_cluster: { vi: 'CCN', en: 'Industrial cluster' },
};

interface FigureColumn {
  readonly label: Label;
  readonly unit: UnitName;
  readonly width: number;
}

// Keyed by every figure of SummaryFigures, so a figure added there cannot be left out of the workbook.
const FIGURE_COLUMNS: { readonly [K in keyof SummaryFigures]: FigureColumn } = {
  reportsExpected: { label: { vi: 'Số báo cáo phải nộp', en: 'Reports expected' }, unit: 'count', width: 11 },
  reportsReceived: { label: { vi: 'Số báo cáo đã nhận', en: 'Reports received' }, unit: 'count', width: 11 },
  reportsOnTime: { label: { vi: 'Số báo cáo đúng hạn', en: 'Reports on time' }, unit: 'count', width: 11 },
  completenessPct: { label: { vi: 'Tỷ lệ báo cáo đã nhận', en: 'Reports received of expected' }, unit: 'percent', width: 11 },
  operatingProjects: { label: { vi: 'Số dự án hoạt động cuối kỳ', en: 'Operating projects at period end' }, unit: 'count', width: 12 },
  grossOutput: {
    label: { vi: 'Giá trị sản xuất công nghiệp, giá hiện hành', en: 'Gross industrial output, current prices' },
    unit: 'millionDong',
    width: 16,
  },
  grossOutputConstant2010: {
    label: { vi: 'Giá trị sản xuất công nghiệp, giá so sánh 2010', en: 'Gross industrial output, 2010 prices' },
    unit: 'millionDong',
    width: 16,
  },
  revenue: { label: { vi: 'Doanh thu thuần', en: 'Net revenue' }, unit: 'millionDong', width: 16 },
  exportValueUsd: { label: { vi: 'Kim ngạch xuất khẩu', en: 'Export turnover' }, unit: 'thousandUsd', width: 14 },
  importValueUsd: { label: { vi: 'Kim ngạch nhập khẩu', en: 'Import turnover' }, unit: 'thousandUsd', width: 14 },
  stateBudgetPaid: { label: { vi: 'Nộp ngân sách nhà nước', en: 'Paid to the state budget' }, unit: 'millionDong', width: 15 },
  realizedCapital: { label: { vi: 'Vốn đầu tư thực hiện', en: 'Realised investment capital' }, unit: 'millionDong', width: 15 },
  wageFund: { label: { vi: 'Tổng quỹ lương và thu nhập', en: 'Wage fund' }, unit: 'millionDong', width: 15 },
  workers: { label: { vi: 'Số lao động cuối kỳ', en: 'Workers at period end' }, unit: 'people', width: 12 },
  femaleWorkers: { label: { vi: 'Trong đó: lao động nữ', en: 'of whom women' }, unit: 'people', width: 12 },
  foreignWorkers: { label: { vi: 'Trong đó: lao động nước ngoài', en: 'of whom foreigners' }, unit: 'people', width: 12 },
  localWorkers: { label: { vi: 'Trong đó: lao động địa phương', en: 'of whom residents of the province' }, unit: 'people', width: 12 },
  averageMonthlyWage: {
    label: { vi: 'Thu nhập bình quân một lao động một tháng', en: 'Average monthly wage per worker' },
    unit: 'millionDongTenths',
    width: 14,
  },
  grossOutputSharePct: {
    label: { vi: 'Tỷ trọng giá trị sản xuất trong cùng loại khu', en: 'Share of gross output within the zone kind' },
    unit: 'percent',
    width: 13,
  },
  growthYoYPct: {
    label: { vi: 'Tăng trưởng so với cùng kỳ, giá so sánh 2010', en: 'Growth year on year, 2010 prices' },
    unit: 'percent',
    width: 13,
  },
  growthYoYCurrentPct: {
    label: { vi: 'Tăng trưởng so với cùng kỳ, giá hiện hành', en: 'Growth year on year, current prices' },
    unit: 'percent',
    width: 13,
  },
  planTarget: { label: { vi: 'Kế hoạch năm, giá so sánh 2010', en: 'Annual target, 2010 prices' }, unit: 'millionDong', width: 16 },
  planProgressPct: {
    label: { vi: 'Thực hiện kế hoạch năm (lũy kế từ đầu năm)', en: 'Annual target reached (year to date)' },
    unit: 'percent',
    width: 13,
  },
  warnings: { label: { vi: 'Số báo cáo có cảnh báo', en: 'Reports with warnings' }, unit: 'count', width: 11 },
};

const COLUMNS: readonly Column<ZoneRow>[] = [
  { label: { vi: 'Mã khu', en: 'Zone code' }, unit: 'text', width: 9, value: (r) => r.code },
  {
    label: { vi: 'Tên khu, cụm công nghiệp', en: 'Industrial park or cluster' },
    unit: 'text',
    width: 34,
    value: (r, language) => r.name[language],
  },
  { label: { vi: 'Loại', en: 'Kind' }, unit: 'text', width: 9, value: (r, language) => r.kind[language] },
  ...Object.entries(FIGURE_COLUMNS).map(([key, column]): Column<ZoneRow> => ({
    ...column,
    value: (r) => r.figures[key as keyof SummaryFigures],
  })),
];

// Why, in words a reader understands; which enterprise or which other figure is never said.
const REASONS: Readonly<Record<HeldBackReason, Label>> = {
  confidential: { vi: 'bảo mật số liệu doanh nghiệp', en: 'confidential' },
  'protects another figure': { vi: 'để không suy ra được số liệu khác', en: 'protects another figure' },
  'revision held back': { vi: 'số liệu công bố lần trước, chưa cập nhật điều chỉnh', en: 'as published before, revision held back' },
};

// Withheld cells are empty like figures nobody reported: this column tells them apart, naming what is withheld
// and why, and which figures are earlier ones shown again.
const WITHHELD_COLUMN: Column<ZoneRow> = {
  label: { vi: 'Số liệu không công bố (bảo mật)', en: 'Withheld (confidentiality)' },
  unit: 'text',
  width: 48,
  value: (r, language) => {
    const label = (field: string) => FIGURE_COLUMNS[field as keyof SummaryFigures]?.label[language] ?? field;
    // Publications made before reasons were given name their withheld fields only.
    const held = r.heldBack?.map((h) => `${label(h.field)} (${REASONS[h.reason][language]})`) ?? (r.withheld ?? []).map(label);
    return held.length > 0 ? held.join('; ') : null;
  },
};

function* zoneRows(summary: SheetSummary): Iterable<ZoneRow> {
  // Parks first, as in the totals below them and in the board's own reports.
  for (const zoneKind of ZONE_KINDS) {
    for (const { zoneCode, zoneName, kind, withheld, heldBack, ...figures } of summary.zones.filter((z) => z.kind === zoneKind)) {
      yield { code: zoneCode, name: untranslated(zoneName), kind: KIND_LABELS[kind], figures, withheld, heldBack };
    }
  }
  if (!summary.totals) return;
  const total = (name: Label, kind: Label, f: NonNullable<SheetSummary['totals']>['all']): ZoneRow => ({
    code: null,
    name,
    kind,
    figures: f,
    withheld: f.withheld,
    heldBack: f.heldBack,
  });
  const { industrial_park: parks, industrial_cluster: clusters, all } = summary.totals;
  yield total({ vi: 'Tổng các khu công nghiệp', en: 'All industrial parks' }, KIND_LABELS.industrial_park, parks);
  yield total({ vi: 'Tổng các cụm công nghiệp', en: 'All industrial clusters' }, KIND_LABELS.industrial_cluster, clusters);
  yield total({ vi: 'Toàn tỉnh', en: 'Province' }, { vi: 'KCN + CCN', en: 'All' }, all);
}

export const BLOCK_LABELS: Readonly<Record<Ownership, Label>> = {
  foreign: { vi: 'Khối FDI (có vốn đầu tư nước ngoài)', en: 'FDI (foreign-invested)' },
  domestic: { vi: 'Khối trong nước', en: 'Domestic' },
};

/** A zone's or a total's row in one of its blocks. */
interface BlockRow extends ZoneRow {
  readonly block: Label;
}

const BLOCK_COLUMNS: readonly Column<BlockRow>[] = [
  ...COLUMNS.slice(0, 3),
  { label: { vi: 'Khối', en: 'Block' }, unit: 'text', width: 22, value: (r, language) => r.block[language] },
  ...COLUMNS.slice(3),
];

function* blockRows(summary: SheetSummary): Iterable<BlockRow> {
  for (const row of zoneRows(summary)) {
    const { blocks } = row.figures;
    if (!blocks) continue;
    // In the public version a block is disclosed on its own: what is withheld in it is its own.
    for (const b of OWNERSHIPS) {
      const { withheld, heldBack, ...figures } = blocks[b];
      yield { ...row, block: BLOCK_LABELS[b], figures, withheld, heldBack };
    }
  }
}

/** Whether the zones and totals carry their FDI and domestic blocks (the board's split summary). */
export function isSplitByBlock(summary: SheetSummary): boolean {
  return summary.zones.some((z) => z.blocks !== undefined) || summary.totals?.all.blocks !== undefined;
}

/**
 * "Khối FDI và trong nước": the rows of the zone table, each as its FDI and its domestic block (by the
 * filing enterprise's block at the end of each report's quarter); a zone's figures are the sum of its two.
 */
export function ownershipBlocksSheet(summary: SheetSummary): TableSheet<BlockRow> {
  const period = periodLabel(summary.period, summary.quarters);
  return {
    name: { vi: 'Khối FDI và trong nước', en: 'FDI and domestic' },
    title: {
      vi: `Số liệu khối FDI và khối trong nước các khu, cụm công nghiệp tỉnh Lào Cai, ${period.vi}`,
      en: `Foreign-invested (FDI) and domestic enterprises, industrial parks and clusters of Lào Cai province, ${period.en}`,
    },
    columns: isDisclosureControlled(summary) ? [...BLOCK_COLUMNS, WITHHELD_COLUMN] : BLOCK_COLUMNS,
    rows: blockRows(summary),
    frozenColumns: 2,
  };
}

/** Whether the figures are the published ones, after disclosure control (each zone names what it withholds). */
export function isDisclosureControlled(summary: SheetSummary): boolean {
  return summary.zones.some((z) => z.withheld !== undefined);
}

/** "Tổng hợp theo khu": one row per zone, then the totals of parks, of clusters and of the province. */
export function zoneSummarySheet(summary: SheetSummary): TableSheet<ZoneRow> {
  const period = periodLabel(summary.period, summary.quarters);
  return {
    name: { vi: 'Tổng hợp theo khu', en: 'Zones and totals' },
    title: {
      vi: `Tổng hợp số liệu các khu, cụm công nghiệp tỉnh Lào Cai, ${period.vi}`,
      en: `Industrial parks and clusters of Lào Cai province, ${period.en}`,
    },
    columns: isDisclosureControlled(summary) ? [...COLUMNS, WITHHELD_COLUMN] : COLUMNS,
    rows: zoneRows(summary),
    frozenColumns: 2,
  };
}
