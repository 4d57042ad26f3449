import type { PolicyParameters } from '@ipfund/policy';

/**
 * The article behind a partner's loss of standing, from the policy in force: a partner that left the
 * programme (RETIRED: retirement, Art 15 in Jiangbei) or lost its status for fraud (DISQUALIFIED, the
 * only other status a partner leaves ACTIVE for: disqualification, Art 25).
 */
export function partnerStatusArticle(status: string, policy: PolicyParameters): string {
  return status === 'RETIRED'
    ? policy.provisions.partnerRetirement.article
    : policy.provisions.partnerDisqualification.article;
}
