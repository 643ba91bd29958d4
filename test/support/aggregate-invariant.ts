// The file itself, not the @app/database door: that pulls in Nest modules, which jest cannot load as ESM.
import { AGGREGATE_SELECT, RECOMPUTE_AGGREGATES_SQL } from '../../libs/database/src/aggregates/aggregate-columns';
import { TestSystem } from './test-system';

/** Rows sorted by their key and serialised, so two sets of aggregate rows compare as plain strings. */
function canonical(rows: Array<Record<string, unknown>>): string[] {
  const key = (r: Record<string, unknown>) => `${r.zone_code}|${r.period}|${r.next_period}`;
  return rows
    .map((r) => ({ key: key(r), json: JSON.stringify(Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]]))) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.json);
}

/** The stored zone-quarter rows (empty ones left out) and the recomputation from current revisions. */
export async function aggregatesAndRecomputation(sys: TestSystem): Promise<{ stored: string[]; recomputed: string[] }> {
  const [stored, recomputed] = await Promise.all([
    sys.query(`SELECT ${AGGREGATE_SELECT} FROM zone_quarter_aggregates WHERE reports <> 0`),
    sys.query(RECOMPUTE_AGGREGATES_SQL),
  ]);
  return { stored: canonical(stored), recomputed: canonical(recomputed) };
}

/** Waits until no submission is left `received`; returns how long that took. */
export async function waitUntilDecided(sys: TestSystem, timeoutMs = 20_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const [{ n }] = await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM report_submissions WHERE status = 'received'`);
    if (n === 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${n} submissions still received after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
