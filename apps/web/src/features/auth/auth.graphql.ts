import { gql, type TypedDocumentNode } from '@apollo/client';
import { CURRENT_USER_FIELDS, type CurrentUser } from '../../app/me.graphql';

export interface LoginData {
  login: { user: CurrentUser };
}

export interface LoginVariables {
  username: string;
  password: string;
}

export const LOGIN_MUTATION: TypedDocumentNode<LoginData, LoginVariables> = gql`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      user {
        ...CurrentUserFields
      }
    }
  }
  ${CURRENT_USER_FIELDS}
`;

export interface PortalInfoData {
  portalInfo: { demoMode: boolean };
}

export const PORTAL_INFO_QUERY: TypedDocumentNode<PortalInfoData, Record<string, never>> = gql`
  query PortalInfo {
    portalInfo {
      demoMode
    }
  }
`;
