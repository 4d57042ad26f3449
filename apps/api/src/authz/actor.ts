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
  /**
   * The session epoch of the token this actor came from (auth.service.ts): a read transaction
   * re-checks it against the user's last password change, so a login answered from the auth cache
   * ends with the password change like any other (issue 10). Absent for actors not from a token.
   */
  sessionEpoch?: number;
}
