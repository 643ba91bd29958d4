// The file itself, not the @app/database door: that pulls in Nest modules, which jest cannot load as ESM.
import { AGGREGATE_SELECT, RECOMPUTE_AGGREGATES_SQL } from '../../libs/database/src/repositories/zone-quarter-sums.repository';
import { TestSystem } from './test-system';

/** Rows sorted by their key and serialised, so two sets of aggregate rows compare as plain strings. */
function canonical(rows: Array<Record<string, unknown>>): string[] {
  const key = (r: Record<string, unknown>) => [r.zone_code, r.period, r.next_period, r.ownership].map(String).join('|');
  return rows
    .map((r) => ({
      key: key(r),
      json: JSON.stringify(
        Object.fromEntries(
          Object.keys(r)
            .sort()
            .map((k) => [k, r[k]]),
        ),
      ),
    }))
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

/**
 * Every report given (every stored one without ids) decided exactly once: accepted or superseded with
 * its verdict time, and per enterprise and quarter one current revision, numbered 1..n without gaps or
 * repeats. Returns the rows, one per report.
 */
export async function expectDecidedOnce(sys: TestSystem, ids?: readonly string[]) {
  const rows = await sys.query<{ tax_code: string; period: string; status: string; revision: number; processed_at: Date | null }>(
    `SELECT tax_code, period, status, revision, processed_at FROM report_submissions WHERE $1::uuid[] IS NULL OR id = ANY($1)
     ORDER BY tax_code, period, revision`,
    [ids ?? null],
  );
  expect(rows.filter((r) => !['accepted', 'superseded'].includes(r.status) || r.processed_at === null)).toEqual([]);
  const byQuarter = new Map<string, typeof rows>();
  for (const r of rows) byQuarter.set(`${r.tax_code} ${r.period}`, [...(byQuarter.get(`${r.tax_code} ${r.period}`) ?? []), r]);
  for (const [key, revisions] of byQuarter) {
    expect({ key, current: revisions.filter((r) => r.status === 'accepted').length, revisions: revisions.map((r) => r.revision) }).toEqual({
      key,
      current: 1,
      revisions: revisions.map((_, i) => i + 1),
    });
  }
  return rows;
}
