import { pressParagraphs } from './press-paragraph';
import type { SummaryJson } from './published-figures';

const figures = (over: Record<string, unknown>) => ({
  operatingProjects: 63,
  grossOutput: '166000000000',
  growthYoYPct: null,
  grossOutputSharePct: 0.86,
  workers: 808,
  averageMonthlyWage: '6400000',
  ...over,
});

const summary = (zones: Array<Record<string, unknown>>, all: Record<string, unknown>): SummaryJson =>
  ({ period: '2024', quarters: [], zones, totals: { all: figures(all) } }) as unknown as SummaryJson;

describe('press paragraphs', () => {
  it('writes each zone and the province as the provincial press does', () => {
    const drafted = pressParagraphs(
      summary([{ zoneCode: 'BDH', zoneName: 'KCN Bắc Duyên Hải', kind: 'industrial_park', ...figures({}) }], {
        operatingProjects: 105,
        grossOutput: '19300000000000',
        growthYoYPct: 12.5,
        workers: 15_230,
        averageMonthlyWage: '7150000',
      }),
      { allZones: true, inScope: () => true },
    );
    expect(drafted).toEqual([
      'Năm 2024, các khu, cụm công nghiệp tỉnh Lào Cai có 105 dự án hoạt động, giá trị sản xuất công nghiệp đạt 19.300 tỷ đồng, ' +
        'tăng 12,50% so với cùng kỳ, thu hút 15.230 lao động, thu nhập bình quân 7,2 triệu đồng/người/tháng.',
      'Năm 2024, KCN Bắc Duyên Hải có 63 dự án hoạt động, giá trị sản xuất công nghiệp đạt 166 tỷ đồng, chiếm 0,86% giá trị sản ' +
        'xuất của các khu công nghiệp, thu hút 808 lao động, thu nhập bình quân 6,4 triệu đồng/người/tháng.',
    ]);
  });

  it('writes small outputs with one decimal, and says nothing of a withheld figure', () => {
    const drafted = pressParagraphs(
      summary(
        [
          {
            zoneCode: 'S',
            zoneName: 'CCN Nhỏ',
            kind: 'industrial_cluster',
            ...figures({ grossOutput: '29540000000', grossOutputSharePct: 3.1 }),
          },
          {
            zoneCode: 'X',
            zoneName: 'CCN Kín',
            kind: 'industrial_cluster',
            ...figures({ grossOutput: null, grossOutputSharePct: null, workers: null, averageMonthlyWage: null, operatingProjects: 0 }),
          },
        ],
        {},
      ),
      { allZones: false, inScope: () => true },
    );
    // Nothing of the withheld zone was published: no sentence about it; a reader of some zones gets no province sentence.
    expect(drafted).toEqual([
      expect.stringContaining(
        'CCN Nhỏ có 63 dự án hoạt động, giá trị sản xuất công nghiệp đạt 29,5 tỷ đồng, chiếm 3,10% giá trị sản xuất của các cụm',
      ),
    ]);
  });
});
