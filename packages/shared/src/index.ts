export * from './org-kind';
export * from './error-codes';
export * from './operations';
export * from './i18n';
export * from './messages';
