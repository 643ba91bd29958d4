import type { Backlog, DatabaseProbe } from '@app/database';

// Counting the tables costs a scan of report_submissions: at most once per MAX_AGE_MS, however many scrape.
const MAX_AGE_MS = 10_000;
// A scrape waits this long for a count under way, then answers with what it has.
const SCRAPE_WAIT_MS = 1000;

/**
 * The table counts shown by /metrics, read at most once per MAX_AGE_MS and by one query at a time,
 * whatever the number of scrapers; a scrape never waits long on the database. Unknown (null) while
 * the last count failed, rather than stale.
 */
export class TableFiguresCache {
  private figures: Backlog | null = null;
  private readAt = -Infinity;
  private reading: Promise<void> | null = null;

  constructor(private readonly probe: DatabaseProbe) {}

  async current(): Promise<Backlog | null> {
    if (!this.reading && Date.now() - this.readAt >= MAX_AGE_MS) {
      this.readAt = Date.now();
      this.reading = this.read().finally(() => (this.reading = null));
    }
    if (this.reading) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.reading, new Promise((resolve) => (timer = setTimeout(resolve, SCRAPE_WAIT_MS)))]);
      clearTimeout(timer);
    }
    return this.figures;
  }

  private async read(): Promise<void> {
    try {
      this.figures = await this.probe.backlog();
    } catch {
      this.figures = null;
    }
  }
}
