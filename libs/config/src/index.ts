export * from './settings';
export * from './settings.module';
export * from './log-levels';
export * from './trust-proxy';
