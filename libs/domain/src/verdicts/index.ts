export * from './enterprise-history';
export * from './submission-verdict';
