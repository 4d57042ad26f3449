export * from './org-kind';
export * from './error-codes';
export * from './operations';
