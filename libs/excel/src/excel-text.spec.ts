import { PassThrough } from 'node:stream';
import { stream, Workbook } from 'exceljs';
import { cellText } from './excel-text';

const TEXTS = [
  'dòng 1\r\ndòng 2\rline 3',
  '_x000D_ _x005f_ _xABCD_',
  '&amp; <b> "q" \'s\'',
  'tab\tline\nfeed',
  'a\u0001b',
  '😀 Việt'.normalize('NFD'),
  ' padded ',
];

describe('cell text', () => {
  it('escapes carriage returns, control characters and look-alike escapes, and nothing else', () => {
    expect(cellText('a\r\nb')).toBe('a_x000D_\nb');
    expect(cellText('_x000D_')).toBe('_x005F_x000D_');
    expect(cellText('a\u0001b')).toBe('a_x0001_b');
    expect(cellText('Khu công nghiệp <Đông Phố Mới> & co\t')).toBe('Khu công nghiệp <Đông Phố Mới> & co\t');
  });

  it('reads back exactly as written from a streamed workbook with shared strings', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = new stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
    const sheet = writer.addWorksheet('S');
    for (const text of TEXTS) sheet.addRow([cellText(text)]).commit();
    sheet.commit();
    await writer.commit();
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as never);
    expect(TEXTS.map((_, i) => workbook.worksheets[0].getCell(i + 1, 1).value)).toEqual(TEXTS);
  });
});
