import type { PageContext } from '../page-context';
import { html } from './html';
import type { PageShell } from './layout';

/** A page that only says something: not found, not allowed. */
export function messagePage(ctx: PageContext, title: string, text: string): PageShell {
  return {
    title,
    body: html`<section class="narrow card"><h1>${title}</h1><p>${text}</p><p><a href="/">${ctx.t.overview}</a></p></section>`,
  };
}
