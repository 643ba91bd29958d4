import { aggregatesAndRecomputation, waitUntilDecided } from './support/aggregate-invariant';
import { expectedZoneSummary, ListedReport } from './support/expected-summary';
import { createEnterprise, createZone, reportBody, ReportFigures } from './support/fixtures';
import { Reply } from './support/http-client';
import { QueueProbe } from './support/queue-probe';
import { SeededRandom } from '@app/common';
import { startTestSystem, TestSystem } from './support/test-system';

/*
 * A random but reproducible sequence of filings (first filings, amendments, quarters out of order,
 * rejections, paper forms, concurrent bursts, changes of an enterprise's block from a past or later day
 * sent alongside), then the invariants that must hold whatever the order:
 * stored aggregates equal their recomputation, one current revision per enterprise-quarter, and the
 * summaries equal what the test works out from the API's own report list. Replay with TEST_SEED=<seed>.
 */
const rng = SeededRandom.fromEnv();
const SUBMISSIONS = 150;
const QUARTERS = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'];
const LOCKED = '2024-Q1';
const DAY = 86_400_000;

const ZONES = [
  { code: 'BDH', kind: 'industrial_park', wageRegion: 2 },
  { code: 'DPM', kind: 'industrial_park', wageRegion: 2 },
  { code: 'CCN-BT', kind: 'industrial_cluster', wageRegion: 3 },
] as const;

interface Enterprise {
  taxCode: string;
  zoneCode: string;
  operatingFrom: string;
  operatingUntil: string | null;
}
const ENTERPRISES: Enterprise[] = [
  ...['5300100001', '5300100002', '5300100003'].map((t) => ({
    taxCode: t,
    zoneCode: 'BDH',
    operatingFrom: '2019-03-01',
    operatingUntil: null,
  })),
  { taxCode: '5300100004', zoneCode: 'BDH', operatingFrom: '2024-05-15', operatingUntil: null },
  ...['5300100005', '5300100006', '5300100007'].map((t) => ({
    taxCode: t,
    zoneCode: 'DPM',
    operatingFrom: '2021-07-01',
    operatingUntil: null,
  })),
  { taxCode: '5300100008', zoneCode: 'DPM', operatingFrom: '2024-08-01', operatingUntil: null },
  ...['5300100009', '5300100010', '5300100011-001'].map((t) => ({
    taxCode: t,
    zoneCode: 'CCN-BT',
    operatingFrom: '2022-01-10',
    operatingUntil: null,
  })),
  // Stopped operating during 2025-Q1: later quarters are rejected.
  { taxCode: '5300100012', zoneCode: 'CCN-BT', operatingFrom: '2023-01-01', operatingUntil: '2025-02-10' },
];

