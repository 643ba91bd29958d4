// The door of the Excel library: the board's summary workbook, written from plain data.
export { WORKBOOK_LANGUAGES } from './labels';
export type { WorkbookLanguage } from './labels';
export type { FilingStatusJson, FollowUpJson, SummaryWorkbookInput, WarningJson } from './summary-workbook.input';
export { writeSummaryWorkbook } from './summary-workbook.writer';
export { summaryWorkbookFileName, XLSX_MEDIA_TYPE } from './workbook-file';
