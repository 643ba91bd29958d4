import { readTypedFigure } from './typed-figure';

describe('readTypedFigure', () => {
  it.each([
    ['1234567', '1234567'],
    ['1.234.567', '1234567'],
    ['1,234,567', '1234567'],
    ['1 234 567', '1234567'],
    ['  166.000.000.000 ', '166000000000'],
    ['0', '0'],
    ['007', '7'],
    ['999', '999'],
  ])('reads %j as the whole number %s', (typed, digits) => {
    expect(readTypedFigure(typed)).toEqual({ kind: 'number', digits });
  });

  it('reads nothing typed as empty', () => {
    expect(readTypedFigure('   ')).toEqual({ kind: 'empty' });
  });

  it.each(['1.5', '1,23', '1.234,567', '12.34.567', '-5', '1e6', 'abc', '1.234.5678'])(
    'leaves %j as text for validation to name, never guessing a number from it',
    (typed) => {
      expect(readTypedFigure(typed)).toEqual({ kind: 'text', text: typed.trim() });
    },
  );
});
