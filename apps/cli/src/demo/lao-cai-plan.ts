/**
 * The province's targets for its parks and clusters (provincial plan to 2030; the 2025 output target of
 * all parks from the province's plan for 2025), as the board's administrator enters them.
 */
const PLAN_2030 = 'Quy hoạch tỉnh Lào Cai thời kỳ 2021–2030 (Quyết định 273/QĐ-TTg ngày 11/4/2023)';

export const LAO_CAI_PLAN_TARGETS: ReadonlyArray<{ key: string; value: number; unit: string; deadline: string; source: string }> = [
  { key: 'industrial_parks', value: 10, unit: 'parks', deadline: '2030-12-31', source: PLAN_2030 },
  { key: 'industrial_clusters', value: 15, unit: 'clusters', deadline: '2030-12-31', source: PLAN_2030 },
  { key: 'park_area_ha', value: 2000, unit: 'ha', deadline: '2030-12-31', source: PLAN_2030 },
  { key: 'cluster_area_ha', value: 800, unit: 'ha', deadline: '2030-12-31', source: PLAN_2030 },
  { key: 'investment_usd', value: 10_000_000_000, unit: 'USD', deadline: '2030-12-31', source: PLAN_2030 },
  { key: 'jobs', value: 50_000, unit: 'workers', deadline: '2030-12-31', source: PLAN_2030 },
  { key: 'cluster_wastewater_pct', value: 100, unit: '%', deadline: '2030-12-31', source: PLAN_2030 },
  {
    key: 'park_output_2025',
    value: 24_000_000_000_000,
    unit: 'đồng',
    deadline: '2025-12-31',
    source: 'Kế hoạch phát triển kinh tế - xã hội tỉnh Lào Cai năm 2025: các KCN đạt 24.000 tỷ đồng (giá so sánh 2010)',
  },
];
