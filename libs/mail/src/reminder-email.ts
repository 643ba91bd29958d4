import { EmailMessage } from './email-message';
import { escapeHtml } from './html';

export interface ReminderMail {
  readonly to: string;
  readonly kind: 'reminder' | 'overdue';
  readonly enterpriseName: string;
  readonly taxCode: string;
  readonly quarter: string;
  /** The due instant, shown as a date in Vietnam time: 'YYYY-MM-DD'. */
  readonly dueDay: string;
}

/** To an enterprise with no accepted report: before the due date, and once after it. Vietnamese first, English below. */
export function reminderEmail(m: ReminderMail): EmailMessage {
  const due = m.dueDay.split('-').reverse().join('/');
  const vi =
    m.kind === 'reminder'
      ? `Kính gửi ${m.enterpriseName} (MST ${m.taxCode}): báo cáo quý ${m.quarter} cần được nộp trước ngày ${due}. ` +
        'Hệ thống chưa nhận được báo cáo hợp lệ của doanh nghiệp.'
      : `Kính gửi ${m.enterpriseName} (MST ${m.taxCode}): báo cáo quý ${m.quarter} đã quá hạn (hạn chót trước ngày ${due}). ` +
        'Đề nghị doanh nghiệp nộp báo cáo sớm nhất.';
  const en =
    m.kind === 'reminder'
      ? `Dear ${m.enterpriseName} (tax code ${m.taxCode}): the ${m.quarter} report is due before ${m.dueDay}. ` +
        'No valid report has been received yet.'
      : `Dear ${m.enterpriseName} (tax code ${m.taxCode}): the ${m.quarter} report is overdue (it was due before ${m.dueDay}). ` +
        'Please file it as soon as possible.';
  const subject =
    m.kind === 'reminder'
      ? `Nhắc nộp báo cáo quý ${m.quarter} / Reminder: ${m.quarter} report due ${m.dueDay}`
      : `Quá hạn nộp báo cáo quý ${m.quarter} / Overdue: ${m.quarter} report`;
  return {
    to: m.to,
    subject,
    html:
      '<!doctype html><html lang="vi"><body style="font-family:Arial,sans-serif">' +
      `<p>${escapeHtml(vi)}</p><p style="color:#555">${escapeHtml(en)}</p></body></html>`,
    text: `${vi}\n\n${en}`,
  };
}
