/**
 * The generated documents (src/gql) import their type from '@graphql-typed-document-node/core', which
 * @apollo/client depends on but the web does not list, so it cannot be resolved from here. This is its
 * declaration (v3.2, the one Apollo uses; structural, so both are the same type). The imports are
 * type-only: nothing of it reaches the bundle.
 */
declare module '@graphql-typed-document-node/core' {
  import type { DocumentNode } from 'graphql';

  export interface DocumentTypeDecoration<TResult, TVariables> {
    __apiType?: (variables: TVariables) => TResult;
  }

  export interface TypedDocumentNode<
    TResult = { [key: string]: unknown },
    TVariables = { [key: string]: unknown },
  >
    extends DocumentNode, DocumentTypeDecoration<TResult, TVariables> {}

  export type ResultOf<T> = T extends DocumentTypeDecoration<infer R, infer _V> ? R : never;
  export type VariablesOf<T> = T extends DocumentTypeDecoration<infer _R, infer V> ? V : never;
}
