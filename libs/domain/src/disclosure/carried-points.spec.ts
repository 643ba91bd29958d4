import { AuditAtom, AuditCell } from './audit-model';
import { carriedPoints } from './carried-points';
import { DEFAULT_DISCLOSURE_PARAMS } from './disclosure-params';
import { IntervalAuditor } from './interval-audit';
import { loadLpSolver } from './lp-solver';
import { protectionOf } from './protection-level';

describe('points carried to a view with one more cell', () => {
  it('satisfy every equation of the new view, the new cell too, and stay non-negative', async () => {
    const solver = await loadLpSolver();
    // Three zones, each split into two blocks, two filers per block: A1 A2 | B1 B2 in Z1, C1 C2 | D1 D2 in Z2,
    // E1 E2 | G1 G2 in Z3; the zones and the two blocks' totals are published.
    const values = [70, 30, 200, 100, 40, 260, 55, 45, 120, 80, 90, 110];
    const atoms: AuditAtom[] = values.map((v, i) => ({ enterprise: `E${i}`, value: BigInt(v) }));
    const cell = (key: string, ...indices: number[]): AuditCell => ({ key, atoms: indices });
    const before = [
      cell('Z1', 0, 1, 2, 3),
      cell('Z2', 4, 5, 6, 7),
      cell('Z3', 8, 9, 10, 11),
      cell('F', 0, 1, 4, 5, 8, 9),
      cell('D', 2, 3, 6, 7, 10, 11),
    ];
    const added = cell('A1+C1', 0, 4);
    const auditor = new IntervalAuditor(solver, atoms, before, protectionOf(atoms, DEFAULT_DISCLOSURE_PARAMS));
    try {
      // Solving for block A (A1 + A2) leaves the optima of its program behind: two degrees of freedom.
      auditor.exposure({ key: 'A', atoms: [0, 1] });
      // The new view's unknowns: the cell splits blocks A and C, the others stay whole.
      const columns = [[0], [1], [2, 3], [4], [5], [6, 7], [8, 9], [10, 11]];
      const scale = 1000;
      const points = carriedPoints(auditor, atoms, added.atoms, columns, scale);
      expect(points.length).toBeGreaterThan(0);
      for (const point of points) {
        for (const c of [...before, added]) {
          const inside = new Set(c.atoms);
          const sum = columns.reduce((s, members, column) => s + (members.every((a) => inside.has(a)) ? point[column] * scale : 0), 0);
          const truth = c.atoms.reduce((s, a) => s + values[a], 0);
          expect(Math.abs(sum - truth)).toBeLessThan(1e-6);
        }
        expect(Math.min(...point)).toBeGreaterThanOrEqual(-1e-9);
      }
      // Not only the true figures: the points reach beyond them, which is what settles sums without solving.
      expect(
        points.some((p) => p.some((value, column) => Math.abs(value * scale - columns[column].reduce((s, a) => s + values[a], 0)) > 1)),
      ).toBe(true);
    } finally {
      auditor.dispose();
    }
  });
});
