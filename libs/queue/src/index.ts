export * from './queue-names';
export * from './redis-connection';
export * from './job-options';
export * from './job-schedules';
export * from './repair-counts';
