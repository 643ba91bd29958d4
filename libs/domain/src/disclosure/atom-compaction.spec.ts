import { AuditAtom } from './audit-model';
import { compactAtoms } from './atom-compaction';

const atoms: AuditAtom[] = [10, 20, 30, 40, 50].map((v, i) => ({ enterprise: `E${i}`, value: BigInt(v) }));

describe('compactAtoms', () => {
  it('sums the atoms the same cells hold, keeps apart those any cell tells apart, and drops those in none', () => {
    const compact = compactAtoms(atoms, [
      { key: 'zone', atoms: [0, 1, 2] },
      { key: 'total', atoms: [0, 1, 2, 3] },
      { key: 'late', atoms: [2] },
    ]);
    expect(compact.members).toEqual([[0, 1], [2], [3]]);
    expect(compact.atoms.map((a) => a.value)).toEqual([30n, 30n, 40n]);
    expect(compact.compact({ key: 'total', atoms: [0, 1, 2, 3] }).atoms).toEqual([0, 1, 2]);
  });

  it('counts an atom listed twice in a cell once', () => {
    expect(
      compactAtoms(atoms, [
        { key: 'a', atoms: [0, 0, 1] },
        { key: 'b', atoms: [1] },
      ]).members,
    ).toEqual([[0], [1]]);
  });
});
