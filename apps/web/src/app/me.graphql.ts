import { gql, type TypedDocumentNode } from '@apollo/client';
import type { OrgKind } from '@ipfund/shared';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  organization: { id: string; name: string; kind: OrgKind };
}

export interface MeData {
  me: CurrentUser | null;
}

/** Shared by the `me` query and the login mutation, so the login answer can seed the `me` cache entry. */
export const CURRENT_USER_FIELDS = gql`
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
`;

export const ME_QUERY: TypedDocumentNode<MeData, Record<string, never>> = gql`
  query Me {
    me {
      ...CurrentUserFields
    }
  }
  ${CURRENT_USER_FIELDS}
`;
