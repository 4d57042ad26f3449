/**
 * The fund's governance (issue 12): capital contributions by the finance bureau (Art 3, 5), the
 * manager's annual work plan approved by the three offices (Art 6.5), and the offices' joint decision
 * to terminate the fund (Art 24) — after which new loans are not covered, claims under way finish
 * and the balance returns to the funder. Per kind allowed/refused, outcomes, idempotency.
 */
import { randomBytes } from 'node:crypto';
import { ORG_KINDS, type OrgKind } from '@ipfund/shared';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { otherKinds, refusal, tokensByKind } from '../../../testing/kinds';
import { ClaimDriver, makeEnterprise, makeLoan } from '../../claim/__tests__/fixtures';

const OFFICES: OrgKind[] = ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE'];

const CONTRIBUTE = `mutation($i: RecordCapitalContributionInput!) {
  recordCapitalContribution(input: $i) { id amount contributedOn documentRef transactionId } }`;
const STATUS = `query { fundStatus { principalBalance totalContributions terminationStatus terminationEffectiveOn viewerCan } }`;
const PLAN_FIELDS = `id year revision status title decisions { revision orgKind decision comment } viewerCan`;
const SUBMIT_PLAN = `mutation($i: SubmitAnnualPlanInput!) { submitAnnualPlan(input: $i) { ${PLAN_FIELDS} } }`;
const APPROVE_PLAN = `mutation($p: ID!) { approveAnnualPlan(planId: $p, comment: "同意") { ${PLAN_FIELDS} } }`;
const RETURN_PLAN = `mutation($p: ID!, $m: String!) { returnAnnualPlan(planId: $p, reason: $m) { ${PLAN_FIELDS} } }`;
const TERMINATION_FIELDS = `id status effectiveOn decidedOn settledOn consents { orgKind decision } viewerCan`;
const PROPOSE = `mutation($i: ProposeFundTerminationInput!) { proposeFundTermination(input: $i) { ${TERMINATION_FIELDS} } }`;
const CONSENT = `mutation { consentToFundTermination(comment: "同意终止") { ${TERMINATION_FIELDS} } }`;
const DECLINE = `mutation($m: String!) { declineFundTermination(reason: $m) { ${TERMINATION_FIELDS} } }`;
const RETURN_BALANCE = `mutation($k: String!) { returnFundBalance(idempotencyKey: $k) { ${TERMINATION_FIELDS} } }`;

