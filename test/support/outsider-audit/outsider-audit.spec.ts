import { DEFAULT_DISCLOSURE_PARAMS } from '../../../libs/domain/src/disclosure/disclosure-params';
import { Block, figure, FilingLedger, Measure, MEASURES, ReportJson, ZoneKind } from './filing-ledger';
import { describeExposure, HELD_BACK_REVISION, OutsiderAudit, PublicEntry, PublicSummaryJson } from './outsider-audit';

/*
 * The auditor on hand-built publications: the five leaks of issue 9 and a block subtracted from its zone
 * each found, and the same publications with the leak closed found clean. Publications here are written by hand: every figure of
 * every zone and total from the ledger, minus what each case withholds (a null), plus growth and shares
 * where a case states them.
 */
const G = 1_000_000_000;
const PARKS = ['ZA', 'ZB', 'ZC'];

/** Three parks of five enterprises each, domestic but those `foreign` names. */
function world(foreign: readonly string[] = []): FilingLedger {
  const ledger = new FilingLedger();
  for (const z of PARKS) ledger.addZone(z, 'industrial_park');
  for (const z of PARKS) {
    for (let i = 1; i <= 5; i++) ledger.addEnterprise(`${z}${i}`, z, foreign.includes(`${z}${i}`) ? 'foreign' : 'domestic');
  }
  return ledger;
}

function file(ledger: FilingLedger, taxCode: string, period: string, f: Record<string, number>) {
  const body: ReportJson = {
    taxCode,
    period,
    production: { grossOutput: f.grossOutput ?? 0, exportValueUsd: f.exportValueUsd, importValueUsd: f.importValueUsd },
    investment: { realizedCapital: f.realizedCapital },
    employment: { workers: f.workers ?? 10 },
  };
  return ledger.accept(body);
}

/**
 * A publication of `quarters` as the ledger stands, with `withhold` (zone, or zone and block → fields) null and
 * `extra` fields added; split into blocks when asked.
 */
function publish(
  ledger: FilingLedger,
  quarters: string[],
  withhold: Record<string, Measure[]> = {},
  extra: Record<string, Record<string, unknown>> = {},
  split = false,
): PublicSummaryJson {
  const figures = (where: string, zones: string[], block?: Block): PublicEntry => {
    const e: PublicEntry = block ? {} : { ...extra[where] };
    for (const m of MEASURES) {
      const made = ledger.madeOf(zones, quarters, m, block);
      e[m] = made.length === 0 || withhold[where]?.includes(m) ? null : String(figure(made, m));
    }
    return e;
  };
  const entry = (where: string, zones: string[]): PublicEntry => {
    const e = figures(where, zones);
    if (split)
      e.blocks = { foreign: figures(`${where} foreign`, zones, 'foreign'), domestic: figures(`${where} domestic`, zones, 'domestic') };
    return e;
  };
  const kinds: Array<ZoneKind | 'all'> = ['industrial_park', 'industrial_cluster', 'all'];
  return {
    period: quarters.join('..'),
    quarters,
    zones: PARKS.map((z) => ({ zoneCode: z, ...entry(z, [z]) })),
    totals: Object.fromEntries(kinds.map((k) => [k, entry(`total ${k}`, ledger.zonesOfKind(k))])),
  };
}

async function exposures(audit: OutsiderAudit) {
  const found = await audit.audit();
  expect(audit.mismatches).toEqual([]);
  return found.map(describeExposure);
}

/** Zones ZA and ZB: three steady filers a quarter each. */
function steadyNeighbours(ledger: FilingLedger, quarters: string[]) {
  for (const q of quarters) {
    for (const z of ['ZA', 'ZB']) {
      for (let i = 1; i <= 3; i++) {
        const trade = { exportValueUsd: 1_000_000 * i, importValueUsd: 500_000 * i };
        file(ledger, `${z}${i}`, q, { grossOutput: (100 + 7 * i) * G, workers: 100 + i, ...trade });
      }
    }
  }
}

