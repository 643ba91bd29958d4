import { billions, count, formatTable, percent } from './terminal-table';

interface PlanJson {
  asOf: string;
  targets: Array<{
    label: string;
    value: number;
    unit: string;
    deadline: string;
    current: number | null;
    sharePct: number | null;
    onTrack: boolean | null;
  }>;
  occupancy: Array<{ zoneCode: string | null; leasableHa: number; leasedHa: number; occupancyPct: number | null }>;
}

const twoDecimals = (value: number) => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A figure in its unit: đồng in billions, hectares and percentages with two decimals, counts whole. */
function figure(unit: string, value: number | null): string {
  if (value === null) return '–';
  if (unit === 'đồng') return `${billions(String(value))} tỷ đ`;
  if (unit === 'ha' || unit === '%') return `${twoDecimals(value)} ${unit}`;
  return `${count(value)} ${unit}`;
}

/** The plan as of a day (GET /v1/plan): each target with its figure, share and progress, then occupancy per zone and in total. */
export function planTable(plan: PlanJson): string {
  const targets = formatTable(
    ['Chỉ tiêu / Target', 'Mục tiêu', 'Thời hạn', 'Thực hiện', 'Đạt %', 'Tiến độ'],
    plan.targets.map((t) => [
      t.label,
      figure(t.unit, t.value),
      t.deadline,
      figure(t.unit, t.current),
      percent(t.sharePct),
      t.onTrack === null ? '–' : t.onTrack ? 'đúng tiến độ' : 'chậm',
    ]),
  );
  const occupancy = formatTable(
    ['Khu / Zone', 'Đất cho thuê ha', 'Đã thuê ha', 'Lấp đầy %'],
    plan.occupancy.map((o) => [
      o.zoneCode ?? 'Σ Toàn tỉnh / all',
      twoDecimals(o.leasableHa),
      twoDecimals(o.leasedHa),
      percent(o.occupancyPct),
    ]),
  );
  return `${targets}\n\n${occupancy}`;
}
