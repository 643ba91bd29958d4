import { createInflateRaw } from 'node:zlib';
import type { UploadLimits } from './upload-limits';
import { UploadRejection } from './upload-rejection';
import { readZipDirectory, ZipEntry } from './zip-directory.reader';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
// exceljs's streaming reader reads worksheets only under these names, as Excel and LibreOffice write them.
const WORKSHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;
const REPORT_SHEET = 'reports';
const MIB = 1024 * 1024;

/** An xlsx package that passed the size checks, as the bytes a streaming reader should see. */
export interface XlsxPackage {
  /**
   * The zip's parts that reading needs, in the order it needs them: the workbook's relations, the
   * workbook, shared strings and styles, then the report sheet alone, then the zip's directory. A
   * sequential reader (exceljs) then parses the sheet as it inflates, instead of parking it in a
   * temporary file until the shared strings arrive (Excel writes them last), and sees no other sheet.
   */
  readonly stream: readonly Buffer[];
}

/**
 * Checks an uploaded zip before anything is parsed: the declared sizes and compression ratios of all
 * parts, then the parts that will be read are inflated once with their output counted and thrown
 * away, stopping as soon as a part inflates to more than it declared. A zip bomb is thus refused
 * from its directory, or after at most the inflated size allowed, never held in memory.
 */
export async function inspectXlsxPackage(zip: Buffer, limits: UploadLimits): Promise<XlsxPackage> {
  const directory = readZipDirectory(zip, limits.maxZipEntries);
  checkDeclaredSizes(directory.entries, limits);
  const parts = new Map(directory.entries.map((e) => [e.name, e]));
  const workbook = parts.get(WORKBOOK);
  const rels = parts.get(WORKBOOK_RELS);
  if (!workbook || !rels) {
    throw UploadRejection.of(
      415,
      'NOT_A_WORKBOOK',
      'The file is a zip package but not an Excel workbook (.xlsx): download the template and fill it in.',
    );
  }
  // The workbook's own parts are a few kilobytes; a large one is no workbook Excel or LibreOffice wrote.
  const [workbookXml, relsXml] = await Promise.all([workbook, rels].map((part) => inflateCounted(zip, part, MIB)));
  const sheet = parts.get(reportSheetPart(workbookXml!.toString('utf8'), relsXml!.toString('utf8')) ?? '');
  if (!sheet) throw UploadRejection.of(415, 'NOT_A_WORKBOOK', 'The workbook has no worksheet that can be read; save it again as .xlsx.');
  const read = [rels, workbook, parts.get(SHARED_STRINGS), parts.get(STYLES), sheet].filter((e): e is ZipEntry => e !== undefined);
  for (const part of read.slice(2)) await inflateCounted(zip, part);
  return { stream: [...read.map((e) => zip.subarray(e.start, e.end)), zip.subarray(directory.directoryStart)] };
}

function checkDeclaredSizes(entries: readonly ZipEntry[], limits: UploadLimits): void {
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxInflatedBytes) {
    throw UploadRejection.of(
      413,
      'INFLATED_TOO_LARGE',
      `The workbook unpacks to ${total} bytes; at most ${limits.maxInflatedBytes} are read. Split it into smaller files.`,
    );
  }
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8)
      throw UploadRejection.of(
        415,
        'DAMAGED_FILE',
        `Part ${e.name} uses a compression method Excel does not write; save the file again as .xlsx.`,
      );
    if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize > limits.maxCompressionRatio * Math.max(e.compressedSize, 1)) {
      throw UploadRejection.of(
        413,
        'COMPRESSION_RATIO',
        `Part ${e.name} unpacks to ${Math.round(e.uncompressedSize / Math.max(e.compressedSize, 1))} times its packed size; ` +
          `at most ${limits.maxCompressionRatio} is accepted.`,
      );
    }
  }
}

/** Inflates one part, counting what comes out; keeps the output only when `keep` bounds it. */
function inflateCounted(zip: Buffer, part: ZipEntry, keep?: number): Promise<Buffer | null> {
  const data = zip.subarray(part.dataStart, part.dataStart + part.compressedSize);
  if (keep !== undefined && part.uncompressedSize > keep) {
    return Promise.reject(
      UploadRejection.of(413, 'INFLATED_TOO_LARGE', `Part ${part.name} declares ${part.uncompressedSize} bytes; at most ${keep} are read.`),
    );
  }
  if (part.method === 0) return Promise.resolve(keep === undefined ? null : data);
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    const chunks: Buffer[] = [];
    let count = 0;
    inflater.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > part.uncompressedSize) {
        inflater.destroy();
        reject(
          UploadRejection.of(
            413,
            'INFLATED_TOO_LARGE',
            `Part ${part.name} declares ${part.uncompressedSize} bytes but unpacks to more: the file is refused as a zip bomb.`,
          ),
        );
      } else if (keep !== undefined) chunks.push(chunk);
    });
    inflater.on('error', () =>
      reject(UploadRejection.of(415, 'DAMAGED_FILE', `Part ${part.name} cannot be unpacked; save the file again as .xlsx.`)),
    );
    inflater.on('end', () => {
      if (count !== part.uncompressedSize)
        reject(UploadRejection.of(415, 'DAMAGED_FILE', `Part ${part.name} is shorter than declared; save the file again as .xlsx.`));
      else resolve(keep === undefined ? null : Buffer.concat(chunks));
    });
    inflater.end(data);
  });
}

/** The part of the sheet named Reports (as in the template), else of the workbook's first sheet. */
export function reportSheetPart(workbookXml: string, relsXml: string): string | null {
  const sheets = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)].map((m) => ({
    name: attribute(m[1], 'name'),
    rel: attribute(m[1], '(?:\\w+:)?id'),
  }));
  const chosen = sheets.find((s) => s.name?.toLowerCase() === REPORT_SHEET) ?? sheets[0];
  if (!chosen) return null;
  const relation = [...relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)].find((m) => attribute(m[1], 'Id') === chosen.rel);
  const target = relation && attribute(relation[1], 'Target');
  if (!target) return null;
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  return WORKSHEET_PART.test(path) ? path : null;
}

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`).exec(attributes)?.[1];
}
