import { AuditAtom, AuditCell } from './audit-model';
import { suppressUntilAuditPasses } from './complementary-suppression';
import { DEFAULT_DISCLOSURE_PARAMS } from './disclosure-params';
import { IntervalAuditor } from './interval-audit';
import { loadLpSolver, LpSolver } from './lp-solver';
import { protectionOf } from './protection-level';

let solver: LpSolver;
beforeAll(async () => {
  solver = await loadLpSolver();
});

const params = DEFAULT_DISCLOSURE_PARAMS;
const atoms = (...values: Array<[string, number]>): AuditAtom[] =>
  values.map(([enterprise, value]) => ({ enterprise, value: BigInt(value) }));
const cell = (key: string, ...indices: number[]): AuditCell => ({ key, atoms: indices });
const exposed = (a: AuditAtom[], cells: AuditCell[], groups: AuditCell[] = []) => {
  const auditor = new IntervalAuditor(solver, a, cells, protectionOf(a, params));
  try {
    return [...groups, ...auditor.classGroups()]
      .flatMap((g) => auditor.exposure(g) ?? [])
      .map((e) => e.atoms.map((i) => a[i].enterprise).join('+'));
  } finally {
    auditor.dispose();
  }
};

describe('interval audit, golden cases', () => {
  it('a published cell of one contributor exposes it', () => {
    expect(exposed(atoms(['A', 500]), [cell('Z', 0)])).toEqual(['A']);
  });

  it('a published cell of two contributors is exact, which the frequency rule forbids', () => {
    expect(exposed(atoms(['A', 500], ['B', 499]), [cell('Z', 0, 1)])).toEqual(['A+B']);
  });

  it('p% rule: a cell the second largest could subtract itself from is exposed, a balanced one is not', () => {
    expect(exposed(atoms(['A', 1000], ['B', 50], ['C', 40]), [cell('Z', 0, 1, 2)])).toEqual(['A+B+C']);
    expect(exposed(atoms(['A', 400], ['B', 350], ['C', 300]), [cell('Z', 0, 1, 2)])).toEqual([]);
  });

  it('the difference of two publications exposes a late filer', () => {
    const a = atoms(['A', 120], ['B', 110], ['C', 130], ['LATE', 87]);
    expect(exposed(a, [cell('May', 0, 1, 2), cell('August', 0, 1, 2, 3)])).toEqual(['LATE']);
    // Two late filers give their sum exactly, which one of them could subtract itself from; three hide each other.
    const b = atoms(['A', 120], ['B', 110], ['C', 130], ['D', 87], ['E', 90], ['F', 95]);
    expect(exposed(b, [cell('May', 0, 1, 2), cell('August', 0, 1, 2, 3, 4)])).toEqual(['D+E']);
    expect(exposed(b, [cell('May', 0, 1, 2), cell('August', 0, 1, 2, 3, 4, 5)])).toEqual([]);
  });

  it('year to date minus the quarter exposes a quarter withheld for its single filer', () => {
    // Q1: one filer (withheld); Q2: three filers (published); Q1–Q2 published.
    const a = atoms(['ONE', 123], ['B', 100], ['C', 101], ['D', 102]);
    const q1 = cell('Q1', 0);
    expect(exposed(a, [cell('Q2', 1, 2, 3), cell('Q1-Q2', 0, 1, 2, 3)], [q1])).toEqual(['ONE', 'ONE']);
    expect(exposed(a, [cell('Q1-Q2', 0, 1, 2, 3)], [q1])).toEqual([]);
  });

  it('a withheld zone is recovered from a published total minus the other zones', () => {
    const a = atoms(['A', 10], ['B', 20], ['C', 30], ['D', 40], ['E', 50], ['F', 60], ['G', 700]);
    const zones = [cell('Z1', 0, 1, 2), cell('Z2', 3, 4, 5)];
    expect(exposed(a, [...zones, cell('total', 0, 1, 2, 3, 4, 5, 6)])).toEqual(['G']);
    expect(exposed(a, zones)).toEqual([]);
  });
});

describe('complementary suppression by the audit', () => {
  it('withholds the new figure that would expose a late filer, not what was published before', () => {
    const a = atoms(['A', 120], ['B', 110], ['C', 130], ['LATE', 87]);
    const result = suppressUntilAuditPasses(
      solver,
      {
        atoms: a,
        published: [cell('May', 0, 1, 2)],
        candidates: [{ ...cell('August', 0, 1, 2, 3), value: 447n, withheldBefore: false }],
        groups: [],
      },
      params,
    );
    expect([...result]).toEqual(['August']);
  });

  it('withholds under the total a reader subtracts from: the cell withheld before, else the smallest', () => {
    const a = atoms(['ONE', 123], ['B', 100], ['C', 101], ['D', 102]);
    const candidate = (key: string, withheldBefore: boolean, ...indices: number[]) => ({
      ...cell(key, ...indices),
      value: indices.reduce((s, i) => s + a[i].value, 0n),
      withheldBefore,
    });
    // Q1 had one filer (withheld); Q2 and Q1–Q2 would give it back together, either one withheld protects it.
    const input = {
      atoms: a,
      published: [],
      candidates: [candidate('Q2', false, 1, 2, 3), candidate('Q1-Q2', false, 0, 1, 2, 3)],
      groups: [cell('Q1', 0)],
    };
    expect([...suppressUntilAuditPasses(solver, input, params)]).toEqual(['Q2']);
    const before = { ...input, candidates: input.candidates.map((c) => (c.key === 'Q1-Q2' ? { ...c, withheldBefore: true } : c)) };
    expect([...suppressUntilAuditPasses(solver, before, params)]).toEqual(['Q1-Q2']);
  });

  it('hides a withheld zone behind the smallest other zone under its total, not the total', () => {
    const a = atoms(['SOLO', 500], ['S1', 100], ['S2', 100], ['S3', 100], ['B1', 2000], ['B2', 2000], ['B3', 2000]);
    const candidate = (key: string, ...indices: number[]) => ({
      ...cell(key, ...indices),
      value: indices.reduce((s, i) => s + a[i].value, 0n),
      withheldBefore: false,
    });
    const result = suppressUntilAuditPasses(
      solver,
      {
        atoms: a,
        published: [],
        candidates: [candidate('SMALL', 1, 2, 3), candidate('BIG', 4, 5, 6), candidate('parks', 0, 1, 2, 3, 4, 5, 6)],
        groups: [cell('SOLO', 0)],
      },
      params,
    );
    expect([...result]).toEqual(['SMALL']);
  });

  it('leaves alone what earlier publications made public: the new cells are judged on what they add', () => {
    const a = atoms(['A', 500], ['B', 100], ['C', 101], ['D', 102]);
    const candidate = (key: string, ...indices: number[]) => ({
      ...cell(key, ...indices),
      value: indices.reduce((s, i) => s + a[i].value, 0n),
      withheldBefore: false,
    });
    // A was published alone before (under other rules): a total over it and others tells a reader nothing more.
    const result = suppressUntilAuditPasses(
      solver,
      {
        atoms: a,
        published: [cell('old', 0)],
        candidates: [candidate('others', 1, 2, 3), candidate('total', 0, 1, 2, 3)],
        groups: [],
      },
      params,
    );
    expect([...result]).toEqual([]);
  });
});
