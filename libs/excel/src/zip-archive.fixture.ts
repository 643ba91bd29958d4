import { crc32, deflateRawSync } from 'node:zlib';

export interface FixtureEntry {
  readonly name: string;
  readonly data: Buffer;
  /** Stored (0) or deflated (8, the default). */
  readonly method?: 0 | 8;
  /** A size to declare instead of the true one: how a zip bomb hides. */
  readonly declaredSize?: number;
}

/** A minimal zip package, written by hand so tests can make what no office program would: bombs, lies, gaps. */
export function zipArchive(entries: readonly FixtureEntry[], options: { gap?: Buffer } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const local = record(30, [
      [0, 4, 0x04034b50],
      [4, 2, 20],
      [6, 2, 0x800],
      [8, 2, method],
      [14, 4, crc],
      [18, 4, body.length],
      [22, 4, size],
      [26, 2, name.length],
    ]);
    const central = record(46, [
      [0, 4, 0x02014b50],
      [4, 2, 20],
      [6, 2, 20],
      [8, 2, 0x800],
      [10, 2, method],
      [16, 4, crc],
      [20, 4, body.length],
      [24, 4, size],
      [28, 2, name.length],
      [42, 4, offset],
    ]);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
    if (options.gap) {
      locals.push(options.gap);
      offset += options.gap.length;
    }
  }
  const directory = Buffer.concat(centrals);
  const end = record(22, [
    [0, 4, 0x06054b50],
    [8, 2, entries.length],
    [10, 2, entries.length],
    [12, 4, directory.length],
    [16, 4, offset],
  ]);
  return Buffer.concat([...locals, directory, end]);
}

/** A zip record of `size` bytes, zero but for little-endian fields at their offsets. */
function record(size: number, fields: ReadonlyArray<[offset: number, bytes: 2 | 4, value: number]>): Buffer {
  const buffer = Buffer.alloc(size);
  for (const [offset, bytes, value] of fields) {
    if (bytes === 2) buffer.writeUInt16LE(value, offset);
    else buffer.writeUInt32LE(value, offset);
  }
  return buffer;
}

/** The smallest workbook parts around a sheet's XML, for packages built by hand. */
export function workbookParts(sheetXml: Buffer, sheetDeclaredSize?: number): FixtureEntry[] {
  const text = (s: string) => Buffer.from(s, 'utf8');
  const ns = 'http://schemas.openxmlformats.org';
  return [
    {
      name: '[Content_Types].xml',
      data: text('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    },
    {
      name: 'xl/workbook.xml',
      data: text(
        `<?xml version="1.0"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships">` +
          '<sheets><sheet name="Reports" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
          '</Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, declaredSize: sheetDeclaredSize },
  ];
}
