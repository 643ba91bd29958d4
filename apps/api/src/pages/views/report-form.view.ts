import { fieldPath, REPORT_FIELDS, ReportField } from '@app/domain';
import type { SubmissionRecord } from '@app/database';
import type { PageContext } from '../page-context';
import { FormErrors, shownValue, TypedValues } from '../filing/report-form';
import { changesTable } from './enterprise.view';
import { fieldName } from './field-names';
import { fill } from './filing-messages';
import { formatInteger, formatPeriod } from './formats';
import { html, SafeHtml } from './html';
import { issueList } from './issue-list.view';
import type { PageShell } from './layout';
import { returnedNote } from './returned-note.view';

type Figures = SubmissionRecord['figures'];

export interface ReportFormData {
  readonly period: string;
  readonly values: TypedValues;
  /** The current revision's figures when amending. */
  readonly current: Figures | null;
  /** The board's return of the current revision, while no amendment has replaced it. */
  readonly returned: SubmissionRecord['returned'];
  readonly errors: FormErrors;
  /** One per form shown: a double click or a resent form files one report. */
  readonly idempotencyKey: string;
}

const SECTIONS = ['production', 'investment', 'employment', 'wages'] as const;
const WORKER_PARTS = new Set(['femaleWorkers', 'foreignWorkers', 'localWorkers']);

const inputId = (f: ReportField) => `f-${f.section}-${f.key}`;
const currentText = (ctx: PageContext, digits: string | null) =>
  fill(ctx.t.currentValue, { value: formatInteger(digits === null ? null : BigInt(digits), ctx.lang) });

function field(ctx: PageContext, f: ReportField, data: ReportFormData): SafeHtml {
  const { t, lang } = ctx;
  const id = inputId(f);
  const path = fieldPath(f);
  const error = data.errors.byField.get(path);
  // Amending: the figure of the revision in force, to compare with.
  const current = data.current?.[f.key];
  const described = [`${id}-help`, current !== undefined ? `${id}-current` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const partCheck = WORKER_PARTS.has(f.key)
    ? html` data-part-of="f-employment-workers" data-part-error="${fill(t.partExceeds, { part: fieldName(f, ctx.lang) })}"`
    : '';
  return html`<div class="field${error ? ' invalid' : ''}">
    <div class="label-line"><label for="${id}">${fieldName(f, ctx.lang)}</label>${
      f.required ? html` <abbr class="req" title="${t.requiredMark}">*</abbr>` : ''
    }</div>
    <p class="help" id="${id}-help">${lang === 'vi' ? f.helpVi : f.helpEn}</p>
    ${current === undefined ? '' : html`<p class="help current" id="${id}-current">${currentText(ctx, current)}</p>`}
    <p class="field-error" id="${id}-error"${error ? '' : ' hidden'}>${error ?? ''}</p>
    <div class="with-unit"><input id="${id}" name="${path}" type="text" inputmode="numeric" autocomplete="off" spellcheck="false"
      value="${shownValue(data.values[path] ?? '', lang)}" data-figure="${f.kind}" aria-describedby="${described}"${
        f.required ? html` aria-required="true"` : ''
      }${error ? html` aria-invalid="true"` : ''}${partCheck}><span class="unit" aria-hidden="true">${t[`unit_${f.kind}`]}</span></div>
  </div>`;
}

function errorSummary(ctx: PageContext, errors: FormErrors): SafeHtml {
  if (errors.byField.size === 0 && errors.general.length === 0) return html``;
  const named = REPORT_FIELDS.filter((f) => errors.byField.has(fieldPath(f)));
  return html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>${ctx.t.errorSummary}</h2><ul>
    ${errors.general.map((text) => html`<li>${text}</li>`)}
    ${named.map((f) => {
      const text = errors.byField.get(fieldPath(f))!;
      // A rule's sentence names its field already; validation's words need the name before them.
      const line = text.startsWith(fieldName(f, ctx.lang)) ? text : `${fieldName(f, ctx.lang)}: ${text}`;
      return html`<li><a href="#${inputId(f)}">${line}</a></li>`;
    })}
  </ul></div>`;
}

/** The online form: every field of the report in the statutory groups, errors next to their fields and summed up at the top. */
export function reportFormPage(ctx: PageContext, data: ReportFormData): PageShell {
  const { t, lang } = ctx;
  const title = fill(data.current ? t.amendTitle : t.fileTitle, { period: formatPeriod(data.period, lang) });
  return {
    title,
    section: 'fileOnline',
    body: html`<div class="page-head"><h1>${title}</h1></div>
    ${errorSummary(ctx, data.errors)}
    ${data.returned ? returnedNote(ctx, data.returned) : ''}
    <p class="lead">${t.formLead}${data.current ? html` ${t.amendLead}` : ''}</p>
    <form method="post" action="/reports/new" class="stack report-form" novalidate data-report-form>
      <input type="hidden" name="period" value="${data.period}">
      <input type="hidden" name="idempotencyKey" value="${data.idempotencyKey}">
      ${SECTIONS.map(
        (section) => html`<fieldset class="card"><legend>${t[`section_${section}`]}</legend>
        ${REPORT_FIELDS.filter((f) => f.section === section).map((f) => field(ctx, f, data))}</fieldset>`,
      )}
      <p class="muted"><abbr class="req" title="${t.requiredMark}">*</abbr> ${t.requiredMark}</p>
      <button type="submit" class="primary">${t.submitReport}</button>
    </form>`,
  };
}

export interface FiledData {
  readonly period: string;
  readonly submission: Pick<SubmissionRecord, 'id' | 'status' | 'issues'>;
  /** The revision this one amends, and the figures just filed: what changed. */
  readonly amended: { readonly before: Figures; readonly after: Figures } | null;
}

/** The verdict as it stands: the part of the page that moves from received to accepted or rejected. */
export function verdictPanel(ctx: PageContext, period: string, s: FiledData['submission']): SafeHtml {
  const { t } = ctx;
  const decided = s.status !== 'received';
  return html`<div class="verdict-panel" data-status="${s.status}"${decided ? html` data-decided="true"` : ''}>
    <p><span class="badge ${s.status}">${t[`status_${s.status}`]}</span> ${t[`verdict_${s.status}`]}</p>
    ${issueList(ctx, s.issues, 'enterprise')}
    ${s.status === 'rejected' ? html`<p><a class="button primary" href="/reports/new?period=${period}">${t.fixAndRefile}</a></p>` : ''}
  </div>`;
}

/** After submitting: the report followed live to its verdict, and what the amendment changed. */
export function filedPage(ctx: PageContext, data: FiledData, panel: SafeHtml): PageShell {
  const { t, lang } = ctx;
  const title = fill(t.filedTitle, { period: formatPeriod(data.period, lang) });
  return {
    title,
    section: 'fileOnline',
    body: html`<div class="page-head"><h1>${title}</h1></div>
    <section class="card" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">${t.verdictOf}</h2>
      <p class="muted">${t.followLead}</p>
      <div id="verdict" role="status" aria-live="polite" data-follow="/reports/${data.submission.id}/status">${panel}</div>
    </section>
    ${data.amended ? html`<section class="card">${changesTable(ctx, data.amended.before, data.amended.after)}</section>` : ''}
    <p><a href="/">${t.backToQuarters}</a></p>`,
  };
}
