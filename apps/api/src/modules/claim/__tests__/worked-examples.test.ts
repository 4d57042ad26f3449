/**
 * DOMAIN.md's worked examples E1–E7, each a full claim through GraphQL — filing, the guarantor's
 * confirmation, verification, three co-signatures, payout (and recovery for E7) — asserting every
 * amount and that the ledger balances: principal = capital − payouts + remittances.
 */
import { Money } from '@ipfund/policy';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ClaimDriver, fundStatus, makeEnterprise, makeLoan, trialBalanced } from './fixtures';

/** The principal balance before a test's own claims (the demo data has already paid one). */
async function principal(app: TestApp, d: ClaimDriver): Promise<Money> {
  return Money.of((await fundStatus(app, d)).principalBalance);
}

describe('worked examples as full claims (business date 2026-11-27)', () => {
  let app: TestApp;
  let d: ClaimDriver;
  let paid = Money.zero();
  let start: Money;

  beforeAll(async () => {
    app = await createTestApp();
    d = new ClaimDriver(app);
    start = await principal(app, d);
  });
  afterAll(() => app.close());

  afterEach(async () => {
    // After every example the books balance and the principal went down by exactly the payouts.
    const tb = await trialBalanced(app);
    expect(tb.debits).toBe(tb.credits);
    expect((await fundStatus(app, d)).principalBalance).toBe(start.minus(paid).toString());
  });

  it('E1: pure IP 3,000,000, three-party, f 30 %, g 40 %, outstanding 2,000,000, 75 days → B 2,000,000.00 F 600,000.00 G 800,000.00 K 600,000.00', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      guarantor: 'guarantor-a',
      principal: '3000000.00',
      outstanding: '2000000.00',
      overdueDays: 75,
    });
    const { filed, approved, paid: p } = await d.fullClaim('bank-a', loan, 'guarantor-a');
    for (const c of [filed, approved, p]) {
      expect(c).toMatchObject({
        lossBase: '2000000.00',
        fundShare: '600000.00',
        guarantorShare: '800000.00',
        bankShare: '600000.00',
      });
    }
    expect(filed.status).toBe('SUBMITTED');
    expect(approved.status).toBe('APPROVED');
    expect(approved.approvals.map((a) => a.organization.kind)).toEqual([
      'IP_BUREAU',
      'FINANCE_BUREAU',
      'FINANCIAL_OFFICE',
    ]);
    expect(p).toMatchObject({ status: 'PAID', paidOn: '2026-11-27', approvedOn: '2026-11-27' });
    paid = paid.plus(Money.of('600000.00'));
  });

  it('E2: pure IP 8,000,000, f 20 %, g 40 %, outstanding 8,000,000 → F0 1,600,000.00 → F 1,500,000.00 (per-loan cap), G 3,200,000.00, K 3,300,000.00', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      guarantor: 'guarantor-b',
      principal: '8000000.00',
      outstanding: '8000000.00',
      overdueDays: 90,
    });
    const { filed, paid: p } = await d.fullClaim('bank-a', loan, 'guarantor-b');
    expect(filed.filing).toMatchObject({
      tier: 'HIGH',
      fundShareBeforeCaps: '1600000.00',
      fundShareAfterLoanCap: '1500000.00',
    });
    expect(p).toMatchObject({
      status: 'PAID',
      lossBase: '8000000.00',
      fundShare: '1500000.00',
      guarantorShare: '3200000.00',
      bankShare: '3300000.00',
      limitedBy: 'PER_LOAN_CAP',
    });
    paid = paid.plus(Money.of('1500000.00'));
  });

  it('E3: combination 6,000,000 with IP part 4,000,000, two-party, f 30 %, outstanding 3,000,000 → B 2,000,000.00, 30 % tier, F 600,000.00, K 1,400,000.00', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '6000000.00',
      ipPledgedPrincipal: '4000000.00',
      outstanding: '3000000.00',
      overdueDays: 61,
    });
    const { filed, paid: p } = await d.fullClaim('bank-a', loan);
    expect(filed.filing.tier).toBe('LOW');
    expect(p).toMatchObject({
      lossBase: '2000000.00',
      fundShare: '600000.00',
      guarantorShare: '0.00',
      bankShare: '1400000.00',
    });
    paid = paid.plus(Money.of('600000.00'));
  });

  it('E4: the enterprise already has 1,200,000.00 this year; a claim with F1 600,000.00 gets F 300,000.00 (enterprise-year cap)', async () => {
    const { enterprise } = await makeEnterprise(app);
    const first = await makeLoan(app, {
      bank: 'bank-c',
      principal: '4000000.00',
      outstanding: '4000000.00',
      overdueDays: 100,
      enterpriseId: enterprise.id,
    });
    const one = await d.fullClaim('bank-c', first);
    expect(one.paid.fundShare).toBe('1200000.00');
    const second = await makeLoan(app, {
      bank: 'bank-c',
      principal: '3000000.00',
      outstanding: '2000000.00',
      overdueDays: 80,
      enterpriseId: enterprise.id,
    });
    const two = await d.fullClaim('bank-c', second);
    expect(two.filed.filing.fundShareAfterLoanCap).toBe('600000.00');
    expect(two.paid).toMatchObject({ fundShare: '300000.00', limitedBy: 'ENTERPRISE_YEAR_CAP' });
    expect(two.paid.final).toMatchObject({
      enterpriseYearCompensatedSoFar: '1200000.00',
      fundShare: '300000.00',
    });
    // K absorbs what the fund may not pay: B − F − G.
    expect(two.paid.bankShare).toBe('1700000.00');
    paid = paid.plus(Money.of('1500000.00'));
  });

  it('E5: at 59 days overdue the claim is refused (Art 17); at 60 days it is accepted', async () => {
    const early = await makeLoan(app, {
      bank: 'bank-b',
      principal: '1000000.00',
      outstanding: '1000000.00',
      overdueDays: 59,
    });
    const refused = await d.try(
      'bank-b',
      'mutation($i: SubmitClaimInput!) { submitClaim(input: $i) { id } }',
      {
        i: { loanId: early.id, idempotencyKey: 'e5-too-early' },
      },
    );
    expect(refused.claim).toBeNull();
    expect(refused.error?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 17' });

    const due = await makeLoan(app, {
      bank: 'bank-b',
      principal: '1000000.00',
      outstanding: '1000000.00',
      overdueDays: 60,
    });
    const filed = await d.submit('bank-b', due.id);
    expect(filed).toMatchObject({ status: 'SUBMITTED', lossBase: '1000000.00', fundShare: '250000.00' });
  });
});

