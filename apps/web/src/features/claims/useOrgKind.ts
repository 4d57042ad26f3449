import { useQuery } from '@apollo/client/react';
import type { OrgKind } from '@ipfund/shared';
import { ME_QUERY } from '../../app/me.graphql';

/** The caller's organisation kind, from the `me` query the shell has already cached. */
export function useOrgKind(): OrgKind | undefined {
  const { data } = useQuery(ME_QUERY);
  return data?.me?.organization.kind;
}
