import { UploadRejection } from './upload-rejection';

/** One part of a zip package as its central directory declares it, checked against its local header. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Where the part's local header starts and where its data (and data descriptor) end: the bytes a sequential reader sees. */
  readonly start: number;
  readonly dataStart: number;
  readonly end: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** The central directory and its end record, byte offset to the end of the file. */
  readonly directoryStart: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const DATA_DESCRIPTOR = 0x08074b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const ZIP64_MARK = 0xffffffff;

const damaged = (why: string) =>
  UploadRejection.of(
    415,
    'DAMAGED_FILE',
    `The file starts like an .xlsx workbook but is not a readable one (${why}); save it again as .xlsx.`,
  );

/**
 * Reads a zip's central directory without inflating anything, and checks that the parts it lists
 * fill the file from its first byte to the directory, each local header naming the same part with
 * the same sizes. Readers that walk local headers in sequence (as exceljs's streaming reader does)
 * then see exactly the parts whose declared sizes were checked: nothing hides between them.
 */
export function readZipDirectory(zip: Buffer, maxEntries: number): ZipDirectory {
  const endRecord = findEndRecord(zip);
  const count = zip.readUInt16LE(endRecord + 10);
  const directorySize = zip.readUInt32LE(endRecord + 12);
  const directoryStart = zip.readUInt32LE(endRecord + 16);
  if (count === 0xffff || directoryStart === ZIP64_MARK) throw damaged('ZIP64 packages are not read');
  if (count > maxEntries)
    throw UploadRejection.of(413, 'TOO_MANY_PARTS', `The workbook has ${count} parts; at most ${maxEntries} are read.`);
  if (directoryStart + directorySize > endRecord) throw damaged('its directory lies outside the file');

  const entries: ZipEntry[] = [];
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > endRecord || zip.readUInt32LE(at) !== CENTRAL_HEADER) throw damaged('its directory is cut short');
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = localEntry(
      zip,
      {
        flags: zip.readUInt16LE(at + 8),
        method: zip.readUInt16LE(at + 10),
        compressedSize: zip.readUInt32LE(at + 20),
        uncompressedSize: zip.readUInt32LE(at + 24),
        name: zip.toString('utf8', at + 46, at + 46 + nameLength),
        start: zip.readUInt32LE(at + 42),
      },
      directoryStart,
    );
    entries.push(entry);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  checkContiguous(entries, directoryStart);
  return { entries, directoryStart };
}

function findEndRecord(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = zip.length - END_RECORD_SIZE; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw damaged('it has no zip directory, perhaps it was cut short');
}

interface DirectoryRecord {
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly name: string;
  readonly start: number;
}

function localEntry(zip: Buffer, d: DirectoryRecord, limit: number): ZipEntry {
  if (d.flags & FLAG_ENCRYPTED)
    throw UploadRejection.of(415, 'ENCRYPTED_FILE', 'The workbook is protected by a password; save it without one.');
  if (d.compressedSize === ZIP64_MARK || d.uncompressedSize === ZIP64_MARK || d.start === ZIP64_MARK)
    throw damaged('ZIP64 parts are not read');
  if (d.start + 30 > limit || zip.readUInt32LE(d.start) !== LOCAL_HEADER) throw damaged(`part ${d.name} is missing`);
  const flags = zip.readUInt16LE(d.start + 6);
  const nameLength = zip.readUInt16LE(d.start + 26);
  const dataStart = d.start + 30 + nameLength + zip.readUInt16LE(d.start + 28);
  const sameSizes = zip.readUInt32LE(d.start + 18) === d.compressedSize && zip.readUInt32LE(d.start + 22) === d.uncompressedSize;
  if (
    zip.toString('utf8', d.start + 30, d.start + 30 + nameLength) !== d.name ||
    zip.readUInt16LE(d.start + 8) !== d.method ||
    (!(flags & FLAG_DATA_DESCRIPTOR) && !sameSizes)
  ) {
    throw damaged(`part ${d.name} differs from its directory entry`);
  }
  let end = dataStart + d.compressedSize;
  if (flags & FLAG_DATA_DESCRIPTOR) end += end + 4 <= limit && zip.readUInt32LE(end) === DATA_DESCRIPTOR ? 16 : 12;
  if (end > limit) throw damaged(`part ${d.name} runs into the directory`);
  return {
    name: d.name,
    method: d.method,
    compressedSize: d.compressedSize,
    uncompressedSize: d.uncompressedSize,
    start: d.start,
    dataStart,
    end,
  };
}

function checkContiguous(entries: readonly ZipEntry[], directoryStart: number): void {
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.start - b.start)) {
    if (entry.start !== expected) throw damaged('it holds bytes that no part accounts for');
    expected = entry.end;
  }
  if (expected !== directoryStart) throw damaged('it holds bytes that no part accounts for');
}
