import type { OrgKind } from '@ipfund/shared';

/** The authenticated caller: a user acting for one organisation. Never taken from arguments. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
  orgKind: OrgKind;
  orgName: string;
  /**
   * The organisation left the programme (Art 15 in Jiangbei): its users still see through the business
   * already under way, but may not take an operation that opens new business (operations.ts `newBusiness`).
   */
  orgRetired: boolean;
}
