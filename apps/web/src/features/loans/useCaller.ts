import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { ME_QUERY } from '../../app/me.graphql';

export interface PortalClock {
  demoMode: boolean;
  businessDate: string;
  businessDateSettable: boolean;
}

export const PORTAL_CLOCK_QUERY: TypedDocumentNode<{ portalInfo: PortalClock }, Record<string, never>> = gql`
  query PortalClock {
    portalInfo {
      demoMode
      businessDate
      businessDateSettable
    }
  }
`;

/** The caller's organisation id (from the `me` query the shell has cached) and the portal's business date. */
export function useCaller(): { orgId: string | undefined; clock: PortalClock | undefined } {
  const me = useQuery(ME_QUERY);
  const clock = useQuery(PORTAL_CLOCK_QUERY);
  return { orgId: me.data?.me?.organization.id, clock: clock.data?.portalInfo };
}
