import { Workbook } from 'exceljs';
import { PassThrough } from 'node:stream';
import { writeSummaryWorkbook } from './summary-workbook.writer';
import type { Json, SummaryFigures } from '@app/domain';
import { FilingStatusJson, FollowUpJson, SummaryWorkbookInput } from './summary-workbook.input';

/** Figures of a zone or total in the API's JSON shape; nothing reported unless given. */
export function figures(given: Partial<Json<SummaryFigures>> = {}): Json<SummaryFigures> {
  return {
    reportsExpected: 0,
    reportsReceived: 0,
    reportsOnTime: 0,
    completenessPct: null,
    operatingProjects: 0,
    grossOutput: null,
    grossOutputConstant2010: null,
    revenue: null,
    exportValueUsd: null,
    importValueUsd: null,
    stateBudgetPaid: null,
    realizedCapital: null,
    wageFund: null,
    workers: null,
    femaleWorkers: null,
    foreignWorkers: null,
    localWorkers: null,
    averageMonthlyWage: null,
    grossOutputSharePct: null,
    growthYoYPct: null,
    growthYoYCurrentPct: null,
    planTarget: null,
    planProgressPct: null,
    warnings: 0,
    ...given,
  };
}

const TANG_LOONG = figures({
  reportsExpected: 8,
  reportsReceived: 7,
  reportsOnTime: 6,
  completenessPct: 87.5,
  operatingProjects: 12,
  // Beyond 2^53 đồng: the millions must come out exact.
  grossOutput: '123456789012345678901',
  grossOutputConstant2010: '2500000',
  revenue: '2499999',
  exportValueUsd: '120499',
  workers: 1250,
  averageMonthlyWage: '6234567',
  grossOutputSharePct: 0.86,
  growthYoYCurrentPct: -3.5,
  warnings: 2,
});

export const SUMMARY: SummaryWorkbookInput['summary'] = {
  period: '2024',
  quarters: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'],
  // In the API's order (by kind, clusters sort first); the workbook puts parks first.
  zones: [
    { zoneCode: 'CCN-BX', zoneName: 'Cụm công nghiệp Bát Xát', kind: 'industrial_cluster', ...figures() },
    { zoneCode: 'TLG', zoneName: 'Khu công nghiệp Tằng Loỏng', kind: 'industrial_park', ...TANG_LOONG },
  ],
  totals: { industrial_park: TANG_LOONG, industrial_cluster: figures(), all: TANG_LOONG },
  asOf: '2025-11-03T08:15:42.123+07:00',
};

export const FILING_STATUS: FilingStatusJson = {
  period: '2024-Q4',
  items: [
    {
      taxCode: '5300000011',
      name: 'Công ty Apatit',
      zoneCode: 'TLG',
      status: 'on_time',
      reportId: 'r-11',
      receivedAt: '2025-01-05T09:30:00.000+07:00',
    },
    {
      taxCode: '5300000012',
      name: 'Công ty Đồng',
      zoneCode: 'TLG',
      status: 'late',
      reportId: 'r-12',
      receivedAt: '2025-01-12T14:00:00.000+07:00',
    },
    { taxCode: '5300000013', name: 'Công ty Phân bón', zoneCode: 'TLG', status: 'missing' },
  ],
  counts: { expected: 3, onTime: 1, late: 1, missing: 1 },
};

export const FOLLOW_UPS: FollowUpJson[] = [
  {
    reportId: 'r-12',
    taxCode: '5300000012',
    enterpriseName: 'Công ty Đồng',
    zoneCode: 'TLG',
    period: '2024-Q4',
    warnings: [
      {
        code: 'BELOW_MINIMUM_WAGE',
        field: 'wages.wageFund',
        message: 'The monthly wage per worker (3204999) is below the region 2 minimum wage (4410000) in force since 2024-07-01.',
        details: { monthlyWagePerWorker: '3204999', minimumWage: '4410000', wageRegion: 2, effectiveFrom: '2024-07-01' },
      },
      {
        code: 'OUTLIER_CHANGE',
        field: 'employment.workers',
        message: 'workers changed by 62.5% against 2024-Q3 (from 80 to 130), more than 50%.',
        details: { current: 130, previous: 80, comparedPeriod: '2024-Q3', changePct: 62.5 },
      },
    ],
  },
];

/** The workbook a writer produced, read back with exceljs. */
export async function writtenWorkbook(input: SummaryWorkbookInput): Promise<Workbook> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => output.on('end', resolve));
  await writeSummaryWorkbook(output, input);
  await ended;
  const workbook = new Workbook();
  // exceljs types its input as its own Buffer interface, which @types/node's Buffer no longer matches.
  await workbook.xlsx.load(Buffer.concat(chunks) as never);
  return workbook;
}
