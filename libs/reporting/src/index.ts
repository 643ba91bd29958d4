// The figures both apps read: summaries, filing status, and the monthly publication built from them.
export * from './filing-status.reader';
export * from './publication-builder.service';
export * from './publication-workbook';
export * from './summary.reader';
export * from './workbook-bytes';
export * from './disclosure-threads';
export * from './plan.reader';
export * from './upward-report.reader';
