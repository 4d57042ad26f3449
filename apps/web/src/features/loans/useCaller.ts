import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { OrgKind } from '@ipfund/shared';
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

/** The caller's organisation (from the `me` query the shell has cached) and the portal's business date. */
export function useCaller(): {
  kind: OrgKind | undefined;
  orgId: string | undefined;
  clock: PortalClock | undefined;
} {
  const me = useQuery(ME_QUERY);
  const clock = useQuery(PORTAL_CLOCK_QUERY);
  return {
    kind: me.data?.me?.organization.kind,
    orgId: me.data?.me?.organization.id,
    clock: clock.data?.portalInfo,
  };
}

/** The programme's operators: they may move the business date in demo mode (apps/api loan.access.ts). */
export const CLOCK_SETTERS: readonly OrgKind[] = [
  'FUND_MANAGER',
  'IP_BUREAU',
  'FINANCE_BUREAU',
  'FINANCIAL_OFFICE',
];
