export * from './quarter-sums';
export * from './report-contribution';
export * from './zone-summary';
export * from './aggregate-moves';
