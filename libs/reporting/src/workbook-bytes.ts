import { PassThrough } from 'node:stream';
import { SummaryWorkbookInput, writeSummaryWorkbook } from '@app/excel';

/** A summary workbook in memory: publications store theirs, and emails attach one. */
export async function summaryWorkbookBytes(input: SummaryWorkbookInput): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeSummaryWorkbook(out, input);
  return Buffer.concat(chunks);
}
