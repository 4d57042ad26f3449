import {
  Money,
  compareDates,
  loanCoverage,
  type CoverageResult,
  type IsoDate,
  type LoanPurpose,
  type PolicyParameters,
} from '@ipfund/policy';
import type { EntityManager } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, notFound, policyViolation } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { PolicyBook } from '../../common/policy-book';

/** What a bank would register (registerLoan's input; the contract number is not needed to decide coverage). */
export interface CoveragePreviewInput {
  enterpriseId: string;
  principal: string;
  ipPledgedPrincipal: string;
  guarantorId?: string | null;
  issuedOn: string;
  purpose: LoanPurpose;
  collateralIds: readonly string[];
}

export interface CoveragePreview {
  coverage: CoverageResult;
  policy: PolicyParameters;
  /** Tier by the IP-pledged part (Art 11): LOW below the threshold, HIGH from it. */
  tier: 'LOW' | 'HIGH';
  tierCapRate: string;
  threeParty: boolean;
}

/**
 * Issue 11: the coverage verdict while the form is being filled (纳入补偿 / 不予补偿), by the same rule
 * and the same facts as registerLoan — the policy in force on the issue date, `loanCoverage`, the
 * bank's standing and suspensions, the borrower's blacklisting and own IP, the fund's termination —
 * read in one read-only transaction as the bank. Nothing is stored or locked, and nothing lands on the
 * activity record; only a bank that may register loans may ask (the operations table's loan.register).
 */
export class LoanPreviewService {
  constructor(
    private readonly access: Access,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
  ) {}

  preview(actor: Actor, input: CoveragePreviewInput): Promise<CoveragePreview> {
    this.access.requireOperation(actor, 'loan.register');
    const principal = Money.of(input.principal);
    const ipPledged = Money.of(input.ipPledgedPrincipal);
    if (!principal.isPositive()) throw badInput('loan.principalPositive', {});
    if (!ipPledged.isPositive() || ipPledged.gt(principal)) {
      const sharing = this.policies.inForce(this.clock.today()).provisions.riskSharing.article;
      throw badInput('loan.ipPledgedRange', { article: sharing });
    }
    const today = this.clock.today();
    const issuedOn = input.issuedOn as IsoDate;
    if (compareDates(issuedOn, today) > 0) throw badInput('loan.issuedAfterToday', { issuedOn, today });
    const policy = this.policies.inForce(issuedOn);
    return this.access.read(actor, async (scope) => {
      const coverage = loanCoverage(
        await coverageFacts(scope.em, actor.orgId, input, policy, { principal, ipPledged, issuedOn }),
        policy,
      );
      const tierHigh = ipPledged.gte(policy.tierThreshold.value);
      return {
        coverage,
        policy,
        tier: tierHigh ? 'HIGH' : 'LOW',
        tierCapRate: (tierHigh ? policy.highTierCapRate : policy.lowTierCapRate).value.toString(),
        threeParty: Boolean(input.guarantorId),
      };
    });
  }
}

/**
 * The coverage rule's facts for a loan the bank would register, as registerLoan reads them (Art 2, 4,
 * 8, 12, 13, 21, 24): the borrower (the shared library, across tenants by definer functions), the
 * bank's standing and suspensions, an active guarantor, the borrower's own IP among the items named.
 */
async function coverageFacts(
  em: EntityManager,
  bankId: string,
  input: CoveragePreviewInput,
  policy: PolicyParameters,
  parsed: { principal: Money; ipPledged: Money; issuedOn: IsoDate },
): Promise<Parameters<typeof loanCoverage>[0]> {
  const [enterprise] = isUuid(input.enterpriseId)
    ? ((await em.query(
        `SELECT id, blacklisted_since::text AS "blacklistedSince" FROM ipfund_enterprise_blacklisted_since($1)`,
        [input.enterpriseId],
      )) as { id: string; blacklistedSince: IsoDate | null }[])
    : [];
  if (!enterprise) throw notFound('Enterprise');
  const [bank] = (await em.query(`SELECT status FROM organizations WHERE id = $1`, [bankId])) as {
    status: string;
  }[];
  const suspensions = (await em.query(
    `SELECT suspended_from::text AS "from", lifted_on::text AS "to" FROM bank_suspensions WHERE bank_id = $1`,
    [bankId],
  )) as { from: IsoDate; to: IsoDate | null }[];
  if (input.guarantorId) {
    const [g] = isUuid(input.guarantorId)
      ? ((await em.query(
          `SELECT id FROM organizations WHERE id = $1 AND kind = 'GUARANTOR' AND status = 'ACTIVE'`,
          [input.guarantorId],
        )) as { id: string }[])
      : [];
    if (!g) throw policyViolation('loan.guarantorNotActive', {}, policy.provisions.guarantorSharing.article);
  }
  const ids = [...new Set(input.collateralIds)];
  const assets = ids.every(isUuid)
    ? ((await em.query(`SELECT id, kind FROM ipfund_enterprise_ip_assets($1, $2::uuid[])`, [
        enterprise.id,
        ids,
      ])) as {
        id: string;
        kind: 'PATENT' | 'TRADEMARK';
      }[])
    : [];
  if (assets.length !== ids.length)
    throw policyViolation('loan.pledgeNotOwnIp', {}, policy.allowedCollateralKinds.article);
  return {
    principal: parsed.principal,
    ipPledgedPrincipal: parsed.ipPledged,
    collateral: assets.map((a) => ({ kind: a.kind, pledgedByBorrower: true })),
    purpose: input.purpose,
    issuedOn: parsed.issuedOn,
    bankIsPartner: bank?.status === 'ACTIVE',
    bankSuspensions: suspensions,
    enterpriseBlacklistedSince: enterprise.blacklistedSince,
    // Art 24: as fund/termination-state.ts reads it, without its share lock (a read-only preview).
    fundTerminatedFrom: await terminatedFrom(em),
  };
}

async function terminatedFrom(em: EntityManager): Promise<IsoDate | null> {
  const rows = (await em.query(
    `SELECT effective_on::text AS "effectiveOn" FROM fund_terminations WHERE status IN ('TERMINATED', 'SETTLED')`,
  )) as { effectiveOn: IsoDate }[];
  return rows[0]?.effectiveOn ?? null;
}
