import type { PageContext } from '../page-context';
import { withLanguage } from '../page-context';
import type { AssetManifest } from '../assets';
import { html, SafeHtml } from './html';

export interface PageShell {
  readonly title: string;
  readonly body: SafeHtml;
  /** Which navigation link is the current page. */
  readonly section?: (typeof BOARD_NAV)[number][0] | (typeof ENTERPRISE_NAV)[number][0] | 'public';
  /** Data for the client script, as attributes of <main> (the live overview). */
  readonly mainAttributes?: SafeHtml;
}

const BOARD_NAV = [
  ['overview', '/'],
  ['filing', '/filing'],
  ['followUps', '/follow-ups'],
  ['publications', '/publications'],
  ['plan', '/plan'],
  ['subscribers', '/subscriptions'],
] as const;

const ENTERPRISE_NAV = [
  ['myQuarters', '/'],
  ['fileOnline', '/reports/new'],
  ['uploadNav', '/upload'],
] as const;

/** The document every page shares: header with the site's name, navigation, language switch and sign-out, then main. */
export function layout(ctx: PageContext, assets: AssetManifest, page: PageShell): string {
  const { t } = ctx;
  const other = ctx.lang === 'vi' ? 'en' : 'vi';
  const links = ctx.principal === null ? null : ctx.principal.role === 'enterprise' ? ENTERPRISE_NAV : BOARD_NAV;
  const nav = links
    ? html`<nav aria-label="${t.navigation}"><ul>${links.map(
        ([key, href]) => html`<li><a href="${href}"${page.section === key ? html` aria-current="page"` : ''}>${t[key]}</a></li>`,
      )}</ul></nav>`
    : html`<nav aria-label="${t.navigation}"><ul><li><a href="/public"${page.section === 'public' ? html` aria-current="page"` : ''}>${
        t.publicFigures
      }</a></li><li><a href="/login">${t.signInTitle}</a></li></ul></nav>`;
  const account = ctx.principal
    ? html`<form method="post" action="/logout" class="sign-out">
        <span class="who">${t.signedInAs} <strong>${ctx.principal.name}</strong></span>
        <button type="submit">${t.signOut}</button></form>`
    : '';
  return html`<!doctype html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${t.siteName}</title>
<link rel="stylesheet" href="/assets/${assets.css}">
<script type="module" src="/assets/${assets.js}"></script>
</head>
<body>
<a class="skip-link" href="#main">${t.skipToContent}</a>
<header class="site-header">
  <div class="bar">
    <a class="brand" href="/"><span class="mark" aria-hidden="true">KCN</span><span>${t.siteName}</span></a>
    <div class="tools"><a class="lang" href="${withLanguage(ctx.url, other)}"
      lang="${other}" hreflang="${other}">${t.switchLanguage}</a>${account}</div>
  </div>
  ${nav}
</header>
<main id="main" tabindex="-1"${page.mainAttributes ?? ''}>
${page.body}
</main>
<footer class="site-footer"><p>${t.siteOwner}</p></footer>
</body>
</html>`.text;
}
