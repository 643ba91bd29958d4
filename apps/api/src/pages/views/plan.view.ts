import type { TargetProgress, ZoneOccupancy } from '@app/domain';
import { planKey } from '@app/domain';
import type { PageContext } from '../page-context';
import { numberCell } from './figures';
import { formatBillions, formatDay, formatInteger, formatPercent } from './formats';
import { html, SafeHtml } from './html';
import type { PageShell } from './layout';
import type { Messages } from './messages';

export interface PlanData {
  readonly asOf: string;
  readonly targets: readonly TargetProgress[];
  readonly occupancy: readonly ZoneOccupancy[];
  /** The caller sees some zones only: the figures are theirs. */
  readonly scoped: boolean;
}

/** The target's name in the page's language. */
function targetLabel(t: Messages, key: string): string {
  const measure = planKey(key)?.measure;
  return measure?.kind === 'park_output' ? t.plan_park_output.replace('{year}', String(measure.year)) : t[`plan_${key}` as keyof Messages];
}

/** A figure in the target's unit: đồng in billions, hectares and percentages with two decimals, counts whole. */
function figure(ctx: PageContext, unit: string, value: number | null): string {
  if (unit === 'đồng') return formatBillions(value === null ? null : BigInt(Math.round(value)), ctx.lang);
  return unit === 'ha' || unit === '%' ? formatPercent(value, ctx.lang) : formatInteger(value, ctx.lang);
}

function onTrackBadge(t: Messages, onTrack: boolean | null): SafeHtml {
  if (onTrack === null) return html`–`;
  return onTrack ? html`<span class="badge accepted">${t.planOnTrackYes}</span>` : html`<span class="badge late">${t.planOnTrackNo}</span>`;
}

function targetsTable(ctx: PageContext, data: PlanData): SafeHtml {
  const { t, lang } = ctx;
  if (data.targets.length === 0) return html`<p>${t.planNoTargets}</p>`;
  const rows = data.targets.map((p) => {
    const unit = t[`unit_${p.unit}` as keyof Messages] ?? p.unit;
    return html`<tr data-key="${p.key}"><th scope="row">${targetLabel(t, p.key)} <span class="unit">(${unit})</span></th>${numberCell(
      figure(ctx, p.unit, p.value),
    )}<td class="day">${formatDay(p.deadline, lang)}</td>${numberCell(figure(ctx, p.unit, p.current))}${numberCell(
      formatPercent(p.sharePct, lang),
    )}<td>${onTrackBadge(t, p.onTrack)}</td><td class="source">${p.source}</td></tr>`;
  });
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="plan-caption">
  <table class="figures" id="plan-table">
    <caption id="plan-caption">${t.planTable} · ${t.planAsOf} ${formatDay(data.asOf, lang)}</caption>
    <thead><tr><th scope="col">${t.planTarget}</th><th scope="col" class="num">${t.planValue}</th><th scope="col">${t.planDeadline}</th>
      <th scope="col" class="num">${t.planCurrent}</th><th scope="col" class="num">${t.planShare}</th><th scope="col">${t.planOnTrack}</th>
      <th scope="col">${t.planSource}</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`;
}

function occupancyTable(ctx: PageContext, data: PlanData): SafeHtml {
  const { t, lang } = ctx;
  const zones = data.occupancy.filter((o) => o.zoneCode !== null);
  if (zones.length === 0) return html`<p>${t.noLand}</p>`;
  const cells = (o: ZoneOccupancy) =>
    html`${numberCell(formatPercent(o.leasableHa, lang))}${numberCell(formatPercent(o.leasedHa, lang))}${numberCell(
      formatPercent(o.occupancyPct, lang),
    )}`;
  const total = data.occupancy.find((o) => o.zoneCode === null)!;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="occupancy-caption">
  <table class="figures" id="occupancy-table">
    <caption id="occupancy-caption">${t.occupancyTable} · ${formatDay(data.asOf, lang)}</caption>
    <thead><tr><th scope="col">${t.zone}</th><th scope="col" class="num">${t.leasableHa}</th><th scope="col" class="num">${
      t.leasedHa
    }</th><th scope="col" class="num">${t.occupancyPct}</th></tr></thead>
    <tbody>${zones.map((o) => {
      const link = html`<a href="/zones/${encodeURIComponent(o.zoneCode!)}">${o.zoneCode}</a>`;
      return html`<tr data-zone="${o.zoneCode}"><th scope="row">${link}</th>${cells(o)}</tr>`;
    })}</tbody>
    <tfoot><tr class="total grand" data-total="all"><th scope="row">${t.totalOf}</th>${cells(total)}</tr></tfoot>
  </table></div>`;
}

/** The plan's targets as of a day (each with its figure, share and progress) and the occupancy of leasable land. */
export function planPage(ctx: PageContext, data: PlanData): PageShell {
  const { t } = ctx;
  return {
    title: t.plan,
    section: 'plan',
    body: html`<div class="page-head">
    <h1>${t.planTitle}</h1>
    <form method="get" action="/plan" class="period-form">
      <label for="asOf">${t.planAsOf}</label>
      <input id="asOf" name="asOf" type="date" value="${data.asOf}" aria-describedby="asOf-help">
      <button type="submit">${t.show}</button>
      <span id="asOf-help" class="help">${t.planDateHelp}</span>
    </form>
  </div>
  <p class="help">${t.planPath}</p>
  ${data.scoped ? html`<p class="help">${t.planScoped}</p>` : ''}
  <section aria-labelledby="plan-caption">${targetsTable(ctx, data)}</section>
  <section aria-labelledby="occupancy-heading">
    <h2 id="occupancy-heading">${t.occupancyTable}</h2>
    ${occupancyTable(ctx, data)}
  </section>
  <section aria-labelledby="upward-heading">
    <h2 id="upward-heading">${t.upwardHeading}</h2>
    <p class="help">${t.upwardIntro}</p>
    <form method="get" action="/upward-report.xlsx" class="period-form">
      <label for="upward-period">${t.upwardPeriod}</label>
      <input id="upward-period" name="period" value="${data.asOf.slice(0, 4)}" pattern="\\d{4}(-Q[1-4]|-H1)?" required
        aria-describedby="upward-period-help" size="8">
      <button type="submit">${t.upwardDownload}</button>
      <span id="upward-period-help" class="help">${t.upwardPeriodHelp}</span>
    </form>
  </section>`,
  };
}
