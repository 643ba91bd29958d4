import { periodNameOf, PublicationChanges, scaledNumber } from '@app/domain';
import { EmailMessage, Language } from './email-message';
import { barChartPng } from './chart/bar-chart-png';
import { headlineSentences } from './headline-sentences';
import { escapeHtml, formatNumber, scaled } from './html';

export interface HeadlineZone {
  readonly zoneCode: string;
  readonly zoneName: string;
  readonly reportsReceived: number;
  readonly reportsExpected: number;
  readonly grossOutput: string | null;
  readonly growthYoYCurrentPct: number | null;
  readonly workers: number | null;
  readonly averageMonthlyWage: string | null;
  /** Fields withheld by disclosure control (figures for readers outside the board). */
  readonly withheld?: readonly string[];
  /** Every figure not shown as computed now, with why: withheld ones, and earlier figures shown again. */
  readonly heldBack?: ReadonlyArray<{ readonly field: string; readonly reason: string }>;
}

export interface PublicationMail {
  readonly to: string;
  readonly language: Language;
  readonly audience: 'board' | 'public';
  readonly number: number;
  readonly latestQuarter: string;
  readonly yearToDate: string;
  readonly zones: readonly HeadlineZone[];
  readonly total: HeadlineZone | null;
  readonly revisedZones: readonly string[];
  /** Since the previous publication of the same quarter; null for the first. */
  readonly changes: PublicationChanges | null;
  /** The subscription's own unsubscribe page, absolute. */
  readonly unsubscribeUrl: string;
  /** The figures of the quarter on the site: the board's overview or the public page, by audience. */
  readonly pageUrl: string;
  /** Paragraphs drafted for the press from the public figures (board emails only), to copy. */
  readonly pressDraft: readonly string[];
  readonly workbook: Buffer;
  readonly workbookName: string;
}

const LABELS = {
  vi: {
    subject: (n: number, q: string) => `Báo cáo số liệu các khu công nghiệp tỉnh Lào Cai, số ${n} — ${q}`,
    intro: (q: string, ytd: string) =>
      `Ban Quản lý Khu kinh tế tỉnh Lào Cai gửi số liệu ${q} và lũy kế ${ytd}. Bảng tính đầy đủ được đính kèm.`,
    columns: [
      'Khu',
      'Báo cáo đã nhận',
      'Giá trị SXCN (tỷ đồng)',
      'Tăng trưởng so cùng kỳ (%)',
      'Lao động (người)',
      'Thu nhập bình quân (triệu đồng/tháng)',
    ],
    total: 'Tổng cộng',
    withheld: 'x : số liệu không công bố để bảo mật thông tin của doanh nghiệp.',
    heldBack: '* : số liệu đã công bố lần trước; số liệu điều chỉnh chưa công bố để bảo mật thông tin của doanh nghiệp.',
    missing: '— : không có số liệu (chưa báo cáo, hoặc không có số liệu cùng kỳ năm trước để so sánh).',
    revised: (zones: string) => `Số liệu đã được điều chỉnh: ${zones}.`,
    changesTitle: (n: number | null) => (n === null ? 'Thay đổi so với lần công bố trước' : `Thay đổi so với lần công bố số ${n}`),
    reportsAdded: (n: number) => `${n} báo cáo nộp sau lần công bố trước nay đã được tính.`,
    newlyWithheld: (zones: string) => `Có số liệu nay không công bố để bảo mật thông tin: ${zones}.`,
    released: (zones: string) => `Có số liệu nay được công bố trở lại: ${zones}.`,
    footer: 'Thư này được gửi tự động; vui lòng không trả lời.',
    unsubscribe: 'Không muốn nhận thư này nữa? Huỷ đăng ký',
    page: 'Xem số liệu trên trang',
    pressDraft: 'Tin soạn sẵn cho báo chí (chỉ từ số liệu công khai):',
    chartAlt: (q: string, bars: string) => `Biểu đồ giá trị sản xuất công nghiệp theo khu, ${q} (tỷ đồng): ${bars}.`,
  },
  en: {
    subject: (n: number, q: string) => `Lào Cai industrial zones figures, issue ${n} — ${q}`,
    intro: (q: string, ytd: string) =>
      `The Lào Cai Economic Zone Management Board sends the figures of ${q} and of the year to date (${ytd}). ` +
      'The full workbook is attached.',
    columns: [
      'Zone',
      'Reports received',
      'Gross output (billion VND)',
      'Growth year on year (%)',
      'Workers',
      'Average wage (million VND/month)',
    ],
    total: 'Total',
    withheld: 'x : withheld to protect the confidentiality of individual enterprises.',
    heldBack: '* : as published before; the revised figure is held back to protect the confidentiality of individual enterprises.',
    missing: '— : no figure (not reported, or nothing a year earlier to compare with).',
    revised: (zones: string) => `Revised: ${zones}.`,
    changesTitle: (n: number | null) => (n === null ? 'Changes since the previous publication' : `Changes since issue ${n}`),
    reportsAdded: (n: number) => `${n} reports filed since the previous publication are now counted.`,
    newlyWithheld: (zones: string) => `Figures now withheld for confidentiality: ${zones}.`,
    released: (zones: string) => `Figures shown again: ${zones}.`,
    footer: 'This message was sent automatically; please do not reply.',
    unsubscribe: 'No longer want these emails? Unsubscribe',
    page: 'See the figures on the site',
    pressDraft: 'Drafted for the press, in Vietnamese, from the public figures only:',
    chartAlt: (q: string, bars: string) => `Chart of gross industrial output by zone, ${q} (billion đồng): ${bars}.`,
  },
} as const;

