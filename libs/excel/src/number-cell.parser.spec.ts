import { figureCellValue, parseWholeNumber } from './number-cell.parser';

describe('whole numbers typed in cells', () => {
  it.each([
    ['41500000000', '41500000000'],
    ['1.234.567', '1234567'],
    ['1,234,567', '1234567'],
    ['1 234 567', '1234567'],
    ['1\u00a0234\u00a0567', '1234567'],
    ['  175 ', '175'],
    ['1.234.567,00', '1234567'],
    ['1,234,567.00', '1234567'],
    ['1234,00', '1234'],
    ['1.000', '1000'],
    ['007', '7'],
    ['0', '0'],
    ['-5', '-5'],
    ['\u22121.000', '-1000'],
    ['-0', '0'],
    ['123456789012345678901234', '123456789012345678901234'],
  ])('reads %j as %s', (text, digits) => {
    expect(parseWholeNumber(text)).toBe(digits);
  });

  it.each(['', 'abc', '1.5', '1,5', '1.234,5', '1,234.5', '12.34.567', '1.234,567', '1,234.567', '1e6', '--5', '5-', '1.2345', '1 234.5'])(
    'refuses %j',
    (text) => {
      expect(parseWholeNumber(text)).toBeNull();
    },
  );
});

describe('figure cells as the JSON API receives them', () => {
  it('gives money as a string of digits and counts as numbers', () => {
    expect(figureCellValue('money', 41_500_000_000)).toBe('41500000000');
    expect(figureCellValue('usd', '120.000')).toBe('120000');
    expect(figureCellValue('count', '1.234')).toBe(1234);
    expect(figureCellValue('count', 175)).toBe(175);
  });

  it('passes on what is no whole number, for the report validation to refuse with its own code', () => {
    expect(figureCellValue('money', 'mười tỷ')).toBe('mười tỷ');
    expect(figureCellValue('count', 17.5)).toBe(17.5);
    expect(figureCellValue('money', '-5')).toBe('-5');
    expect(figureCellValue('money', true)).toBe(true);
    const date = new Date('2025-09-30T00:00:00Z');
    expect(figureCellValue('money', date)).toBe(date);
    // Beyond 2^53 a cell number has already lost digits: passed on, it is refused as PRECISION_LOST.
    expect(figureCellValue('money', 2 ** 60)).toBe(2 ** 60);
  });
});
