import { graphql } from '../../gql';
import type {
  ChangePasswordMutation,
  ChangePasswordMutationVariables,
  LoginMutation,
  LoginMutationVariables,
  PortalInfoQuery,
} from '../../gql/graphql';

/** Types generated from the schema (apps/web/codegen.ts). */
export type LoginData = LoginMutation;
export type LoginVariables = LoginMutationVariables;
export type PortalInfoData = PortalInfoQuery;
export type ChangePasswordData = ChangePasswordMutation;
export type ChangePasswordVariables = ChangePasswordMutationVariables;

// The user's fields are the CurrentUserFields fragment (app/me.graphql.ts): the login answer seeds `me`.
export const LOGIN_MUTATION = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      user {
        ...CurrentUserFields
      }
    }
  }
`);

export const PORTAL_INFO_QUERY = graphql(`
  query PortalInfo {
    portalInfo {
      demoMode
    }
  }
`);

/** Issue 11: every user changes its own password; the API ends its other sessions and renews this one. */
export const CHANGE_PASSWORD_MUTATION = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      expiresAt
    }
  }
`);
