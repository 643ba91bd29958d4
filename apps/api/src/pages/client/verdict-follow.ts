/**
 * A page waiting for verdicts (after filing online, after an upload): the element marked
 * `data-follow="<part url>"` is fetched again whenever the event stream says one of the enterprise's
 * reports was decided, and once the stream (re)opens, since a verdict may have come meanwhile. An
 * event during a fetch asks for one more, as that fetch may have read the part before the verdict.
 * It stops once the part says everything is decided.
 */
export function followVerdicts(region: HTMLElement): void {
  const partUrl = region.dataset.follow;
  if (!partUrl) return;
  const settled = () => region.querySelector('[data-decided="true"], [data-processed="true"]') !== null;
  if (settled()) return;
  const source = new EventSource('/events');
  let fetching = false;
  let again = false;
  const refresh = async (): Promise<void> => {
    if (fetching) {
      again = true;
      return;
    }
    fetching = true;
    try {
      const response = await fetch(partUrl, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (response.ok && !response.redirected) region.innerHTML = await response.text();
    } finally {
      fetching = false;
      if (settled()) source.close();
      else if (again) {
        again = false;
        void refresh();
      }
    }
  };
  source.addEventListener('open', () => void refresh());
  source.addEventListener('verdicts', () => void refresh());
}
