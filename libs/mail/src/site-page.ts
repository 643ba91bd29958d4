/** A page of the site, absolute: the site may be served under a path of its own, with or without a trailing slash. */
export function sitePage(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).toString();
}
