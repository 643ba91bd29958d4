export * from './upward-period';
export * from './upward-report';
