export * from './publication-plan';
export * from './public-summary';
