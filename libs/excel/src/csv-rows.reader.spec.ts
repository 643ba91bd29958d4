import { csvRecords, detectDelimiter } from './csv-rows.reader';

const values = (text: string, delimiter: ',' | ';') =>
  [...csvRecords(text, delimiter)].map((r) => ({ number: r.number, cells: Object.fromEntries(r.cells) }));

describe('CSV delimiter detection', () => {
  it('finds the semicolon of Vietnamese-locale Excel, even when labels hold commas', () => {
    const text = 'Mã số thuế;Kỳ;Giá trị sản xuất (giá hiện hành, đồng)\ntaxCode;period;production.grossOutput\n5300000001;2025-Q3;1.234.567\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('finds the comma, ignoring commas and semicolons inside quotes', () => {
    const text = '"Mã số thuế; MST",Kỳ,"Giá trị (giá hiện hành, đồng)"\ntaxCode,period,production.grossOutput\n5300000001,2025-Q3,"1,234,567"\n';
    expect(detectDelimiter(text)).toBe(',');
  });

  it('decides on the field-path row when labels would mislead', () => {
    expect(detectDelimiter('a;b;c;d\r\ntaxCode,period\r\n')).toBe(',');
    expect(detectDelimiter('only one line')).toBe(',');
  });
});

describe('CSV records', () => {
  it('splits fields, keeps quoted delimiters, doubled quotes and line breaks, and numbers rows', () => {
    const text = 'a;"b;c";"say ""hi"""\r\n"two\nlines";;x\n\nlast;row';
    expect(values(text, ';')).toEqual([
      { number: 1, cells: { 1: 'a', 2: 'b;c', 3: 'say "hi"' } },
      { number: 2, cells: { 1: 'two\nlines', 3: 'x' } },
      { number: 3, cells: {} },
      { number: 4, cells: { 1: 'last', 2: 'row' } },
    ]);
  });

  it('reads a final line with or without a line break alike', () => {
    expect(values('x,y\n', ',')).toEqual([{ number: 1, cells: { 1: 'x', 2: 'y' } }]);
    expect(values('x,y', ',')).toEqual([{ number: 1, cells: { 1: 'x', 2: 'y' } }]);
  });
});
