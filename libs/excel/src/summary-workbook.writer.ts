import { stream } from 'exceljs';
import type { Writable } from 'node:stream';
import { filingStatusSheet } from './filing-status.sheet';
import { followUpsSheet } from './follow-ups.sheet';
import { notesSheet } from './notes.sheet';
import { periodLabel } from './period-label';
import { SummaryWorkbookInput } from './summary-workbook.input';
import { writeTableSheet } from './table-sheet.writer';
import { isSplitByBlock, ownershipBlocksSheet, zoneSummarySheet } from './zone-summary.sheet';

/**
 * Writes the board's summary workbook to `output` with exceljs's streaming writer: rows are flushed to
 * the zip stream as they are written and each sheet is finished before the next begins, so memory
 * does not grow with the number of zones, enterprises or warnings. Resolves once `output` has
 * received the whole file (which needs a reader draining it).
 */
export async function writeSummaryWorkbook(output: Writable, input: SummaryWorkbookInput): Promise<void> {
  const language = input.language ?? 'vi';
  // Shared strings, as Excel writes them: every reader decodes their text exactly once (the inline
  // "str" cells exceljs writes otherwise are entity-decoded twice by exceljs, so "&amp;" came back as
  // "&"). They are kept until the end: names and labels, small beside the figures. Styles carry the number formats.
  const workbook = new stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  await writeTableSheet(workbook, zoneSummarySheet(input.summary), language);
  if (isSplitByBlock(input.summary)) await writeTableSheet(workbook, ownershipBlocksSheet(input.summary), language);
  if (input.filingStatus) await writeTableSheet(workbook, filingStatusSheet(input.filingStatus), language);
  if (input.followUps) {
    await writeTableSheet(workbook, followUpsSheet(periodLabel(input.summary.period, input.summary.quarters), input.followUps), language);
  }
  await writeTableSheet(workbook, notesSheet(input), language);
  await workbook.commit();
}
