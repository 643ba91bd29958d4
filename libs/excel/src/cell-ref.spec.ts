import { cellRef, columnLetters, columnNumber } from './cell-ref';

describe('cell references', () => {
  it.each([
    [1, 'A'],
    [4, 'D'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('column %i is %s and back', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
  });

  it('names a cell by column letters and row number', () => {
    expect(cellRef(4, 4)).toBe('D4');
    expect(cellRef(28, 1003)).toBe('AB1003');
  });

  it('refuses what is no column', () => {
    expect(() => columnLetters(0)).toThrow(RangeError);
    expect(() => columnNumber('A1')).toThrow(RangeError);
  });
});
