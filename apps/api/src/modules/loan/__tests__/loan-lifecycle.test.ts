import { createTestApp, type TestApp } from '../../../testing/test-app';
import {
  createEnterprise,
  LOAN_FIELDS,
  ok,
  orgIdOf,
  otherKinds,
  refusal,
  REGISTER,
  registerInput,
  registerLoan,
  reportStatus,
  seededLoan,
  tokensByKind,
  type LoanView,
} from './helpers';
import type { OrgKind } from '@ipfund/shared';

let app: TestApp;
let tokens: Record<OrgKind, string>;
let bankA: string;
let bankB: string;
let guarantorA: string;
let tokenB: string;
let tokenGB: string;
/** An enterprise bank A added to the library (it may lend to it), with a patent and a trademark. */
let ent: { id: string; patentId: string; trademarkId: string };

const TODAY = '2026-11-27';

beforeAll(async () => {
  app = await createTestApp({ businessDate: TODAY });
  tokens = await tokensByKind(app);
  tokenB = await app.login('bank-b');
  tokenGB = await app.login('guarantor-b');
  bankA = await orgIdOf(app, 'bank-a');
  bankB = await orgIdOf(app, 'bank-b');
  guarantorA = await orgIdOf(app, 'guarantor-a');
  ent = await createEnterprise(app, bankA);
});
afterAll(() => app.close());

const reasonCodes = (l: LoanView) => l.coverageReasons.map((r) => `${r.article} ${r.code}`);

