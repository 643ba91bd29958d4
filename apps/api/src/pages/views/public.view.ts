import type { PublicationHeader } from '@app/database';
import { HeldBackReason, ZONE_KINDS } from '@app/domain';
import type { PublicSummaryView } from '../../public/public-summaries.service';
import type { PageContext } from '../page-context';
import { barChart } from './bar-chart';
import { formatBillions, formatInstant, formatInteger, formatMillions, formatPercent, formatPeriod } from './formats';
import { html, SafeHtml } from './html';
import type { PageShell } from './layout';
import type { Messages } from './messages';

/** What the public table shows of a zone or a total, as published (money as strings of digits). */
type PublicRow = PublicSummaryView['zones'][number] | PublicSummaryView['totals']['all'];

/** The reasons the API gives, each with its note: its anchor, its mark, and its words. */
const REASONS: ReadonlyArray<{ reason: HeldBackReason; id: string; mark: string; words: keyof Messages }> = [
  { reason: 'confidential', id: 'why-confidential', mark: '1', words: 'publicReason_confidential' },
  { reason: 'protects another figure', id: 'why-protects', mark: '2', words: 'publicReason_protects' },
  { reason: 'revision held back', id: 'why-revision', mark: '3', words: 'publicReason_revision' },
];

type Kind = 'count' | 'billions' | 'millions' | 'percent';

/** The columns of the public table: the counts first (never withheld), then the figures disclosure control may hold back. */
const COLUMNS: ReadonlyArray<{ field: string; kind: Kind; header: (t: Messages) => SafeHtml | string }> = [
  { field: 'reportsExpected', kind: 'count', header: (t) => t.publicReportsExpected },
  { field: 'reportsReceived', kind: 'count', header: (t) => t.publicReportsReceived },
  { field: 'grossOutput', kind: 'billions', header: (t) => html`${t.grossOutput} <span class="unit">(${t.billionDong})</span>` },
  { field: 'grossOutputSharePct', kind: 'percent', header: (t) => t.share },
  { field: 'growthYoYPct', kind: 'percent', header: (t) => t.growth },
  { field: 'revenue', kind: 'billions', header: (t) => html`${t.publicRevenue} <span class="unit">(${t.billionDong})</span>` },
  { field: 'workers', kind: 'count', header: (t) => t.workers },
  {
    field: 'averageMonthlyWage',
    kind: 'millions',
    header: (t) => html`${t.averageWage} <span class="unit">(${t.millionDongMonth})</span>`,
  },
  {
    field: 'realizedCapital',
    kind: 'billions',
    header: (t) => html`${t.publicRealizedCapital} <span class="unit">(${t.billionDong})</span>`,
  },
  { field: 'operatingProjects', kind: 'count', header: (t) => t.operatingProjects },
];

export interface PublicPageData {
  readonly summary: PublicSummaryView;
  /** The latest publication (the figures shown may be an earlier one's): its quarter and year to date are offered as links. */
  readonly latest: PublicationHeader;
}

/** The page's query for a period label: `period=` for a quarter or a year, `from=&to=` for a range. */
function periodQuery(period: string): string {
  const [from, to] = period.split('..');
  return to === undefined ? `period=${from}` : `from=${from}&to=${to}`;
}

function formatted(value: unknown, kind: Kind, ctx: PageContext): string {
  if (value === null || value === undefined) return formatInteger(null, ctx.lang);
  if (kind === 'billions') return formatBillions(BigInt(value as string), ctx.lang);
  if (kind === 'millions') return formatMillions(BigInt(value as string), ctx.lang);
  if (kind === 'percent') return formatPercent(value as number, ctx.lang);
  return formatInteger(value as number, ctx.lang);
}

function noteRef(ctx: PageContext, reason: HeldBackReason): SafeHtml {
  const note = REASONS.find((r) => r.reason === reason)!;
  return html`<sup><a class="note-ref" href="#${note.id}" aria-label="${ctx.t.publicNote} ${note.mark}">${note.mark}</a></sup>`;
}

