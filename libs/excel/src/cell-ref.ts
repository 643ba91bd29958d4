/** Spreadsheet column letters of a 1-based column number: 1 → A, 26 → Z, 27 → AA. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`Column numbers start at 1, got ${column}`);
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The 1-based column number of letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  if (!/^[A-Z]+$/i.test(letters)) throw new RangeError(`Not column letters: "${letters}"`);
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** 'D4' for column 4, row 4: how a person finds the cell in Excel or LibreOffice. */
export function cellRef(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}