describe('capital contributions and the annual work plan', () => {
  let app: TestApp;
  let tokens: Record<OrgKind, string>;
  beforeAll(async () => {
    app = await createTestApp();
    tokens = await tokensByKind(app);
  });
  afterAll(() => app.close());

  const contribution = (key: string, amount = '2000000.00') => ({
    amount,
    contributedOn: '2026-11-20',
    documentRef: '江北财预〔2026〕88号',
    memo: '追加风险补偿资金',
    idempotencyKey: key,
  });

  it('the demo has a capital contribution and an approved work plan for its year', async () => {
    const res = await app.gql<{
      capitalContributions: { amount: string; documentRef: string }[];
      annualWorkPlans: { year: number; status: string }[];
    }>(
      'query { capitalContributions { amount documentRef } annualWorkPlans { year status } }',
      {},
      tokens.IP_BUREAU,
    );
    expect(res.data?.capitalContributions).toContainEqual({
      amount: '2000000.00',
      documentRef: '江北财预〔2026〕16号',
    });
    expect(res.data?.annualWorkPlans).toContainEqual({ year: 2026, status: 'APPROVED' });
  });

  it('the finance bureau records a contribution: posted to principal once, by key; fundStatus totals it', async () => {
    const before = await app.gql<{ fundStatus: { principalBalance: string; totalContributions: string } }>(
      STATUS,
      {},
      tokens.FINANCE_BUREAU,
    );
    const first = await app.gql<{ recordCapitalContribution: { transactionId: string; amount: string } }>(
      CONTRIBUTE,
      { i: contribution('contrib-0001') },
      tokens.FINANCE_BUREAU,
    );
    expect(first.errors).toBeUndefined();
    const again = await app.gql<{ recordCapitalContribution: { transactionId: string } }>(
      CONTRIBUTE,
      { i: contribution('contrib-0001') },
      tokens.FINANCE_BUREAU,
    );
    expect(again.data?.recordCapitalContribution.transactionId).toBe(
      first.data?.recordCapitalContribution.transactionId,
    );
    const [posting] = await app.ds.query(
      `SELECT t.kind, e.account_code, e.debit::text FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
        WHERE t.id = $1 AND e.debit > 0`,
      [first.data!.recordCapitalContribution.transactionId],
    );
    expect(posting).toEqual({ kind: 'CAPITAL_INJECTION', account_code: '100201', debit: '2000000.00' });
    const after = await app.gql<{ fundStatus: { principalBalance: string; totalContributions: string } }>(
      STATUS,
      {},
      tokens.FINANCE_BUREAU,
    );
    expect(
      Number(after.data!.fundStatus.principalBalance) - Number(before.data!.fundStatus.principalBalance),
    ).toBe(2000000);
    expect(
      Number(after.data!.fundStatus.totalContributions) - Number(before.data!.fundStatus.totalContributions),
    ).toBe(2000000);
    // The same key with another amount is a CONFLICT citing the article.
    const reused = await app.gql(
      CONTRIBUTE,
      { i: contribution('contrib-0001', '1.00') },
      tokens.FINANCE_BUREAU,
    );
    expect(refusal(reused)).toEqual({ code: 'CONFLICT', article: 'Art 3, 5' });
  });

  it('per kind: only the finance bureau records a contribution (FORBIDDEN, Art 3, 5); the register is the programme’s', async () => {
    const [{ n: before }] = await app.ds.query(`SELECT count(*)::int AS n FROM capital_contributions`);
    for (const kind of otherKinds(['FINANCE_BUREAU'])) {
      const r = await app.gql(CONTRIBUTE, { i: contribution(`contrib-${kind}`) }, tokens[kind]);
      expect({ kind, ...refusal(r) }).toEqual({ kind, code: 'FORBIDDEN', article: 'Art 3, 5' });
    }
    const [{ n: after }] = await app.ds.query(`SELECT count(*)::int AS n FROM capital_contributions`);
    expect(after).toBe(before);
    // The auditor reads the programme only within its engagement window (Art 20; the audit module's tests).
    for (const kind of ORG_KINDS.filter((k) => k !== 'AUDITOR')) {
      const r = await app.gql<{ capitalContributions: unknown[] }>(
        'query { capitalContributions { id amount } }',
        {},
        tokens[kind],
      );
      const programme = [...OFFICES, 'FUND_MANAGER'].includes(kind);
      if (programme) expect(r.errors).toBeUndefined();
      else expect(refusal(r).code).toBe('FORBIDDEN');
    }
    // A bank sees no total either.
    const bank = await app.gql<{ fundStatus: { totalContributions: string | null } }>(
      STATUS,
      {},
      tokens.LENDING_BANK,
    );
    expect(bank.data?.fundStatus.totalContributions).toBeNull();
  });

  it('the manager submits the plan; each office approves once; approved when all have; a return asks for a revision', async () => {
    const input = {
      year: 2027,
      title: '2027年度风险补偿资金工作计划',
      summary: '新增合作银行2家，质押融资规模3亿元，服务企业120家。',
      plannedLoanVolume: '300000000.00',
      plannedCompensation: '3000000.00',
      plannedEnterprises: 120,
    };
    for (const kind of otherKinds(['FUND_MANAGER'])) {
      const r = await app.gql(SUBMIT_PLAN, { i: input }, tokens[kind]);
      expect({ kind, ...refusal(r) }).toEqual({ kind, code: 'FORBIDDEN', article: 'Art 6.5' });
    }
    const submitted = await app.gql<{ submitAnnualPlan: { id: string; status: string; revision: number } }>(
      SUBMIT_PLAN,
      { i: input },
      tokens.FUND_MANAGER,
    );
    expect(submitted.data?.submitAnnualPlan).toMatchObject({ status: 'SUBMITTED', revision: 1 });
    const id = submitted.data!.submitAnnualPlan.id;
    // Not while it awaits the offices.
    expect(refusal(await app.gql(SUBMIT_PLAN, { i: input }, tokens.FUND_MANAGER))).toEqual({
      code: 'CONFLICT',
      article: 'Art 6.5',
    });
    for (const kind of otherKinds(OFFICES)) {
      expect(refusal(await app.gql(APPROVE_PLAN, { p: id }, tokens[kind])).code).toBe('FORBIDDEN');
    }
    // One office approves, another returns it with a reason.
    await app.gql(APPROVE_PLAN, { p: id }, tokens.IP_BUREAU);
    const twice = await app.gql(APPROVE_PLAN, { p: id }, tokens.IP_BUREAU);
    expect(refusal(twice)).toEqual({ code: 'CONFLICT', article: 'Art 6.5' });
    const returned = await app.gql<{ returnAnnualPlan: { status: string } }>(
      RETURN_PLAN,
      { p: id, m: '请补充风险控制措施' },
      tokens.FINANCE_BUREAU,
    );
    expect(returned.data?.returnAnnualPlan.status).toBe('RETURNED');
    const revised = await app.gql<{
      submitAnnualPlan: { status: string; revision: number; viewerCan: string[] };
    }>(
      SUBMIT_PLAN,
      { i: { ...input, summary: `${input.summary}风险控制：逾期15天以上贷款按周跟踪。` } },
      tokens.FUND_MANAGER,
    );
    expect(revised.data?.submitAnnualPlan).toMatchObject({ status: 'SUBMITTED', revision: 2, viewerCan: [] });
    // Every office approves the new revision (the IP bureau's earlier approval was of revision 1).
    let last: { status: string; viewerCan: string[] } | undefined;
    for (const kind of OFFICES) {
      const r = await app.gql<{ approveAnnualPlan: { status: string; viewerCan: string[] } }>(
        APPROVE_PLAN,
        { p: id },
        tokens[kind],
      );
      expect(r.errors).toBeUndefined();
      last = r.data?.approveAnnualPlan;
    }
    expect(last?.status).toBe('APPROVED');
    const plans = await app.gql<{
      annualWorkPlans: { year: number; status: string; decisions: unknown[] }[];
    }>(
      `query { annualWorkPlans { year status decisions { revision orgKind decision } } }`,
      {},
      tokens.FINANCIAL_OFFICE,
    );
    const plan = plans.data?.annualWorkPlans.find((p) => p.year === 2027);
    expect(plan?.status).toBe('APPROVED');
    expect(plan?.decisions).toHaveLength(5);
  });
});

