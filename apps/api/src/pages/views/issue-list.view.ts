import type { ReportIssue } from '@app/domain';
import type { PageContext } from '../page-context';
import { html, SafeHtml } from './html';
import { IssueAudience, issueText } from './issue-texts';

/** A report's errors, then its warnings, each in words for whoever reads them. */
export function issueList(ctx: PageContext, issues: readonly ReportIssue[], audience: IssueAudience): SafeHtml {
  const { t, lang } = ctx;
  const list = (title: string, items: readonly ReportIssue[], kind: string) =>
    items.length === 0
      ? ''
      : html`<p class="issues-title">${title}</p>
    <ul class="warning-list ${kind}">${items.map((i) => html`<li>${issueText(i, lang, audience)}</li>`)}</ul>`;
  return html`${list(
    t.errors,
    issues.filter((i) => i.severity === 'error'),
    'errors',
  )}${list(
    t.warnings,
    issues.filter((i) => i.severity === 'warning'),
    'warnings',
  )}`;
}
