import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The web's operation types, generated from the API's schema (apps/api/schema.graphql, emitted from the
 * resolvers) and the `graphql(…)` documents in src: `pnpm codegen` from the repository root. The
 * generated folder is committed; a test regenerates it and fails on any difference (issue 11), so a
 * changed schema or query cannot leave the types behind.
 */
export const CODEGEN_SCALARS = {
  // Amounts, rates and dates travel as strings (DOMAIN.md §3: never JS numbers for money).
  Date: 'string',
  DateTimeISO: 'string',
  Decimal: 'string',
  Rate: 'string',
};

/** Where the types go: src/gql, or elsewhere for the drift test (src/app/__tests__/codegen.test.ts). */
const OUT = process.env.CODEGEN_OUT ?? 'apps/web/src/gql/';

const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**', '!apps/web/src/**/__tests__/**'],
  ignoreNoDocuments: true,
  // Only `graphql(…)` documents are generated: hand-written `gql` documents still in the tree are not
  // the generator's (they interpolate fragments it cannot follow).
  pluckConfig: { modules: [], globalGqlIdentifierName: 'graphql', gqlMagicComment: 'graphql' },
  generates: {
    [OUT]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: CODEGEN_SCALARS,
        // The web compiles with verbatimModuleSyntax and isolatedModules: type-only imports, no enums.
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        skipTypename: true,
      },
    },
  },
};

export default config;
