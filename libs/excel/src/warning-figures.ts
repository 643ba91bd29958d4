import type { IssueCode } from '@app/domain';
import { RawValue, UnitName } from './cell-units';
import { periodLabel } from './period-label';
import { WarningJson } from './summary-workbook.input';

/** A warning as the board reads it: what it means and the figures that triggered it. */
export interface WarningFigures {
  /** In Vietnamese; the English is the warning's own message. */
  readonly explanationVi: string;
  /** The reported figure (or receipt time) that triggered the warning. */
  readonly value?: RawValue;
  /** What it was held against: the minimum wage, the earlier figure, the due instant. */
  readonly reference?: RawValue;
  readonly unit: UnitName;
  readonly changePct?: RawValue;
}

type Details = NonNullable<WarningJson['details']>;

const WAGE_REGIONS: Readonly<Record<string, string>> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };
const viNumber = (value: RawValue) => (typeof value === 'number' ? value.toLocaleString('vi-VN') : String(value));

// The details each rule records (libs/domain report-rules) name the figures shown here.
const WARNING_FIGURES: Partial<Record<IssueCode, (details: Details, field: string | undefined) => WarningFigures>> = {
  LATE: (d) => ({
    explanationVi: 'Báo cáo nhận lần đầu từ thời hạn nộp trở đi (hạn: trước ngày 10 tháng đầu quý sau)',
    value: d.receivedAt,
    reference: d.dueAt,
    unit: 'dateTime',
  }),
  BELOW_MINIMUM_WAGE: (d) => ({
    explanationVi:
      `Thu nhập bình quân một lao động một tháng thấp hơn lương tối thiểu vùng ${WAGE_REGIONS[String(d.wageRegion)] ?? d.wageRegion} ` +
      `(áp dụng từ ${d.effectiveFrom})`,
    value: d.monthlyWagePerWorker,
    reference: d.minimumWage,
    unit: 'millionDongHundredths',
  }),
  OUTLIER_CHANGE: (d, field) => {
    const workers = field === 'employment.workers';
    return {
      explanationVi:
        `${workers ? 'Số lao động' : 'Giá trị sản xuất công nghiệp'} thay đổi ${viNumber(d.changePct)}% ` +
        `so với ${periodLabel(String(d.comparedPeriod), [String(d.comparedPeriod)]).vi}, quá 50%`,
      value: d.current,
      reference: d.previous,
      unit: workers ? 'people' : 'millionDong',
      changePct: d.changePct,
    };
  },
  CONSTANT_ABOVE_CURRENT: (d) => ({
    explanationVi: 'Giá trị sản xuất theo giá so sánh 2010 cao hơn theo giá hiện hành',
    value: d.grossOutputConstant2010,
    reference: d.grossOutput,
    unit: 'millionDong',
  }),
};

export function warningFigures(warning: WarningJson): WarningFigures {
  const figures = WARNING_FIGURES[warning.code];
  // A warning without recorded details (or of a code added later) still shows its message.
  if (!figures || !warning.details) return { explanationVi: warning.message, unit: 'text' };
  return figures(warning.details, warning.field);
}
