import { AggregateRow, emptySums, NO_NEXT_PERIOD } from '../aggregation/quarter-sums';
import { planKey } from './plan-keys';
import {
  lastQuarterEnded,
  PlanFacts,
  planOccupancy,
  planProgress,
  planQuarters,
  PlanProjectFacts,
  PlanZoneFacts,
  toHundredths,
} from './plan-progress';

const zone = (code: string, extra: Partial<PlanZoneFacts> = {}): PlanZoneFacts => ({
  code,
  kind: 'industrial_park',
  areaHa: null,
  establishedOn: null,
  wastewaterOperatingFrom: null,
  ...extra,
});

const project = (zoneCode: string, extra: Partial<PlanProjectFacts> = {}): PlanProjectFacts => ({
  zoneCode,
  status: 'operating',
  operatingFrom: null,
  endedAt: null,
  registeredOn: null,
  registeredCapitalUsd: null,
  leasedHa: null,
  leasedFrom: null,
  ...extra,
});

const row = (zoneCode: string, period: string, nextPeriod: string, figures: { workers?: bigint; output2010?: bigint }): AggregateRow => {
  const empty = emptySums();
  return {
    ...empty,
    zoneCode,
    period,
    nextPeriod,
    ownership: 'domestic',
    reports: 1,
    sums: { ...empty.sums, workers: figures.workers ?? 0n, grossOutputConstant2010: figures.output2010 ?? 0n },
  };
};

const facts = (extra: Partial<PlanFacts>): PlanFacts => ({ zones: [], land: [], projects: [], rows: [], ...extra });
const target = (key: string, value: string, deadline = '2030-12-31') => ({ key, value, unit: planKey(key)!.unit, deadline, source: 'QĐ' });

describe('plan keys', () => {
  it('knows the fixed keys and an output target for any reporting year, and nothing else', () => {
    expect(planKey('industrial_parks')?.unit).toBe('parks');
    expect(planKey('park_output_2025')).toMatchObject({ unit: 'đồng', measure: { kind: 'park_output', year: 2025 } });
    expect(planKey('park_output_1999')).toBeNull();
    expect(planKey('parks')).toBeNull();
  });
});

describe('toHundredths', () => {
  it('reads decimal text exactly', () => {
    expect(toHundredths('110.5')).toBe(11050n);
    expect(toHundredths('2000.00')).toBe(200000n);
    expect(toHundredths('24000000000000')).toBe(2400000000000000n);
  });
});

describe('lastQuarterEnded', () => {
  it('counts a quarter as ended on its last day', () => {
    expect(lastQuarterEnded('2025-06-30')).toEqual({ year: 2025, quarter: 2 });
    expect(lastQuarterEnded('2025-06-29')).toEqual({ year: 2025, quarter: 1 });
  });
});

