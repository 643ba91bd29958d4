import { reportIssue } from '@app/domain';
import { ruleName, warningText } from './warning-texts';

describe('warning texts', () => {
  const lowWage = reportIssue('BELOW_MINIMUM_WAGE', 'wages.wageFund', 'The monthly wage per worker (3500000) is below ...', {
    monthlyWagePerWorker: '3500000',
    minimumWage: '4960000',
    wageRegion: 1,
    effectiveFrom: '2024-07-01',
  });

  it('says what was found and what to check, in Vietnamese and in English', () => {
    expect(warningText(lowWage, 'vi')).toBe(
      'Thu nhập bình quân mỗi lao động là 3.500.000 đồng/tháng, thấp hơn lương tối thiểu vùng I ' +
        '(4.960.000 đồng/tháng, áp dụng từ 01/07/2024). Kiểm tra quỹ lương (đủ cả tiền thưởng, phụ cấp) và số lao động ' +
        'bình quân đã khai; nếu đúng, ghi chú lý do (ví dụ lao động làm không trọn thời gian).',
    );
    expect(warningText(lowWage, 'en')).toMatch(/^The average wage per worker is 3,500,000 đồng a month, below the region I minimum wage /);
    expect(warningText(lowWage, 'en')).toMatch(/ \(4,960,000 đồng a month, in force since 1 Jul 2024\)\. Check the wage fund /);
    expect(ruleName('BELOW_MINIMUM_WAGE', 'vi')).toBe('Thu nhập bình quân dưới lương tối thiểu vùng');
  });

  it('says which way a figure moved and in what unit', () => {
    const fewer = reportIssue('OUTLIER_CHANGE', 'employment.workers', 'workers changed by -60%', {
      current: 40,
      previous: 100,
      comparedPeriod: '2025-Q2',
      changePct: -60,
    });
    expect(warningText(fewer, 'vi')).toMatch(
      /^Số lao động giảm 60,00% so với Quý 2\/2025 \(từ 100 xuống 40 người\)\. Kiểm tra đơn vị tính/,
    );
    const more = reportIssue('OUTLIER_CHANGE', 'production.grossOutput', 'grossOutput changed by 62.5%', {
      current: '1625000000',
      previous: '1000000000',
      comparedPeriod: '2024-Q3',
      changePct: 62.5,
    });
    expect(warningText(more, 'en')).toMatch(
      /^Gross output rose by 62\.50% against Q3 2024 \(from 1,000,000,000 to 1,625,000,000 đồng\)\. /,
    );
  });

  it('gives the instants of a late report in Vietnam time', () => {
    const late = reportIssue('LATE', 'period', 'late', {
      receivedAt: '2025-10-16T09:12:00.000+07:00',
      dueAt: '2025-10-10T00:00:00.000+07:00',
    });
    expect(warningText(late, 'vi')).toMatch(/^Báo cáo nhận lần đầu lúc 16\/10\/2025 09:12, sau hạn nộp 10\/10\/2025 00:00\. /);
  });

  it('says only what to check when the report kept no figures, and the domain message for a rule without words', () => {
    const { details: _, ...bare } = lowWage;
    expect(warningText(bare, 'en')).toMatch(/^Check the wage fund/);
    const error = reportIssue('PERIOD_LOCKED', 'period', '2025-Q1 is locked by the board.');
    expect(warningText(error, 'vi')).toBe('2025-Q1 is locked by the board.');
  });
});
