import { randomBytes } from 'node:crypto';
import { Money, addDays, loanCoverage, type IsoDate } from '@ipfund/policy';
import type { TestApp } from '../../../testing/test-app';
import { creditCodeCheckChar } from '../../enterprise/credit-code';
import { EnterpriseEntity, IpAssetEntity } from '../../enterprise/enterprise.entity';
import { LoanEntity } from '../../loan/loan.entity';
import { OrganizationEntity } from '../../org/org.entity';
import { DEMO_ORGS } from '../../../demo/demo-data';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A fresh borrower with one patent, so each test owns its enterprise-year (Art 11). */
export async function makeEnterprise(app: TestApp, name = `测试企业${randomBytes(3).toString('hex')}`) {
  let body = '91500105';
  for (const b of randomBytes(9)) body += ALPHABET[b % ALPHABET.length];
  const enterprise = await app.ds.getRepository(EnterpriseEntity).save({
    name,
    creditCode: body + creditCodeCheckChar(body)!,
    district: '江北区',
    industry: '测试',
    organizationId: null,
  });
  const patent = await app.ds.getRepository(IpAssetEntity).save({
    enterpriseId: enterprise.id,
    kind: 'PATENT' as const,
    registrationNo: `ZL-T-${randomBytes(5).toString('hex')}`,
    title: '一种测试用专利',
  });
  return { enterprise, patent };
}

export async function orgId(app: TestApp, key: string): Promise<string> {
  const name = DEMO_ORGS.find((o) => o.key === key)!.name;
  return (await app.ds.getRepository(OrganizationEntity).findOneByOrFail({ name })).id;
}

export interface LoanSpec {
  bank: string;
  guarantor?: string | null;
  principal: string;
  ipPledgedPrincipal?: string;
  outstanding: string;
  overdueDays: number;
  enterpriseId?: string;
  patentId?: string;
  purpose?: string;
}

/**
 * A covered loan as a bank would have registered it, already `overdueDays` late at the business
 * date. Coverage is decided by the policy package, as registration does.
 */
export async function makeLoan(app: TestApp, spec: LoanSpec): Promise<LoanEntity> {
  const today = app.services.clock.today();
  const { enterprise, patent } = spec.enterpriseId
    ? {
        enterprise: { id: spec.enterpriseId },
        patent: await app.ds
          .getRepository(IpAssetEntity)
          .findOneByOrFail({ enterpriseId: spec.enterpriseId }),
      }
    : await makeEnterprise(app);
  // Issued well before it fell due, and after the measures took effect.
  const issuedOn = addDays(today, -(spec.overdueDays + 120)) as IsoDate;
  const ip = spec.ipPledgedPrincipal ?? spec.principal;
  const purpose = (spec.purpose ?? 'RND') as 'RND';
  const coverage = loanCoverage(
    {
      principal: Money.of(spec.principal),
      ipPledgedPrincipal: Money.of(ip),
      collateral: [{ kind: 'PATENT', pledgedByBorrower: true }],
      purpose,
      issuedOn,
      bankIsPartner: true,
      bankSuspensions: [],
    },
    app.services.policies.inForce(issuedOn),
  );
  return app.ds.getRepository(LoanEntity).save({
    contractNo: `T-${randomBytes(6).toString('hex')}`,
    bankId: await orgId(app, spec.bank),
    guarantorId: spec.guarantor ? await orgId(app, spec.guarantor) : null,
    enterpriseId: enterprise.id,
    principal: spec.principal,
    ipPledgedPrincipal: ip,
    outstandingPrincipal: spec.outstanding,
    issuedOn,
    maturesOn: addDays(issuedOn, 365),
    purpose,
    earliestUnpaidDueDate: spec.overdueDays > 0 ? addDays(today, -spec.overdueDays) : null,
    status: 'ACTIVE',
    statusAsOf: today,
    covered: coverage.covered,
    coverageReasons: coverage.reasons.map((r) => ({ ...r })),
    collateral: [patent],
  });
}

export const CLAIM_FIELDS = `id status threeParty lossBase fundShare guarantorShare bankShare limitedBy approvedOn paidOn
  loan { id } approvals { organization { kind } decision comment decidedAt }
  filing { fundShareBeforeCaps fundShareAfterLoanCap fundShare tier fundRate guarantorRate reasons { article code } }
  final { fundShare limitedBy enterpriseYearCompensatedSoFar }`;

export interface ClaimView {
  id: string;
  status: string;
  lossBase: string;
  fundShare: string;
  guarantorShare: string;
  bankShare: string;
  limitedBy: string;
  approvedOn: string | null;
  paidOn: string | null;
  approvals: { organization: { kind: string }; decision: string }[];
  filing: { fundShareBeforeCaps: string; fundShareAfterLoanCap: string; fundShare: string; tier: string };
  final: { fundShare: string; limitedBy: string; enterpriseYearCompensatedSoFar: string } | null;
}

type Gql = TestApp['gql'];

/**
 * Attaches one document of every kind the measures list for the claim (policy claimDocuments,
 * Art 17), as its bank's user would have uploaded it: verification waits for the complete set.
 */