/** A figure as published: `x` with its note where withheld, the earlier figure with its note where a revision is held back. */
function figureCell(ctx: PageContext, row: PublicRow, field: string, kind: Kind): SafeHtml {
  const reason = row.heldBack?.find((h) => h.field === field)?.reason;
  if (row.withheld?.includes(field)) {
    return html`<td class="num withheld" data-field="${field}" data-reason="${reason ?? ''}"><span class="figure">x</span>${
      reason ? noteRef(ctx, reason) : ''
    }</td>`;
  }
  const text = formatted((row as Record<string, unknown>)[field], kind, ctx);
  return html`<td class="num" data-field="${field}"${reason ? html` data-reason="${reason}"` : ''}><span class="figure">${text}</span>${
    reason ? noteRef(ctx, reason) : ''
  }</td>`;
}

function figureRow(ctx: PageContext, name: string, row: PublicRow, attributes: SafeHtml, className = ''): SafeHtml {
  return html`<tr${className ? html` class="${className}"` : ''}${attributes}><th scope="row">${name}</th>${COLUMNS.map((c) =>
    figureCell(ctx, row, c.field, c.kind),
  )}</tr>`;
}

function zonesTable(ctx: PageContext, s: PublicSummaryView): SafeHtml {
  const { t } = ctx;
  const groups = ZONE_KINDS.map((kind) => {
    const zones = s.zones.filter((z) => z.kind === kind);
    if (zones.length === 0) return '';
    return html`<tbody>${zones.map((z) => figureRow(ctx, z.zoneName, z, html` data-zone="${z.zoneCode}"`))}${figureRow(
      ctx,
      `${t.totalOf} · ${t[`kind_${kind}`]}`,
      s.totals[kind],
      html` data-total="${kind}"`,
      'total',
    )}</tbody>`;
  });
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="public-caption">
  <table class="figures" id="public-table">
    <caption id="public-caption">${t.zonesTable} · ${formatPeriod(s.period, ctx.lang)}</caption>
    <thead><tr><th scope="col">${t.zone}</th>${COLUMNS.map((c) => html`<th scope="col" class="num">${c.header(t)}</th>`)}</tr></thead>
    ${groups}
    <tfoot>${figureRow(ctx, t.allZones, s.totals.all, html` data-total="all"`, 'total grand')}</tfoot>
  </table></div>`;
}

/** The notes the table's marks point to: only the reasons this page uses. */
function reasonNotes(ctx: PageContext, s: PublicSummaryView): SafeHtml {
  const used = new Set([...s.zones, ...Object.values(s.totals)].flatMap((row) => (row.heldBack ?? []).map((h) => h.reason)));
  const notes = REASONS.filter((r) => used.has(r.reason));
  if (notes.length === 0) return html``;
  return html`<section class="card notes" aria-labelledby="notes-heading">
    <h2 id="notes-heading">${ctx.t.publicWithheldNotes}</h2>
    <dl class="reasons">${notes.map(
      (n) => html`<div id="${n.id}" data-reason="${n.reason}"><dt>${n.reason === 'revision held back' ? '' : 'x'}<sup>${n.mark}</sup></dt>
        <dd>${ctx.t[n.words]}</dd></div>`,
    )}</dl>
  </section>`;
}

/** Gross output of the totals, as a chart and the same numbers in a table beside it; a withheld total is an `x` and no bar. */
function totalsChart(ctx: PageContext, s: PublicSummaryView): SafeHtml {
  const { t } = ctx;
  const title = `${t.publicTotalsChart} (${t.billionDong})`;
  const totals = [...ZONE_KINDS.map((kind) => ({ name: t[`kind_${kind}`], row: s.totals[kind] })), { name: t.allZones, row: s.totals.all }];
  const bars = totals.map(({ name, row }) => {
    const withheld = row.withheld?.includes('grossOutput') ?? false;
    const dong = withheld || row.grossOutput === null ? null : BigInt(row.grossOutput);
    return {
      label: name,
      value: dong === null ? null : Number(dong / 1_000_000n),
      text: withheld ? 'x' : formatBillions(dong, ctx.lang),
      row,
    };
  });
  return html`<section class="chart card public-chart" aria-labelledby="chart-heading">
    <h2 id="chart-heading">${title}</h2>
    <div class="chart-and-table">
      ${barChart(title, bars)}
      <table class="figures compact" id="totals-table"><caption class="visually-hidden">${title}</caption>
        <thead><tr><th scope="col">${t.publicArea}</th><th scope="col" class="num">${t.grossOutput}</th></tr></thead>
        <tbody>${bars.map(
          (b) => html`<tr><th scope="row">${b.label}</th>${figureCell(ctx, b.row, 'grossOutput', 'billions')}</tr>`,
        )}</tbody>
      </table>
    </div>
  </section>`;
}

function periodForm(ctx: PageContext, period: string): SafeHtml {
  const { t } = ctx;
  return html`<form method="get" action="/public" class="period-form">
      <label for="period">${t.period}</label>
      <input id="period" name="period" value="${period.includes('..') ? '' : period}" pattern="\\d{4}(-Q[1-4])?"
        aria-describedby="period-help" inputmode="text" size="8">
      <button type="submit">${t.show}</button>
      <span id="period-help" class="help">${t.publicPeriodHelp}</span>
    </form>`;
}

/** Links to the periods the latest publication states (the one shown, if either, marked as current). */
function periodLinks(ctx: PageContext, data: PublicPageData): SafeHtml {
  const { t } = ctx;
  const link = (period: string, label: string) =>
    html`<li><a href="/public?${periodQuery(period)}"${period === data.summary.period ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<nav class="period-links" aria-label="${t.publicLatestPublication}"><span class="muted">${t.publicLatestPublication}:</span>
    <ul>${link(data.latest.latestQuarter, formatPeriod(data.latest.latestQuarter, ctx.lang))}${
      // In a year's first quarter the year to date is that quarter.
      data.latest.yearToDate === data.latest.latestQuarter
        ? ''
        : link(data.latest.yearToDate, `${t.yearToDate} ${formatPeriod(data.latest.yearToDate, ctx.lang)}`)
    }</ul></nav>`;
}

/** `/public`: a period's published figures after disclosure control, exactly as `GET /v1/public/summaries` gives them. */
export function publicPage(ctx: PageContext, data: PublicPageData): PageShell {
  const { t, lang } = ctx;
  const s = data.summary;
  const publishedAt = new Date(s.publication.publishedAt);
  return {
    title: `${t.publicFigures} · ${formatPeriod(s.period, ctx.lang)}`,
    section: 'public',
    body: html`<div class="page-head">
    <h1>${t.publicTitle} · ${formatPeriod(s.period, ctx.lang)}</h1>
    ${periodForm(ctx, s.period)}
  </div>
  <p class="lead">${t.publicIntro}</p>
  <p class="muted">${t.publicationNumber} ${s.publication.id} · ${t.publishedAt}
    <time datetime="${s.publication.publishedAt}">${formatInstant(publishedAt, lang)}</time></p>
  <div class="public-actions">${periodLinks(ctx, data)}
    <a class="button" href="/public/publications/${s.publication.id}/workbook.xlsx" download>${t.downloadWorkbook}</a></div>
  ${zonesTable(ctx, s)}
  ${reasonNotes(ctx, s)}
  ${totalsChart(ctx, s)}`,
  };
}

/** What `/public` says when it has no figures to show: nothing published yet, or nothing for the period asked. */
export function publicMessagePage(ctx: PageContext, text: string, latestLink: boolean): PageShell {
  const { t } = ctx;
  return {
    title: t.publicFigures,
    section: 'public',
    body: html`<section class="narrow card"><h1>${t.publicTitle}</h1><p>${text}</p>${
      latestLink ? html`<p><a href="/public">${t.publicLatestPublished}</a></p>` : ''
    }</section>`,
  };
}