const WITHHELD = 'x';
const CHART_CID = 'output-chart@kcn';
const MISSING = '—';
const HELD_BACK = '*';

/** The monthly email: headline sentences, then the figures of the subscriber's zones, the workbook attached. */
export function publicationEmail(m: PublicationMail): EmailMessage {
  const l = LABELS[m.language];
  const quarter = periodNameOf(m.latestQuarter, m.language);
  const intro = l.intro(quarter, periodNameOf(m.yearToDate, m.language));
  const headlines = (m.total ? [m.total] : m.zones).flatMap((z) => headlineSentences(z, quarter, m.language));
  // A withheld figure and one nobody reported are both null: they are marked apart, x and —. An earlier
  // figure shown again in place of a revision held back is marked *.
  const cells = (z: HeadlineZone) => {
    const earlier = (field: string) => z.heldBack?.some((h) => h.field === field && h.reason === 'revision held back') ?? false;
    const shown = (field: keyof HeadlineZone, text: string | null) =>
      z.withheld?.includes(field) ? WITHHELD : text === null ? MISSING : earlier(field) ? `${text} ${HELD_BACK}` : text;
    return [
      z.zoneCode === '' ? l.total : `${z.zoneName} (${z.zoneCode})`,
      `${z.reportsReceived}/${z.reportsExpected}`,
      shown('grossOutput', scaled(z.grossOutput, 9, m.language, 0)),
      shown('growthYoYCurrentPct', z.growthYoYCurrentPct === null ? null : formatNumber(z.growthYoYCurrentPct, m.language, 2)),
      shown('workers', z.workers === null ? null : formatNumber(z.workers, m.language)),
      shown('averageMonthlyWage', scaled(z.averageMonthlyWage, 6, m.language, 1)),
    ];
  };
  const rows = [...m.zones, ...(m.total ? [{ ...m.total, zoneCode: '' }] : [])].map(cells);
  // The chart shows the zones' output cells of the table, x where withheld: nothing the table does not.
  const bars = m.zones.map((z, i) => ({
    label: z.zoneCode,
    name: z.zoneName,
    value: z.grossOutput === null || z.withheld?.includes('grossOutput') ? null : scaledNumber(z.grossOutput, 9, 1),
    text: rows[i][2],
  }));
  const chart = bars.length === 0 ? null : barChartPng(bars);
  const alt = l.chartAlt(quarter, bars.map((b) => `${b.name} ${b.text}`).join('; '));
  const notes: Array<string | null> = [
    rows.some((r) => r.includes(WITHHELD)) ? l.withheld : null,
    rows.some((r) => r.some((c) => c.endsWith(` ${HELD_BACK}`))) ? l.heldBack : null,
    rows.some((r) => r.includes(MISSING)) ? l.missing : null,
  ];
  const c = m.changes;
  const changed: Array<string | null> = [
    m.revisedZones.length > 0 ? l.revised(m.revisedZones.join(', ')) : null,
    c && c.reportsAdded > 0 ? l.reportsAdded(c.reportsAdded) : null,
    c && c.newlyWithheld.length > 0 ? l.newlyWithheld(c.newlyWithheld.join(', ')) : null,
    c && c.released.length > 0 ? l.released(c.released.join(', ')) : null,
  ];
  const said = (lines: Array<string | null>) => lines.filter((n): n is string => n !== null);
  const changesTitle = said(changed).length > 0 ? l.changesTitle(c?.previousNumber ?? null) : null;
  // Figures are right-aligned, the zone's name is not.
  const cell = (c: string, i: number) => `<td${i > 0 ? ' align="right"' : ''}>${escapeHtml(c)}</td>`;
  const html = `<!doctype html><html lang="${m.language}"><body style="font-family:Arial,sans-serif">
${headlines.map((h) => `<p style="font-size:16px">${escapeHtml(h)}</p>`).join('\n')}
${
  changesTitle
    ? `<p><strong>${escapeHtml(changesTitle)}</strong></p>\n<ul>${said(changed)
        .map((x) => `<li>${escapeHtml(x)}</li>`)
        .join('')}</ul>`
    : ''
}
<p>${escapeHtml(intro)}</p>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse">
<thead><tr>${l.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}</tbody>
</table>
${chart ? `<p><img src="cid:${CHART_CID}" width="600" alt="${escapeHtml(alt)}" style="max-width:100%;height:auto;display:block"></p>` : ''}
${said(notes)
  .map((n) => `<p>${escapeHtml(n)}</p>`)
  .join('\n')}
<p style="color:#666">${escapeHtml(l.footer)} <a href="${escapeHtml(m.unsubscribeUrl)}">${escapeHtml(l.unsubscribe)}</a></p></body></html>`;
  const text = [
    ...headlines,
    '',
    ...(changesTitle ? [`${changesTitle}:`, ...said(changed).map((x) => `- ${x}`), ''] : []),
    intro,
    '',
    l.columns.join(' | '),
    ...rows.map((r) => r.join(' | ')),
    '',
    ...said(notes),
    `${l.page}: ${m.pageUrl}`,
    '',
    ...(m.pressDraft.length > 0 ? [l.pressDraft, ...m.pressDraft, ''] : []),
    l.footer,
    `${l.unsubscribe}: ${m.unsubscribeUrl}`,
  ].join('\n');
  return {
    to: m.to,
    subject: l.subject(m.number, quarter),
    // One click from the mail client (RFC 8058): the link's token is all it needs.
    headers: { 'List-Unsubscribe': `<${m.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    html,
    text,
    attachments: [
      { filename: m.workbookName, content: m.workbook, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      ...(chart ? [{ filename: 'gia-tri-san-xuat.png', content: chart, contentType: 'image/png', cid: CHART_CID }] : []),
    ],
  };
}
