import { createEnterprise, createZone, reportBody, ReportFigures, submit, verdict } from '../fixtures';
import { paperStamp } from '../paper-filings';
import { todaysPublication } from '../publication-calendar';
import { publish } from '../publish';
import { TestSystem } from '../test-system';
import { Block, FilingLedger, ZoneKind } from './filing-ledger';
import { describeExposure, OutsiderAudit, PublicEntry, PublicSummaryJson } from './outsider-audit';

export interface Filing {
  taxCode: string;
  period: string;
  f: ReportFigures;
  /** When the board received it; by default the batch's instant. */
  receivedAt?: string;
}

export interface Published {
  id: number;
  latest: PublicSummaryJson;
  yearToDate: PublicSummaryJson;
}

/**
 * A province built through the API for the disclosure suites: zones, enterprises and reports as the
 * board keys them in, publications as an admin asks for them, and what anyone then reads on the public
 * endpoint, taken in by an outsider audit. Each world keeps its own ledger: worlds of one test system
 * keep apart by using years of their own (no world files into another's years or the years before).
 */
export class DisclosureWorld {
  readonly ledger = new FilingLedger();
  readonly audit = new OutsiderAudit(this.ledger);
  private static clients = 0;

  constructor(
    private readonly sys: TestSystem,
    private readonly admin: string,
    private readonly board: string,
  ) {}

  /** A zone and its enterprises, operating since 2000 (the first quarter the system takes), `foreign` ones FDI. */
  async zone(code: string, kind: ZoneKind, taxCodes: readonly string[], foreign: readonly string[] = []): Promise<void> {
    await createZone(this.sys.http, this.admin, code, { kind, name: `${kind === 'industrial_park' ? 'KCN' : 'CCN'} ${code}` });
    this.ledger.addZone(code, kind);
    const blockOf = (taxCode: string): Block => (foreign.includes(taxCode) ? 'foreign' : 'domestic');
    await Promise.all(
      taxCodes.map((taxCode) =>
        createEnterprise(this.sys.http, this.admin, taxCode, code, { operatingFrom: '2000-01-01', ownership: blockOf(taxCode) }),
      ),
    );
    for (const taxCode of taxCodes) this.ledger.addEnterprise(taxCode, code, blockOf(taxCode));
  }

  /**
   * Reports keyed in by the board, each received at its own instant, else at `at`, else on time (the 5th
   * of the month after the quarter), and accepted before this returns. The worker decides in order of
   * receipt; a batch holds one report per enterprise and quarter (an amendment goes in a later batch).
   */
  async file(filings: readonly Filing[], at?: string): Promise<void> {
    const bodies = filings.map((x) => reportBody(x.taxCode, x.period, x.f));
    const receipts = await Promise.all(
      bodies.map((b, i) =>
        submit(this.sys.http, this.board, {
          ...b,
          receivedAt: filings[i].receivedAt ?? at ?? paperStamp(b.period, false),
        }),
      ),
    );
    // One report polled at a time: by the time the first is decided most others are, and a batch of fifty
    // pollers at once slowed the api they wait on.
    for (const [i, receipt] of receipts.entries()) {
      const v = await verdict(this.sys.http, this.board, receipt.id);
      if (v.status !== 'accepted') throw new Error(`${bodies[i].taxCode} ${bodies[i].period}: ${v.status} ${JSON.stringify(v.issues)}`);
    }
    for (const body of bodies) this.ledger.accept(body);
  }

  /** Publishes what the schedule would on `asOf` and reads both its periods as anyone can, split by block. */
  async publish(asOf: string): Promise<Published> {
    // Built by the worker: the helper follows the request's Location to the publication.
    const r = await publish(this.sys.http, { asOf, force: true }, this.admin);
    if (r.status !== 202) throw new Error(`publication ${asOf}: ${r.status} ${JSON.stringify(r.body)}`);
    const id = r.body.id as number;
    const plan = todaysPublication(new Date(`${asOf}T07:00:00+07:00`));
    const latest = await this.publicSummary(`period=${plan.latestQuarter}&by=ownership`);
    const yearToDate = await this.publicSummary(`from=${plan.yearToDate[0]}&to=${plan.latestQuarter}&by=ownership`);
    for (const s of [latest, yearToDate]) {
      const shown = (s as unknown as { publication: { id: number } }).publication.id;
      if (shown !== id) throw new Error(`public summaries of ${s.period} show publication ${shown}, not ${id}`);
      this.audit.observe(s);
    }
    return { id, latest, yearToDate };
  }

  /**
   * The public endpoint, each request as another client behind the suite's trusted proxy: its limit of
   * 120 requests a minute per client is not what these suites test.
   */
  async publicSummary(query: string): Promise<PublicSummaryJson> {
    const n = ++DisclosureWorld.clients;
    const client = `198.18.${(n >> 8) & 255}.${n & 255}`;
    const r = await this.sys.http.request('GET', `/v1/public/summaries?${query}`, { headers: { 'x-forwarded-for': client } });
    if (r.status !== 200) throw new Error(`public summaries ${query}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as PublicSummaryJson;
  }

  /** What the outsider audit finds over everything this world published, one line each (model problems first). */
  async exposures(): Promise<string[]> {
    const found = await this.audit.audit();
    return [...this.audit.mismatches.map((m) => `model: ${m}`), ...found.map(describeExposure)];
  }
}

export function zoneEntry(summary: PublicSummaryJson, code: string): PublicEntry {
  const entry = summary.zones.find((z) => z.zoneCode === code);
  if (entry === undefined) throw new Error(`${code} is not in the summary of ${summary.period}`);
  return entry;
}

/** A published figure as a bigint, or null when withheld. */
export function shown(entry: PublicEntry, field: string): bigint | null {
  const v = entry[field];
  return v === null || v === undefined ? null : BigInt(v as string | number);
}

/** Why a figure was held back, as the entry says; undefined when it was not. */
export function heldBackReason(entry: PublicEntry, field: string): string | undefined {
  return entry.heldBack?.find((h) => h.field === field)?.reason;
}
