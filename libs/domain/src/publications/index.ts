export * from './publication-plan';
export * from './public-cells';
export * from './publication-disclosure';
export * from './published-figures';
export * from './revisions';
export * from './publication-changes';
export * from './press-paragraph';