describe('registerLoan (Art 2, 4, 11, 13, 21)', () => {
  it('a bank registers a covered three-party combination loan, with collateral, guarantor and reasons', async () => {
    const loan = await registerLoan(app, tokens.LENDING_BANK, {
      enterpriseId: ent.id,
      contractNo: 'CQB-TEST-0001',
      principal: '6000000.00',
      ipPledgedPrincipal: '4000000.00',
      guarantorId: guarantorA,
      issuedOn: '2026-03-15',
      maturesOn: '2028-03-14',
      purpose: 'TECH_UPGRADE',
      collateralIds: [ent.patentId, ent.trademarkId, ent.patentId],
    });
    expect(loan).toMatchObject({
      contractNo: 'CQB-TEST-0001',
      principal: '6000000.00',
      ipPledgedPrincipal: '4000000.00',
      outstandingPrincipal: '6000000.00',
      status: 'ACTIVE',
      statusAsOf: '2026-03-15',
      covered: true,
      guarantor: { id: guarantorA },
      acknowledgedAt: null,
    });
    expect(reasonCodes(loan)).toEqual(
      expect.arrayContaining([
        'Art 2, 4 IP_COLLATERAL_PRESENT',
        'Art 13 PURPOSE_ALLOWED',
        'Art 11 COMBINATION',
      ]),
    );
    expect(loan.collateral.map((c) => c.id).sort()).toEqual([ent.patentId, ent.trademarkId].sort());
    const [activity] = (await app.ds.query(
      `SELECT outcome, target_id, detail FROM activity_log WHERE operation = 'loan.register' AND target_id = $1`,
      [loan.id],
    )) as { outcome: string; detail: { covered: boolean } }[];
    expect(activity).toMatchObject({ outcome: 'OK', detail: { covered: true } });
    const history = (await app.ds.query(`SELECT source, as_of FROM loan_status_reports WHERE loan_id = $1`, [
      loan.id,
    ])) as { source: string; as_of: string }[];
    expect(history).toEqual([{ source: 'REGISTRATION', as_of: '2026-03-15' }]);
  });

  it.each(otherKinds(['LENDING_BANK']))('%s may not register a loan (FORBIDDEN)', async (kind) => {
    const res = await app.gql(
      REGISTER,
      {
        input: registerInput({
          enterpriseId: ent.id,
          principal: '1000000.00',
          issuedOn: '2026-05-01',
          collateralIds: [ent.patentId],
        }),
      },
      tokens[kind],
    );
    expect(refusal(res).code).toBe('FORBIDDEN');
  });

  it('a refused attempt is on the activity record too', async () => {
    const refused = (await app.ds.query(
      `SELECT org_kind, detail FROM activity_log WHERE operation = 'loan.register' AND outcome = 'REFUSED' AND org_kind = 'AUDITOR'`,
    )) as { org_kind: string; detail: { reason: string } }[];
    expect(refused).toEqual([{ org_kind: 'AUDITOR', detail: { reason: 'FORBIDDEN' } }]);
  });

  it('a loan without IP collateral is recorded but not covered (Art 2, 4)', async () => {
    const loan = await registerLoan(app, tokens.LENDING_BANK, {
      enterpriseId: ent.id,
      principal: '1000000.00',
      issuedOn: '2026-05-01',
      collateralIds: [],
    });
    expect(loan.covered).toBe(false);
    expect(reasonCodes(loan)).toEqual(['Art 2, 4 NO_IP_COLLATERAL']);
  });

  it('a loan for equity investment is recorded but not covered (Art 13)', async () => {
    const loan = await registerLoan(app, tokens.LENDING_BANK, {
      enterpriseId: ent.id,
      principal: '1000000.00',
      issuedOn: '2026-05-01',
      purpose: 'EQUITY_INVESTMENT',
      collateralIds: [ent.patentId],
    });
    expect(loan.covered).toBe(false);
    expect(reasonCodes(loan)).toEqual(['Art 13 PURPOSE_FORBIDDEN']);
  });

  it('a loan to a blacklisted enterprise issued on or after the date is not covered (Art 21); one before is', async () => {
    const black = await createEnterprise(app, bankA);
    await app.ds.query(
      `UPDATE enterprises SET blacklisted_since = '2026-06-01', blacklist_reason = '拒不还款' WHERE id = $1`,
      [black.id],
    );
    const after = await registerLoan(app, tokens.LENDING_BANK, {
      enterpriseId: black.id,
      principal: '1000000.00',
      issuedOn: '2026-06-01',
      collateralIds: [black.patentId],
    });
    expect(after.covered).toBe(false);
    expect(reasonCodes(after)).toEqual(['Art 21 ENTERPRISE_BLACKLISTED']);
    const before = await registerLoan(app, tokens.LENDING_BANK, {
      enterpriseId: black.id,
      principal: '1000000.00',
      issuedOn: '2026-05-31',
      collateralIds: [black.patentId],
    });
    expect(before.covered).toBe(true);
  });

  it("another enterprise's patent, or an id that names nothing, is refused (Art 2, 4)", async () => {
    const other = await createEnterprise(app, bankA);
    for (const collateralIds of [
      [ent.patentId, other.patentId],
      ['00000000-0000-4000-8000-000000000000'],
      ['x'],
    ]) {
      const res = await app.gql(
        REGISTER,
        {
          input: registerInput({
            enterpriseId: ent.id,
            principal: '1000000.00',
            issuedOn: '2026-05-01',
            collateralIds,
          }),
        },
        tokens.LENDING_BANK,
      );
      expect(refusal(res)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 2, 4' });
    }
  });

  it('the library is shared (Art 6.3): a bank lends to an enterprise another bank added; a missing one is NOT_FOUND', async () => {
    const elsewhere = await createEnterprise(app, bankB);
    const lend = (enterpriseId: string) =>
      app.gql<{ registerLoan: { id: string; covered: boolean; enterprise: { id: string } } }>(
        REGISTER,
        {
          input: registerInput({
            enterpriseId,
            principal: '1000000.00',
            issuedOn: '2026-05-01',
            collateralIds: [elsewhere.patentId],
          }),
        },
        tokens.LENDING_BANK,
      );
    const missing = await lend('00000000-0000-4000-8000-000000000000');
    expect(refusal(missing).code).toBe('NOT_FOUND');
    const shared = await lend(elsewhere.id);
    expect(shared.errors).toBeUndefined();
    expect(shared.data!.registerLoan).toMatchObject({ covered: true, enterprise: { id: elsewhere.id } });
  });

  it('contract numbers are unique per bank (CONFLICT); another bank may use the same number', async () => {
    const input = {
      enterpriseId: ent.id,
      contractNo: 'DUP-0001',
      principal: '1000000.00',
      issuedOn: '2026-05-01',
      collateralIds: [ent.patentId],
    };
    await registerLoan(app, tokens.LENDING_BANK, input);
    const again = await app.gql(REGISTER, { input: registerInput(input) }, tokens.LENDING_BANK);
    expect(refusal(again).code).toBe('CONFLICT');
    const entB = await createEnterprise(app, bankB);
    const other = await registerLoan(app, tokenB, {
      ...input,
      enterpriseId: entB.id,
      collateralIds: [entB.patentId],
    });
    expect(other.contractNo).toBe('DUP-0001');
  });

  it('the guarantor must be an active partner guarantor (Art 14)', async () => {
    const res = await app.gql(
      REGISTER,
      {
        input: registerInput({
          enterpriseId: ent.id,
          principal: '1000000.00',
          issuedOn: '2026-05-01',
          guarantorId: bankB,
          collateralIds: [ent.patentId],
        }),
      },
      tokens.LENDING_BANK,
    );
    expect(refusal(res)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 14' });
  });

  it('refuses impossible amounts and dates', async () => {
    const base = {
      enterpriseId: ent.id,
      principal: '1000000.00',
      issuedOn: '2026-05-01',
      collateralIds: [ent.patentId],
    };
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ ipPledgedPrincipal: '1000000.01' }, 'BAD_USER_INPUT'],
      [{ principal: '0.00', ipPledgedPrincipal: '0.00' }, 'BAD_USER_INPUT'],
      [{ issuedOn: '2026-11-28' }, 'BAD_USER_INPUT'],
      [{ maturesOn: '2026-04-30' }, 'BAD_USER_INPUT'],
      [{ issuedOn: '2024-04-06', maturesOn: '2025-04-06' }, 'POLICY_VIOLATION', 'Art 26'],
    ];
    for (const [change, code, article] of cases) {
      const res = await app.gql(
        REGISTER,
        { input: { ...registerInput(base), ...change } },
        tokens.LENDING_BANK,
      );
      expect(refusal(res)).toEqual({ code, article });
    }
  });
});

