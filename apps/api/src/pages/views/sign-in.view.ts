import type { PageContext } from '../page-context';
import { html } from './html';
import type { PageShell } from './layout';

export interface SignInForm {
  readonly next: string;
  readonly error?: 'wrong-token' | 'link-refused' | 'throttled';
  readonly signedOut?: boolean;
}

/** The sign-in form; an error names the field and links to it, and the token typed is never sent back. */
export function signInPage(ctx: PageContext, form: SignInForm): PageShell {
  const { t } = ctx;
  const message = form.error === 'throttled' ? t.tooManyAttempts : form.error === 'wrong-token' ? t.wrongToken : null;
  // A refused link is no fault of the field: said above the form, which stays as it is.
  const linkRefused = form.error === 'link-refused';
  return {
    title: t.signInTitle,
    body: html`<section class="narrow card">
  <h1>${t.signInTitle}</h1>
  ${form.signedOut ? html`<p class="notice" role="status">${t.signedOut}</p>` : ''}
  ${
    message
      ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>${t.errorSummary}</h2>
    <p><a href="#token">${message}</a></p></div>`
      : ''
  }
  ${linkRefused ? html`<p class="notice" role="alert">${t.linkRefused}</p>` : ''}
  <p class="lead">${t.signInIntro}</p>
  <form method="post" action="/login" class="stack">
    <input type="hidden" name="next" value="${form.next}">
    <div class="field${message ? ' invalid' : ''}">
      <label for="token">${t.accessToken}</label>
      ${message ? html`<p class="field-error" id="token-error">${message}</p>` : ''}
      <input id="token" name="token" type="password" autocomplete="off" spellcheck="false" required
        ${message ? html`aria-invalid="true" aria-describedby="token-error" autofocus` : ''}>
    </div>
    <button type="submit" class="primary">${t.signIn}</button>
  </form>
</section>`,
  };
}