const firstDay = (q: string) => `${q.slice(0, 4)}-${String((Number(q[6]) - 1) * 3 + 1).padStart(2, '0')}-01`;
const nextQuarter = (q: string) => (q[6] === '4' ? `${Number(q.slice(0, 4)) + 1}-Q1` : `${q.slice(0, 6)}${Number(q[6]) + 1}`);
const lastDay = (q: string) => new Date(Date.parse(`${firstDay(nextQuarter(q))}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
const operated = (e: Enterprise, q: string) =>
  e.operatingFrom <= lastDay(q) && (e.operatingUntil === null || firstDay(q) <= e.operatingUntil);
/** The quarter ends at local midnight (UTC+7) of the next quarter's first day; the report is due 9 days later. */
const quarterEnd = (q: string) => Date.parse(`${firstDay(nextQuarter(q))}T00:00:00+07:00`);

type Expectation = 'valid' | 'PART_EXCEEDS_TOTAL' | 'WORKERS_WITHOUT_WAGES' | 'ENTERPRISE_NOT_OPERATING' | 'PERIOD_LOCKED';

const KINDS: readonly Expectation[] = ['valid', 'PART_EXCEEDS_TOTAL', 'WORKERS_WITHOUT_WAGES', 'ENTERPRISE_NOT_OPERATING', 'PERIOD_LOCKED'];

interface Planned {
  taxCode: string;
  period: string;
  filer: string;
  token: string;
  expect: Expectation;
  body: Record<string, unknown>;
}

interface Sent extends Planned {
  id: string;
}

describe(`aggregate invariant under a random sequence of filings (seed ${rng.seed})`, () => {
  let sys: TestSystem;
  let probe: QueueProbe;
  let admin: string;
  const tokens = new Map<string, string>();
  const sent: Sent[] = [];
  let blockChanges = 0;

  const money = (v: bigint) => (v <= BigInt(Number.MAX_SAFE_INTEGER) && rng.chance(0.5) ? Number(v) : v.toString());

  /** Figures of a plausible report, with optional fields left out at random. */
  function figures(): ReportFigures {
    const workers = rng.int(5, 600);
    const averageWorkers = rng.chance(0.5) ? Math.max(1, workers + rng.int(-15, 15)) : undefined;
    // 3.5 to 12 million đồng a month: some fall below the regional minimum (a warning, not a rejection).
    const wageFund = BigInt(rng.int(3_500, 12_000) * 1000) * BigInt((averageWorkers ?? workers) * 3);
    // Now and then an output beyond 2^53, which only a string carries exactly.
    const grossOutput = rng.chance(0.05) ? 2n ** 53n + BigInt(rng.int(1, 999)) : BigInt(rng.int(100, 60_000)) * 1_000_000n;
    const optional = <T>(value: () => T) => (rng.chance(0.5) ? value() : undefined);
    return {
      grossOutput: money(grossOutput),
      grossOutputConstant2010: optional(() => money((grossOutput * BigInt(rng.int(50, 105))) / 100n)),
      // At most the maximum of a money field (10^16 − 1 đồng), which 130% of an output beyond 2^53 would pass.
      revenue: money((grossOutput * BigInt(rng.int(80, grossOutput > 2n ** 53n ? 110 : 130))) / 100n),
      exportValueUsd: optional(() => rng.int(0, 5_000_000)),
      importValueUsd: optional(() => rng.int(0, 2_000_000)),
      stateBudgetPaid: optional(() => money(BigInt(rng.int(0, 9_000)) * 100_000n)),
      realizedCapital: optional(() => money(BigInt(rng.int(0, 50_000)) * 100_000n)),
      workers,
      femaleWorkers: optional(() => rng.int(0, workers)),
      foreignWorkers: optional(() => rng.int(0, Math.min(workers, 20))),
      localWorkers: optional(() => rng.int(0, workers)),
      averageWorkers,
      wageFund: money(wageFund),
    };
  }

  /**
   * One submission: `only` forces a valid filing for that enterprise-quarter (an amendment pair),
   * `kind` forces what it should come to; otherwise both are drawn at random.
   */
  function plan(o: { only?: { taxCode: string; period: string }; kind?: Expectation } = {}): Planned {
    const draw = (): Expectation => {
      const roll = rng.next();
      return roll < 0.1 ? 'PART_EXCEEDS_TOTAL' : roll < 0.13 ? 'WORKERS_WITHOUT_WAGES' : roll < 0.25 ? 'ENTERPRISE_NOT_OPERATING' : 'valid';
    };
    let outcome: Expectation = o.only ? 'valid' : (o.kind ?? draw());
    const candidates = ENTERPRISES.filter((e) => outcome !== 'ENTERPRISE_NOT_OPERATING' || QUARTERS.some((q) => !operated(e, q)));
    const enterprise = o.only ? ENTERPRISES.find((e) => e.taxCode === o.only!.taxCode)! : rng.pick(candidates);
    const period =
      o.only?.period ??
      (outcome === 'PERIOD_LOCKED'
        ? LOCKED
        : rng.pick(QUARTERS.filter((q) => operated(enterprise, q) === (outcome !== 'ENTERPRISE_NOT_OPERATING'))));

    // An enterprise filing into the locked quarter is rejected; forced valid filings come from the board.
    const filers =
      outcome === 'PERIOD_LOCKED'
        ? ['enterprise']
        : ['enterprise', 'board-zone', 'board-all', 'admin'].filter(
            (f) => !(f === 'enterprise' && period === LOCKED && (o.only || o.kind === 'valid')),
          );
    const filer = rng.pick(filers);
    if (filer === 'enterprise' && period === LOCKED && outcome === 'valid') outcome = 'PERIOD_LOCKED';
    const token =
      filer === 'enterprise'
        ? tokens.get(enterprise.taxCode)!
        : filer === 'board-zone'
          ? tokens.get(`board:${enterprise.zoneCode}`)!
          : tokens.get(filer)!;

    const f = figures();
    if (outcome === 'PART_EXCEEDS_TOTAL')
      f[rng.pick(['femaleWorkers', 'foreignWorkers', 'localWorkers'] as const)] = f.workers! + rng.int(1, 30);
    if (outcome === 'WORKERS_WITHOUT_WAGES') f.wageFund = rng.chance(0.5) ? 0 : '0';
    const body: Record<string, unknown> = reportBody(enterprise.taxCode, period, f);
    // The board keys in some paper forms with their receipt stamp: some on time, most late.
    if (filer !== 'enterprise' && rng.chance(0.2)) {
      const offset = rng.chance(0.4) ? rng.int(0, 9 * DAY - 1) : 9 * DAY + rng.int(0, 400 * DAY);
      body.receivedAt = new Date(Math.min(quarterEnd(period) + offset, Date.now() - DAY - rng.int(0, DAY))).toISOString();
    }
    return { taxCode: enterprise.taxCode, period, filer, token, expect: outcome, body };
  }

  /** A valid amendment received now (no paper stamp), so it is the latest revision of its quarter. */
  function filedNow(of: { taxCode: string; period: string }): Planned {
    const planned = plan({ only: { taxCode: of.taxCode, period: of.period } });
    delete planned.body.receivedAt;
    return planned;
  }

  async function send(p: Planned): Promise<Sent> {
    const r = await sys.http.post('/v1/reports', p.body, p.token);
    if (r.status !== 202)
      throw new Error(`seed ${rng.seed}: ${p.filer} filing ${p.taxCode} ${p.period}: ${r.status} ${JSON.stringify(r.body)}`);
    return { ...p, id: r.body.id };
  }

  /** A change of block: from a day within the quarters filed (reports already counted move), or a correction. */
  async function changeBlock(): Promise<void> {
    const e = rng.pick(ENTERPRISES);
    const body: Record<string, unknown> = { ownership: rng.pick(['domestic', 'foreign']) };
    if (rng.chance(0.8))
      body.ownershipFrom = new Date(Date.parse(`${firstDay(rng.pick(QUARTERS))}T00:00:00Z`) + rng.int(0, 91) * DAY)
        .toISOString()
        .slice(0, 10);
    const r = await sys.http.patch(`/v1/enterprises/${e.taxCode}`, body, admin);
    if (r.status !== 200) throw new Error(`seed ${rng.seed}: block of ${e.taxCode}: ${r.status} ${JSON.stringify(r.body)}`);
    blockChanges++;
  }

  async function listAll(query: string): Promise<ListedReport[]> {
    const items: ListedReport[] = [];
    let cursor: string | null = null;
    do {
      const r: Reply = await sys.http.get(`/v1/reports?${query}&limit=40${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, admin);
      expect(r.status).toBe(200);
      items.push(...r.body.items);
      cursor = r.body.nextCursor;
    } while (cursor);
    return items;
  }

  beforeAll(async () => {
    console.log(`aggregate invariant: seed ${rng.seed} (replay with TEST_SEED=${rng.seed})`);
    sys = await startTestSystem('aggregate-invariant');
    probe = new QueueProbe(sys);
    admin = await sys.token({ role: 'admin', name: 'admin' });
    tokens.set('admin', admin);
    tokens.set('board-all', await sys.token({ role: 'board', name: 'BQL all' }));
    for (const z of ZONES) {
      await createZone(sys.http, admin, z.code, { kind: z.kind, wageRegion: z.wageRegion });
      tokens.set(`board:${z.code}`, await sys.token({ role: 'board', name: `BQL ${z.code}`, zoneCodes: [z.code] }));
    }
    for (const e of ENTERPRISES) {
      await createEnterprise(sys.http, admin, e.taxCode, e.zoneCode, {
        operatingFrom: e.operatingFrom,
        operatingUntil: e.operatingUntil ?? undefined,
      });
      tokens.set(e.taxCode, await sys.token({ role: 'enterprise', name: `DN ${e.taxCode}`, taxCode: e.taxCode }));
    }
    expect((await sys.http.post(`/v1/periods/${LOCKED}/lock`, {}, tokens.get('board-all'))).status).toBe(200);

    let backlog = false;
    // Concurrent bursts; about half carry two amendments of one enterprise-quarter side by side.
    // Halfway the worker stops, so the second half piles up and is then decided in parallel, out of order.
    while (sent.length < SUBMISSIONS) {
      if (sent.length >= SUBMISSIONS / 2 && !backlog) {
        backlog = true;
        await sys.stopWorker();
      }
      // The first burst holds one filing of each kind, so every run has the whole mix.
      const burst: Planned[] = sent.length > 0 ? [] : KINDS.map((kind) => plan({ kind }));
      const filed = sent.filter((s) => s.expect === 'valid');
      if (filed.length > 0 && rng.chance(0.5)) {
        const { taxCode, period } = rng.pick(filed);
        burst.push(plan({ only: { taxCode, period } }), plan({ only: { taxCode, period } }));
      }
      const size = rng.int(3, 10);
      while (burst.length < size) burst.push(plan());
      const [filings] = await Promise.all([Promise.all(burst.map(send)), rng.chance(0.2) ? changeBlock() : Promise.resolve()]);
      sent.push(...filings);
      if (rng.chance(0.3)) await new Promise((r) => setTimeout(r, rng.int(5, 60)));
    }
    await sys.startWorker();
    const ms = await waitUntilDecided(sys);
    // For the record when a run fails: jobs that needed more than one attempt (deadlocks, crashes).
    console.log(`decided in ${ms} ms; jobs retried: ${JSON.stringify(await probe.retried())}`);
  }, 90_000);

  afterAll(async () => {
    await probe?.close();
    await sys?.close();
  });

  it('decides every submission as the rules say: valid ones get a revision, broken ones are rejected with their code', async () => {
    const rows = await sys.query<{
      id: string;
      status: string;
      revision: number | null;
      issues: Array<{ code: string; severity: string }>;
    }>('SELECT id, status, revision, issues FROM report_submissions');
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.size).toBe(sent.length);
    const mismatches = sent.flatMap((s) => {
      const row = byId.get(s.id)!;
      const ok =
        s.expect === 'valid'
          ? ['accepted', 'superseded'].includes(row.status) && row.revision !== null && !row.issues.some((i) => i.severity === 'error')
          : row.status === 'rejected' && row.revision === null && row.issues.some((i) => i.code === s.expect);
      return ok
        ? []
        : [
            {
              taxCode: s.taxCode,
              period: s.period,
              filer: s.filer,
              expected: s.expect,
              got: row.status,
              issues: row.issues.map((i) => i.code),
            },
          ];
    });
    expect(mismatches).toEqual([]);
    // The mix really happened: every kind of filing, amendments and paper forms.
    expect([...new Set(sent.map((s) => s.expect))].sort()).toEqual([...KINDS].sort());
    expect(rows.filter((r) => r.status === 'superseded').length).toBeGreaterThan(0);
    expect(sent.filter((s) => s.body.receivedAt !== undefined).length).toBeGreaterThan(0);
  });

  it('records on each superseded revision the one that took its place, out of order too: each chain ends at the current one', async () => {
    const rows = await sys.query<{ id: string; quarter: string; status: string; superseded_by: string | null; superseded_at: Date | null }>(
      `SELECT id, tax_code || ' ' || period AS quarter, status, superseded_by, superseded_at FROM report_submissions
       WHERE revision IS NOT NULL`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const broken = rows.flatMap((r) => {
      if (r.status === 'accepted') return r.superseded_by === null && r.superseded_at === null ? [] : [`${r.id}: current, yet superseded`];
      // Follow superseded_by to the revision current now: within the enterprise-quarter, never round in a circle.
      const seen = new Set<string>();
      let at = r;
      while (at.status === 'superseded' && at.superseded_by !== null && at.superseded_at !== null && !seen.has(at.id)) {
        seen.add(at.id);
        const next = byId.get(at.superseded_by);
        if (!next || next.quarter !== r.quarter) break;
        at = next;
      }
      return at.status === 'accepted' ? [] : [`${r.id} (${r.quarter}): the chain stops at ${at.id}, superseded by ${at.superseded_by}`];
    });
    expect(broken).toEqual([]);
    expect(rows.filter((r) => r.status === 'superseded').length).toBeGreaterThan(0);
  });

  it('keeps the stored zone-quarter aggregates equal to their recomputation from current revisions', async () => {
    const { stored, recomputed } = await aggregatesAndRecomputation(sys);
    expect(recomputed.length).toBeGreaterThan(0);
    expect(stored).toEqual(recomputed);
    // Blocks changed while reports were being decided.
    expect(blockChanges).toBeGreaterThan(0);
  });

  it('has one current revision per enterprise-quarter: the last received (exact order), revisions numbered 1..n', async () => {
    // Receipt order: the stamp to the microsecond, then (for equal stamps, e.g. one intake batch) the order stored.
    const rows = await sys.query<{
      tax_code: string;
      period: string;
      status: string;
      revision: number;
      id: string;
      received_us: string;
      last_id: string;
    }>(
      `SELECT tax_code, period, status, revision, id, (extract(epoch FROM received_at) * 1000000)::bigint::text AS received_us,
         first_value(id) OVER (
             PARTITION BY tax_code, period ORDER BY received_at DESC, stored_at DESC, COALESCE(batch_row, 0) DESC, id DESC
           ) AS last_id
       FROM report_submissions WHERE revision IS NOT NULL`,
    );
    const groups = new Map<string, typeof rows>();
    for (const r of rows) groups.set(`${r.tax_code} ${r.period}`, [...(groups.get(`${r.tax_code} ${r.period}`) ?? []), r]);
    const validQuarters = new Set(sent.filter((s) => s.expect === 'valid').map((s) => `${s.taxCode} ${s.period}`));
    expect([...groups.keys()].sort()).toEqual([...validQuarters].sort());

    const problems: string[] = [];
    for (const [key, revisions] of groups) {
      const current = revisions.filter((r) => r.status === 'accepted');
      const last = revisions.find((r) => r.id === r.last_id)!;
      if (current.length !== 1) problems.push(`${key}: ${current.length} accepted revisions`);
      else if (current[0].id !== last.id) {
        problems.push(
          `${key}: current ${current[0].id} received at ${current[0].received_us} µs, ` +
            `but ${last.id} was received after it at ${last.received_us} µs`,
        );
      }
      const numbers = revisions.map((r) => r.revision).sort((x, y) => x - y);
      if (numbers.join() !== numbers.map((_, i) => i + 1).join()) problems.push(`${key}: revisions ${numbers.join(',')}`);
    }
    expect(problems).toEqual([]);
  });

  it('serves zone summaries equal to what the accepted reports listed by the API add up to', async () => {
    const accepted = await listAll('status=accepted');
    const [{ n }] = await sys.query<{ n: number }>(`SELECT count(*)::int AS n FROM report_submissions WHERE status = 'accepted'`);
    expect(accepted).toHaveLength(n);
    expect(new Set(accepted.map((r) => r.id)).size).toBe(n);

    const quarter = rng.pick(QUARTERS.slice(1));
    for (const [period, quarters] of [
      [quarter, [quarter]],
      ['2024', QUARTERS.filter((q) => q.startsWith('2024'))],
    ] as const) {
      for (const zone of ZONES) {
        const expected = ENTERPRISES.filter((e) => e.zoneCode === zone.code).reduce(
          (count, e) => count + quarters.filter((q) => operated(e, q)).length,
          0,
        );
        const r = await sys.http.get(`/v1/zones/${zone.code}/summary?period=${period}`, admin);
        expect(r.status).toBe(200);
        expect({ period, ...r.body }).toMatchObject({ period, ...expectedZoneSummary(accepted, zone.code, quarters, expected) });
      }
    }
  });

  it('changes nothing when an accepted submission is processed a second time', async () => {
    const target = rng.pick(sent.filter((s) => s.expect === 'valid'));
    const [current] = await sys.query<{ id: string }>(
      `SELECT id FROM report_submissions WHERE tax_code = $1 AND period = $2 AND status = 'accepted'`,
      [target.taxCode, target.period],
    );
    const snapshot = async () => ({
      aggregates: (await aggregatesAndRecomputation(sys)).stored,
      submission: await sys.query('SELECT status, revision, late, processed_at, issues FROM report_submissions WHERE id = $1', [
        current.id,
      ]),
    });
    const before = await snapshot();

    await probe.enqueueAgain(current.id, `${current.id}-again`);
    const job = await probe.finished(`${current.id}-again`);
    expect(job.returnvalue).toBe('already-processed');

    expect(await snapshot()).toEqual(before);
  });

  it('counts a submission once when two jobs for it run at the same time', async () => {
    const target = rng.pick(sent.filter((s) => s.expect === 'valid' && s.period !== LOCKED));
    await sys.stopWorker();
    const amendment = await send(filedNow(target));
    await probe.enqueueAgain(amendment.id, `${amendment.id}-twin`);
    await sys.startWorker();

    // The api's job carries the statement's submissions (here one) and answers a verdict for each.
    const outcome = async (jobId: string) => {
      const job = await probe.finished(jobId);
      return [job.returnvalue ?? `failed: ${job.failedReason}`].flat()[0];
    };
    const verdicts = [await outcome(`reports-${amendment.id}`), await outcome(`${amendment.id}-twin`)];
    expect(verdicts.sort()).toEqual(['accepted', 'already-processed']);
    const [row] = await sys.query(`SELECT status FROM report_submissions WHERE id = $1`, [amendment.id]);
    expect(row.status).toBe('accepted');
    const { stored, recomputed } = await aggregatesAndRecomputation(sys);
    expect(stored).toEqual(recomputed);
  });

  it('makes the exactly latest receipt current when two filings share a millisecond and are decided in reverse', async () => {
    const target = rng.pick(sent.filter((s) => s.expect === 'valid' && s.period !== LOCKED));
    await sys.stopWorker();
    const later = await send(filedNow(target));
    const earlier = await send(filedNow(target));
    // Filings of one burst are often stored within the same millisecond. PostgreSQL keeps their order
    // (microseconds); a JavaScript Date cannot. Here the first one stored is the later receipt.
    await sys.query(
      `UPDATE report_submissions SET received_at = date_trunc('milliseconds', now())
           + CASE WHEN id = $1 THEN interval '900 microseconds' ELSE interval '100 microseconds' END
       WHERE id IN ($1, $2)`,
      [later.id, earlier.id],
    );
    // One job at a time, in outbox order: the later receipt is decided first, the earlier one second.
    await sys.startWorker({ WORKER_CONCURRENCY: '1' });
    await waitUntilDecided(sys);

    const statuses = await sys.query<{ id: string; status: string }>('SELECT id, status FROM report_submissions WHERE id IN ($1, $2)', [
      later.id,
      earlier.id,
    ]);
    expect(Object.fromEntries(statuses.map((r) => [r.id === later.id ? 'later' : 'earlier', r.status]))).toEqual({
      later: 'accepted',
      earlier: 'superseded',
    });
    const shown = await sys.http.get(`/v1/reports?taxCode=${target.taxCode}&period=${target.period}&status=accepted`, admin);
    expect(shown.body.items.map((r: { id: string }) => r.id)).toEqual([later.id]);
    const { stored, recomputed } = await aggregatesAndRecomputation(sys);
    expect(stored).toEqual(recomputed);
  });
});