describe('termination (Art 24): joint decision, coverage, claims finish, balance returned', () => {
  let app: TestApp;
  let tokens: Record<OrgKind, string>;
  let d: ClaimDriver;
  beforeAll(async () => {
    app = await createTestApp();
    tokens = await tokensByKind(app);
    d = new ClaimDriver(app);
  });
  afterAll(() => app.close());

  it('only the offices propose, consent or decline; a decline ends the proposal', async () => {
    const input = { reason: '专项资金绩效评价后调整', effectiveOn: '2026-12-31' };
    for (const kind of otherKinds(OFFICES)) {
      expect({ kind, ...refusal(await app.gql(PROPOSE, { i: input }, tokens[kind])) }).toEqual({
        kind,
        code: 'FORBIDDEN',
        article: 'Art 24',
      });
    }
    const early = await app.gql(PROPOSE, { i: { ...input, effectiveOn: '2026-11-01' } }, tokens.IP_BUREAU);
    expect(refusal(early).code).toBe('BAD_USER_INPUT');
    const proposed = await app.gql<{ proposeFundTermination: { status: string } }>(
      PROPOSE,
      { i: input },
      tokens.IP_BUREAU,
    );
    expect(proposed.data?.proposeFundTermination.status).toBe('PROPOSED');
    expect(refusal(await app.gql(PROPOSE, { i: input }, tokens.FINANCE_BUREAU))).toEqual({
      code: 'CONFLICT',
      article: 'Art 24',
    });
    const declined = await app.gql<{ declineFundTermination: { status: string } }>(
      DECLINE,
      { m: '尚有在保贷款，暂不终止' },
      tokens.FINANCIAL_OFFICE,
    );
    expect(declined.data?.declineFundTermination.status).toBe('DECLINED');
    expect(refusal(await app.gql(CONSENT, {}, tokens.FINANCE_BUREAU))).toEqual({
      code: 'CONFLICT',
      article: 'Art 24',
    });
  });

  it('decided by all three: later loans not covered, claims under way finish, then the balance returns to the funder', async () => {
    // A claim under way before the decision.
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '1000000.00',
      outstanding: '1000000.00',
      overdueDays: 70,
    });
    const claim = await d.submit('bank-a', loan.id);

    const proposed = await app.gql<{ proposeFundTermination: { status: string; viewerCan: string[] } }>(
      PROPOSE,
      { i: { reason: '区政府决定终止风险补偿资金', effectiveOn: '2026-11-27' } },
      tokens.FINANCE_BUREAU,
    );
    expect(proposed.data?.proposeFundTermination).toMatchObject({ status: 'PROPOSED', viewerCan: [] });
    const other = await app.gql<{ fundTermination: { viewerCan: string[] } }>(
      `query { fundTermination { viewerCan } }`,
      {},
      tokens.IP_BUREAU,
    );
    expect(other.data?.fundTermination.viewerCan).toEqual([
      'fund.consentToTermination',
      'fund.declineTermination',
    ]);
    await app.gql(CONSENT, {}, tokens.IP_BUREAU);
    const decided = await app.gql<{ consentToFundTermination: { status: string; decidedOn: string } }>(
      CONSENT,
      {},
      tokens.FINANCIAL_OFFICE,
    );
    expect(decided.data?.consentToFundTermination).toMatchObject({
      status: 'TERMINATED',
      decidedOn: '2026-11-27',
    });
    // Everyone sees the decision in fundStatus (it decides coverage).
    const bankStatus = await app.gql<{
      fundStatus: { terminationStatus: string; terminationEffectiveOn: string };
    }>(STATUS, {}, tokens.LENDING_BANK);
    expect(bankStatus.data?.fundStatus).toMatchObject({
      terminationStatus: 'TERMINATED',
      terminationEffectiveOn: '2026-11-27',
    });

    // A loan issued on the effective date is registered but not covered, citing Art 24.
    const { enterprise, patent } = await makeEnterprise(app);
    const registered = await app.gql<{
      registerLoan: { covered: boolean; coverageReasons: { article: string; code: string }[] };
    }>(
      `mutation($i: RegisterLoanInput!) { registerLoan(input: $i) { covered coverageReasons { article code } } }`,
      {
        i: {
          contractNo: `TERM-${randomBytes(4).toString('hex')}`,
          enterpriseId: enterprise.id,
          principal: '1000000.00',
          ipPledgedPrincipal: '1000000.00',
          issuedOn: '2026-11-27',
          maturesOn: '2027-11-26',
          purpose: 'RND',
          collateralIds: [patent.id],
        },
      },
      tokens.LENDING_BANK,
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.registerLoan.covered).toBe(false);
    expect(registered.data?.registerLoan.coverageReasons).toContainEqual({
      article: 'Art 24',
      code: 'FUND_TERMINATED',
    });

    // While claims are under way the balance stays (they finish first).
    const held = await app.gql(RETURN_BALANCE, { k: 'termination-return-1' }, tokens.FUND_MANAGER);
    expect(refusal(held)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 24' });
    // Finish every claim under way (the demo's and this one) through the claim procedure: the
    // approved are paid, the others verified and rejected by an office.
    await finishClaimsUnderWay(app, d);
    const [{ open }] = await app.ds.query(
      `SELECT count(*)::int AS open FROM claims WHERE status NOT IN ('PAID','REJECTED')`,
    );
    expect(open).toBe(0);
    expect(claim.id).toBeDefined();

    for (const kind of otherKinds(['FUND_MANAGER'])) {
      const r = await app.gql(RETURN_BALANCE, { k: `termination-return-${kind}` }, tokens[kind]);
      expect({ kind, ...refusal(r) }).toEqual({ kind, code: 'FORBIDDEN', article: 'Art 24' });
    }
    const returned = await app.gql<{ returnFundBalance: { status: string; settledOn: string } }>(
      RETURN_BALANCE,
      { k: 'termination-return-1' },
      tokens.FUND_MANAGER,
    );
    expect(returned.errors).toBeUndefined();
    expect(returned.data?.returnFundBalance).toMatchObject({ status: 'SETTLED', settledOn: '2026-11-27' });
    const [balances] = await app.ds.query(
      `SELECT (SELECT balance::text FROM ledger_account_balances WHERE account_code = '100201') AS principal,
              (SELECT balance::text FROM ledger_account_balances WHERE account_code = '100202') AS interest,
              (SELECT count(*)::int FROM ledger_transactions WHERE kind = 'TERMINATION_RETURN') AS returns`,
    );
    expect(balances).toEqual({ principal: '0.00', interest: '0.00', returns: 1 });
    // The same key again is a replay: nothing more is posted.
    const replay = await app.gql(RETURN_BALANCE, { k: 'termination-return-1' }, tokens.FUND_MANAGER);
    expect(replay.errors).toBeUndefined();
    const [{ n }] = await app.ds.query(
      `SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'TERMINATION_RETURN'`,
    );
    expect(n).toBe(1);
    // No new capital after termination.
    const late = await app.gql(
      CONTRIBUTE,
      {
        i: {
          amount: '1.00',
          contributedOn: '2026-11-27',
          documentRef: 'X',
          idempotencyKey: 'contrib-after-end',
        },
      },
      tokens.FINANCE_BUREAU,
    );
    expect(refusal(late)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 24' });
  });
});

