import type { ReportIssue } from '@app/domain';
import type { PageContext } from '../page-context';
import { validationText } from '../filing/report-form';
import { fieldNameOfPath } from './field-names';
import { fill } from './filing-messages';
import { formatInstant, formatPeriod } from './formats';
import { html, SafeHtml } from './html';
import { issueList } from './issue-list.view';
import type { PageShell } from './layout';

export interface UploadForm {
  readonly period: string;
  /** Why the last file was refused as a whole (its type, size, missing columns). */
  readonly error?: string;
}

const ACCEPTED_FILES = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** The upload page: the pre-filled template, and a file field that also takes a file dropped on it. */
export function uploadPage(ctx: PageContext, form: UploadForm): PageShell {
  const { t } = ctx;
  return {
    title: t.uploadTitle,
    section: 'uploadNav',
    body: html`<div class="page-head"><h1>${t.uploadTitle}</h1></div>
    ${
      form.error
        ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><h2>${t.errorSummary}</h2>
      <ul><li><a href="#report-file">${fill(t.uploadRefused, { reason: form.error })}</a></li></ul></div>`
        : ''
    }
    <p class="lead">${t.uploadLead}</p>
    <p><a class="button" href="/upload/template.xlsx?period=${form.period}" download>${t.downloadTemplate}</a></p>
    <form method="post" action="/upload" enctype="multipart/form-data" class="card stack upload-form" data-upload-form>
      <div class="field drop-zone${form.error ? ' invalid' : ''}" data-drop-zone>
        <label for="report-file">${t.reportFile}</label>
        <p class="help" id="report-file-help">${t.reportFileHelp}</p>
        <input id="report-file" name="file" type="file" accept="${ACCEPTED_FILES}"
          aria-describedby="report-file-help"${form.error ? html` aria-invalid="true"` : ''}>
      </div>
      <div class="upload-progress" hidden><label for="upload-progress">${t.uploading}</label>
        <progress id="upload-progress" max="100" value="0"></progress></div>
      <button type="submit" class="primary">${t.upload}</button>
    </form>`,
  };
}

interface StoredRow {
  readonly row: number;
  readonly status: 'received' | 'accepted' | 'rejected' | 'superseded';
  readonly taxCode: string;
  readonly period: string;
  readonly issues: readonly ReportIssue[];
}

interface InvalidRow {
  readonly row: number;
  readonly status: 'invalid';
  readonly errors: ReadonlyArray<{ readonly cell?: string; readonly field: string; readonly code: string; readonly message: string }>;
}

export interface UploadBatchView {
  readonly batchId: string;
  readonly uploadedAt: string;
  readonly fileName: string | null;
  readonly processed: boolean;
  readonly rows: ReadonlyArray<StoredRow | InvalidRow>;
}

function rowDetails(ctx: PageContext, r: StoredRow | InvalidRow): SafeHtml {
  if (r.status !== 'invalid') return html`${formatPeriod(r.period, ctx.lang)}${issueList(ctx, r.issues, 'enterprise')}`;
  return html`<ul class="warning-list errors">${r.errors.map((e) => {
    const text = `${fieldNameOfPath(e.field, ctx.lang)}: ${validationText(e.code, ctx.t)}`;
    return html`<li data-cell="${e.cell ?? ''}">${e.cell ? fill(ctx.t.cellError, { cell: e.cell, text }) : text}</li>`;
  })}</ul>`;
}

/** The rows of an upload with their verdicts: the part that moves as the worker decides. */
export function uploadRows(ctx: PageContext, batch: UploadBatchView): SafeHtml {
  const { t } = ctx;
  const invalid = batch.rows.filter((r) => r.status === 'invalid').length;
  return html`<div data-processed="${batch.processed ? 'true' : 'false'}">
    <p>${fill(t.rowsSummary, { received: batch.rows.length - invalid, invalid })}</p>
    <div class="table-scroll"><table class="figures compact upload-rows"><caption>${t.uploadResult}</caption>
    <thead><tr><th scope="col" class="num">${t.row}</th><th scope="col">${t.status}</th><th scope="col">${t.details}</th></tr></thead>
    <tbody>${batch.rows.map(
      (r) => html`<tr data-row="${r.row}" data-status="${r.status}"><th scope="row" class="num">${r.row}</th>
      <td><span class="badge ${r.status}">${t[`status_${r.status}`]}</span></td><td>${rowDetails(ctx, r)}</td></tr>`,
    )}</tbody></table></div></div>`;
}

/** An upload's result page, followed live until every stored row is decided. */
export function uploadResultPage(ctx: PageContext, batch: UploadBatchView): PageShell {
  const { t, lang } = ctx;
  return {
    title: t.uploadResult,
    section: 'uploadNav',
    body: html`<div class="page-head"><h1>${t.uploadResult}</h1>
      <p class="muted">${fill(t.uploadedFile, { name: batch.fileName ?? '–', at: formatInstant(new Date(batch.uploadedAt), lang) })}</p>
    </div>
    <div id="verdict" role="status" aria-live="polite" data-follow="/upload/${batch.batchId}?part=rows">${uploadRows(ctx, batch)}</div>
    <p><a href="/upload">${t.uploadAnother}</a> · <a href="/">${t.backToQuarters}</a></p>`,
  };
}
