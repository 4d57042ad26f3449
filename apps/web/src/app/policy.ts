import type { Policy } from './viewer.graphql';

/** Pure readings of `Query.policy`, so that no district number or article is written in the web. */

/**
 * The article of a provision of the measures (packages/policy's `provisions`: riskSharing,
 * partnerSelection, bankSuspension, guarantorSharing, claimProcedure, fundSuspension, recovery,
 * blacklist, fraudExclusion, fundUse, interestAccount, termination), or undefined when the policy in
 * force has none under that key.
 */
export function provisionArticle(
  policy: Pick<Policy, 'provisions'> | undefined,
  key: string,
): string | undefined {
  return policy?.provisions.find((p) => p.key === key)?.article;
}

/** The overdue thresholds of the policy in force (R3): risk from `risk` days, claimable from `claim` days. */
export interface OverdueThresholds {
  risk: number;
  claim: number;
}

export function overdueThresholds(
  policy: Pick<Policy, 'riskOverdueDays' | 'claimOverdueDays'> | undefined,
): OverdueThresholds | undefined {
  return policy && { risk: policy.riskOverdueDays.value, claim: policy.claimOverdueDays.value };
}
