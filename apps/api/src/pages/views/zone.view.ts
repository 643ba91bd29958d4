import type { ZoneSummary } from '@app/domain';
import type { EnterpriseLatestReport } from '@app/database';
import type { PageContext } from '../page-context';
import { barChart } from './bar-chart';
import { numberCell } from './figures';
import { formatBillions, formatInteger, formatMillions, formatPeriod } from './formats';
import { html } from './html';
import type { PageShell } from './layout';

export interface ZoneData {
  readonly zone: ZoneSummary;
  /** The zone's figures in each of the last 8 quarters, oldest first. */
  readonly trend: ReadonlyArray<{ quarter: string; figures: ZoneSummary | undefined }>;
  readonly enterprises: readonly EnterpriseLatestReport[];
}

/** A zone's last 8 quarters (output, workers, average wage; a chart and its table) and its enterprises. */
export function zonePage(ctx: PageContext, data: ZoneData): PageShell {
  const { t, lang } = ctx;
  const title = `${t.chartTitle} (${t.billionDong})`;
  const bars = data.trend.map((q) => {
    const output = q.figures?.grossOutput ?? null;
    return {
      label: formatPeriod(q.quarter, lang),
      value: output === null ? null : Number(output / 1_000_000n),
      text: formatBillions(output, lang),
    };
  });
  const status = (e: EnterpriseLatestReport) => {
    if (e.status === null) return html`<span class="badge missing">${t.status_missing}</span>`;
    const late = e.late ? html` <span class="badge late">${t.status_late}</span>` : '';
    return html`<span class="badge ${e.status}">${t[`status_${e.status}`]}</span>${late}`;
  };
  return {
    title: data.zone.zoneName,
    section: 'overview',
    body: html`<h1>${data.zone.zoneName}</h1>
    <p class="muted">${t[`kind_${data.zone.kind}`]} · ${data.zone.zoneCode}</p>
    <section class="chart card" aria-labelledby="trend-heading">
      <h2 id="trend-heading">${t.trends}</h2>
      ${barChart(title, bars)}
      <div class="table-scroll"><table class="figures compact" id="trend-table">
        <caption>${t.trends}</caption>
        <thead><tr><th scope="col">${t.quarter}</th>
          <th scope="col" class="num">${t.grossOutput} <span class="unit">(${t.billionDong})</span></th>
          <th scope="col" class="num">${t.workers}</th>
          <th scope="col" class="num">${t.averageWage} <span class="unit">(${t.millionDongMonth})</span></th></tr></thead>
        <tbody>${data.trend.map(
          (q) =>
            html`<tr data-quarter="${q.quarter}"><th scope="row">${formatPeriod(q.quarter, lang)}</th>${numberCell(
              formatBillions(q.figures?.grossOutput ?? null, lang),
            )}${numberCell(formatInteger(q.figures?.workers ?? null, lang))}${numberCell(
              formatMillions(q.figures?.averageMonthlyWage ?? null, lang),
            )}</tr>`,
        )}</tbody>
      </table></div>
    </section>
    <section aria-labelledby="enterprises-heading">
      <h2 id="enterprises-heading">${t.enterprises} <span class="muted">(${formatInteger(data.enterprises.length, lang)})</span></h2>
      <div class="table-scroll"><table class="figures">
        <caption class="visually-hidden">${t.enterprises}</caption>
        <thead><tr><th scope="col">${t.enterprise}</th><th scope="col">${t.taxCode}</th><th scope="col">${t.latestPeriod}</th>
          <th scope="col">${t.status}</th></tr></thead>
        <tbody>${data.enterprises.map(
          (e) =>
            html`<tr data-tax-code="${e.taxCode}"><th scope="row"><a href="/enterprises/${encodeURIComponent(e.taxCode)}">${
              e.name
            }</a></th><td>${e.taxCode}</td><td>${e.period ? formatPeriod(e.period, lang) : '–'}</td><td>${status(e)}</td></tr>`,
        )}</tbody>
      </table></div>
    </section>`,
  };
}
