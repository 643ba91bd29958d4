// The door of the pure domain library: periods, report rules, aggregation, disclosure control.
export * from './periods/local-time';
export * from './periods/quarter';
export * from './periods/due-date';
export * from './periods/period-spec';
export * from './registry/operating-interval';
export * from './wages/minimum-wage';
export * from './reports/percent';
export * from './reports/report-fields';
export * from './reports/report-figures';
export * from './reports/report-issue';
export * from './reports/report-rules';
export * from './aggregation';
