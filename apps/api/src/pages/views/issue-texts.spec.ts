import { reportIssue } from '@app/domain';
import { issueText, ruleName } from './issue-texts';

describe('issue texts', () => {
  const lowWage = reportIssue('BELOW_MINIMUM_WAGE', 'wages.wageFund', 'The monthly wage per worker (3500000) is below ...', {
    monthlyWagePerWorker: '3500000',
    minimumWage: '4960000',
    wageRegion: 1,
    effectiveFrom: '2024-07-01',
  });

  it('says what was found and what to check, in Vietnamese and in English', () => {
    expect(issueText(lowWage, 'vi', 'board')).toBe(
      'Thu nhập bình quân mỗi lao động là 3.500.000 đồng/tháng, thấp hơn lương tối thiểu vùng I ' +
        '(4.960.000 đồng/tháng, áp dụng từ 01/07/2024). Kiểm tra quỹ lương (đủ cả tiền thưởng, phụ cấp) và số lao động ' +
        'bình quân đã khai; nếu đúng, ghi chú lý do (ví dụ lao động làm không trọn thời gian).',
    );
    expect(issueText(lowWage, 'en', 'board')).toMatch(
      /^The average wage per worker is 3,500,000 đồng a month, below the region I minimum wage /,
    );
    expect(issueText(lowWage, 'en', 'board')).toMatch(/ \(4,960,000 đồng a month, in force since 1 Jul 2024\)\. Check the wage fund /);
    expect(ruleName('BELOW_MINIMUM_WAGE', 'vi')).toBe('Thu nhập bình quân dưới lương tối thiểu vùng');
  });

  it('says which way a figure moved and in what unit', () => {
    const fewer = reportIssue('OUTLIER_CHANGE', 'employment.workers', 'workers changed by -60%', {
      current: 40,
      previous: 100,
      comparedPeriod: '2025-Q2',
      changePct: -60,
    });
    expect(issueText(fewer, 'vi', 'board')).toMatch(
      /^Số lao động giảm 60,00% so với Quý II\/2025 \(từ 100 xuống 40 người\)\. Kiểm tra đơn vị tính/,
    );
    const more = reportIssue('OUTLIER_CHANGE', 'production.grossOutput', 'grossOutput changed by 62.5%', {
      current: '1625000000',
      previous: '1000000000',
      comparedPeriod: '2024-Q3',
      changePct: 62.5,
    });
    expect(issueText(more, 'en', 'board')).toMatch(
      /^Gross output rose by 62\.50% against Q3 2024 \(from 1,000,000,000 to 1,625,000,000 đồng\)\. /,
    );
  });

  it('gives the instants of a late report in Vietnam time', () => {
    const late = reportIssue('LATE', 'period', 'late', {
      receivedAt: '2025-10-16T09:12:00.000+07:00',
      dueAt: '2025-10-10T00:00:00.000+07:00',
    });
    expect(issueText(late, 'vi', 'board')).toMatch(/^Báo cáo nhận lần đầu lúc 16\/10\/2025 09:12, sau hạn nộp 10\/10\/2025 00:00\. /);
  });

  it('says only what to check when the report kept no figures', () => {
    const { details: _, ...bare } = lowWage;
    expect(issueText(bare, 'en', 'board')).toMatch(/^Check the wage fund/);
  });

  it('tells the enterprise what to fix, for errors and warnings, in its language', () => {
    const part = reportIssue('PART_EXCEEDS_TOTAL', 'employment.femaleWorkers', 'femaleWorkers (120) exceeds workers (100).', {
      femaleWorkers: 120,
      workers: 100,
    });
    expect(issueText(part, 'vi', 'enterprise')).toBe(
      'Lao động nữ (120) lớn hơn số lao động cuối quý (100). Lao động nữ, nước ngoài, địa phương là một phần ' +
        'của số lao động cuối quý: sửa để mỗi số không vượt quá tổng.',
    );
    expect(issueText(part, 'en', 'enterprise')).toMatch(/^Women \(120\) is more than the workers at quarter end \(100\)\. /);
    const locked = reportIssue('PERIOD_LOCKED', 'period', '2025-Q1 is locked by the board.', { period: '2025-Q1' });
    expect(issueText(locked, 'vi', 'enterprise')).toBe(
      'Quý I/2025 đã khoá sổ, doanh nghiệp không thể nộp thêm. Liên hệ ban quản lý nếu cần sửa số liệu của quý này.',
    );
    expect(issueText(lowWage, 'en', 'enterprise')).toMatch(/Check the wage fund .* the board may ask you why\.$/);
    // The board reads an error's fix, since it has nothing of its own to check.
    expect(issueText(locked, 'en', 'board')).toBe(
      'Q1 2025 is locked: enterprises can no longer file into it. Contact the board if figures of this quarter need correcting.',
    );
  });

  it('has words for every rule in both languages', () => {
    const codes = [
      'UNKNOWN_ENTERPRISE',
      'ENTERPRISE_NOT_OPERATING',
      'PERIOD_NOT_ENDED',
      'PERIOD_LOCKED',
      'PART_EXCEEDS_TOTAL',
      'WAGES_WITHOUT_WORKERS',
      'WORKERS_WITHOUT_WAGES',
      'BELOW_MINIMUM_WAGE',
      'OUTLIER_CHANGE',
      'CONSTANT_ABOVE_CURRENT',
      'LATE',
      'INVALID_PERIOD',
      'FIGURE_OUT_OF_RANGE',
      'NOT_JUDGEABLE',
    ] as const;
    for (const code of codes) for (const lang of ['vi', 'en'] as const) expect(ruleName(code, lang)).not.toBe(code);
  });
});
