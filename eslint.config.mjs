// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Imports that would give the pure measures I/O or a framework (ARCHITECTURE: "the domain imports no ORM and no GraphQL"). */
const POLICY_FORBIDDEN = [
  { group: ['typeorm', 'typeorm/*'], message: 'packages/policy is pure: no TypeORM.' },
  {
    group: ['type-graphql', 'graphql', 'graphql/*', 'graphql-scalars'],
    message: 'packages/policy is pure: no GraphQL.',
  },
  { group: ['@apollo/*'], message: 'packages/policy is pure: no Apollo.' },
  { group: ['pg', 'pg-*', '@electric-sql/*'], message: 'packages/policy is pure: no database driver.' },
  {
    group: ['fs', 'node:*', 'http', 'https', 'net', 'child_process'],
    message: 'packages/policy is pure: no I/O.',
  },
  {
    group: ['@ipfund/api', '@ipfund/web', '**/apps/**'],
    message: 'packages/policy must not depend on an app.',
  },
];

/**
 * Resolvers (and their loaders) are thin: context → service → DTO. They reach the database only
 * through services, which read through the access kernel's scoped builders (issue 8): no ORM, no
 * entity, no data source, no driver.
 */
const RESOLVER_FORBIDDEN = [
  { group: ['typeorm', 'typeorm/*'], message: 'Resolvers do not touch TypeORM: call a service.' },
  { group: ['pg', 'pg-*'], message: 'Resolvers do not touch the database driver: call a service.' },
  {
    group: ['**/*.entity', '**/*.entity.ts'],
    message: 'Resolvers map DTOs, never entities: call a service.',
  },
  { group: ['**/db/*', '**/db/**'], message: 'Resolvers do not reach the data source: call a service.' },
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '.data/**', 'apps/web/src/gql/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // CommonJS: the config files at the root, and jest's runtime (test/jest-runtime.cjs).
    files: ['*.js', 'test/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['packages/policy/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: POLICY_FORBIDDEN }] },
  },
  {
    // Issue 13: the simulator is pure like the measures it applies (the API runs it on worker threads).
    files: ['packages/forecast/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: POLICY_FORBIDDEN }] },
  },
  {
    files: ['apps/api/src/**/*.resolver.ts', 'apps/api/src/**/*.loaders.ts', 'apps/api/src/graphql/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: RESOLVER_FORBIDDEN }] },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
