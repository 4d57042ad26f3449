import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok, orgIdOf, refusal } from '../../../testing/kinds';
import { REPORT, registerInput, seededLoan } from '../../loan/__tests__/helpers';

/**
 * A retired partner (Art 15): it left the programme, but its earlier loans stay covered and what it
 * owes the fund from recoveries must still be remitted (Art 18). Its users keep working the business
 * already under way — with the token they had and with a new login — and open no new business.
 */
const RETIRE = 'mutation($id: ID!, $r: String!) { retirePartner(orgId: $id, reason: $r) { status } }';
const PERMS = 'query { viewerPermissions { operations } }';
const ME = 'query { me { username } }';
const REGISTER = 'mutation($input: RegisterLoanInput!) { registerLoan(input: $input) { id } }';
const CREATE_ENTERPRISE = `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { id } }`;

let app: TestApp;
let bankToken: string;
beforeAll(async () => {
  app = await createTestApp();
  bankToken = await app.login('bank-a');
  const manager = await app.login('manager');
  const res = await app.gql(RETIRE, { id: await orgIdOf(app, 'bank-a'), r: '银行申请退出合作' }, manager);
  expect(ok(res)).toEqual({ retirePartner: { status: 'RETIRED' } });
});
afterAll(() => app.close());

describe('a retired bank (Art 15)', () => {
  it('its users still log in, and the token they had still works', async () => {
    expect(ok(await app.gql(ME, {}, bankToken))).toEqual({ me: { username: 'bank-a' } });
    const fresh = await app.login('bank-a');
    expect(ok(await app.gql(ME, {}, fresh))).toEqual({ me: { username: 'bank-a' } });
  });

  it('keeps the operations of business under way, loses those that open new business', async () => {
    const { viewerPermissions } = ok(
      await app.gql<{ viewerPermissions: { operations: string[] } }>(PERMS, {}, bankToken),
    );
    expect(viewerPermissions.operations).toEqual(
      expect.arrayContaining([
        'loan.reportStatus',
        'loan.uploadTape',
        'claim.submit',
        'claim.resubmit',
        'claim.uploadDocument',
        'recovery.record',
        'recovery.remit',
        'risk.reportEvent',
      ]),
    );
    for (const op of ['loan.register', 'enterprise.create', 'enterprise.addIpAsset']) {
      expect(viewerPermissions.operations).not.toContain(op);
    }
  });

  it('still reports the status of its earlier loan', async () => {
    const loan = await seededLoan(app, 'bank-a');
    const res = await app.gql<{ reportLoanStatus: { id: string } }>(
      REPORT,
      {
        input: {
          loanId: loan.id,
          asOf: '2026-11-27',
          outstandingPrincipal: loan.outstandingPrincipal,
          earliestUnpaidDueDate: null,
        },
      },
      bankToken,
    );
    expect(ok(res).reportLoanStatus.id).toBe(loan.id);
  });

  it('may not register a new loan or add to the library: FORBIDDEN under the retirement article, recorded', async () => {
    const loan = await seededLoan(app, 'bank-a');
    const registered = await app.gql(
      REGISTER,
      {
        input: registerInput({
          enterpriseId: loan.enterpriseId,
          principal: '100000.00',
          issuedOn: '2026-11-27',
          collateralIds: [],
        }),
      },
      bankToken,
    );
    expect(refusal(registered)).toEqual({ code: 'FORBIDDEN', article: 'Art 15' });
    const created = await app.gql(
      CREATE_ENTERPRISE,
      { input: { name: '退出后新企业', creditCode: '91500105MA5U000001' } },
      bankToken,
    );
    expect(refusal(created)).toEqual({ code: 'FORBIDDEN', article: 'Art 15' });

    const rows = (await app.ds.query(
      `SELECT a.operation FROM activity_log a JOIN users u ON u.id = a.user_id
        WHERE u.username = 'bank-a' AND a.outcome = 'REFUSED' ORDER BY a.id`,
    )) as { operation: string }[];
    expect(rows.map((r) => r.operation)).toEqual(['loan.register', 'enterprise.create']);
    const loans = (await app.ds.query(
      `SELECT count(*)::int AS n FROM loans WHERE issued_on = '2026-11-27'`,
    )) as {
      n: number;
    }[];
    expect(loans[0].n).toBe(0);
  });

  it('an active bank still registers loans and adds enterprises (the refusal is the retirement, not the kind)', async () => {
    const token = await app.login('bank-b');
    const { viewerPermissions } = ok(
      await app.gql<{ viewerPermissions: { operations: string[] } }>(PERMS, {}, token),
    );
    expect(viewerPermissions.operations).toEqual(
      expect.arrayContaining(['loan.register', 'enterprise.create', 'enterprise.addIpAsset']),
    );
  });
});
