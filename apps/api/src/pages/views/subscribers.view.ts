import type { Subscription, Zone } from '@app/database';
import type { PageContext } from '../page-context';
import { formatDay } from './formats';
import { html, SafeHtml } from './html';
import type { PageShell } from './layout';
import { localDate } from '@app/domain';

export interface SubscriberForm {
  /** What was typed, shown again after a refusal. */
  readonly typed?: Readonly<Record<string, string | undefined>>;
  /** The fields refused. */
  readonly errors?: readonly string[];
  readonly notice?: 'added' | 'cancelled';
}

export interface SubscribersData {
  readonly subscribers: readonly Subscription[];
  readonly zones: ReadonlyArray<Pick<Zone, 'code' | 'name'>>;
  /** Only a reader of every zone may subscribe someone to all of them. */
  readonly allZones: boolean;
  readonly form: SubscriberForm;
}

function select(name: string, label: string, options: ReadonlyArray<[string, string]>, chosen: string | undefined): SafeHtml {
  return html`<div class="field"><label for="s-${name}">${label}</label>
    <select id="s-${name}" name="${name}">${options.map(
      ([value, text]) => html`<option value="${value}"${value === chosen ? ' selected' : ''}>${text}</option>`,
    )}</select></div>`;
}

/** The subscribers of the monthly email in the board's scope, each with a button to cancel, and a form to add one. */
export function subscribersPage(ctx: PageContext, data: SubscribersData): PageShell {
  const { t, lang } = ctx;
  const names = new Map(data.zones.map((z) => [z.code, z.name]));
  const typed = data.form.typed ?? {};
  const emailError = data.form.errors?.includes('email');
  const notice = data.form.notice === 'added' ? t.subscriberAdded : data.form.notice === 'cancelled' ? t.subscriberCancelled : null;
  const zoneOptions: Array<[string, string]> = [
    ...(data.allZones ? [['all', t.allZones] as [string, string]] : []),
    ...data.zones.map((z): [string, string] => [z.code, z.name]),
  ];
  return {
    title: t.subscribersTitle,
    section: 'subscribers',
    body: html`<h1>${t.subscribersTitle}</h1>
    ${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
    ${
      data.form.errors
        ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>${t.errorSummary}</h2>
      <ul><li><a href="#s-email">${t.subscriberEmailInvalid}</a></li></ul></div>`
        : ''
    }
    <div class="table-scroll"><table class="figures compact subscribers"><caption>${t.subscribersTable}</caption>
      <thead><tr><th scope="col">Email</th><th scope="col">${t.zone}</th><th scope="col">${t.language}</th>
        <th scope="col">${t.audience}</th><th scope="col">${t.since}</th>
        <th scope="col"><span class="visually-hidden">${t.cancel}</span></th></tr></thead>
      <tbody>${data.subscribers.map(
        (s) => html`<tr data-subscriber="${s.email}"><th scope="row">${s.email}</th>
        <td>${s.zoneCodes === null ? t.allZones : s.zoneCodes.map((z) => names.get(z) ?? z).join(', ')}</td>
        <td>${s.language === 'vi' ? 'Tiếng Việt' : 'English'}</td><td>${t[`audience_${s.audience}`]}</td>
        <td>${formatDay(localDate(s.createdAt), lang)}</td>
        <td><form method="post" action="/subscriptions/${s.id}/cancel">
          <button type="submit" aria-label="${t.cancelSubscription} ${s.email}">${t.cancelSubscription}</button>
        </form></td></tr>`,
      )}</tbody></table></div>
    <form method="post" action="/subscriptions" class="card stack subscriber-form" novalidate>
      <h2>${t.addSubscriber}</h2>
      <div class="field${emailError ? ' invalid' : ''}"><label for="s-email">Email</label>
        ${emailError ? html`<p class="field-error" id="s-email-error">${t.subscriberEmailInvalid}</p>` : ''}
        <input id="s-email" name="email" type="email" autocomplete="off" value="${typed.email ?? ''}"${
          emailError ? html` aria-invalid="true" aria-describedby="s-email-error"` : ''
        }></div>
      ${select('zone', t.zone, zoneOptions, typed.zone)}
      ${select(
        'language',
        t.language,
        [
          ['vi', 'Tiếng Việt'],
          ['en', 'English'],
        ],
        typed.language,
      )}
      ${select(
        'audience',
        t.audience,
        [
          ['board', t.audience_board],
          ['public', t.audience_public],
        ],
        typed.audience,
      )}
      <button type="submit" class="primary">${t.addSubscriber}</button>
    </form>`,
  };
}