describe('E6: the circuit breaker (Art 19)', () => {
  let app: TestApp;
  let d: ClaimDriver;
  beforeAll(async () => {
    app = await createTestApp();
    d = new ClaimDriver(app);
  });
  afterAll(() => app.close());

  it('cumulative 5,900,000.00; a claim with F 500,000.00 is finally approved and honoured; cumulative 6,400,000.00; the fund is suspended; the next final approval is refused', async () => {
    // Earlier programme history: 5,900,000.00 finally approved (the breaker counts approvals, not payouts).
    await app.ds.query(`UPDATE fund_state SET cumulative_compensation = 5900000.00 WHERE id = 1`);
    const start = await principal(app, d);
    const crossing = await makeLoan(app, {
      bank: 'bank-b',
      principal: '2000000.00',
      outstanding: '2000000.00',
      overdueDays: 70,
    });
    const next = await makeLoan(app, {
      bank: 'bank-a',
      principal: '1000000.00',
      outstanding: '1000000.00',
      overdueDays: 70,
    });
    const c1 = await d.submit('bank-b', crossing.id);
    const c2 = await d.submit('bank-a', next.id);
    for (const c of [c1, c2]) {
      await d.verify(c.id);
      await d.approve('ipb', c.id);
      await d.approve('finance', c.id);
    }
    const honoured = await d.approve('fo', c1.id);
    expect(honoured).toMatchObject({ status: 'APPROVED', fundShare: '500000.00' });
    expect(await fundStatus(app, d)).toMatchObject({ cumulativeCompensation: '6400000.00', suspended: true });

    const held = await d.try('fo', `mutation($c: ID!) { approveClaim(claimId: $c) { id status } }`, {
      c: c2.id,
    });
    expect(held.claim).toBeNull();
    expect(held.error?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 19' });
    const waiting = await app.gql<{ claim: { status: string; approvals: unknown[] } }>(
      'query($c: ID!) { claim(id: $c) { status approvals { decision } } }',
      { c: c2.id },
      await d.token('manager'),
    );
    expect(waiting.data?.claim).toMatchObject({ status: 'VERIFIED' });
    expect(waiting.data?.claim.approvals).toHaveLength(2);

    // Still filed, confirmed and verified while suspended (R7) ...
    const later = await makeLoan(app, {
      bank: 'bank-c',
      principal: '1000000.00',
      outstanding: '1000000.00',
      overdueDays: 65,
    });
    const c3 = await d.submit('bank-c', later.id);
    expect((await d.verify(c3.id)).status).toBe('VERIFIED');

    // ... and the crossing claim is paid although the fund is suspended.
    const paid = await d.pay(c1.id);
    expect(paid).toMatchObject({ status: 'PAID', fundShare: '500000.00' });
    expect((await fundStatus(app, d)).principalBalance).toBe(start.minus(Money.of('500000.00')).toString());

    // Resumption is a joint decision of the three offices and the manager.
    for (const [i, who] of ['ipb', 'finance', 'fo'].entries()) {
      const r = await app.gql<{ consentToResumeFund: { resumed: boolean; votes: number } }>(
        'mutation { consentToResumeFund(comment: "风险已得到有效管控") { resumed votes } }',
        {},
        await d.token(who),
      );
      expect(r.data?.consentToResumeFund).toEqual({ resumed: false, votes: i + 1 });
    }
    const bankVote = await app.gql(
      'mutation { consentToResumeFund(comment: "x") { resumed } }',
      {},
      await d.token('bank-a'),
    );
    expect(bankVote.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const last = await app.gql<{ consentToResumeFund: { resumed: boolean } }>(
      'mutation { consentToResumeFund(comment: "同意恢复") { resumed votes } }',
      {},
      await d.token('manager'),
    );
    expect(last.data?.consentToResumeFund.resumed).toBe(true);
    expect(await fundStatus(app, d)).toMatchObject({
      suspended: false,
      cumulativeCompensation: '6400000.00',
    });
    const released = await d.approve('fo', c2.id);
    expect(released).toMatchObject({ status: 'APPROVED', fundShare: '300000.00' });
    expect((await fundStatus(app, d)).cumulativeCompensation).toBe('6700000.00');
  });
});

describe('E7: recovery and remittance (Art 18)', () => {
  let app: TestApp;
  let d: ClaimDriver;
  beforeAll(async () => {
    app = await createTestApp();
    // The payout happens on 2025-01-15; the business date then moves as the days pass.
    app.services.clock.set('2025-01-15');
    d = new ClaimDriver(app);
  });
  afterAll(() => app.close());

  it('claim B 2,000,000.00 F 600,000.00; bank recovers 1,000,000.00 on 2025-03-01 → owes 300,000.00 by 2025-03-31', async () => {
    const start = await principal(app, d);
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '2000000.00',
      outstanding: '2000000.00',
      overdueDays: 90,
    });
    const { paid } = await d.fullClaim('bank-a', loan);
    expect(paid).toMatchObject({ lossBase: '2000000.00', fundShare: '600000.00', paidOn: '2025-01-15' });

    app.services.clock.set('2025-03-01');
    const bank = await d.token('bank-a');
    const rec = await app.gql<{
      recordRecovery: {
        id: string;
        amount: string;
        amountOwedToFund: string;
        dueOn: string;
        overdue: boolean;
      };
    }>(
      `mutation($i: RecordRecoveryInput!) { recordRecovery(input: $i) { id amount amountOwedToFund dueOn overdue } }`,
      {
        i: {
          claimId: paid.id,
          amount: '1000000.00',
          receivedOn: '2025-03-01',
          idempotencyKey: 'e7-recovery-1',
        },
      },
      bank,
    );
    expect(rec.errors).toBeUndefined();
    expect(rec.data?.recordRecovery).toMatchObject({
      amount: '1000000.00',
      amountOwedToFund: '300000.00',
      dueOn: '2025-03-31',
      overdue: false,
    });

    // Not remitted by the due date → flagged to the manager.
    app.services.clock.set('2025-04-01');
    const open = await app.gql<{ openRemittances: { id: string; overdue: boolean }[] }>(
      'query { openRemittances { id overdue amountOwedToFund } }',
      {},
      await d.token('manager'),
    );
    expect(open.data?.openRemittances).toContainEqual(
      expect.objectContaining({ id: rec.data!.recordRecovery.id, overdue: true }),
    );

    // The bank declares its remittance: its word alone moves no money (Art 18) ...
    const declared = await app.gql<{
      recordRemittance: { remittedOn: string | null; remittanceStatus: string };
    }>(
      'mutation($r: ID!) { recordRemittance(recoveryId: $r, idempotencyKey: "e7-remit-1") { remittedOn remittanceStatus } }',
      { r: rec.data!.recordRecovery.id },
      bank,
    );
    expect(declared.data?.recordRemittance).toEqual({ remittedOn: null, remittanceStatus: 'DECLARED' });
    expect((await fundStatus(app, d)).principalBalance).toBe(start.minus(Money.of('600000.00')).toString());
    // ... the fund manager confirms it against the special account's statement, which posts it.
    const remit = await app.gql<{ confirmRemittance: { remittedOn: string; remittanceStatus: string } }>(
      'mutation($i: ConfirmRemittanceInput!) { confirmRemittance(input: $i) { remittedOn remittanceStatus } }',
      {
        i: {
          recoveryId: rec.data!.recordRecovery.id,
          bankStatementRef: 'E7-STMT-0401',
          receivedOn: '2025-04-01',
        },
      },
      await d.token('manager'),
    );
    expect(remit.data?.confirmRemittance).toEqual({
      remittedOn: '2025-04-01',
      remittanceStatus: 'CONFIRMED',
    });
    // principal = before − payout + remittance
    expect((await fundStatus(app, d)).principalBalance).toBe(
      start.minus(Money.of('600000.00')).plus(Money.of('300000.00')).toString(),
    );
    const tb = await trialBalanced(app);
    expect(tb.debits).toBe(tb.credits);
    const after = await app.gql<{ openRemittances: { id: string }[] }>(
      'query { openRemittances { id } }',
      {},
      await d.token('manager'),
    );
    expect(after.data?.openRemittances.map((r) => r.id)).not.toContain(rec.data!.recordRecovery.id);
  });
});
