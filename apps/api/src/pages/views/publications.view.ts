import type { PublicationHeader, PublicationRecord } from '@app/database';
import { pressParagraphs, SummaryFigures, SummaryJson, ZONE_KINDS } from '@app/domain';
import type { PageContext } from '../page-context';
import { figureCells, figureHeaders } from './figures';
import { formatDay, formatInstant, formatPeriod } from './formats';
import { html, SafeHtml } from './html';
import type { PageShell } from './layout';

const MONEY_KEYS = [
  'grossOutput',
  'grossOutputConstant2010',
  'revenue',
  'exportValueUsd',
  'importValueUsd',
  'stateBudgetPaid',
  'realizedCapital',
  'wageFund',
  'averageMonthlyWage',
  'planTarget',
] as const;

/** Figures as published (money as strings of digits) back in the shape the tables format. */
function figuresOf(json: object): SummaryFigures {
  const f = { ...json } as Record<string, unknown>;
  for (const key of MONEY_KEYS) f[key] = f[key] === null || f[key] === undefined ? null : BigInt(f[key] as string);
  return f as unknown as SummaryFigures;
}

/** `Publish now` and its confirmation: a dialog whose confirming button is `Publish` (the form is sent only then). */
function publishForm(ctx: PageContext): SafeHtml {
  const { t } = ctx;
  return html`<form method="post" action="/publications" data-confirm="publish-dialog" class="publish-form">
    <button type="submit" class="primary">${t.publishNow}</button>
  </form>
  <dialog id="publish-dialog" aria-labelledby="publish-dialog-title">
    <form method="dialog">
      <h2 id="publish-dialog-title">${t.publishNow}</h2>
      <p>${t.publishConfirm}</p>
      <div class="dialog-actions"><button value="cancel">${t.cancel}</button>
        <button value="confirm" class="primary">${t.publish}</button></div>
    </form>
  </dialog>`;
}

export function publicationsPage(
  ctx: PageContext,
  items: readonly PublicationHeader[],
  canPublish: boolean,
  published: boolean,
): PageShell {
  const { t, lang } = ctx;
  return {
    title: t.publicationsTitle,
    section: 'publications',
    body: html`<div class="page-head"><h1>${t.publicationsTitle}</h1>${canPublish ? publishForm(ctx) : ''}</div>
    ${published ? html`<p class="notice" role="status">${t.published}</p>` : ''}
    ${
      items.length === 0
        ? html`<p class="muted">${t.noPublications}</p>`
        : html`<div class="table-scroll"><table class="figures" id="publications-table">
      <caption>${t.publicationsTitle}</caption>
      <thead><tr><th scope="col" class="num">${t.number}</th><th scope="col">${t.month}</th><th scope="col">${t.covers}</th>
        <th scope="col">${t.publishedAt}</th><th scope="col">${t.workbook}</th></tr></thead>
      <tbody>${items.map(
        (p) => html`<tr data-publication="${p.id}"><td class="num"><a href="/publications/${p.id}">${t.publicationNumber} ${p.id}</a></td>
        <td>${p.month}</td><td>${formatPeriod(p.latestQuarter, lang)} · ${t.yearToDate} ${p.yearToDate}</td>
        <td>${formatInstant(p.publishedAt, lang)}</td>
        <td><a href="/publications/${p.id}/workbook.xlsx"
          download>${t.downloadWorkbook}<span class="visually-hidden"> ${p.id}</span></a></td>
        </tr>`,
      )}</tbody>
    </table></div>`
    }`,
  };
}

function totalRow(ctx: PageContext, name: string, figures: object, className: string): SafeHtml {
  return html`<tr class="${className}"><th scope="row">${name}</th>${figureCells(ctx, figuresOf(figures))}</tr>`;
}

function figuresTable(ctx: PageContext, id: string, summary: SummaryJson | Omit<SummaryJson, 'totals'>): SafeHtml {
  const { t, lang } = ctx;
  const totals = 'totals' in summary ? summary.totals : null;
  return html`<div class="table-scroll"><table class="figures" id="${id}">
    <caption>${t.zonesTable} · ${formatPeriod(summary.period, lang)}</caption>
    <thead><tr><th scope="col">${t.zone}</th>${figureHeaders(ctx)}</tr></thead>
    ${ZONE_KINDS.map((kind) => {
      const zones = summary.zones.filter((z) => z.kind === kind);
      if (zones.length === 0) return '';
      const rows = zones.map(
        (z) => html`<tr data-zone="${z.zoneCode}"><th scope="row">${z.zoneName}</th>${figureCells(ctx, figuresOf(z))}</tr>`,
      );
      const total = totals ? totalRow(ctx, `${t.totalOf} · ${t[`kind_${kind}`]}`, totals[kind], 'total') : '';
      return html`<tbody>${rows}${total}</tbody>`;
    })}
    ${totals ? html`<tfoot>${totalRow(ctx, t.allZones, totals.all, 'total grand')}</tfoot>` : ''}
  </table></div>`;
}

/** One publication: when and what it published, its figures as published (cut to the reader's zones), its workbook. */
export function publicationPage(
  ctx: PageContext,
  p: PublicationRecord,
  latest: SummaryJson | Omit<SummaryJson, 'totals'>,
  yearToDate: SummaryJson | Omit<SummaryJson, 'totals'>,
): PageShell {
  const { t, lang } = ctx;
  return {
    title: `${t.publicationNumber} ${p.id}`,
    section: 'publications',
    body: html`<h1>${t.publicationNumber} ${p.id} · ${p.month}</h1>
    <p class="muted">${t.publishedAt} ${formatInstant(p.publishedAt, lang)} · ${formatDay(p.asOf, lang)} · ${p.publishedBy}</p>
    <p><a class="button" href="/publications/${p.id}/workbook.xlsx" download>${t.downloadWorkbook}</a></p>
    <h2>${formatPeriod(p.latestQuarter, lang)}</h2>
    ${figuresTable(ctx, 'latest-table', latest)}
    <h2>${t.yearToDate} ${p.yearToDate}</h2>
    ${figuresTable(ctx, 'ytd-table', yearToDate)}
    ${pressDraft(ctx, p, latest)}`,
  };
}

/** The drafted press paragraphs, from the public figures, for the zones the reader sees (and the province for a reader of all). */
function pressDraft(ctx: PageContext, p: PublicationRecord, latest: SummaryJson | Omit<SummaryJson, 'totals'>): SafeHtml {
  const { t } = ctx;
  const shown = new Set(latest.zones.map((z) => z.zoneCode));
  const texts = pressParagraphs(p.publicFigures.latestQuarter, { allZones: 'totals' in latest, inScope: (z) => shown.has(z) });
  if (texts.length === 0) return html``;
  return html`<section class="card press-draft" aria-labelledby="press-heading" lang="vi">
    <h2 id="press-heading">${t.pressDraft}</h2>
    <p class="muted" lang="${ctx.lang}">${t.pressDraftLead}</p>
    ${texts.map((text) => html`<p class="press-text">${text}</p>`)}
  </section>`;
}
