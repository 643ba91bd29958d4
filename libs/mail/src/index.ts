export * from './email-message';
export * from './mail-transport';
export * from './publication-email';
export * from './reminder-email';
export * from './return-email';
export * from './site-page';
