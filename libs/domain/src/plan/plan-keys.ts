import { isReportingYear } from '../periods/quarter-range';

/** What a plan target measures; its figure is computed by `planFigure`. */
export type PlanMeasure =
  | { readonly kind: 'zone_count'; readonly zoneKind: 'industrial_park' | 'industrial_cluster' }
  | { readonly kind: 'zone_area'; readonly zoneKind: 'industrial_park' | 'industrial_cluster' }
  | { readonly kind: 'investment_usd' }
  | { readonly kind: 'jobs' }
  | { readonly kind: 'cluster_wastewater' }
  | { readonly kind: 'park_output'; readonly year: number };

/** A known target key: its Vietnamese label, the one unit its value is given in, and what it measures. */
export interface PlanKey {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly measure: PlanMeasure;
}

const FIXED: readonly PlanKey[] = [
  { key: 'industrial_parks', label: 'Số khu công nghiệp', unit: 'parks', measure: { kind: 'zone_count', zoneKind: 'industrial_park' } },
  {
    key: 'industrial_clusters',
    label: 'Số cụm công nghiệp',
    unit: 'clusters',
    measure: { kind: 'zone_count', zoneKind: 'industrial_cluster' },
  },
  {
    key: 'park_area_ha',
    label: 'Diện tích các khu công nghiệp',
    unit: 'ha',
    measure: { kind: 'zone_area', zoneKind: 'industrial_park' },
  },
  {
    key: 'cluster_area_ha',
    label: 'Diện tích các cụm công nghiệp',
    unit: 'ha',
    measure: { kind: 'zone_area', zoneKind: 'industrial_cluster' },
  },
  { key: 'investment_usd', label: 'Vốn đầu tư thu hút', unit: 'USD', measure: { kind: 'investment_usd' } },
  { key: 'jobs', label: 'Số lao động', unit: 'workers', measure: { kind: 'jobs' } },
  {
    key: 'cluster_wastewater_pct',
    label: 'Tỷ lệ cụm công nghiệp có trạm xử lý nước thải tập trung',
    unit: '%',
    measure: { kind: 'cluster_wastewater' },
  },
];

const PARK_OUTPUT = /^park_output_(\d{4})$/;

/** The keys a target can have: the fixed ones, then `park_output_YYYY` for any reporting year. */
export const PLAN_KEY_NAMES: readonly string[] = [...FIXED.map((k) => k.key), 'park_output_YYYY'];

/** The known key, or null (an unknown key, or a year outside the reporting years). */
export function planKey(key: string): PlanKey | null {
  const fixed = FIXED.find((k) => k.key === key);
  if (fixed) return fixed;
  const match = PARK_OUTPUT.exec(key);
  const year = match ? Number(match[1]) : NaN;
  if (!isReportingYear(year)) return null;
  return {
    key,
    label: `Giá trị sản xuất các khu công nghiệp năm ${year} (giá so sánh 2010)`,
    unit: 'đồng',
    measure: { kind: 'park_output', year },
  };
}

/** Keys in the order the plan is shown: the fixed ones as listed, then the output years. */
export function comparePlanKeys(a: string, b: string): number {
  const rank = (key: string) => {
    const i = FIXED.findIndex((k) => k.key === key);
    return i < 0 ? FIXED.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}