describe('outsider audit', () => {
  it('reads p and the frequency threshold from the project', () => {
    expect(DEFAULT_DISCLOSURE_PARAMS).toEqual({ pPercent: 10, minContributors: 3 });
  });

  it('finds nothing in a publication of zones of three comparable filers', async () => {
    const ledger = world();
    steadyNeighbours(ledger, ['2025-Q1']);
    for (let i = 1; i <= 3; i++) file(ledger, `ZC${i}`, '2025-Q1', { grossOutput: 90 * G, workers: 90 });
    const audit = new OutsiderAudit(ledger);
    audit.observe(publish(ledger, ['2025-Q1']));
    expect(await exposures(audit)).toEqual([]);
  });

  describe('a zone less its FDI block', () => {
    const history = (closeTheLeak: boolean) => {
      const ledger = world(['ZC1', 'ZC2', 'ZC3', 'ZC4']);
      const audit = new OutsiderAudit(ledger);
      steadyNeighbours(ledger, ['2025-Q1']);
      for (let i = 1; i <= 5; i++) file(ledger, `ZC${i}`, '2025-Q1', { grossOutput: (90 + i) * G, workers: 90 + i });
      // ZC5 is the only domestic filer of ZC: its block is withheld; closed, so is every block it could be taken from.
      const lone: Record<string, Measure[]> = { 'ZC domestic': [...MEASURES] };
      const closed: Record<string, Measure[]> = Object.fromEntries(
        ['ZC', 'total industrial_park', 'total all'].flatMap((w) => ['foreign', 'domestic'].map((b) => [`${w} ${b}`, [...MEASURES]])),
      );
      audit.observe(publish(ledger, ['2025-Q1'], closeTheLeak ? closed : lone, {}, true));
      return audit;
    };

    it("uncovers ZC5's figures from the zone and its FDI block", async () => {
      expect(await exposures(history(false))).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^contribution grossOutput ZC 2025-Q1 \[ZC5\] = 95000000000/),
          expect.stringMatching(/^contribution workers ZC 2025-Q1 \[ZC5\] = 95/),
        ]),
      );
    });

    it('finds nothing once every block it could be taken from is withheld', async () => {
      expect(await exposures(history(true))).toEqual([]);
    });
  });

  describe('1. year to date minus the quarter', () => {
    const history = (closeTheLeak: boolean) => {
      const ledger = world();
      const audit = new OutsiderAudit(ledger);
      steadyNeighbours(ledger, ['2025-Q1']);
      file(ledger, 'ZC1', '2025-Q1', { grossOutput: 123.456789 * G, workers: 80 });
      // May: ZC alone in its quarter, withheld with ZA as its complement.
      audit.observe(publish(ledger, ['2025-Q1'], { ZC: [...MEASURES], ZA: [...MEASURES] }));
      steadyNeighbours(ledger, ['2025-Q2']);
      for (const i of [2, 3, 4]) file(ledger, `ZC${i}`, '2025-Q2', { grossOutput: (99 + i) * G, workers: 90 });
      audit.observe(publish(ledger, ['2025-Q2']));
      // Closed: ZC withheld with ZA, whose first quarter was never published, and the workers of the totals,
      // since the totals' headcount in the year to date minus the quarter's is ZC1's alone.
      const closed: Record<string, Measure[]> = {
        ZC: [...MEASURES],
        ZA: [...MEASURES],
        'total industrial_park': ['workers'],
        'total all': ['workers'],
      };
      audit.observe(publish(ledger, ['2025-Q1', '2025-Q2'], closeTheLeak ? closed : {}));
      return audit;
    };

    it("uncovers ZC1's first quarter, output and workers", async () => {
      const found = await exposures(history(false));
      expect(found).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^contribution grossOutput ZC 2025-Q1 \[ZC1\] = 123456789000/),
          expect.stringMatching(/^contribution workers ZC 2025-Q1 \[ZC1\] = 80/),
          expect.stringMatching(/^cell grossOutput ZC 2025-Q1 \[ZC1\]/),
        ]),
      );
    });

    it('finds nothing once the year to date withholds ZC with a complement withheld before, and the headcount totals', async () => {
      expect(await exposures(history(true))).toEqual([]);
    });
  });

  describe('2. growth reveals its base', () => {
    const history = (withholdGrowth: boolean) => {
      const ledger = world();
      const audit = new OutsiderAudit(ledger);
      steadyNeighbours(ledger, ['2024-Q2', '2025-Q2']);
      file(ledger, 'ZC1', '2024-Q2', { grossOutput: 77.8 * G });
      for (const i of [1, 2, 3]) file(ledger, `ZC${i}`, '2025-Q2', { grossOutput: 101 * G });
      // 303 / 77.8 − 1 = 289.46 %: 2024-Q2 was never published, ZC had one filer then.
      const growth = Math.round((303 / 77.8 - 1) * 10_000) / 100;
      audit.observe(publish(ledger, ['2025-Q2'], {}, withholdGrowth ? {} : { ZC: { growthYoYCurrentPct: growth } }));
      return audit;
    };

    it("narrows ZC1's output a year earlier to within the rounding of the growth", async () => {
      expect(await exposures(history(false))).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^contribution grossOutput ZC 2024-Q2 \[ZC1\] = 77800000000: outsider derives \[7\.7\d+e\+10, 7\.7\d+e\+10]/,
          ),
        ]),
      );
    });

    it('finds nothing when the growth is withheld', async () => {
      expect(await exposures(history(true))).toEqual([]);
    });
  });

  describe('3. one publication minus the next', () => {
    const history = (holdBack: boolean) => {
      const ledger = world();
      const audit = new OutsiderAudit(ledger);
      steadyNeighbours(ledger, ['2025-Q2']);
      for (const i of [1, 2, 3]) file(ledger, `ZC${i}`, '2025-Q2', { grossOutput: 120 * G, workers: 100 });
      audit.observe(publish(ledger, ['2025-Q2']));
      file(ledger, 'ZC4', '2025-Q2', { grossOutput: 87.654321 * G, workers: 55 });
      const next = publish(ledger, ['2025-Q2']);
      if (holdBack) {
        // The earlier figures again, and the totals withheld: else total − ZA − ZB is the new ZC.
        const zc = next.zones.find((z) => z.zoneCode === 'ZC')!;
        const heldBack = ['grossOutput', 'workers'].map((field) => ({ field, reason: HELD_BACK_REVISION }));
        Object.assign(zc, { grossOutput: String(360 * G), workers: '300', heldBack });
        for (const t of Object.values(next.totals)) Object.assign(t, { grossOutput: null, workers: null });
      }
      audit.observe(next);
      return audit;
    };

    it('uncovers the late report', async () => {
      expect(await exposures(history(false))).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^contribution grossOutput ZC 2025-Q2 \[ZC4\] = 87654321000/),
          expect.stringMatching(/^contribution workers ZC 2025-Q2 \[ZC4\] = 55/),
        ]),
      );
    });

    it('finds nothing when the revision is held back: the earlier figure shown again', async () => {
      expect(await exposures(history(true))).toEqual([]);
    });
  });

  it('judges an amendment by its contributions: the change it makes public is not one', async () => {
    const ledger = world();
    const audit = new OutsiderAudit(ledger);
    steadyNeighbours(ledger, ['2025-Q2']);
    for (const i of [1, 2, 3]) file(ledger, `ZC${i}`, '2025-Q2', { grossOutput: 100 * G, workers: 100 });
    audit.observe(publish(ledger, ['2025-Q2']));
    file(ledger, 'ZC3', '2025-Q2', { grossOutput: 130 * G, workers: 100 });
    audit.observe(publish(ledger, ['2025-Q2']));
    // The reader learns that ZC3 added 30, not what ZC3 reports now.
    expect(await exposures(audit)).toEqual([]);
  });

  describe('4. export and import judged as one figure', () => {
    const history = (othersReportZero: boolean, withholdExport: boolean) => {
      const ledger = world();
      const audit = new OutsiderAudit(ledger);
      steadyNeighbours(ledger, ['2025-Q2']);
      file(ledger, 'ZC1', '2025-Q2', { grossOutput: 100 * G, exportValueUsd: 5_000_000, importValueUsd: 1_000_000 });
      for (const i of [2, 3]) {
        const exports: Record<string, number> = othersReportZero ? { exportValueUsd: 0 } : {};
        file(ledger, `ZC${i}`, '2025-Q2', { grossOutput: 100 * G, importValueUsd: 3_000_000, ...exports });
      }
      audit.observe(publish(ledger, ['2025-Q2'], withholdExport ? { ZC: ['exportValueUsd'], ZB: ['exportValueUsd'] } : {}));
      return audit;
    };

    it("uncovers the one exporter's exports", async () => {
      expect(await exposures(history(false, false))).toEqual([
        expect.stringMatching(/^contribution exportValueUsd ZC 2025-Q2 \[ZC1\] = 5000000/),
        expect.stringMatching(/^cell exportValueUsd ZC 2025-Q2 \[ZC1\] = 5000000/),
      ]);
    });

    it('uncovers them as a cell that fails the p% rule when the others report none', async () => {
      expect(await exposures(history(true, false))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^cell exportValueUsd ZC 2025-Q2 \[ZC1,ZC2,ZC3\] = 5000000/)]),
      );
    });

    it('finds nothing when export is withheld (with a complement) and import published', async () => {
      expect(await exposures(history(true, true))).toEqual([]);
    });
  });

  describe('5. realised capital never judged', () => {
    const history = (withhold: boolean) => {
      const ledger = world();
      const audit = new OutsiderAudit(ledger);
      steadyNeighbours(ledger, ['2025-Q2']);
      file(ledger, 'ZC1', '2025-Q2', { grossOutput: 100 * G, realizedCapital: 50 * G });
      for (const i of [2, 3]) file(ledger, `ZC${i}`, '2025-Q2', { grossOutput: 100 * G });
      audit.observe(publish(ledger, ['2025-Q2'], withhold ? { ZC: ['realizedCapital'] } : {}));
      return audit;
    };

    it("uncovers the one investor's capital", async () => {
      expect(await exposures(history(false))).toEqual(
        expect.arrayContaining([expect.stringMatching(/^contribution realizedCapital ZC 2025-Q2 \[ZC1\] = 50000000000/)]),
      );
    });

    it('finds nothing when it is withheld: the totals are that one investor too, and withheld with it', async () => {
      const audit = history(true);
      // The totals equal ZC1's capital: the auditor catches them unless withheld as well.
      expect(await exposures(audit)).toEqual(expect.arrayContaining([expect.stringMatching(/realizedCapital/)]));
      const ledger = world();
      const clean = new OutsiderAudit(ledger);
      steadyNeighbours(ledger, ['2025-Q2']);
      file(ledger, 'ZC1', '2025-Q2', { grossOutput: 100 * G, realizedCapital: 50 * G });
      for (const i of [2, 3]) file(ledger, `ZC${i}`, '2025-Q2', { grossOutput: 100 * G });
      const kinds = ['total industrial_park', 'total industrial_cluster', 'total all'];
      const withheld: Record<string, Measure[]> = Object.fromEntries(['ZC', ...kinds].map((k) => [k, ['realizedCapital']]));
      clean.observe(publish(ledger, ['2025-Q2'], withheld));
      expect(await exposures(clean)).toEqual([]);
    });
  });

  describe('golden cases of the p% rule on a cell derived by subtraction', () => {
    const derived = async (units: number[]) => {
      const ledger = world();
      const audit = new OutsiderAudit(ledger);
      steadyNeighbours(ledger, ['2025-Q1', '2025-Q2']);
      units.forEach((u, i) => file(ledger, `ZC${i + 1}`, '2025-Q1', { grossOutput: u * G, workers: 10 }));
      for (const i of [1, 2, 3, 4, 5]) file(ledger, `ZC${i}`, '2025-Q2', { grossOutput: 100 * G, workers: 10 });
      // The quarter and the year to date published, never 2025-Q1 itself: their difference is.
      audit.observe(publish(ledger, ['2025-Q2']));
      audit.observe(publish(ledger, ['2025-Q1', '2025-Q2']));
      return (await exposures(audit)).filter((e) => e.startsWith('cell grossOutput ZC 2025-Q1'));
    };

    it.each([[[100]], [[90, 10]], [[85, 10, 5]]])('%j derived exactly is exposed', async (units) => {
      expect(await derived(units)).toHaveLength(1);
    });

    it.each([[[80, 10, 10]], [[70, 10, 10, 10]], [[60, 20, 10, 10]]])('%j derived exactly is not', async (units) => {
      expect(await derived(units)).toEqual([]);
    });
  });

  it('takes a published share as a bound: with the park total withheld, a share gives it back', async () => {
    const ledger = world();
    steadyNeighbours(ledger, ['2025-Q1']);
    file(ledger, 'ZC1', '2025-Q1', { grossOutput: 50 * G });
    const audit = new OutsiderAudit(ledger);
    // ZC withheld with ZB, the total withheld too; ZA's share of the parks and its output give them back.
    const parks = 100 + 107 + 114 + 114 + 121 + 128 + 50;
    const share = Math.round(((107 + 114 + 121) / parks) * 10_000) / 100;
    audit.observe(
      publish(
        ledger,
        ['2025-Q1'],
        { ZC: [...MEASURES], ZB: [...MEASURES], 'total industrial_park': ['grossOutput'], 'total all': ['grossOutput'] },
        { ZA: { grossOutputSharePct: share } },
      ),
    );
    expect(await exposures(audit)).toEqual([]);
    // The same with the workers of ZB published: ZC alone in the rest of the park total's workers.
    const leaky = new OutsiderAudit(ledger);
    const totalsWithheld: Record<string, Measure[]> = { 'total industrial_park': ['grossOutput'], 'total all': ['grossOutput'] };
    leaky.observe(publish(ledger, ['2025-Q1'], { ZC: [...MEASURES], ...totalsWithheld }, { ZA: { grossOutputSharePct: share } }));
    expect(await exposures(leaky)).toEqual(expect.arrayContaining([expect.stringMatching(/^contribution grossOutput ZC 2025-Q1 \[ZC1\]/)]));
  });
});