describe('acknowledgeLoan (Art 14)', () => {
  const ACK = `mutation($id: ID!) { acknowledgeLoan(loanId: $id) { id acknowledgedAt acknowledgedBy } }`;

  it('the guarantor acknowledges a loan it guarantees; the bank sees who and when', async () => {
    const loan = await seededLoan(app, 'bank-b', { guarantor: 'guarantor-a' });
    const res = ok(await app.gql<{ acknowledgeLoan: LoanView }>(ACK, { id: loan.id }, tokens.GUARANTOR));
    expect(res.acknowledgeLoan.acknowledgedAt).toEqual(expect.any(String));
    expect(res.acknowledgeLoan.acknowledgedBy).toContain('三峡担保');
    const seen = ok(
      await app.gql<{ loan: LoanView }>(
        `query($id: ID!) { loan(id: $id) { acknowledgedAt acknowledgedBy } }`,
        { id: loan.id },
        tokenB,
      ),
    );
    expect(seen.loan.acknowledgedAt).toBe(res.acknowledgeLoan.acknowledgedAt);
    // Acknowledging again changes nothing.
    const again = ok(await app.gql<{ acknowledgeLoan: LoanView }>(ACK, { id: loan.id }, tokens.GUARANTOR));
    expect(again.acknowledgeLoan.acknowledgedAt).toBe(res.acknowledgeLoan.acknowledgedAt);
  });

  it("another guarantor's loan is NOT_FOUND", async () => {
    const loan = await seededLoan(app, 'bank-b', { guarantor: 'guarantor-a' });
    expect(refusal(await app.gql(ACK, { id: loan.id }, tokenGB)).code).toBe('NOT_FOUND');
  });

  it.each(otherKinds(['GUARANTOR']))('%s may not acknowledge (FORBIDDEN)', async (kind) => {
    const loan = await seededLoan(app, 'bank-b', { guarantor: 'guarantor-a' });
    expect(refusal(await app.gql(ACK, { id: loan.id }, tokens[kind])).code).toBe('FORBIDDEN');
  });
});

