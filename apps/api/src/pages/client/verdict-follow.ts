/**
 * A page waiting for verdicts (after filing online, after an upload): the element marked
 * `data-follow="<part url>"` is fetched again whenever the event stream says one of the enterprise's
 * reports was decided, and once the stream (re)opens, since a verdict may have come meanwhile. It
 * stops once the part says everything is decided.
 */
export function followVerdicts(region: HTMLElement): void {
  const partUrl = region.dataset.follow;
  if (!partUrl) return;
  const settled = () => region.querySelector('[data-decided="true"], [data-processed="true"]') !== null;
  if (settled()) return;
  const source = new EventSource('/events');
  let fetching: Promise<void> | null = null;
  const refresh = (): void => {
    fetching ??= (async () => {
      try {
        const response = await fetch(partUrl, { credentials: 'same-origin', headers: { accept: 'text/html' } });
        if (response.ok && !response.redirected) region.innerHTML = await response.text();
        if (settled()) source.close();
      } finally {
        fetching = null;
      }
    })();
  };
  source.addEventListener('open', refresh);
  source.addEventListener('verdicts', refresh);
}
