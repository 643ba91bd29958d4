import { StreamableFile } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import type { Principal } from '@app/access';
import { writeReportTemplate, XLSX_MEDIA_TYPE } from '@app/excel';

/**
 * The workbook to fill in and upload, as a download: an enterprise's copy comes with its tax code and
 * `period` filled in; the board's has a column for paper forms' receipt stamps.
 */
export function reportTemplateFile(p: Principal, period: string, maxRows: number): StreamableFile {
  const output = new PassThrough();
  const enterprise = p.role === 'enterprise';
  writeReportTemplate(output, {
    prefill: enterprise ? { taxCode: p.taxCode!, period } : undefined,
    forBoard: !enterprise,
    maxRows,
  }).catch((error: Error) => output.destroy(error));
  return new StreamableFile(output, {
    type: XLSX_MEDIA_TYPE,
    disposition: `attachment; filename="mau-bao-cao-${period.toLowerCase()}.xlsx"`,
  });
}
