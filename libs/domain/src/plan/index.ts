export * from './plan-keys';
export * from './plan-progress';
