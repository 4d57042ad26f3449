import { graphql } from '../gql';
import type { CurrentUserFieldsFragment, MeQuery } from '../gql/graphql';

/** Types generated from the schema (apps/web/codegen.ts). */
export type CurrentUser = CurrentUserFieldsFragment;
export type MeData = MeQuery;

/** Shared by the `me` query and the login mutation, so the login answer can seed the `me` cache entry. */
export const CURRENT_USER_FIELDS = graphql(`
  fragment CurrentUserFields on User {
    id
    username
    displayName
    organization {
      id
      name
      kind
    }
  }
`);

export const ME_QUERY = graphql(`
  query Me {
    me {
      ...CurrentUserFields
    }
  }
`);
