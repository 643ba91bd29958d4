import { localDate } from '@app/domain';
import type { PageContext } from '../page-context';
import { fill } from './filing-messages';
import { formatDay } from './formats';
import { html, SafeHtml } from './html';

/**
 * A return still open, as the enterprise and the board read it: when, the board's message, and that the
 * figures stay counted until the amendment replaces them.
 */
export function returnedNote(ctx: PageContext, returned: { readonly at: Date; readonly message: string }): SafeHtml {
  const { t, lang } = ctx;
  return html`<div class="returned-note" data-returned>
    <p><strong>${fill(t.returnedOn, { day: formatDay(localDate(returned.at), lang) })}</strong></p>
    <p>${t.returnMessage}:</p><blockquote>${returned.message}</blockquote>
    <p class="muted">${t.stillCounted}</p>
  </div>`;
}
