import { maskFigures } from './apply-disclosure';
import { cell } from './disclosure-cells.fixture';
import { decideDisclosure, DisclosureDecision } from './disclosure-control';
import { DisclosureCell } from './disclosure-hierarchy';
import { DEFAULT_DISCLOSURE_PARAMS } from './disclosure-params';
import { PROTECTED_MAGNITUDES } from './protected-magnitude';

const PARK = 'industrial_park';
const CLUSTER = 'industrial_cluster';
const decide = (cells: readonly DisclosureCell[]) => decideDisclosure(cells, DEFAULT_DISCLOSURE_PARAMS);
const zoneReasons = (d: DisclosureDecision) => Object.fromEntries(d.zones.map((z) => [z.zoneCode, z.reason]));
const totalReasons = (d: DisclosureDecision) => Object.fromEntries(d.totals.map((t) => [t.group, t.reason]));
const times = (n: number, value: number) => Array<number>(n).fill(value);

describe('disclosure decision', () => {
  it('publishes everything when no cell is sensitive', () => {
    const decision = decide([cell('A', PARK, times(5, 40)), cell('B', PARK, times(5, 30))]);
    expect(decision).toEqual({
      zones: [
        { zoneCode: 'A', withheld: false, reason: null, sensitiveMagnitudes: [] },
        { zoneCode: 'B', withheld: false, reason: null, sensitiveMagnitudes: [] },
      ],
      totals: [
        { group: PARK, withheld: false, reason: null },
        { group: 'all', withheld: false, reason: null },
      ],
    });
  });

  it('finds a zone with 2 contributing enterprises sensitive, not one with 3', () => {
    const decision = decide([
      cell('Z2', PARK, [50, 50]),
      cell('Z3', PARK, [50, 50, 50]),
      cell('Z4', PARK, [60, 60, 60]),
    ]);
    expect(decision.zones.map((z) => [z.zoneCode, z.sensitiveMagnitudes.length > 0])).toEqual([
      ['Z2', true],
      ['Z3', false],
      ['Z4', false],
    ]);
    expect(zoneReasons(decision).Z2).toBe('primary');
  });

  it('withholds every magnitude of a zone sensitive on wages alone', () => {
    const wagesDominated = cell('W', PARK, [40, 30, 30, 30], { wages: [900, 30, 30, 30] });
    const decision = decide([wagesDominated, cell('A', PARK, times(5, 40)), cell('B', PARK, times(5, 50))]);
    const zone = decision.zones.find((z) => z.zoneCode === 'W')!;
    expect(zone).toEqual({ zoneCode: 'W', withheld: true, reason: 'primary', sensitiveMagnitudes: ['wages'] });

    const { figures } = maskFigures({ grossOutput: 130n, wageFund: 990n, workers: 4, enterprises: 4 }, zone.withheld);
    expect(figures).toEqual({ grossOutput: null, wageFund: null, workers: null, enterprises: 4 });
  });

  it('withholds the smallest other zone so that a lone small zone is not recovered by subtraction', () => {
    const decision = decide([cell('A', PARK, times(5, 40)), cell('B', PARK, times(5, 30)), cell('C', PARK, [50])]);
    expect(zoneReasons(decision)).toEqual({ A: null, B: 'secondary', C: 'primary' });
    expect(decision.zones.find((z) => z.zoneCode === 'C')!.sensitiveMagnitudes).toEqual(PROTECTED_MAGNITUDES);
    expect(totalReasons(decision)).toEqual({ [PARK]: null, all: null });
  });

  // C + B = {1000, 10, 10, 10}: 100 · 20 < 10 · 1000, so the pair recovered from the total is still dominated.
  it('adds zones while the withheld ones together are still sensitive', () => {
    const decision = decide([
      cell('A', PARK, times(4, 50)),
      cell('B', PARK, times(3, 10)),
      cell('C', PARK, [1000]),
      cell('D', PARK, times(4, 100)),
    ]);
    expect(zoneReasons(decision)).toEqual({ A: 'secondary', B: 'secondary', C: 'primary', D: null });
    expect(totalReasons(decision)).toEqual({ [PARK]: null, all: null });
  });

  it('never withholds a zone without contributions, even the smallest', () => {
    const decision = decide([cell('A', PARK, times(5, 40)), cell('C', PARK, [50]), cell('E', PARK, [])]);
    expect(zoneReasons(decision)).toEqual({ A: 'secondary', C: 'primary', E: null });
  });

  it('withholds the total of a group whose only zone is withheld', () => {
    const decision = decide([cell('X', CLUSTER, [500]), cell('E', CLUSTER, [0])]);
    expect(zoneReasons(decision)).toEqual({ X: 'primary', E: null });
    expect(totalReasons(decision)).toEqual({ [CLUSTER]: 'primary', all: 'primary' });
  });

  it('picks the same zone among equals whatever the input order', () => {
    const cells = [cell('C', PARK, [50]), cell('B2', PARK, times(5, 30)), cell('B1', PARK, times(5, 30))];
    const expected = { B1: 'secondary', B2: null, C: 'primary' };
    for (const order of [cells, [...cells].reverse(), [cells[1], cells[0], cells[2]]]) {
      const decision = decide(order);
      expect(zoneReasons(decision)).toEqual(expected);
      expect(decision.zones.map((z) => z.zoneCode)).toEqual(order.map((c) => c.zoneCode));
    }
  });

  describe('grand total', () => {
    // The cluster total is the one zone X; with the park total and 'all' published, X = all − park.
    it('withholds another group total with its smallest zone, then more zones while still sensitive', () => {
      const decision = decide([
        cell('X', CLUSTER, [1000]),
        cell('P1', PARK, times(3, 10)),
        cell('P2', PARK, times(4, 60)),
        cell('P3', PARK, times(3, 500)),
      ]);
      expect(zoneReasons(decision)).toEqual({ X: 'primary', P1: 'secondary', P2: 'secondary', P3: null });
      expect(decision.totals).toEqual([
        { group: CLUSTER, withheld: true, reason: 'primary' },
        { group: PARK, withheld: true, reason: 'secondary' },
        { group: 'all', withheld: false, reason: null },
      ]);
    });

    it('counts zones already withheld under the other group total', () => {
      const decision = decide([
        cell('X', CLUSTER, [1000]),
        cell('A', PARK, times(5, 40)),
        cell('B', PARK, times(5, 30)),
        cell('C', PARK, [50]),
      ]);
      expect(zoneReasons(decision)).toEqual({ X: 'primary', A: null, B: 'secondary', C: 'primary' });
      expect(totalReasons(decision)).toEqual({ [CLUSTER]: 'primary', [PARK]: 'secondary', all: null });
    });
  });

  it('puts no parameter in its output', () => {
    const decision = decideDisclosure([cell('C', PARK, [50])], { pPercent: 17.25, minContributors: 3 });
    expect(Object.keys(decision)).toEqual(['zones', 'totals']);
    expect(Object.keys(decision.zones[0])).toEqual(['zoneCode', 'withheld', 'reason', 'sensitiveMagnitudes']);
    expect(Object.keys(decision.totals[0])).toEqual(['group', 'withheld', 'reason']);
    expect(JSON.stringify(decision, (_, v) => (typeof v === 'bigint' ? String(v) : v))).not.toMatch(/17|pPercent/);
  });

  it('rejects a zone given twice and a group named like the grand total', () => {
    expect(() => decide([cell('A', PARK, [1]), cell('A', CLUSTER, [1])])).toThrow(RangeError);
    expect(() => decide([cell('A', 'all', [1])])).toThrow(RangeError);
  });
});
