import { periodPhrase } from '@app/domain';
import { EmailMessage } from './email-message';
import { escapeHtml } from './html';
import { sitePage } from './site-page';

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
 * It links to the quarter's online form and to the enterprise's quarters; a link carries no token (the page asks
 * to sign in, then comes back).
 */
export function reminderEmail(m: ReminderMail): EmailMessage {
  const due = m.dueDay.split('-').reverse().join('/');
  const vi = periodPhrase(m.quarter, 'vi');
  const en = periodPhrase(m.quarter, 'en');
  const form = sitePage(m.siteUrl, `/reports/new?period=${encodeURIComponent(m.quarter)}`);
  const quarters = sitePage(m.siteUrl, '/');
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
  const links = {
    vi: [`Nộp báo cáo ${vi} trực tuyến`, 'Các quý của doanh nghiệp'],
    en: [`File the ${en} report online`, "Your enterprise's quarters"],
  };
  const subject =
    m.kind === 'reminder'
      ? `Nhắc nộp báo cáo ${vi} / Reminder: ${en} report due ${m.dueDay}`
      : `Quá hạn nộp báo cáo ${vi} / Overdue: ${en} report`;
  const htmlLinks = ([toForm, toQuarters]: string[]) =>
    `<p><a href="${escapeHtml(form)}">${escapeHtml(toForm)}</a> · <a href="${escapeHtml(quarters)}">${escapeHtml(toQuarters)}</a></p>`;
  const textLinks = ([toForm, toQuarters]: string[]) => `${toForm}: ${form}\n${toQuarters}: ${quarters}`;
  return {
    to: m.to,
    subject,
    html:
      '<!doctype html><html lang="vi"><body style="font-family:Arial,sans-serif">' +
      `<p>${escapeHtml(viText)}</p>${htmlLinks(links.vi)}` +
      `<div lang="en" style="color:#555"><p>${escapeHtml(enText)}</p>${htmlLinks(links.en)}</div></body></html>`,
    text: `${viText}\n${textLinks(links.vi)}\n\n${enText}\n${textLinks(links.en)}`,
  };
}
