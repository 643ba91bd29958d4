import { EmailMessage } from './email-message';
import { escapeHtml } from './html';
import { sitePage } from './site-page';

/** One language's part of an email to an enterprise: its paragraphs, then its links as [label, address]. */
export interface EnterpriseEmailPart {
  readonly paragraphs: readonly string[];
  readonly links: ReadonlyArray<readonly [label: string, url: string]>;
}

/** The quarter's online form and the enterprise's quarters on the site: what an email to an enterprise links to. */
export function enterpriseLinks(siteUrl: string, quarter: string): { form: string; quarters: string } {
  return { form: sitePage(siteUrl, `/reports/new?period=${encodeURIComponent(quarter)}`), quarters: sitePage(siteUrl, '/') };
}

/**
 * An email to an enterprise, Vietnamese first and English below, as text and HTML. Its links carry no
 * token: the page asks to sign in, then comes back.
 */
export function enterpriseEmail(to: string, subject: string, vi: EnterpriseEmailPart, en: EnterpriseEmailPart): EmailMessage {
  const htmlPart = (part: EnterpriseEmailPart) =>
    part.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `<p>${part.links.map(([label, url]) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`).join(' · ')}</p>`;
  const textPart = (part: EnterpriseEmailPart) => [...part.paragraphs, ...part.links.map(([label, url]) => `${label}: ${url}`)].join('\n');
  return {
    to,
    subject,
    html:
      '<!doctype html><html lang="vi"><body style="font-family:Arial,sans-serif">' +
      `${htmlPart(vi)}<div lang="en" style="color:#555">${htmlPart(en)}</div></body></html>`,
    text: `${textPart(vi)}\n\n${textPart(en)}`,
  };
}
