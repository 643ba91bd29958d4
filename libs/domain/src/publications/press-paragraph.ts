import { periodNameOf } from '../periods/period-names';
import { scaledNumber } from '../reports/scaled-number';
import type { SummaryJson } from './published-figures';

type Figures = SummaryJson['totals']['all'];

// The province whose board publishes, as the press names it.
const PROVINCE = 'tỉnh Lào Cai';

const vi = (value: number, decimals = 0) =>
  value.toLocaleString('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });

/** Billions as the press writes them: whole from a hundred up (`166 tỷ đồng`), one decimal below (`29,5 tỷ đồng`). */
function billions(dong: string): string {
  const tenths = scaledNumber(dong, 9, 1);
  return `${tenths >= 100 ? vi(scaledNumber(dong, 9, 0)) : vi(tenths, 1)} tỷ đồng`;
}

const KIND_WORDS: Record<string, string> = { industrial_park: 'các khu công nghiệp', industrial_cluster: 'các cụm công nghiệp' };

/** The clauses of one zone or total, each only when its figure was published (a withheld one is null). */
function clauses(f: Figures, shareOf: string | null): string[] {
  const out: string[] = [];
  if (f.operatingProjects > 0) out.push(`${vi(f.operatingProjects)} dự án hoạt động`);
  if (f.grossOutput !== null) {
    const growth =
      f.growthYoYPct === null ? '' : `, ${f.growthYoYPct >= 0 ? 'tăng' : 'giảm'} ${vi(Math.abs(f.growthYoYPct), 2)}% so với cùng kỳ`;
    const share =
      shareOf && f.grossOutputSharePct !== null ? `, chiếm ${vi(f.grossOutputSharePct, 2)}% giá trị sản xuất của ${shareOf}` : '';
    out.push(`giá trị sản xuất công nghiệp đạt ${billions(f.grossOutput)}${growth}${share}`);
  }
  if (f.workers !== null) out.push(`thu hút ${vi(f.workers)} lao động`);
  if (f.averageMonthlyWage !== null)
    out.push(`thu nhập bình quân ${vi(scaledNumber(f.averageMonthlyWage, 6, 1), 1)} triệu đồng/người/tháng`);
  return out;
}

function sentence(period: string, subject: string, parts: string[]): string | null {
  return parts.length === 0 ? null : `${period}, ${subject} có ${parts.join(', ')}.`;
}

/** Whose paragraphs: the province's for a reader of every zone, and those of the zones a reader follows. */
export interface PressScope {
  readonly allZones: boolean;
  inScope(zoneCode: string): boolean;
}

/**
 * Paragraphs the provincial press could print, drafted from the public figures of a publication: one
 * sentence for the province, one per zone (`Quý III/2025, KCN Bắc Duyên Hải có 63 dự án hoạt động, giá
 * trị sản xuất công nghiệp đạt 166 tỷ đồng, chiếm 0,86% ...`). Only figures the public version carries
 * are said, so a withheld figure never appears, nor anything the published table does not already show.
 */
export function pressParagraphs(summary: SummaryJson, scope: PressScope): string[] {
  const period = periodNameOf(summary.period, 'vi');
  const whole = scope.allZones ? sentence(period, `các khu, cụm công nghiệp ${PROVINCE}`, clauses(summary.totals.all, null)) : null;
  const zones = summary.zones
    .filter((z) => scope.inScope(z.zoneCode))
    .map((z) => sentence(period, z.zoneName, clauses(z, KIND_WORDS[z.kind] ?? null)));
  return [whole, ...zones].filter((text): text is string => text !== null);
}
