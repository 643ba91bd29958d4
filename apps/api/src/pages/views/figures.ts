import type { SummaryFigures, ZoneSummary } from '@app/domain';
import type { PageContext } from '../page-context';
import { formatBillions, formatInteger, formatMillions, formatPercent } from './formats';
import { html, SafeHtml } from './html';

/** One number cell, right-aligned (with figures of equal width) by its class. */
export function numberCell(text: string): SafeHtml {
  return html`<td class="num">${text}</td>`;
}

/** The figure columns of the zone table, in order: headers and the cells of one row. */
export function figureHeaders(ctx: PageContext): SafeHtml {
  const { t } = ctx;
  return html`<th scope="col" class="num">${t.grossOutput} <span class="unit">(${t.billionDong})</span></th>
    <th scope="col" class="num">${t.share}</th>
    <th scope="col" class="num">${t.growth}</th>
    <th scope="col" class="num">${t.workers}</th>
    <th scope="col" class="num">${t.averageWage} <span class="unit">(${t.millionDongMonth})</span></th>
    <th scope="col" class="num">${t.operatingProjects}</th>
    <th scope="col" class="num">${t.completeness}</th>`;
}

export function figureCells(ctx: PageContext, f: SummaryFigures): SafeHtml {
  const { lang } = ctx;
  return html`${numberCell(formatBillions(f.grossOutput, lang))}${numberCell(formatPercent(f.grossOutputSharePct, lang))}${numberCell(
    formatPercent(f.growthYoYPct, lang),
  )}${numberCell(formatInteger(f.workers, lang))}${numberCell(
    formatMillions(f.averageMonthlyWage, lang),
  )}${numberCell(formatInteger(f.operatingProjects, lang))}${numberCell(formatPercent(f.completenessPct, lang))}`;
}

export function zoneRow(ctx: PageContext, z: ZoneSummary, period: string): SafeHtml {
  const href = `/zones/${encodeURIComponent(z.zoneCode)}?period=${period}`;
  return html`<tr data-zone="${z.zoneCode}"><th scope="row"><a href="${href}">${z.zoneName}</a></th>${figureCells(ctx, z)}</tr>`;
}
