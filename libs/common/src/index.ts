export * from './micro-batcher';
export * from './seeded-random';
export * from './allocate';
export * from './sql-runner';
export * from './concurrency-limit';
export * from './error-log';
export * from './metrics-token';
