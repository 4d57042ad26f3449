/**
 * A second district through the whole API, chosen by configuration alone (POLICY=other-2025, the
 * fictitious 某知发〔2025〕3号 of @ipfund/policy): nothing but the setting differs from the default
 * suites, yet every number and every article the API answers with is that district's — the policy
 * query, agreements, claim filing and its split, co-signing, the risk ratio and its warning, the fund.
 */
import { OTHER_DISTRICT_2025 } from '@ipfund/policy';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok, refusal } from '../../../testing/kinds';
import { ClaimDriver, fundStatus, makeLoan, orgId } from '../../claim/__tests__/fixtures';
import { POLICY_QUERY, seedParties, type PolicyView } from './fixtures';

let app: TestApp;
let d: ClaimDriver;

beforeAll(async () => {
  app = await createTestApp({ seed: false, policy: 'other-2025' });
  await seedParties(app);
  // What main does at every start: the initial capital of the policy in force.
  await app.services.ledger.ensureFundSetUp();
  d = new ClaimDriver(app);
});
afterAll(() => app.close());

const RECORD_AGREEMENT = `mutation($i: RecordAgreementInput!) { recordAgreement(input: $i) { id effectiveFrom } }`;
const SUBMIT = 'mutation($i: SubmitClaimInput!) { submitClaim(input: $i) { id status } }';
const APPROVE = 'mutation($c: ID!) { approveClaim(claimId: $c, comment: "同意") { id status approvedOn } }';

