import { useQuery } from '@apollo/client/react';
import { ME_QUERY } from '../../app/me.graphql';
import { graphql } from '../../gql';
import type { PortalClockQuery } from '../../gql/graphql';

/** The portal's business date and whether it may be set (generated from the schema). */
export type PortalClock = PortalClockQuery['portalInfo'];

export const PORTAL_CLOCK_QUERY = graphql(`
  query PortalClock {
    portalInfo {
      demoMode
      businessDate
      businessDateSettable
    }
  }
`);

/** The caller's organisation id (from the `me` query the shell has cached) and the portal's business date. */
export function useCaller(): { orgId: string | undefined; clock: PortalClock | undefined } {
  const me = useQuery(ME_QUERY);
  const clock = useQuery(PORTAL_CLOCK_QUERY);
  return { orgId: me.data?.me?.organization.id, clock: clock.data?.portalInfo };
}
