export * from './org-kind';
export * from './error-codes';
