import { QuarterOutput, Summary, ZONE_KINDS } from '@app/domain';
import type { PageContext } from '../page-context';
import { barChart } from './bar-chart';
import { figureCells, figureHeaders, numberCell, zoneRow } from './figures';
import { formatBillions, formatInstant, formatInteger, formatPeriod } from './formats';
import { html, SafeHtml } from './html';
import type { PageShell } from './layout';

export interface OverviewData {
  readonly period: string;
  readonly summary: Summary;
  /** Gross output of the zones in scope in the 8 quarters up to the period's last. */
  readonly byQuarter: readonly QuarterOutput[];
  readonly asOf: Date;
}

function filingCounts(ctx: PageContext, data: OverviewData): SafeHtml {
  const { t, lang } = ctx;
  const all = data.summary.totals.all;
  const late = all.reportsReceived - all.reportsOnTime;
  const missing = all.reportsExpected - all.reportsReceived;
  const filingLink = `/filing?period=${data.summary.quarters[data.summary.quarters.length - 1]}`;
  const item = (key: string, label: string, value: number) =>
    html`<div class="stat stat-${key}"><dt>${label}</dt><dd data-count="${key}">${formatInteger(value, lang)}</dd></div>`;
  return html`<section class="filing-counts" aria-labelledby="filing-heading">
    <h2 id="filing-heading">${t.filingOf} · ${formatPeriod(data.period, lang)} <a class="more" href="${filingLink}">${t.filing}</a></h2>
    <dl class="stats">${item('expected', t.expected, all.reportsExpected)}${item('received', t.received, all.reportsReceived)}${item(
      'on-time',
      t.onTime,
      all.reportsOnTime,
    )}${item('late', t.late, late)}${item('missing', t.missing, missing)}</dl>
  </section>`;
}

function zoneTable(ctx: PageContext, data: OverviewData): SafeHtml {
  const { t, lang } = ctx;
  const { summary } = data;
  if (summary.zones.length === 0) return html`<p>${t.noZones}</p>`;
  const groups = ZONE_KINDS.map((kind) => {
    const zones = summary.zones.filter((z) => z.kind === kind);
    if (zones.length === 0) return '';
    return html`<tbody>${zones.map((z) => zoneRow(ctx, z, data.period))}
      <tr class="total" data-total="${kind}"><th scope="row">${t.totalOf} · ${t[`kind_${kind}`]}</th>
        ${figureCells(ctx, summary.totals[kind])}</tr></tbody>`;
  });
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="zones-caption">
  <table class="figures" id="zones-table">
    <caption id="zones-caption">${t.zonesTable} · ${formatPeriod(data.period, lang)}</caption>
    <thead><tr><th scope="col">${t.zone}</th>${figureHeaders(ctx)}</tr></thead>
    ${groups}
    <tfoot><tr class="total grand" data-total="all"><th scope="row">${t.allZones}</th>${figureCells(ctx, summary.totals.all)}</tr></tfoot>
  </table></div>`;
}

function outputChart(ctx: PageContext, data: OverviewData): SafeHtml {
  const { t, lang } = ctx;
  const title = `${t.chartTitle} (${t.billionDong})`;
  const bars = data.byQuarter.map((q) => ({
    label: formatPeriod(q.quarter, lang),
    value: q.grossOutput === null ? null : Number(q.grossOutput / 1_000_000n),
    text: formatBillions(q.grossOutput, lang),
  }));
  return html`<section class="chart card" aria-labelledby="chart-heading">
    <h2 id="chart-heading">${title}</h2>
    ${barChart(title, bars)}
    <details><summary>${t.showAsTable}</summary>
      <table class="figures compact"><caption>${title}</caption>
        <thead><tr><th scope="col">${t.quarter}</th><th scope="col" class="num">${t.grossOutput}</th></tr></thead>
        <tbody>${bars.map((b) => html`<tr><th scope="row">${b.label}</th>${numberCell(b.text)}</tr>`)}</tbody>
      </table>
    </details>
  </section>`;
}

/** The parts an accepted report changes: fetched again by the page's script, without a reload. */
export function overviewFigures(ctx: PageContext, data: OverviewData): SafeHtml {
  const asOf = formatInstant(data.asOf, ctx.lang);
  return html`<p class="as-of"><span class="dot" aria-hidden="true"></span>${ctx.t.asOf} <time
    datetime="${data.asOf.toISOString()}">${asOf}</time></p>
  ${filingCounts(ctx, data)}
  ${zoneTable(ctx, data)}
  ${outputChart(ctx, data)}`;
}

export function overviewPage(ctx: PageContext, data: OverviewData): PageShell {
  const { t } = ctx;
  const quarters = data.summary.quarters;
  return {
    title: t.overview,
    section: 'overview',
    mainAttributes: html` data-live="/?period=${data.period}&amp;part=figures" data-last-quarter="${quarters[quarters.length - 1]}"`,
    body: html`<div class="page-head">
    <h1>${t.overviewTitle}</h1>
    <form method="get" action="/" class="period-form">
      <label for="period">${t.period}</label>
      <input id="period" name="period" value="${data.period}" pattern="\\d{4}(-Q[1-4])?" aria-describedby="period-help"
        inputmode="text" size="8">
      <button type="submit">${t.show}</button>
      <span id="period-help" class="help">${t.periodHelp}</span>
    </form>
    <a class="button" href="/overview.xlsx?period=${data.period}" download>${t.downloadExcel}</a>
    <a class="button" href="/upward-report.xlsx?period=${data.period}" download>${t.upwardReport}</a>
  </div>
  <p class="live-note">${t.live}</p>
  <div id="live-figures" aria-live="polite" aria-busy="false">${overviewFigures(ctx, data)}</div>`,
  };
}
