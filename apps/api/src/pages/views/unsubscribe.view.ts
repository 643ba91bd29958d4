import type { PageContext } from '../page-context';
import { html } from './html';
import type { PageShell } from './layout';

export interface UnsubscribeState {
  readonly token: string;
  readonly email: string;
  /** Asking to confirm, just cancelled, or cancelled before. */
  readonly state: 'asking' | 'done' | 'already';
}

/** The unsubscribe page: a button to confirm, then what was done. */
export function unsubscribePage(ctx: PageContext, s: UnsubscribeState): PageShell {
  const { t } = ctx;
  const text = s.state === 'asking' ? t.unsubscribeAsk : s.state === 'done' ? t.unsubscribeDone : t.unsubscribeAlready;
  return {
    title: t.unsubscribeTitle,
    body: html`<section class="narrow card"><h1>${t.unsubscribeTitle}</h1>
      <p>${text.replace('{email}', s.email)}</p>
      ${
        s.state === 'asking'
          ? html`<form method="post" action="/unsubscribe/${s.token}">
              <button type="submit" class="primary">${t.unsubscribe}</button>
            </form>`
          : ''
      }
    </section>`,
  };
}