describe('planProgress', () => {
  const parks = [
    zone('A', { establishedOn: '2005-01-01', areaHa: '100.25' }),
    zone('B', { establishedOn: '2024-07-01', areaHa: '200' }),
    zone('C'),
    zone('K1', { kind: 'industrial_cluster', establishedOn: '2019-01-01', areaHa: '50', wastewaterOperatingFrom: '2025-03-01' }),
    zone('K2', { kind: 'industrial_cluster', establishedOn: '2022-01-01', areaHa: '40' }),
  ];

  it('counts zones established by the day, their natural area, and the share of clusters with a plant', () => {
    const f = facts({ zones: parks });
    const [parkCount, clusterCount, parkArea, wastewater] = planProgress(
      [
        target('industrial_parks', '10'),
        target('park_area_ha', '2000'),
        target('industrial_clusters', '15'),
        target('cluster_wastewater_pct', '100'),
      ],
      f,
      '2025-06-30',
    );
    expect(parkCount).toMatchObject({ key: 'industrial_parks', current: 2, sharePct: 20, value: 10 });
    expect(clusterCount).toMatchObject({ key: 'industrial_clusters', current: 2 });
    expect(parkArea).toMatchObject({ key: 'park_area_ha', current: 300.25, sharePct: 15.01 });
    expect(wastewater).toMatchObject({ key: 'cluster_wastewater_pct', current: 50, sharePct: 50 });
    const before = planProgress([target('industrial_parks', '10'), target('cluster_wastewater_pct', '100')], f, '2024-06-30');
    expect(before.map((t) => t.current)).toEqual([1, 0]);
    expect(planProgress([target('cluster_wastewater_pct', '100')], facts({ zones: [zone('A')] }), '2025-01-01')[0]).toMatchObject({
      current: null,
      sharePct: null,
      onTrack: null,
    });
  });

  it('judges the path linearly from the plan start: at the start, the figure then; at the deadline, the target', () => {
    // 1 park in 2021, 2 in mid-2024; target 4 by 2030-12-31.
    const f = facts({ zones: parks });
    const at = (day: string) => planProgress([target('industrial_parks', '4')], f, day)[0].onTrack;
    // The path is 1 + 3 × elapsed / 3651 days: at the start 1 (met), by 2024-06-30 (day 1276) 2.05 with 1
    // there, by 2024-07-01 still 2.05 with 2 there, and 4 at the deadline.
    expect(at('2021-01-01')).toBe(true);
    expect(at('2024-06-30')).toBe(false);
    expect(at('2024-07-01')).toBe(false);
    expect(at('2030-12-31')).toBe(false);
    const met = planProgress([target('industrial_parks', '2')], f, '2030-12-31')[0];
    expect(met).toMatchObject({ current: 2, sharePct: 100, onTrack: true });
  });

  it('sums registered USD capital of projects registered by the day and still in force', () => {
    const f = facts({
      zones: parks,
      projects: [
        project('A', { registeredOn: '2023-05-01', registeredCapitalUsd: '1000000' }),
        project('A', { operatingFrom: '2024-01-01', registeredCapitalUsd: '500000' }),
        project('B', { registeredOn: '2020-01-01', registeredCapitalUsd: '700000', status: 'terminated', endedAt: '2024-12-31' }),
        project('B', { registeredOn: '2020-01-01', registeredCapitalUsd: '800000', status: 'terminated' }),
        project('B', { registeredOn: '2020-01-01' }),
      ],
    });
    const at = (day: string) => planProgress([target('investment_usd', '10000000000')], f, day)[0].current;
    expect(at('2023-04-30')).toBe(700000);
    expect(at('2024-06-30')).toBe(2200000);
    expect(at('2024-12-31')).toBe(1500000);
  });

  it('counts jobs from each enterprise’s latest report among the four quarters ended', () => {
    const rows = [
      // An enterprise reporting 2025-Q1 then 2025-Q2: only its Q2 report counts at the end of Q2.
      row('A', '2025-Q1', '2025-Q2', { workers: 100n }),
      row('A', '2025-Q2', NO_NEXT_PERIOD, { workers: 120n }),
      // One whose last report was 2024-Q4: still within the four quarters.
      row('B', '2024-Q4', NO_NEXT_PERIOD, { workers: 30n }),
      // One whose last report was 2024-Q2: counted until four quarters have ended after it.
      row('K1', '2024-Q2', NO_NEXT_PERIOD, { workers: 7n }),
    ];
    const f = facts({ zones: parks, rows });
    const jobs = (day: string) => planProgress([target('jobs', '50000')], f, day)[0].current;
    expect(jobs('2025-06-30')).toBe(150);
    expect(jobs('2025-06-29')).toBe(100 + 30 + 7);
    expect(planQuarters(['jobs'], '2025-06-30')).toEqual([
      '2020-Q1',
      '2020-Q2',
      '2020-Q3',
      '2020-Q4',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
    ]);
  });

  it('sums a year’s park output at 2010 prices over the quarters ended, on track with a quarter of the target each', () => {
    const rows = [
      row('A', '2025-Q1', NO_NEXT_PERIOD, { output2010: 5_000_000_000_000n }),
      row('B', '2025-Q2', NO_NEXT_PERIOD, { output2010: 7_000_000_000_000n }),
      row('K1', '2025-Q2', NO_NEXT_PERIOD, { output2010: 9_000_000_000_000n }),
      row('A', '2024-Q4', NO_NEXT_PERIOD, { output2010: 9_000_000_000_000n }),
    ];
    const f = facts({ zones: parks, rows });
    const at = (day: string) => planProgress([target('park_output_2025', '24000000000000', '2025-12-31')], f, day)[0];
    expect(at('2025-03-31')).toMatchObject({ current: 5_000_000_000_000, sharePct: 20.83, onTrack: false });
    expect(at('2025-06-30')).toMatchObject({ current: 12_000_000_000_000, sharePct: 50, onTrack: true });
    expect(at('2024-12-31')).toMatchObject({ current: 0, onTrack: true });
    expect(planQuarters(['park_output_2025'], '2025-06-30')).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
  });

  it('leaves unknown keys out and shows the rest in the plan order', () => {
    const keys = planProgress(
      [target('park_output_2025', '1'), { ...target('jobs', '1'), key: 'old_key' }, target('industrial_parks', '1')],
      facts({}),
      '2025-01-01',
    ).map((t) => t.key);
    expect(keys).toEqual(['industrial_parks', 'park_output_2025']);
  });
});

describe('planOccupancy', () => {
  it('divides leased by leasable land as of the day, land growing in the middle of a year, with a total', () => {
    const f = facts({
      zones: [zone('A'), zone('B'), zone('C')],
      land: [
        { zoneCode: 'A', effectiveFrom: '2020-01-01', leasableHa: '80' },
        { zoneCode: 'A', effectiveFrom: '2025-07-01', leasableHa: '120.5' },
        { zoneCode: 'B', effectiveFrom: '2025-01-01', leasableHa: '40' },
      ],
      projects: [
        project('A', { leasedHa: '20', leasedFrom: '2021-03-01' }),
        project('A', { leasedHa: '30.25', registeredOn: '2025-08-01' }),
        project('A', { leasedHa: '10', leasedFrom: '2021-01-01', status: 'terminated', endedAt: '2025-09-30' }),
        project('B', { leasedHa: '10', operatingFrom: '2024-01-01' }),
      ],
    });
    expect(planOccupancy(f, '2025-06-30')).toEqual([
      { zoneCode: 'A', leasableHa: 80, leasedHa: 30, occupancyPct: 37.5 },
      { zoneCode: 'B', leasableHa: 40, leasedHa: 10, occupancyPct: 25 },
      { zoneCode: null, leasableHa: 120, leasedHa: 40, occupancyPct: 33.33 },
    ]);
    expect(planOccupancy(f, '2025-12-31')).toEqual([
      { zoneCode: 'A', leasableHa: 120.5, leasedHa: 50.25, occupancyPct: 41.7 },
      { zoneCode: 'B', leasableHa: 40, leasedHa: 10, occupancyPct: 25 },
      { zoneCode: null, leasableHa: 160.5, leasedHa: 60.25, occupancyPct: 37.54 },
    ]);
    expect(planOccupancy(f, '2019-12-31')).toEqual([{ zoneCode: null, leasableHa: 0, leasedHa: 0, occupancyPct: null }]);
  });
});