describe('reportLoanStatus (Art 12, 16)', () => {
  async function freshLoan(): Promise<LoanView> {
    return registerLoan(app, tokens.LENDING_BANK, {
      enterpriseId: ent.id,
      principal: '2000000.00',
      issuedOn: '2026-01-10',
      maturesOn: '2027-01-09',
      collateralIds: [ent.patentId],
    });
  }

  it('a bank reports overdue, cures and repays; each report is kept, outstanding 0 closes the loan', async () => {
    const loan = await freshLoan();
    const late = ok(
      await reportStatus(app, tokens.LENDING_BANK, {
        loanId: loan.id,
        asOf: '2026-11-20',
        outstandingPrincipal: '1500000.00',
        earliestUnpaidDueDate: '2026-11-07',
      }),
    ).reportLoanStatus;
    // Overdue days count to the business date, not to the report date (R3).
    expect(late).toMatchObject({
      status: 'OVERDUE',
      overdueDays: 20,
      outstandingPrincipal: '1500000.00',
      statusAsOf: '2026-11-20',
    });
    const cured = ok(
      await reportStatus(app, tokens.LENDING_BANK, {
        loanId: loan.id,
        asOf: '2026-11-25',
        outstandingPrincipal: '1400000.00',
        earliestUnpaidDueDate: null,
      }),
    ).reportLoanStatus;
    expect(cured).toMatchObject({ status: 'ACTIVE', overdueDays: 0 });
    const closed = ok(
      await reportStatus(app, tokens.LENDING_BANK, {
        loanId: loan.id,
        asOf: TODAY,
        outstandingPrincipal: '0.00',
      }),
    ).reportLoanStatus;
    expect(closed).toMatchObject({ status: 'CLOSED', outstandingPrincipal: '0.00' });

    const history = ok(
      await app.gql<{
        loan: {
          statusReports: { asOf: string; source: string; closed: boolean; outstandingPrincipal: string }[];
        };
      }>(
        `query($id: ID!) { loan(id: $id) { statusReports { asOf source closed outstandingPrincipal } } }`,
        { id: loan.id },
        tokens.LENDING_BANK,
      ),
    ).loan.statusReports;
    expect(history).toEqual([
      { asOf: '2026-01-10', source: 'REGISTRATION', closed: false, outstandingPrincipal: '2000000.00' },
      { asOf: '2026-11-20', source: 'REPORT', closed: false, outstandingPrincipal: '1500000.00' },
      { asOf: '2026-11-25', source: 'REPORT', closed: false, outstandingPrincipal: '1400000.00' },
      { asOf: TODAY, source: 'REPORT', closed: true, outstandingPrincipal: '0.00' },
    ]);
    const after = await reportStatus(app, tokens.LENDING_BANK, {
      loanId: loan.id,
      asOf: TODAY,
      outstandingPrincipal: '1.00',
    });
    expect(refusal(after).code).toBe('CONFLICT');
    // The history is append-only in the database itself.
    await expect(
      app.ds.query(`UPDATE loan_status_reports SET closed = false WHERE loan_id = $1`, [loan.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses a report after the business date, before the issue date or the last report, or above the principal', async () => {
    const loan = await freshLoan();
    ok(
      await reportStatus(app, tokens.LENDING_BANK, {
        loanId: loan.id,
        asOf: '2026-11-01',
        outstandingPrincipal: '1800000.00',
      }),
    );
    const cases: [Record<string, unknown>, string][] = [
      [{ asOf: '2026-11-28' }, 'AS_OF_AFTER_BUSINESS_DATE'],
      [{ asOf: '2026-10-31' }, 'AS_OF_BEFORE_LAST_REPORT'],
      [{ outstandingPrincipal: '2000000.01' }, 'OUTSTANDING_EXCEEDS_PRINCIPAL'],
      [{ earliestUnpaidDueDate: '2026-01-09' }, 'DUE_DATE_BEFORE_ISSUE'],
      [{ earliestUnpaidDueDate: '2027-01-10' }, 'DUE_DATE_AFTER_MATURITY'],
      [{ outstandingPrincipal: '0.00', earliestUnpaidDueDate: '2026-11-01' }, 'REPAID_WITH_UNPAID_DUE_DATE'],
    ];
    for (const [change, code] of cases) {
      const res = await reportStatus(app, tokens.LENDING_BANK, {
        loanId: loan.id,
        asOf: TODAY,
        outstandingPrincipal: '1000000.00',
        ...change,
      });
      expect(refusal(res).code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.details).toEqual({ problems: [expect.objectContaining({ code })] });
    }
  });

  it("a bank reporting on another bank's loan gets NOT_FOUND", async () => {
    const loan = await seededLoan(app, 'bank-a');
    const res = await reportStatus(app, tokenB, {
      loanId: loan.id,
      asOf: TODAY,
      outstandingPrincipal: '1.00',
    });
    expect(refusal(res).code).toBe('NOT_FOUND');
    expect(res.data).toBeNull();
  });

  it.each(otherKinds(['LENDING_BANK']))('%s may not report a status (FORBIDDEN)', async (kind) => {
    const loan = await seededLoan(app, 'bank-a');
    const res = await reportStatus(app, tokens[kind], {
      loanId: loan.id,
      asOf: TODAY,
      outstandingPrincipal: '1.00',
    });
    expect(refusal(res).code).toBe('FORBIDDEN');
  });
});

describe('loan lists with collateral and status history: no N+1', () => {
  const LIST = `query($first: Int) { loans(first: $first) { edges { node { ${LOAN_FIELDS} statusReports { asOf source } } } } }`;

  it('first: 50 costs the same statements as first: 2', async () => {
    const token = tokens.FUND_MANAGER;
    const run = (first: number) =>
      app.queries.measure(() => app.gql<{ loans: { edges: { node: LoanView }[] } }>(LIST, { first }, token));
    const small = await run(2);
    const large = await run(50);
    expect(small.result.errors).toBeUndefined();
    expect(large.result.data!.loans.edges).toHaveLength(50);
    expect(large.result.data!.loans.edges.some((e) => e.node.collateral.length > 0)).toBe(true);
    expect(large.statements.length).toBe(small.statements.length);
    // the token's user, one count, one page, one collateral batch, one history batch
    expect(large.statements.length).toBeLessThanOrEqual(5);
  });
});

describe('registration form helpers', () => {
  it('a bank sees the enterprises it may lend to with their IP, and the active guarantors', async () => {
    const res = ok(
      await app.gql<{
        borrowerOptions: { id: string; ipAssets: { id: string }[] }[];
        guarantorOptions: { id: string }[];
      }>(
        `{ borrowerOptions { id name creditCode ipAssets { id kind } } guarantorOptions { id name } }`,
        {},
        tokens.LENDING_BANK,
      ),
    );
    const mine = res.borrowerOptions.find((e) => e.id === ent.id);
    expect(mine?.ipAssets.map((a) => a.id).sort()).toEqual([ent.patentId, ent.trademarkId].sort());
    const hidden = await createEnterprise(app, bankB);
    expect(res.borrowerOptions.some((e) => e.id === hidden.id)).toBe(false);
    expect(res.guarantorOptions.map((g) => g.id)).toContain(guarantorA);
  });
});
