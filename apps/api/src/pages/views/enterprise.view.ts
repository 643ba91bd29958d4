import type { Enterprise, SubmissionRecord } from '@app/database';
import { REPORT_FIELDS } from '@app/domain';
import type { PageContext } from '../page-context';
import { numberCell } from './figures';
import { formatDay, formatInstant, formatInteger, formatPeriod } from './formats';
import { html, SafeHtml } from './html';
import type { PageShell } from './layout';
import { ownershipNow } from '../../registry/registry-views';
import { issueList } from './issue-list.view';
import { returnedNote } from './returned-note.view';

/** A return the board just made, or one refused with what was typed. */
export type ReturnOutcome =
  | { readonly kind: 'saved' }
  | { readonly kind: 'refused'; readonly reportId: string; readonly message: string }
  /** The report was replaced or returned meanwhile (by someone else, or in another tab). */
  | { readonly kind: 'conflict' };

export interface EnterpriseData {
  readonly enterprise: Enterprise;
  readonly zoneName: string;
  readonly history: readonly SubmissionRecord[];
  readonly returnOutcome?: ReturnOutcome;
}

const exact = (value: string | null, ctx: PageContext) => formatInteger(value === null ? null : BigInt(value), ctx.lang);
const label = (ctx: PageContext, f: (typeof REPORT_FIELDS)[number]) => (ctx.lang === 'vi' ? f.labelVi : f.labelEn);

type Figures = SubmissionRecord['figures'];

/** The fields whose figures differ between two revisions of the same period. */
export function changesTable(ctx: PageContext, before: Figures, after: Figures): SafeHtml {
  const { t } = ctx;
  const changed = REPORT_FIELDS.filter((f) => before[f.key] !== after[f.key]);
  if (changed.length === 0) return html`<p class="muted">${t.changes}: ${t.unchanged}</p>`;
  return html`<table class="figures compact changes"><caption>${t.changes}</caption>
    <thead><tr><th scope="col">${t.field}</th><th scope="col" class="num">${t.before}</th>
      <th scope="col" class="num">${t.after}</th></tr></thead>
    <tbody>${changed.map(
      (f) =>
        html`<tr><th scope="row">${label(ctx, f)}</th>${numberCell(exact(before[f.key], ctx))}${numberCell(exact(after[f.key], ctx))}</tr>`,
    )}</tbody></table>`;
}

function submission(ctx: PageContext, s: SubmissionRecord, previous: SubmissionRecord | undefined): SafeHtml {
  const { t, lang } = ctx;
  const late = s.late ? html` <span class="badge late">${t.status_late}</span>` : '';
  return html`<li class="submission" data-submission="${s.id}">
    <p><strong>${s.revision === null ? t.submission : `${t.revision} ${s.revision}`}</strong> · <span class="badge ${s.status}">${
      t[`status_${s.status}`]
    }</span>${late} · ${t.receivedAt} ${formatInstant(s.receivedAt, lang)}</p>
    ${issueList(ctx, s.issues, ctx.principal?.role === 'enterprise' ? 'enterprise' : 'board')}
    ${previous ? changesTable(ctx, previous.figures, s.figures) : ''}
  </li>`;
}

/** The board's form to return the current revision to its enterprise for amendment. */
function returnForm(ctx: PageContext, data: EnterpriseData, s: SubmissionRecord): SafeHtml {
  const { t } = ctx;
  const id = `return-${s.id}`;
  const refused = data.returnOutcome?.kind === 'refused' && data.returnOutcome.reportId === s.id ? data.returnOutcome : null;
  return html`<form method="post" action="/enterprises/${encodeURIComponent(data.enterprise.taxCode)}/reports/${s.id}/return"
    class="return-form">
    <div class="field${refused ? ' invalid' : ''}">
      <label for="${id}">${t.returnToEnterprise}</label>
      <p class="help" id="${id}-help">${t.returnHelp}</p>
      ${refused ? html`<p class="field-error" id="${id}-error">${t.returnMessageRequired}</p>` : ''}
      <textarea id="${id}" name="message" rows="3" maxlength="500" aria-describedby="${id}-help${refused ? ` ${id}-error` : ''}"
        ${refused ? html`aria-invalid="true"` : ''}>${refused?.message ?? ''}</textarea>
    </div>
    <button type="submit">${t.returnReport}</button>
  </form>`;
}

