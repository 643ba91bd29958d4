import { SettledSums } from './settled-sums';

const sum = (...atoms: number[]) => ({ key: `sum ${atoms.join('+')}`, atoms });

describe('SettledSums', () => {
  it('knows a sum found safe while at least the same cells stay withheld', () => {
    const settled = new SettledSums();
    settled.look(new Set(['A'])).safe(sum(1, 2));
    expect(settled.look(new Set(['A'])).known(sum(1, 2))).toBe(true);
    expect(settled.look(new Set(['A', 'B'])).known({ key: 'class 7', atoms: [1, 2] })).toBe(true);
  });

  it('asks again once a cell withheld then is published, or for other atoms', () => {
    const settled = new SettledSums();
    settled.look(new Set(['A', 'B'])).safe(sum(1, 2));
    expect(settled.look(new Set(['B'])).known(sum(1, 2))).toBe(false);
    expect(settled.look(new Set(['A', 'B'])).known(sum(1, 2, 3))).toBe(false);
  });

  it('takes what a look finds only in later looks', () => {
    const settled = new SettledSums();
    const look = settled.look(new Set());
    look.safe(sum(4));
    expect(look.known(sum(4))).toBe(false);
    expect(settled.look(new Set()).known(sum(4))).toBe(true);
  });

  it('never reports again a sum the earlier publications give away', () => {
    const settled = new SettledSums();
    settled.ignore(sum(5, 6));
    expect(settled.look(new Set()).known(sum(5, 6))).toBe(true);
  });
});
