import { CsvRecordParser, csvSheetRows, detectDelimiter } from './csv-rows.reader';

/** The records of `text` given to the parser in pieces cut at `cuts`. */
function values(text: string, delimiter: ',' | ';', cuts: number[] = []) {
  const parser = new CsvRecordParser(delimiter);
  const bounds = [0, ...cuts, text.length];
  const records = bounds.slice(1).flatMap((end, i) => parser.push(text.slice(bounds[i], end)));
  return [...records, ...parser.end()].map((r) => ({ number: r.number, cells: Object.fromEntries(r.cells) }));
}

describe('CSV delimiter detection', () => {
  it('finds the semicolon of Vietnamese-locale Excel, even when labels hold commas', () => {
    const text =
      'Mã số thuế;Kỳ;Giá trị sản xuất (giá hiện hành, đồng)\ntaxCode;period;production.grossOutput\n5300000001;2025-Q3;1.234.567\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('finds the comma, ignoring commas and semicolons inside quotes', () => {
    const text =
      '"Mã số thuế; MST",Kỳ,"Giá trị (giá hiện hành, đồng)"\ntaxCode,period,production.grossOutput\n5300000001,2025-Q3,"1,234,567"\n';
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

  it('reads the same records whatever the pieces the text arrives in', () => {
    const text = 'a;"b;c";"say ""hi"""\r\n"two\r\nlines";;x\r\n\r\nlast;"row"\rend';
    const whole = values(text, ';');
    expect(whole).toHaveLength(5);
    for (let cut = 1; cut < text.length; cut++) expect(values(text, ';', [cut])).toEqual(whole);
    expect(
      values(
        text,
        ';',
        Array.from({ length: text.length - 1 }, (_, i) => i + 1),
      ),
    ).toEqual(whole);
  });

  it('refuses a row wider than a worksheet with 413', () => {
    const parser = new CsvRecordParser(',', 3);
    expect(parser.push('a,b,c\n')).toHaveLength(1);
    expect(() => parser.push('a,b,c,d\n')).toThrow(
      expect.objectContaining({ status: 413, issues: [expect.objectContaining({ code: 'TOO_MANY_COLUMNS' })] }),
    );
  });

  it('finds the delimiter in the first lines however the text is cut, then reads on', async () => {
    async function* pieces() {
      yield 'Mã số thuế;Kỳ\r\ntax';
      yield 'Code;period\r\n5300000001;2025-Q3\r\n';
    }
    const rows = [];
    for await (const row of csvSheetRows(pieces(), 100)) rows.push(Object.fromEntries(row.cells));
    expect(rows).toEqual([
      { 1: 'Mã số thuế', 2: 'Kỳ' },
      { 1: 'taxCode', 2: 'period' },
      { 1: '5300000001', 2: '2025-Q3' },
    ]);
  });
});
