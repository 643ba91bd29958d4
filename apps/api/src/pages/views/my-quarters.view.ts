import { localDate } from '@app/domain';
import type { PageContext } from '../page-context';
import type { EnterpriseFiling, EnterpriseQuarter } from '../filing/enterprise-filings.service';
import { fill } from './filing-messages';
import { formatDay, formatInstant, formatPeriod } from './formats';
import { html, SafeHtml } from './html';
import { issueList } from './issue-list.view';
import type { PageShell } from './layout';
import { returnedNote } from './returned-note.view';

/** How the due date stands: days left, the last day, or overdue (a filed quarter says when it was filed instead). */
function dueLine(ctx: PageContext, q: EnterpriseQuarter): SafeHtml {
  const { t, lang } = ctx;
  const c = q.calendar;
  if (!c) return html``;
  if (!c.open) return html`<p class="due muted">${fill(t.opensOn, { day: formatDay(localDate(c.opensAt), lang) })}</p>`;
  const due = html`${t.dueBy} <strong>${formatDay(c.lastDay, lang)}</strong>`;
  if (q.current) return html`<p class="due">${due}</p>`;
  const left = c.daysLeft > 0 ? fill(t.daysLeft, { n: c.daysLeft }) : c.daysLeft === 0 ? t.dueToday : fill(t.overdue, { n: -c.daysLeft });
  return html`<p class="due">${due} · <span class="${c.daysLeft < 0 ? 'overdue' : ''}">${left}</span></p>`;
}

function actions(ctx: PageContext, filing: EnterpriseFiling, q: EnterpriseQuarter): SafeHtml {
  const { t } = ctx;
  const revisions =
    q.submissions.length > 0
      ? html`<a href="/enterprises/${encodeURIComponent(filing.enterprise.taxCode)}#period-${q.period}">${t.seeRevisions}</a>`
      : '';
  if (q.locked) return html`<p class="notice">${fill(t.lockedQuarter, { zone: filing.zoneName })}</p><p class="actions">${revisions}</p>`;
  const canFile = q.calendar ? q.calendar.open : q.submissions.length > 0;
  const accepted = q.current?.status === 'accepted';
  // A returned report asks for its amendment first.
  const primary = !accepted || q.current?.returned;
  const file = !canFile
    ? ''
    : html`<a class="button${primary ? ' primary' : ''}" href="/reports/new?period=${q.period}">${
        accepted ? t.amendReport : t.fileReport
      }</a>`;
  return html`<p class="actions">${file}${revisions}</p>`;
}

function quarterCard(ctx: PageContext, filing: EnterpriseFiling, q: EnterpriseQuarter): SafeHtml {
  const { t, lang } = ctx;
  const status = q.current?.returned ? 'returned' : (q.current?.status ?? (q.calendar && !q.calendar.open ? 'upcoming' : 'missing'));
  const id = `quarter-${q.period}`;
  const filed = q.current
    ? html`<p class="muted">${t.filedAt} ${formatInstant(q.current.receivedAt, lang)}${
        q.current.late ? html` · <span class="badge late">${t.status_late}</span>` : ''
      }</p>`
    : '';
  return html`<li class="card quarter" data-period="${q.period}" aria-labelledby="${id}">
    <div class="quarter-head"><h2 id="${id}">${formatPeriod(q.period, lang)}</h2>
      <span class="badge ${status}" data-status="${status}">${t[`status_${status}`]}</span></div>
    ${dueLine(ctx, q)}${filed}
    ${q.current?.returned ? returnedNote(ctx, q.current.returned) : ''}
    ${q.current ? issueList(ctx, q.current.issues, 'enterprise') : ''}
    ${actions(ctx, filing, q)}
  </li>`;
}

/** An enterprise's home: every quarter it owes, newest first, with what to do about each. */
export function myQuartersPage(ctx: PageContext, filing: EnterpriseFiling): PageShell {
  const { t } = ctx;
  const e = filing.enterprise;
  return {
    title: t.myQuartersTitle,
    section: 'myQuarters',
    body: html`<div class="page-head"><h1>${t.myQuartersTitle}</h1>
      <p class="muted">${e.name} · ${t.taxCode} ${e.taxCode} · ${filing.zoneName}</p></div>
    <p class="lead">${t.myQuartersLead}</p>
    ${
      filing.quarters.length === 0
        ? html`<p class="muted">${t.noQuarters}</p>`
        : html`<ol class="quarters" aria-label="${t.quarters}">${filing.quarters.map((q) => quarterCard(ctx, filing, q))}</ol>`
    }`,
  };
}
