import type { Language } from './email-message';
import { formatNumber, scaled } from './html';
import type { HeadlineZone } from './publication-email';

/**
 * What a reader takes in first, before the table: output with its growth on a year earlier, workers and
 * the average wage, and how many enterprises have reported, for the province (or one zone). Only figures
 * the table itself shows are said: a withheld one leaves its clause out, so a sentence never tells more.
 */
export function headlineSentences(z: HeadlineZone, quarter: string, language: Language): string[] {
  const shown = (field: string) => !(z.withheld ?? []).includes(field);
  const output = shown('grossOutput') ? scaled(z.grossOutput, 9, language, 1) : null;
  const growth = shown('growthYoYCurrentPct') ? z.growthYoYCurrentPct : null;
  const workers = shown('workers') && z.workers !== null ? formatNumber(z.workers, language) : null;
  const wage = shown('averageMonthlyWage') ? scaled(z.averageMonthlyWage, 6, language, 1) : null;
  const share = z.reportsExpected > 0 ? formatNumber((100 * z.reportsReceived) / z.reportsExpected, language, 2) : null;
  const where = z.zoneCode === 'all' ? null : z.zoneName;
  const sentences: Array<string | null> =
    language === 'vi'
      ? [
          output &&
            `${quarter}, giá trị sản xuất công nghiệp ${where ? `của ${where}` : 'các khu, cụm công nghiệp'} đạt ${output} tỷ đồng` +
              (growth === null
                ? '.'
                : `, ${growth >= 0 ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(growth), language, 2)}% so với cùng kỳ năm trước.`),
          workers && `Số lao động là ${workers} người${wage ? `, thu nhập bình quân ${wage} triệu đồng/người/tháng` : ''}.`,
          share && `${z.reportsReceived}/${z.reportsExpected} doanh nghiệp đã nộp báo cáo (${share}%).`,
        ]
      : [
          output &&
            `In ${quarter}, gross industrial output ${where ? `of ${where}` : 'of the industrial zones'} reached ${output} billion đồng` +
              (growth === null
                ? '.'
                : `, ${growth >= 0 ? 'up' : 'down'} ${formatNumber(Math.abs(growth), language, 2)}% on a year earlier.`),
          workers && `They employed ${workers} workers${wage ? `, paid ${wage} million đồng a month on average` : ''}.`,
          share && `${z.reportsReceived} of ${z.reportsExpected} enterprises have reported (${share}%).`,
        ];
  return sentences.filter((s): s is string => s !== null && s !== '');
}