function period(ctx: PageContext, data: EnterpriseData, period: string, submissions: readonly SubmissionRecord[]): SafeHtml {
  const { t, lang } = ctx;
  const latest = submissions.find((s) => s.status === 'accepted') ?? submissions[submissions.length - 1];
  const board = ctx.principal?.role !== 'enterprise';
  const returned = latest.returned
    ? returnedNote(ctx, latest.returned)
    : board && latest.status === 'accepted'
      ? returnForm(ctx, data, latest)
      : '';
  const decided = submissions.filter((s) => s.revision !== null);
  const previousOf = (s: SubmissionRecord) => (s.revision === null ? undefined : decided[decided.indexOf(s) - 1]);
  const id = `period-${period}`;
  return html`<section class="card period" aria-labelledby="${id}">
    <h2 id="${id}">${formatPeriod(period, lang)}</h2>
    <ol class="submissions">${submissions.map((s) => submission(ctx, s, previousOf(s)))}</ol>
    ${returned}
    <div class="table-scroll"><table class="figures compact">
      <caption>${t.figuresAsFiled} (${latest.revision === null ? t.submission : `${t.revision} ${latest.revision}`})</caption>
      <thead><tr><th scope="col">${t.field}</th><th scope="col" class="num">${t.value}</th></tr></thead>
      <tbody>${REPORT_FIELDS.map(
        (f) => html`<tr><th scope="row">${label(ctx, f)}</th>
        ${numberCell(exact(latest.figures[f.key], ctx))}</tr>`,
      )}</tbody>
    </table></div>
  </section>`;
}

/** An enterprise: registry facts, then every report with every revision, its verdict, issues and what changed. */
export function enterprisePage(ctx: PageContext, data: EnterpriseData): PageShell {
  const { t, lang } = ctx;
  const e = data.enterprise;
  const until = e.operatingUntil ? ` ${t.operatingUntil} ${formatDay(e.operatingUntil, lang)}` : '';
  const periods = [...new Set(data.history.map((s) => s.period))];
  // An enterprise reads its own history: the zone's page is the board's.
  const own = ctx.principal?.role === 'enterprise';
  return {
    title: e.name,
    section: own ? 'myQuarters' : 'filing',
    body: html`<h1>${e.name}</h1>
    ${data.returnOutcome?.kind === 'saved' ? html`<p class="notice" role="status">${t.returnSaved}</p>` : ''}
    ${
      data.returnOutcome?.kind === 'refused'
        ? html`<div class="error-summary" role="alert"><h2>${t.errorSummary}</h2>
      <p><a href="#return-${data.returnOutcome.reportId}">${t.returnMessageRequired}</a></p></div>`
        : ''
    }
    ${data.returnOutcome?.kind === 'conflict' ? html`<p class="notice" role="alert">${t.returnRefused}</p>` : ''}
    <section class="card" aria-labelledby="registry-heading">
      <h2 id="registry-heading">${t.registry}</h2>
      <dl class="facts">
        <div><dt>${t.taxCode}</dt><dd>${e.taxCode}</dd></div>
        <div><dt>${t.zone}</dt><dd>${
          own ? data.zoneName : html`<a href="/zones/${encodeURIComponent(e.zoneCode)}">${data.zoneName}</a>`
        }</dd></div>
        <div><dt>${t.ownership}</dt><dd>${t[`ownership_${ownershipNow(e)}`]}</dd></div>
        <div><dt>${t.operatingFrom}</dt><dd>${formatDay(e.operatingFrom, lang)}${until}</dd></div>
      </dl>
    </section>
    <h2>${t.reports}</h2>
    ${
      periods.length === 0
        ? html`<p class="muted">${t.noReports}</p>`
        : periods.map((p) =>
            period(
              ctx,
              data,
              p,
              data.history.filter((s) => s.period === p),
            ),
          )
    }`,
  };
}
