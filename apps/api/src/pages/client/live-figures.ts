/**
 * Live figures on the overview: one event stream per tab (/events, the session cookie), and on each
 * change of a quarter the page shows, its figures part fetched again and swapped in place. After a
 * reconnect everything is fetched again, since changes may have been missed meanwhile.
 */
import { partRefresher } from './part-refresh';

interface FiguresEvent {
  /** Quarters whose sums changed, or '*' when the server cannot say which. */
  readonly periods: readonly string[] | '*';
}

/**
 * Any quarter up to the page's last one moves what it shows: its own quarters, the year earlier its
 * growth compares with, the chart's quarters, and stocks (workers) that stand for later quarters.
 */
function concerns(event: FiguresEvent, last: string): boolean {
  return event.periods === '*' || event.periods.some((p) => p <= last);
}

export function startLiveFigures(main: HTMLElement): void {
  const partUrl = main.dataset.live;
  const last = main.dataset.lastQuarter ?? '';
  const region = document.getElementById('live-figures');
  if (!partUrl || !region) return;
  const refresh = partRefresher(partUrl, region);

  const source = new EventSource('/events');
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) refresh();
    opened = true;
  });
  source.addEventListener('figures', (message) => {
    const event = JSON.parse((message as MessageEvent<string>).data) as FiguresEvent;
    if (concerns(event, last)) refresh();
  });
}
