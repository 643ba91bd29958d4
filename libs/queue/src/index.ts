export * from './queue-names';
export * from './redis-settings';
export * from './redis-connection';
export * from './redis-keys';
export * from './job-options';
export * from './job-schedules';
export * from './repair-counts';
