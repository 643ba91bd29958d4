import { inspectXlsxPackage, reportSheetPart } from './xlsx-package.inspector';
import { uploadLimits } from './upload-limits';
import { workbookParts, zipArchive } from './zip-archive.fixture';

const limits = uploadLimits(10 * 1024 * 1024, 5000);
const MIB = 1024 * 1024;
const sheetXml = (filler: number) =>
  Buffer.concat([
    Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>'),
    Buffer.alloc(filler, 0x20),
    Buffer.from('</worksheet>'),
  ]);

describe('xlsx package checks before reading', () => {
  it('passes an honest package and hands on its needed parts, the report sheet last before the directory', async () => {
    const zip = zipArchive(workbookParts(sheetXml(100)));
    const checked = await inspectXlsxPackage(zip, limits);
    expect(
      checked.stream.map((b) =>
        b
          .subarray(30, 60)
          .toString('utf8')
          .replace(/[^\x20-\x7e].*$/s, ''),
      ),
    ).toEqual(['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', expect.any(String)]);
  });

  it('refuses a package whose declared size is too large, from its directory alone (413)', async () => {
    const zip = zipArchive(workbookParts(sheetXml(30 * MIB)));
    expect(zip.length).toBeLessThan(100 * 1024);
    await expect(inspectXlsxPackage(zip, limits)).rejects.toMatchObject({ status: 413, issues: [{ code: 'INFLATED_TOO_LARGE' }] });
  });

  it('refuses a part compressed beyond the ratio of any honest file (413)', async () => {
    const zip = zipArchive(workbookParts(sheetXml(5 * MIB)));
    await expect(inspectXlsxPackage(zip, limits)).rejects.toMatchObject({ status: 413, issues: [{ code: 'COMPRESSION_RATIO' }] });
  });

  it('refuses a part that inflates to more than it declared, counting while inflating (413)', async () => {
    const zip = zipArchive(workbookParts(sheetXml(20 * MIB), 1000));
    await expect(inspectXlsxPackage(zip, limits)).rejects.toMatchObject({ status: 413, issues: [{ code: 'INFLATED_TOO_LARGE' }] });
  });

  it('refuses bytes hidden between parts, and zips that are no workbook (415)', async () => {
    await expect(inspectXlsxPackage(zipArchive(workbookParts(sheetXml(10)), { gap: Buffer.from('hidden') }), limits)).rejects.toMatchObject(
      { status: 415, issues: [{ code: 'DAMAGED_FILE' }] },
    );
    await expect(inspectXlsxPackage(zipArchive([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), limits)).rejects.toMatchObject({
      status: 415,
      issues: [{ code: 'NOT_A_WORKBOOK' }],
    });
    const cut = zipArchive(workbookParts(sheetXml(10)));
    await expect(inspectXlsxPackage(cut.subarray(0, cut.length - 30), limits)).rejects.toMatchObject({ status: 415 });
  });

  it('reads the sheet named Reports, else the first sheet', () => {
    const rels =
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>';
    expect(
      reportSheetPart(
        '<sheets><sheet name="Hướng dẫn" sheetId="1" r:id="rId1"/><sheet name="Reports" sheetId="2" r:id="rId2"/></sheets>',
        rels,
      ),
    ).toBe('xl/worksheets/sheet2.xml');
    expect(reportSheetPart('<sheets><sheet name="bao-cao" sheetId="1" r:id="rId1"/></sheets>', rels)).toBe('xl/worksheets/sheet1.xml');
    expect(reportSheetPart('<sheets/>', rels)).toBeNull();
  });
});
