import { billions, count, formatTable, millions, percent } from './terminal-table';

interface ZoneRow {
  zoneCode: string;
  zoneName: string;
  reportsExpected: number;
  reportsReceived: number;
  reportsOnTime: number;
  operatingProjects: number;
  grossOutput: string | null;
  grossOutputSharePct: number | null;
  workers: number | null;
  averageMonthlyWage: string | null;
  growthYoYCurrentPct: number | null;
  planProgressPct: number | null;
  warnings: number;
}

/** The board's table of a summary: one line per zone with reports, then the totals per kind. */
export function zoneTable(summary: { zones: ZoneRow[]; totals: Record<string, Omit<ZoneRow, 'zoneCode' | 'zoneName'>> }): string {
  const headers = [
    'Khu / Zone',
    'Báo cáo',
    'Đúng hạn',
    'Dự án',
    'GTSX tỷ đ',
    'Tỷ trọng %',
    'Lao động',
    'Lương TB tr.đ',
    'Tăng trưởng %',
    'KH %',
    'Cảnh báo',
  ];
  const line = (name: string, z: Omit<ZoneRow, 'zoneCode' | 'zoneName'>) => [
    name,
    `${z.reportsReceived}/${z.reportsExpected}`,
    count(z.reportsOnTime),
    count(z.operatingProjects),
    billions(z.grossOutput),
    percent(z.grossOutputSharePct),
    count(z.workers),
    millions(z.averageMonthlyWage),
    percent(z.growthYoYCurrentPct),
    percent(z.planProgressPct),
    count(z.warnings),
  ];
  const rows = summary.zones
    .filter((z) => z.reportsExpected > 0 || z.operatingProjects > 0)
    .map((z) => line(`${z.zoneCode} ${z.zoneName.replace(/^(Khu|Cụm) công nghiệp /, '')}`, z));
  rows.push(
    line('Σ Khu công nghiệp (KCN)', summary.totals.industrial_park),
    line('Σ Cụm công nghiệp (CCN)', summary.totals.industrial_cluster),
    line('Σ Toàn tỉnh / all', summary.totals.all),
  );
  return formatTable(headers, rows);
}
