import { FILING_STATE_LABELS } from './filing-status.sheet';
import { Label, WorkbookLanguage } from './labels';
import { periodLabel } from './period-label';
import { SummaryWorkbookInput } from './summary-workbook.input';
import { TableSheet } from './table-sheet.writer';
import { isDisclosureControlled, isSplitByBlock } from './zone-summary.sheet';

interface Note {
  readonly topic: Label;
  readonly text: Label;
}

function* notes(input: SummaryWorkbookInput): Iterable<Note> {
  const { summary, filingStatus } = input;
  const period = periodLabel(summary.period, summary.quarters);
  yield {
    topic: { vi: 'Kỳ số liệu', en: 'Period' },
    text: { vi: `${period.vi}: ${summary.quarters.join(', ')}`, en: `${period.en}: ${summary.quarters.join(', ')}` },
  };
  // asOf is local time with its offset; the date and minutes are what a reader needs.
  const asOf = summary.asOf.slice(0, 16).replace('T', ' ');
  yield { topic: { vi: 'Số liệu tính đến', en: 'Figures as of' }, text: { vi: `${asOf} (giờ Việt Nam)`, en: `${asOf} (Vietnam time)` } };
  yield {
    topic: { vi: 'Đơn vị tiền', en: 'Money' },
    text: {
      vi: 'Triệu đồng, làm tròn đến triệu đồng; thu nhập bình quân một lao động một tháng làm tròn đến 0,1 triệu đồng',
      en: 'Million VND, rounded to the million; the average monthly wage per worker to 0.1 million',
    },
  };
  yield { topic: { vi: 'Xuất nhập khẩu', en: 'Trade' }, text: { vi: 'Nghìn USD, làm tròn', en: 'Thousand USD, rounded' } };
  yield { topic: { vi: 'Tỷ lệ', en: 'Percentages' }, text: { vi: 'Phần trăm (%), hai chữ số thập phân', en: 'Percent, two decimals' } };
  yield {
    topic: { vi: 'Ô trống', en: 'Empty cells' },
    text: {
      vi: 'Không doanh nghiệp nào báo cáo chỉ tiêu này (khác với số 0)',
      en: 'No enterprise reported the figure (not the same as 0)',
    },
  };
  if (isDisclosureControlled(summary)) {
    yield {
      topic: { vi: 'Số liệu không công bố', en: 'Withheld figures' },
      text: {
        vi:
          'Để không làm lộ số liệu của từng doanh nghiệp, kể cả khi so sánh với các lần công bố trước, một số liệu có quá ' +
          'ít doanh nghiệp hoặc do một doanh nghiệp chi phối không được công bố, cùng với những số liệu khác cần thiết ' +
          'để không suy ra được nó; các ô đó để trống. Khi số liệu điều chỉnh của một kỳ đã công bố có thể làm lộ số liệu ' +
          'của một doanh nghiệp, số liệu công bố lần trước được giữ nguyên. Cột "Số liệu không công bố" nêu các số liệu ' +
          'đó và lý do. Số báo cáo và số dự án luôn được công bố.',
        en:
          'So that no single enterprise can be identified, also by comparing with earlier publications, a figure with too ' +
          'few enterprises or dominated by one is withheld, with the other figures needed so that it cannot be worked ' +
          'out; such cells are empty. Where the revised figure of a period published before would reveal an enterprise, ' +
          'the earlier figure is shown again. The "Withheld" column names these figures and why. Counts of reports and ' +
          'projects are always published.',
      },
    };
  }
  yield {
    topic: { vi: 'Lao động', en: 'Workers' },
    text: {
      vi: 'Số cuối kỳ, lấy từ báo cáo mới nhất trong kỳ của mỗi doanh nghiệp',
      en: "At the end of the period, from each enterprise's latest report in it",
    },
  };
  yield {
    topic: { vi: 'Thu nhập bình quân', en: 'Average wage' },
    text: {
      vi: 'Tổng quỹ lương chia cho tổng số lao động-tháng (lao động bình quân của mỗi quý × 3)',
      en: 'Wage fund divided by worker-months (average workers of each quarter × 3)',
    },
  };
  yield {
    topic: { vi: 'Tăng trưởng', en: 'Growth' },
    text: {
      vi: 'So với cùng kỳ năm trước; trống khi năm trước không có số liệu',
      en: 'On the same quarters a year earlier; empty without earlier figures',
    },
  };
  if (isSplitByBlock(summary)) {
    // Published blocks show magnitudes only: their shares and growth are not audited.
    const published = isDisclosureControlled(summary);
    yield {
      topic: { vi: 'Khối FDI và khối trong nước', en: 'FDI and domestic' },
      text: {
        vi:
          'Báo cáo của mỗi quý tính vào khối của doanh nghiệp tại ngày cuối quý (doanh nghiệp chuyển khối giữa năm thì các ' +
          'quý trước và sau thuộc hai khối); số liệu của khu bằng tổng hai khối. ' +
          (published
            ? 'Số liệu công bố của khối không gồm tỷ trọng, tốc độ tăng và tiến độ kế hoạch.'
            : 'Tỷ trọng của một khối tính trên cùng cơ sở với khu (của tổng: trên tổng đó); khối không có kế hoạch riêng.'),
        en:
          "Each quarter's report counts in the enterprise's block on the quarter's last day (an enterprise changing block " +
          "in the year has quarters in both); a zone's figures are the sum of its two blocks. " +
          (published
            ? 'Published blocks show no share, growth or plan progress.'
            : "A block's share has its zone's base (a total's block: that total); blocks have no target of their own."),
      },
    };
  }
  if (filingStatus) {
    const { onTime, late, missing, expected } = filingStatus.counts;
    const counts = (language: WorkbookLanguage) =>
      `${expected}: ${FILING_STATE_LABELS.on_time[language]} ${onTime}, ${FILING_STATE_LABELS.late[language]} ${late}, ` +
      `${FILING_STATE_LABELS.missing[language]} ${missing}`;
    yield {
      topic: { vi: 'Tình hình nộp báo cáo', en: 'Filing status' },
      text: {
        vi: `Quý ${filingStatus.period}, số doanh nghiệp phải nộp ${counts('vi')}`,
        en: `Quarter ${filingStatus.period}, enterprises expected to file ${counts('en')}`,
      },
    };
  }
  if (input.followUps) {
    yield {
      topic: { vi: 'Cảnh báo cần xử lý', en: 'Warnings to follow up' },
      text: {
        vi: 'Báo cáo đã được chấp nhận nhưng có cảnh báo mà Ban quản lý chưa xem xét',
        en: 'Accepted reports with warnings the board has not yet reviewed',
      },
    };
  }
}

/** "Ghi chú": the period, the units and how the less obvious figures are made. */
export function notesSheet(input: SummaryWorkbookInput): TableSheet<Note> {
  const period = periodLabel(input.summary.period, input.summary.quarters);
  return {
    name: { vi: 'Ghi chú', en: 'Notes' },
    title: { vi: `Ghi chú về số liệu ${period.vi}`, en: `Notes on the figures for ${period.en}` },
    columns: [
      { label: { vi: 'Mục', en: 'Topic' }, unit: 'text', width: 24, value: (n, language) => n.topic[language] },
      { label: { vi: 'Nội dung', en: 'Note' }, unit: 'text', width: 110, value: (n, language) => n.text[language] },
    ],
    rows: notes(input),
    frozenColumns: 1,
  };
}