describe('POLICY=other-2025: the other district governs the whole API', () => {
  it("the policy query answers the other district's numbers and articles", async () => {
    const { policy } = ok(await app.gql<{ policy: PolicyView }>(POLICY_QUERY, {}, await d.token('bank-a')));
    expect(policy).toMatchObject({
      id: 'other-2025',
      sourceDocument: '某知发〔2025〕3号',
      effectiveFrom: '2025-07-01',
      initialCapital: { value: '8000000.00', article: 'Art 4' },
      tierThreshold: { value: '3000000.00', article: 'Art 9' },
      lowTierCapRate: { value: '0.25', article: 'Art 9' },
      highTierCapRate: { value: '0.15', article: 'Art 9' },
      riskOverdueDays: { value: 30, article: 'Art 13' },
      claimOverdueDays: { value: 90, article: 'Art 15' },
      warningRatio: { value: '0.04', article: 'Art 13' },
      suspensionRatio: { value: '0.10', article: 'Art 13' },
      minGuarantorRate: { value: '0.50', article: 'Art 12' },
      circuitBreakerCumulative: { value: '4000000.00', article: 'Art 18' },
      remittanceDays: { value: 15, article: 'Art 16' },
      coSigningOffices: { value: ['IP_BUREAU', 'FINANCE_BUREAU'], article: 'Art 15' },
      resumptionVoters: { value: ['IP_BUREAU', 'FINANCE_BUREAU', 'FUND_MANAGER'], article: 'Art 18' },
    });
    expect(Object.fromEntries(policy.provisions.map((p) => [p.key, p.article]))).toEqual(
      Object.fromEntries(Object.entries(OTHER_DISTRICT_2025.provisions).map(([k, v]) => [k, v.article])),
    );
  });

  it("the fund starts with the other district's initial capital", async () => {
    expect(await fundStatus(app, d)).toMatchObject({
      principalBalance: '8000000.00',
      cumulativeCompensation: '0.00',
      suspended: false,
    });
  });

  it("agreements are checked against the other district's caps, minimum and effective date", async () => {
    const ipb = await d.token('ipb');
    const bankId = await orgId(app, 'bank-a');
    const record = (i: Record<string, string>) =>
      app.gql(
        RECORD_AGREEMENT,
        { i: { bankId, fundRateLowTier: '0.25', fundRateHighTier: '0.15', ...i } },
        ipb,
      );
    // A 45 % guarantor share would do in Jiangbei (≥ 40 %, Art 14); here the minimum is 50 % (Art 12).
    expect(refusal(await record({ effectiveFrom: '2025-07-01', guarantorRate: '0.45' }))).toEqual({
      code: 'POLICY_VIOLATION',
      article: 'Art 12',
    });
    // 30 % is Jiangbei's low-tier cap (Art 11); here it is 25 % (Art 9).
    expect(refusal(await record({ effectiveFrom: '2025-07-01', fundRateLowTier: '0.30' }))).toEqual({
      code: 'POLICY_VIOLATION',
      article: 'Art 9',
    });
    // Before the measures took effect: their applicability article (Art 23 here, Art 26 in Jiangbei).
    expect(refusal(await record({ effectiveFrom: '2025-06-30' }))).toEqual({
      code: 'POLICY_VIOLATION',
      article: 'Art 23',
    });
    ok(await record({ effectiveFrom: '2025-07-01', guarantorRate: '0.50' }));
  });

  it('a claim waits for 90 days overdue: at 75 days (enough in Jiangbei) it is refused with Art 15', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '2000000.00',
      outstanding: '2000000.00',
      overdueDays: 75,
    });
    expect(loan.covered).toBe(true);
    const early = await d.try('bank-a', SUBMIT, { i: { loanId: loan.id, idempotencyKey: 'other-75-days' } });
    expect(early.error?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 15' });
  });

  it("from 90 days a claim is filed and split at the other district's 25 % tier cap (Art 9)", async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '2000000.00',
      outstanding: '2000000.00',
      overdueDays: 90,
    });
    const claim = await d.submit('bank-a', loan.id);
    // Jiangbei would pay 30 % of 2,000,000 (600,000.00); here 2,000,000 < 3,000,000 is the 25 % tier.
    expect(claim).toMatchObject({
      status: 'SUBMITTED',
      lossBase: '2000000.00',
      fundShare: '500000.00',
      guarantorShare: '0.00',
      bankShare: '1500000.00',
      limitedBy: 'TIER_RATE',
      filing: { tier: 'LOW', fundRate: '0.25' },
    });
    expect(claim.filing).toMatchObject({
      reasons: expect.arrayContaining([expect.objectContaining({ article: 'Art 9' })]) as unknown,
    });
    // One claim per loan cites the other district's per-loan article (Art 9, Art 11 in Jiangbei).
    const again = await d.try('bank-a', SUBMIT, { i: { loanId: loan.id, idempotencyKey: 'other-again-1' } });
    expect(refusal({ errors: again.error ? [again.error] : [] })).toEqual({
      code: 'CONFLICT',
      article: 'Art 9',
    });

    await d.verify(claim.id);
    // Its co-signers are the IP bureau and the finance bureau only (Art 15): the financial office,
    // a co-signer in Jiangbei, is refused, and the second signature is the final approval.
    const first = await d.try('ipb', APPROVE, { c: claim.id });
    expect(first.claim).toMatchObject({ status: 'VERIFIED', approvedOn: null });
    const fo = await d.try('fo', APPROVE, { c: claim.id });
    expect(fo.error?.extensions).toMatchObject({ code: 'FORBIDDEN', article: 'Art 15' });
    const last = await d.try('finance', APPROVE, { c: claim.id });
    expect(last.error).toBeNull();
    expect(last.claim).toMatchObject({ status: 'APPROVED', approvedOn: app.services.clock.today() });

    const paid = await d.pay(claim.id);
    expect(paid).toMatchObject({ status: 'PAID', fundShare: '500000.00' });
    expect(await fundStatus(app, d)).toMatchObject({
      principalBalance: '7500000.00',
      cumulativeCompensation: '500000.00',
    });
  });

  it("a bank's risk follows the other district: 30 days count, 4 % warns (Art 13)", async () => {
    // bank-b: 4,500,000 of 100,000,000 ≥ 30 days late (4.5 %). The 1,000,000 loan 20 days late would
    // count in Jiangbei (≥ 15 days) and 4.5 % would be below Jiangbei's 5 % warning.
    for (const [principal, overdueDays] of [
      ['4500000.00', 35],
      ['1000000.00', 20],
      ['94500000.00', 0],
    ] as const) {
      await makeLoan(app, { bank: 'bank-b', principal, outstanding: principal, overdueDays });
    }
    const bankId = await orgId(app, 'bank-b');
    const manager = await d.token('manager');
    const { bankRisks } = ok(
      await app.gql<{
        bankRisks: {
          bank: { id: string };
          ratio: string;
          level: string;
          numerator: string;
          atRiskLoans: number;
          reasons: { article: string; code: string }[];
        }[];
      }>(
        'query { bankRisks { bank { id } ratio level numerator atRiskLoans reasons { article code } } }',
        {},
        manager,
      ),
    );
    const row = bankRisks.find((r) => r.bank.id === bankId);
    expect(row).toMatchObject({ ratio: '0.0450', level: 'WARNING', numerator: '4500000.00', atRiskLoans: 1 });
    expect(row?.reasons.map((r) => r.article)).toContain('Art 13');
    expect(row?.reasons.map((r) => r.article)).not.toContain('Art 12');

    const warned = await app.gql<{ issueRiskWarning: { kind: string; article: string } }>(
      'mutation($b: ID!) { issueRiskWarning(bankId: $b, comment: "请审慎新增贷款") { kind article } }',
      { b: bankId },
      manager,
    );
    expect(ok(warned).issueRiskWarning).toEqual({ kind: 'WARNING', article: 'Art 13' });
    // Suspension is proposed only from 10 % there.
    const propose = await app.gql(
      'mutation($b: ID!) { proposeSuspension(bankId: $b, comment: "比例过高") { id } }',
      { b: bankId },
      manager,
    );
    expect(refusal(propose)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 13' });
  });
});
