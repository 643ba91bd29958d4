import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@app/access';
import { LANGUAGE_COOKIE, readCookie, setCookie } from './session/cookies';
import type { Language } from './views/formats';
import { Messages, messages } from './views/messages';

const YEAR_SECONDS = 365 * 24 * 3600;

/** What every page needs to render: the language, its words, and who is signed in (if anyone). */
export interface PageContext {
  readonly lang: Language;
  readonly t: Messages;
  /** The path and query asked for, to come back to after signing in and for the language switch. */
  readonly url: string;
  readonly principal: Principal | null;
}

/** `?lang=` switches the language and is remembered in a cookie; Vietnamese by default. */
export function pageLanguage(request: FastifyRequest, reply: FastifyReply): Language {
  const asked = (request.query as Record<string, string | undefined>).lang;
  if (asked === 'en' || asked === 'vi') {
    if (readCookie(request, LANGUAGE_COOKIE) !== asked) setCookie(request, reply, LANGUAGE_COOKIE, asked, YEAR_SECONDS);
    return asked;
  }
  return readCookie(request, LANGUAGE_COOKIE) === 'en' ? 'en' : 'vi';
}

export function pageContext(request: FastifyRequest, reply: FastifyReply, principal: Principal | null): PageContext {
  const lang = pageLanguage(request, reply);
  return { lang, t: messages(lang), url: request.url, principal };
}

/** The same URL with `lang` set: the language switch's link. */
export function withLanguage(url: string, lang: Language): string {
  const u = new URL(url, 'http://page');
  u.searchParams.set('lang', lang);
  return u.pathname + u.search;
}

/** Where to go after signing in: only a path of this site (never `//host` or a scheme), else the overview. */
export function safeNext(next: string | undefined): string {
  return next !== undefined && /^\/(?![/\\])/.test(next) && !next.startsWith('/login') ? next : '/';
}
