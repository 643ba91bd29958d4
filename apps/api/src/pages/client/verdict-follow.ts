import { partRefresher } from './part-refresh';

/**
 * A page waiting for verdicts (after filing online, after an upload): the element marked
 * `data-follow="<part url>"` is fetched again whenever the event stream says one of the enterprise's
 * reports was decided, and once the stream (re)opens, since a verdict may have come meanwhile. It
 * stops once the part says everything is decided.
 */
export function followVerdicts(region: HTMLElement): void {
  const partUrl = region.dataset.follow;
  const settled = () => region.querySelector('[data-decided="true"], [data-processed="true"]') !== null;
  if (!partUrl || settled()) return;
  const source = new EventSource('/events');
  const refresh = partRefresher(partUrl, region, () => settled() && source.close());
  source.addEventListener('open', refresh);
  source.addEventListener('verdicts', refresh);
}
