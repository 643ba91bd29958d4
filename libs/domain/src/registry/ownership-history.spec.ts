import { ownershipEdit, ownershipInQuarter, ownershipOn, OwnershipHistory } from './ownership-history';

const takenOver: OwnershipHistory = { initial: 'domestic', changes: [{ from: '2025-05-10', ownership: 'foreign' }] };

describe('ownership history', () => {
  it('is the registered block before the first change and the latest change on or before a day after', () => {
    expect(ownershipOn(takenOver, '2025-05-09')).toBe('domestic');
    expect(ownershipOn(takenOver, '2025-05-10')).toBe('foreign');
    const back: OwnershipHistory = { ...takenOver, changes: [{ from: '2026-01-01', ownership: 'domestic' }, ...takenOver.changes] };
    expect(ownershipOn(back, '2025-12-31')).toBe('foreign');
    expect(ownershipOn(back, '2026-01-01')).toBe('domestic');
  });

  it("counts a quarter whole in the block held on the quarter's last day", () => {
    expect(ownershipInQuarter(takenOver, '2025-Q1')).toBe('domestic');
    // Taken over in the middle of Q2: the whole of Q2 counts as foreign.
    expect(ownershipInQuarter(takenOver, '2025-Q2')).toBe('foreign');
    expect(ownershipInQuarter({ initial: 'domestic', changes: [{ from: '2025-07-01', ownership: 'foreign' }] }, '2025-Q2')).toBe(
      'domestic',
    );
    expect(ownershipInQuarter({ initial: 'domestic', changes: [{ from: '2025-06-30', ownership: 'foreign' }] }, '2025-Q2')).toBe('foreign');
  });

  it('reads a change with a day as dated, one without as a correction unless it repeats the current block', () => {
    const today = '2025-11-30';
    expect(ownershipEdit(takenOver, today, undefined, undefined)).toEqual({ kind: 'none' });
    expect(ownershipEdit(takenOver, today, 'domestic', '2026-01-01')).toEqual({
      kind: 'dated',
      change: { from: '2026-01-01', ownership: 'domestic' },
    });
    expect(ownershipEdit(takenOver, today, 'foreign', '2025-05-10')).toEqual({ kind: 'none' });
    // The whole record sent back (today's block) must not erase the history.
    expect(ownershipEdit(takenOver, today, 'foreign', undefined)).toEqual({ kind: 'none' });
    expect(ownershipEdit(takenOver, today, 'domestic', undefined)).toEqual({ kind: 'registered', ownership: 'domestic' });
  });
});
