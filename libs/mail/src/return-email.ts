import { periodPhrase } from '@app/domain';
import { EmailMessage } from './email-message';
import { enterpriseEmail, enterpriseLinks } from './enterprise-email';

export interface ReturnMail {
  readonly to: string;
  readonly enterpriseName: string;
  readonly taxCode: string;
  readonly quarter: string;
  /** The board's message, as it typed it. */
  readonly message: string;
  /** The site's address as enterprises reach it (PUBLIC_BASE_URL): the links point to its pages. */
  readonly siteUrl: string;
}

/**
 * To an enterprise whose report the board returned: the board's message, and a link to amend the
 * quarter's report. Vietnamese first, English below; the board's message is quoted once in each part
 * as it was written.
 */
export function returnEmail(m: ReturnMail): EmailMessage {
  const vi = periodPhrase(m.quarter, 'vi');
  const en = periodPhrase(m.quarter, 'en');
  const { form, quarters } = enterpriseLinks(m.siteUrl, m.quarter);
  return enterpriseEmail(
    m.to,
    `Đề nghị sửa đổi báo cáo ${vi} / Report returned: ${en}`,
    {
      paragraphs: [
        `Kính gửi ${m.enterpriseName} (MST ${m.taxCode}): Ban Quản lý đề nghị doanh nghiệp sửa đổi báo cáo ${vi} và nộp lại.`,
        `Ý kiến của Ban Quản lý: ${m.message}`,
        'Số liệu của báo cáo đã nộp vẫn được tính trong số liệu tổng hợp cho đến khi báo cáo sửa đổi thay thế.',
      ],
      links: [
        [`Sửa đổi báo cáo ${vi}`, form],
        ['Các quý của doanh nghiệp', quarters],
      ],
    },
    {
      paragraphs: [
        `Dear ${m.enterpriseName} (tax code ${m.taxCode}): the management board returned your ${en} report and asks you to amend it.`,
        `The board's message: ${m.message}`,
        'The figures of the report filed stay counted in the summaries until the amendment replaces them.',
      ],
      links: [
        [`Amend the ${en} report`, form],
        ["Your enterprise's quarters", quarters],
      ],
    },
  );
}
