import { periodPhrase } from '@app/domain';
import { EmailMessage } from './email-message';
import { enterpriseEmail, enterpriseLinks } from './enterprise-email';

export interface ReminderMail {
  readonly to: string;
  readonly kind: 'reminder' | 'overdue';
  readonly enterpriseName: string;
  readonly taxCode: string;
  readonly quarter: string;
  /** The due instant, shown as a date in Vietnam time: 'YYYY-MM-DD'. */
  readonly dueDay: string;
  /** The site's address as enterprises reach it (PUBLIC_BASE_URL): the links point to its pages. */
  readonly siteUrl: string;
}

/**
 * To an enterprise with no accepted report: before the due date, and once after it. Vietnamese first, English below.
 * It links to the quarter's online form and to the enterprise's quarters.
 */
export function reminderEmail(m: ReminderMail): EmailMessage {
  const due = m.dueDay.split('-').reverse().join('/');
  const vi = periodPhrase(m.quarter, 'vi');
  const en = periodPhrase(m.quarter, 'en');
  const { form, quarters } = enterpriseLinks(m.siteUrl, m.quarter);
  const viText =
    m.kind === 'reminder'
      ? `Kính gửi ${m.enterpriseName} (MST ${m.taxCode}): báo cáo ${vi} cần được nộp trước ngày ${due}. ` +
        'Hệ thống chưa nhận được báo cáo hợp lệ của doanh nghiệp.'
      : `Kính gửi ${m.enterpriseName} (MST ${m.taxCode}): báo cáo ${vi} đã quá hạn (hạn chót trước ngày ${due}). ` +
        'Đề nghị doanh nghiệp nộp báo cáo sớm nhất.';
  const enText =
    m.kind === 'reminder'
      ? `Dear ${m.enterpriseName} (tax code ${m.taxCode}): the ${en} report is due before ${m.dueDay}. ` +
        'No valid report has been received yet.'
      : `Dear ${m.enterpriseName} (tax code ${m.taxCode}): the ${en} report is overdue (it was due before ${m.dueDay}). ` +
        'Please file it as soon as possible.';
  const subject =
    m.kind === 'reminder'
      ? `Nhắc nộp báo cáo ${vi} / Reminder: ${en} report due ${m.dueDay}`
      : `Quá hạn nộp báo cáo ${vi} / Overdue: ${en} report`;
  return enterpriseEmail(
    m.to,
    subject,
    {
      paragraphs: [viText],
      links: [
        [`Nộp báo cáo ${vi} trực tuyến`, form],
        ['Các quý của doanh nghiệp', quarters],
      ],
    },
    {
      paragraphs: [enText],
      links: [
        [`File the ${en} report online`, form],
        ["Your enterprise's quarters", quarters],
      ],
    },
  );
}
