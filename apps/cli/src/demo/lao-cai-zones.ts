/**
 * The zones of Lào Cai province with the 2024 figures the demo is calibrated to.
 * Published: Bắc Duyên Hải 166 billion đồng, over 700 workers, 6.2 million average wage, 63 operating
 * projects; Đông Phố Mới 259 billion, 808 workers, 6.4 million, 42 projects; all industrial parks
 * about 19,200 billion, so Tằng Loỏng the rest. Cluster figures and headcounts not published are synthetic.
 */
export interface DemoZone {
  readonly code: string;
  readonly name: string;
  readonly kind: 'industrial_park' | 'industrial_cluster';
  readonly locality: string;
  readonly wageRegion: 1 | 2 | 3 | 4;
  readonly status: 'operating' | 'restricted' | 'planned' | 'closing';
  readonly areaHa?: number;
  /** The plan's registry facts; establishment days, leasable land and plants are illustrative, not published. */
  readonly establishedOn?: string;
  /** Leasable industrial land (ha) from a day on. */
  readonly leasableLand?: ReadonlyArray<readonly [from: string, ha: number]>;
  readonly wastewaterCapacityM3Day?: number;
  readonly wastewaterOperatingFrom?: string;
  /** 2024 calibration; absent for zones without enterprises yet. */
  readonly year2024?: {
    readonly grossOutput: bigint;
    readonly workers: number;
    readonly averageWage: bigint;
    readonly operatingProjects: number;
    readonly enterprises: number;
    /** Growth of 2025 over 2024 at current prices. */
    readonly growth2025: number;
  };
}

const billion = (n: number) => BigInt(n) * 1_000_000_000n;

export const LAO_CAI_ZONES: readonly DemoZone[] = [
  {
    code: 'BDH',
    name: 'Khu công nghiệp Bắc Duyên Hải',
    kind: 'industrial_park',
    locality: 'phường Duyên Hải (thành phố Lào Cai cũ)',
    wageRegion: 2,
    status: 'restricted',
    areaHa: 88,
    establishedOn: '2003-01-01',
    leasableLand: [['2003-01-01', 71]],
    wastewaterCapacityM3Day: 1500,
    wastewaterOperatingFrom: '2012-01-01',
    year2024: {
      grossOutput: billion(166),
      workers: 712,
      averageWage: 6_200_000n,
      operatingProjects: 63,
      enterprises: 28,
      growth2025: 0.04,
    },
  },
  {
    code: 'DPM',
    name: 'Khu công nghiệp Đông Phố Mới',
    kind: 'industrial_park',
    locality: 'thành phố Lào Cai (cũ)',
    wageRegion: 2,
    status: 'operating',
    areaHa: 98,
    establishedOn: '2005-06-01',
    leasableLand: [['2005-06-01', 76]],
    wastewaterCapacityM3Day: 1200,
    wastewaterOperatingFrom: '2014-01-01',
    year2024: {
      grossOutput: billion(259),
      workers: 808,
      averageWage: 6_400_000n,
      operatingProjects: 42,
      enterprises: 22,
      growth2025: 0.11,
    },
  },
  {
    code: 'TL',
    name: 'Khu công nghiệp Tằng Loỏng',
    kind: 'industrial_park',
    locality: 'xã Tằng Loỏng (huyện Bảo Thắng cũ)',
    wageRegion: 3,
    status: 'operating',
    areaHa: 1100,
    establishedOn: '2007-01-01',
    // A new phase opened for lease in the middle of 2025.
    leasableLand: [
      ['2007-01-01', 780],
      ['2025-07-01', 860],
    ],
    wastewaterCapacityM3Day: 5000,
    wastewaterOperatingFrom: '2016-01-01',
    year2024: {
      grossOutput: billion(19_200 - 166 - 259),
      workers: 5_640,
      averageWage: 8_300_000n,
      operatingProjects: 58,
      enterprises: 34,
      growth2025: 0.13,
    },
  },
  {
    code: 'BQ',
    name: 'Khu công nghiệp Bản Qua',
    kind: 'industrial_park',
    locality: 'huyện Bát Xát (cũ)',
    wageRegion: 4,
    status: 'planned',
  },
  {
    code: 'CMTT',
    name: 'Khu công nghiệp Cốc Mỳ - Trịnh Tường',
    kind: 'industrial_park',
    locality: 'huyện Bát Xát (cũ)',
    wageRegion: 4,
    status: 'planned',
  },
  { code: 'VL', name: 'Khu công nghiệp Võ Lao', kind: 'industrial_park', locality: 'huyện Văn Bàn (cũ)', wageRegion: 4, status: 'planned' },
  {
    code: 'CC',
    name: 'Khu công nghiệp Cam Cọn',
    kind: 'industrial_park',
    locality: 'huyện Bảo Yên (cũ)',
    wageRegion: 4,
    status: 'planned',
  },
  {
    code: 'CCN-LC',
    name: 'Cụm công nghiệp thành phố Lào Cai',
    kind: 'industrial_cluster',
    locality: 'thành phố Lào Cai (cũ)',
    wageRegion: 2,
    status: 'operating',
    areaHa: 45,
    establishedOn: '2016-01-01',
    leasableLand: [['2016-01-01', 36]],
    wastewaterCapacityM3Day: 500,
    wastewaterOperatingFrom: '2021-06-01',
    year2024: { grossOutput: billion(210), workers: 300, averageWage: 5_900_000n, operatingProjects: 5, enterprises: 4, growth2025: 0.06 },
  },
  {
    code: 'CCN-BT',
    name: 'Cụm công nghiệp Bảo Thắng',
    kind: 'industrial_cluster',
    locality: 'huyện Bảo Thắng (cũ)',
    wageRegion: 3,
    status: 'operating',
    areaHa: 60,
    establishedOn: '2018-01-01',
    leasableLand: [['2018-01-01', 48]],
    year2024: { grossOutput: billion(320), workers: 410, averageWage: 5_600_000n, operatingProjects: 6, enterprises: 5, growth2025: 0.09 },
  },
  {
    code: 'CCN-BY',
    name: 'Cụm công nghiệp Bảo Yên',
    kind: 'industrial_cluster',
    locality: 'huyện Bảo Yên (cũ)',
    wageRegion: 4,
    status: 'operating',
    areaHa: 40,
    establishedOn: '2020-01-01',
    leasableLand: [['2020-01-01', 30]],
    year2024: { grossOutput: billion(140), workers: 260, averageWage: 5_300_000n, operatingProjects: 4, enterprises: 4, growth2025: 0.05 },
  },
  ...['Bát Xát', 'Văn Bàn', 'Bắc Hà', 'Mường Khương', 'Si Ma Cai', 'Sa Pa'].map((district, i): DemoZone => ({
    code: ['CCN-BX', 'CCN-VB', 'CCN-BH', 'CCN-MK', 'CCN-SMC', 'CCN-SP'][i],
    name: `Cụm công nghiệp ${district}`,
    kind: 'industrial_cluster',
    locality: `huyện ${district} (cũ)`,
    wageRegion: district === 'Sa Pa' ? 3 : 4,
    status: 'planned',
  })),
];
