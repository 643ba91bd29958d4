// The door of the Excel library: the board's summary workbook, written from plain data.
export { WORKBOOK_LANGUAGES } from './labels';
export type { WorkbookLanguage } from './labels';
export type { FilingStatusJson, FollowUpJson, SummaryWorkbookInput, WarningJson } from './summary-workbook.input';
export { writeSummaryWorkbook } from './summary-workbook.writer';
export { summaryWorkbookFileName, XLSX_MEDIA_TYPE } from './workbook-file';
// Report files: the template to fill in, and the reading of uploaded .xlsx and CSV files into JSON report bodies.
export type { IgnoredColumn } from './column-layout';
export { readReportFile } from './report-file.reader';
export type { ReportFile } from './report-file.reader';
export type { ReportRow } from './report-rows.reader';
export { writeReportTemplate } from './report-template.writer';
export type { UploadFormat } from './upload-format.sniffer';
export { uploadLimits } from './upload-limits';
export type { UploadLimits } from './upload-limits';
export { UploadRejection } from './upload-rejection';
export type { FileIssue } from './upload-rejection';
// The board's report to the ministry.
export { UPWARD_SHEET_NAME, upwardReportFileName, writeUpwardReport } from './upward-report.writer';
export type { UpwardReportHeading } from './upward-report.writer';
