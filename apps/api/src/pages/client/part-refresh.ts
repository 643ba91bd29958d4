/**
 * Fetches a part of the page into `region`, one fetch at a time: asked again during a fetch, it fetches
 * once more afterwards, since the fetch under way may have read the server before the change it was
 * asked for. A session that ended sends the whole page to sign in. `after` runs after each fetch.
 */
export function partRefresher(url: string, region: HTMLElement, after: () => void = () => undefined): () => void {
  let fetching = false;
  let again = false;
  const refresh = async (): Promise<void> => {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    region.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (response.redirected || response.status === 401 || response.url.includes('/login')) {
        window.location.reload();
        return;
      }
      if (response.ok) region.innerHTML = await response.text();
    } finally {
      region.setAttribute('aria-busy', 'false');
      fetching = false;
      after();
      if (again) {
        again = false;
        void refresh();
      }
    }
  };
  return () => void refresh();
}
