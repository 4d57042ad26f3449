import type { OrgKind } from '@ipfund/shared';

/** The authenticated caller: a user acting for one organisation. Never taken from arguments. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  orgKind: OrgKind;
  orgName: string;
}