export async function attachRequiredDocuments(app: TestApp, claimId: string): Promise<void> {
  const [claim] = (await app.ds.query(`SELECT three_party FROM claims WHERE id = $1`, [claimId])) as {
    three_party: boolean;
  }[];
  const policy = app.services.policies.inForce(app.services.clock.today());
  const kinds = policy.claimDocuments.value
    .filter((d) => d.when === 'ALWAYS' || claim?.three_party)
    .map((d) => d.kind);
  await app.ds.query(
    `INSERT INTO claim_documents (claim_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_org_id)
     SELECT c.id, k, k || '.pdf', 'application/pdf', 4, repeat('0', 64), '\\x25504446'::bytea, u.id, u.organization_id
       FROM claims c
       JOIN LATERAL (SELECT id, organization_id FROM users WHERE organization_id = c.bank_id ORDER BY username LIMIT 1) u ON true
       CROSS JOIN unnest($2::text[]) AS k
      WHERE c.id = $1
        AND NOT EXISTS (SELECT 1 FROM claim_documents d WHERE d.claim_id = c.id AND d.kind = k)`,
    [claimId, kinds],
  );
}

/** Drives a claim through GraphQL as the real parties would; throws on any unexpected error. */
export class ClaimDriver {
  private tokens = new Map<string, string>();
  constructor(private readonly app: TestApp) {}

  async token(user: string): Promise<string> {
    if (!this.tokens.has(user)) this.tokens.set(user, await this.app.login(user));
    return this.tokens.get(user)!;
  }

  /** Runs a mutation and returns either the claim or the first error. */
  async try(user: string, mutation: string, vars: Record<string, unknown>) {
    const res = await (this.app.gql as Gql)<Record<string, ClaimView>>(
      mutation,
      vars,
      await this.token(user),
    );
    const data = res.data ? Object.values(res.data)[0] : null;
    return { claim: data as ClaimView | null, error: res.errors?.[0] ?? null };
  }

  async ok(user: string, mutation: string, vars: Record<string, unknown>): Promise<ClaimView> {
    const { claim, error } = await this.try(user, mutation, vars);
    if (error || !claim) throw new Error(`${user}: ${error?.message} ${JSON.stringify(error?.extensions)}`);
    return claim;
  }

  submit(bank: string, loanId: string, key = `k-${randomBytes(6).toString('hex')}`) {
    return this.ok(bank, `mutation($i: SubmitClaimInput!) { submitClaim(input: $i) { ${CLAIM_FIELDS} } }`, {
      i: { loanId, idempotencyKey: key },
    });
  }
  confirm(guarantor: string, claimId: string) {
    return this.ok(
      guarantor,
      `mutation($c: ID!) { confirmGuarantorShare(claimId: $c) { ${CLAIM_FIELDS} } }`,
      { c: claimId },
    );
  }
  async verify(claimId: string) {
    await attachRequiredDocuments(this.app, claimId);
    return this.ok(
      'manager',
      `mutation($c: ID!) { verifyClaim(claimId: $c, comment: "材料齐全") { ${CLAIM_FIELDS} } }`,
      {
        c: claimId,
      },
    );
  }
  approve(office: string, claimId: string) {
    return this.ok(
      office,
      `mutation($c: ID!) { approveClaim(claimId: $c, comment: "同意") { ${CLAIM_FIELDS} } }`,
      {
        c: claimId,
      },
    );
  }
  pay(claimId: string, key = `pay-${randomBytes(6).toString('hex')}`) {
    return this.ok(
      'manager',
      `mutation($c: ID!, $k: String!) { payClaim(claimId: $c, idempotencyKey: $k) { ${CLAIM_FIELDS} } }`,
      {
        c: claimId,
        k: key,
      },
    );
  }

  /** Filing → (guarantor) → verification → three signatures → payout. */
  async fullClaim(bank: string, loan: LoanEntity, guarantor?: string) {
    const filed = await this.submit(bank, loan.id);
    if (guarantor) await this.confirm(guarantor, filed.id);
    await this.verify(filed.id);
    await this.approve('ipb', filed.id);
    await this.approve('finance', filed.id);
    const approved = await this.approve('fo', filed.id);
    const paid = await this.pay(filed.id);
    return { filed, approved, paid };
  }
}

/** A claim on a fresh borrower of bank-a, verified and signed by two offices: the next signature is final. */
export async function twoSignatures(app: TestApp, d: ClaimDriver, principal: string) {
  const loan = await makeLoan(app, { bank: 'bank-a', principal, outstanding: principal, overdueDays: 70 });
  const claim = await d.submit('bank-a', loan.id);
  await d.verify(claim.id);
  await d.approve('ipb', claim.id);
  await d.approve('finance', claim.id);
  return claim;
}

/** Moves the breaker to just under its threshold since the last resumption (as E6 does). */
export async function nearTheBreaker(app: TestApp): Promise<void> {
  await app.ds.query(
    `UPDATE fund_state SET cumulative_compensation = cumulative_at_last_resumption + 5900000.00 WHERE id = 1`,
  );
}

export async function fundStatus(app: TestApp, driver: ClaimDriver) {
  const res = await app.gql<{
    fundStatus: {
      principalBalance: string;
      interestBalance: string;
      cumulativeCompensation: string;
      suspended: boolean;
    };
  }>(
    'query { fundStatus { principalBalance interestBalance cumulativeCompensation suspended } }',
    {},
    await driver.token('manager'),
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.fundStatus;
}

export async function trialBalanced(app: TestApp): Promise<{ debits: string; credits: string }> {
  const [row] = await app.ds.query(
    `SELECT COALESCE(SUM(debit),0)::numeric(18,2)::text AS debits, COALESCE(SUM(credit),0)::numeric(18,2)::text AS credits FROM ledger_entries`,
  );
  return row;
}