/** Drives every claim not yet paid or rejected to its end, as the parties would. */
async function finishClaimsUnderWay(app: TestApp, d: ClaimDriver): Promise<void> {
  const userOf = async (orgId: string): Promise<string> =>
    (
      await app.ds.query(`SELECT username FROM users WHERE organization_id = $1 ORDER BY username LIMIT 1`, [
        orgId,
      ])
    )[0].username;
  for (let round = 0; round < 5; round++) {
    const open: { id: string; status: string; bank_id: string; guarantor_id: string | null }[] =
      await app.ds.query(
        `SELECT id, status, bank_id, guarantor_id FROM claims WHERE status NOT IN ('PAID','REJECTED') ORDER BY seq`,
      );
    if (open.length === 0) return;
    for (const c of open) {
      if (c.status === 'APPROVED') await d.pay(c.id);
      else if (c.status === 'RETURNED')
        await d.ok(await userOf(c.bank_id), 'mutation($c: ID!) { resubmitClaim(claimId: $c) { id } }', {
          c: c.id,
        });
      else if (c.status === 'SUBMITTED' && c.guarantor_id)
        await d.confirm(await userOf(c.guarantor_id), c.id);
      else if (c.status === 'SUBMITTED' || c.status === 'GUARANTOR_CONFIRMED') await d.verify(c.id);
      else if (c.status === 'VERIFIED') {
        await d.ok(
          'fo',
          'mutation($c: ID!) { rejectClaim(claimId: $c, reason: "资金终止，不再新增补偿") { id } }',
          {
            c: c.id,
          },
        );
      }
    }
  }
}
