export * from './publication-plan';
export * from './public-summary';
export * from './published-figures';
export * from './revisions';
