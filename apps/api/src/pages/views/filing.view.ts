import type { FilingStatus } from '@app/reporting';
import type { PageContext } from '../page-context';
import { formatDay, formatInteger, formatPeriod } from './formats';
import { html, SafeHtml } from './html';
import type { PageShell } from './layout';

export interface FilingData {
  readonly period: string;
  readonly zone: string | undefined;
  readonly zones: ReadonlyArray<{ code: string; name: string }>;
  readonly status: FilingStatus;
}

type Group = 'on_time' | 'late' | 'missing';
const GROUPS: readonly Group[] = ['missing', 'late', 'on_time'];
const GROUP_TITLES = { missing: 'missing', late: 'late', on_time: 'onTime' } as const;

/** Filter by quarter and zone (a GET form: the URL says what is shown). */
function filters(ctx: PageContext, data: FilingData): SafeHtml {
  const { t } = ctx;
  return html`<form method="get" action="/filing" class="filters">
    <div class="field"><label for="period">${t.period}</label><input id="period" name="period" value="${data.period}" size="8"></div>
    <div class="field"><label for="zone">${t.zone}</label><select id="zone" name="zone">
      <option value="">${t.allZonesOption}</option>
      ${data.zones.map((z) => html`<option value="${z.code}"${z.code === data.zone ? html` selected` : ''}>${z.name}</option>`)}
    </select></div>
    <button type="submit">${t.show}</button>
  </form>`;
}

function group(ctx: PageContext, data: FilingData, status: Group, zoneNames: ReadonlyMap<string, string>): SafeHtml {
  const { t, lang } = ctx;
  const items = data.status.items.filter((i) => i.status === status);
  const id = `group-${status}`;
  const received = (at: string | undefined) => (at ? `${formatDay(at.slice(0, 10), lang)} ${at.slice(11, 16)}` : '–');
  return html`<section class="group" aria-labelledby="${id}">
    <h2 id="${id}">${t[GROUP_TITLES[status]]} <span class="muted">(${formatInteger(items.length, lang)})</span></h2>
    ${
      items.length === 0
        ? html`<p class="muted">${t.nobody}</p>`
        : html`<div class="table-scroll"><table class="figures" data-status="${status}">
      <caption class="visually-hidden">${t[GROUP_TITLES[status]]} · ${formatPeriod(data.period, lang)}</caption>
      <thead><tr><th scope="col">${t.enterprise}</th><th scope="col">${t.taxCode}</th><th scope="col">${t.zone}</th>${
        status === 'missing' ? '' : html`<th scope="col" class="num">${t.receivedAt}</th>`
      }</tr></thead>
      <tbody>${items.map(
        (i) => html`<tr data-tax-code="${i.taxCode}">
        <th scope="row"><a href="/enterprises/${encodeURIComponent(i.taxCode)}">${i.name}</a></th>
        <td>${i.taxCode}</td><td>${zoneNames.get(i.zoneCode) ?? i.zoneCode}</td>
        ${status === 'missing' ? '' : html`<td class="num">${received(i.receivedAt)}</td>`}</tr>`,
      )}</tbody>
    </table></div>`
    }
  </section>`;
}

/** Who was expected to file a quarter, who did (on time or late) and who did not, each count with its names. */
export function filingPage(ctx: PageContext, data: FilingData): PageShell {
  const { t, lang } = ctx;
  const c = data.status.counts;
  const zoneNames = new Map(data.zones.map((z) => [z.code, z.name]));
  const stat = (key: string, label: string, value: number, href?: string) =>
    html`<div class="stat stat-${key}"><dt>${label}</dt><dd data-count="${key}">${
      href ? html`<a href="${href}">${formatInteger(value, lang)}</a>` : formatInteger(value, lang)
    }</dd></div>`;
  return {
    title: t.filingTitle,
    section: 'filing',
    body: html`<h1>${t.filingTitle} · ${formatPeriod(data.period, lang)}</h1>
    ${filters(ctx, data)}
    <dl class="stats">${stat('expected', t.expected, c.expected)}${stat('received', t.received, c.onTime + c.late)}${stat(
      'on-time',
      t.onTime,
      c.onTime,
      '#group-on_time',
    )}${stat('late', t.late, c.late, '#group-late')}${stat('missing', t.missing, c.missing, '#group-missing')}</dl>
    ${GROUPS.map((g) => group(ctx, data, g, zoneNames))}`,
  };
}
