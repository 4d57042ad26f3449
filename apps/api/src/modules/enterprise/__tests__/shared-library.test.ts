import { Money } from '@ipfund/policy';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok, refusal, USER_OF_KIND } from '../../../testing/kinds';
import { randomCreditCode, uniqueTag } from '../../../testing/factories';
import { ClaimDriver, makeLoan } from '../../claim/__tests__/fixtures';

/**
 * Issue 8, parts 5 and 6: the enterprise library is shared as Art 6.3 intends — bank-b finds and
 * lends to an enterprise bank-a added, with no existence oracle beyond the public credit code — and
 * aggregates follow tenancy: a bank sees how much the enterprise-year cap took from its own claim,
 * never what other banks received.
 */
let app: TestApp;
let driver: ClaimDriver;
beforeAll(async () => {
  app = await createTestApp();
  driver = new ClaimDriver(app);
});
afterAll(() => app?.close());

const LOOKUP =
  'query($c: String!) { enterpriseByCreditCode(creditCode: $c) { id name creditCode alreadyInLibrary } }';
const CREATE = `mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { id name creditCode alreadyInLibrary } }`;
const ADD_IP = `mutation($i: AddIpAssetInput!) { addIpAsset(input: $i) { id kind registrationNo } }`;

interface Entry {
  id: string;
  name: string;
  creditCode: string;
  alreadyInLibrary: boolean;
}

async function as(user: string) {
  return driver.token(user);
}

async function addByBankA(): Promise<{ entry: Entry; patentNo: string; patentId: string }> {
  const tag = uniqueTag();
  const patentNo = `ZL${tag}`.toUpperCase();
  const res = await app.gql<{ createEnterprise: Entry }>(
    CREATE,
    {
      i: {
        name: `共享企业${tag}有限公司`,
        creditCode: randomCreditCode(),
        district: '江北区',
        industry: '智能制造',
        ipAssets: [{ kind: 'PATENT', registrationNo: patentNo, title: '一种共享装置' }],
      },
    },
    await as('bank-a'),
  );
  const entry = ok(res).createEnterprise;
  expect(entry.alreadyInLibrary).toBe(false);
  const seen = await app.gql<{ enterprise: { ipAssets: { id: string; registrationNo: string }[] } }>(
    'query($id: ID!) { enterprise(id: $id) { ipAssets { id registrationNo } } }',
    { id: entry.id },
    await as('bank-a'),
  );
  const patentId = ok(seen).enterprise.ipAssets.find((a) => a.registrationNo === patentNo)!.id;
  return { entry, patentNo, patentId };
}

describe('the shared enterprise library (Art 6.3)', () => {
  it('bank-b cannot list or open an enterprise bank-a added, but finds it by its credit code', async () => {
    const { entry } = await addByBankA();
    const listed = await app.gql<{ enterprises: { totalCount: number } }>(
      'query($s: String!) { enterprises(search: $s) { totalCount } }',
      { s: entry.creditCode },
      await as('bank-b'),
    );
    expect(ok(listed).enterprises.totalCount).toBe(0);
    const opened = await app.gql<{ enterprise: unknown }>(
      'query($id: ID!) { enterprise(id: $id) { id } }',
      { id: entry.id },
      await as('bank-b'),
    );
    expect(ok(opened).enterprise).toBeNull();

    const found = await app.gql<{ enterpriseByCreditCode: Entry | null }>(
      LOOKUP,
      { c: entry.creditCode },
      await as('bank-b'),
    );
    expect(ok(found).enterpriseByCreditCode).toEqual({ ...entry, alreadyInLibrary: true });
  });

  it('answers an unknown code with null, a malformed one with BAD_USER_INPUT, and a guarantor with FORBIDDEN', async () => {
    const unknown = await app.gql<{ enterpriseByCreditCode: Entry | null }>(
      LOOKUP,
      { c: randomCreditCode() },
      await as('bank-b'),
    );
    expect(ok(unknown).enterpriseByCreditCode).toBeNull();
    const bad = await app.gql(LOOKUP, { c: '91500105ABC' }, await as('bank-b'));
    expect(refusal(bad).code).toBe('BAD_USER_INPUT');
    const guarantor = await app.gql(LOOKUP, { c: randomCreditCode() }, await as('guarantor-a'));
    expect(refusal(guarantor).code).toBe('FORBIDDEN');
  });

  it('adding an existing code answers exactly like the lookup: no conflict, no squatting, no oracle', async () => {
    const { entry } = await addByBankA();
    const again = await app.gql<{ createEnterprise: Entry }>(
      CREATE,
      { i: { name: '抢注的名称有限公司', creditCode: entry.creditCode } },
      await as('bank-b'),
    );
    const lookup = await app.gql<{ enterpriseByCreditCode: Entry }>(
      LOOKUP,
      { c: entry.creditCode },
      await as('bank-b'),
    );
    expect(again.errors).toBeUndefined();
    expect(ok(again).createEnterprise).toEqual(ok(lookup).enterpriseByCreditCode);
    // The library keeps the first entry's name: the second bank's name was not used.
    const [row] = (await app.ds.query(`SELECT name FROM enterprises WHERE credit_code = $1`, [
      entry.creditCode,
    ])) as {
      name: string;
    }[];
    expect(row.name).toBe(entry.name);
    expect(ok(again).createEnterprise.name).toBe(entry.name);
  });

  it('adding a patent already on record answers with its id; one of another enterprise is refused', async () => {
    const { entry, patentNo, patentId } = await addByBankA();
    const added = await app.gql<{ addIpAsset: { id: string } }>(
      ADD_IP,
      { i: { enterpriseId: entry.id, kind: 'PATENT', registrationNo: patentNo, title: '一种共享装置' } },
      await as('bank-b'),
    );
    expect(ok(added).addIpAsset.id).toBe(patentId);

    const other = await addByBankA();
    const clash = await app.gql(
      ADD_IP,
      { i: { enterpriseId: other.entry.id, kind: 'PATENT', registrationNo: patentNo, title: '冒用' } },
      await as('bank-b'),
    );
    expect(refusal(clash).code).toBe('CONFLICT');
  });

  it('bank-b lends to it end to end: loan, claim, and the enterprise-year cap across the two banks', async () => {
    const { entry, patentNo } = await addByBankA();
    const today = app.services.clock.today();

    // Bank-a's own loan on the enterprise is finally approved first: 1,200,000.00 (30 % of 4,000,000).
    const loanA = await makeLoan(app, {
      bank: 'bank-a',
      principal: '4000000.00',
      outstanding: '4000000.00',
      overdueDays: 75,
      enterpriseId: entry.id,
    });
    const claimA = await driver.fullClaim('bank-a', loanA);
    expect(claimA.approved.fundShare).toBe('1200000.00');

    // Bank-b pledges the same patent (found through the library) and registers its loan.
    const pledge = await app.gql<{ addIpAsset: { id: string } }>(
      ADD_IP,
      { i: { enterpriseId: entry.id, kind: 'PATENT', registrationNo: patentNo, title: '一种共享装置' } },
      await as('bank-b'),
    );
    const issuedOn = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const registered = await app.gql<{ registerLoan: { id: string; covered: boolean } }>(
      `mutation($i: RegisterLoanInput!) { registerLoan(input: $i) { id covered } }`,
      {
        i: {
          enterpriseId: entry.id,
          contractNo: `B-${uniqueTag()}`,
          principal: '2000000.00',
          ipPledgedPrincipal: '2000000.00',
          issuedOn,
          maturesOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
          purpose: 'RND',
          collateralIds: [ok(pledge).addIpAsset.id],
        },
      },
      await as('bank-b'),
    );
    const loanB = ok(registered).registerLoan;
    expect(loanB.covered).toBe(true);
    // Lending to it makes the enterprise bank-b's to see (DOMAIN §2).
    const visible = await app.gql<{ enterprise: { id: string } | null }>(
      'query($id: ID!) { enterprise(id: $id) { id } }',
      { id: entry.id },
      await as('bank-b'),
    );
    expect(ok(visible).enterprise?.id).toBe(entry.id);

    const due = new Date(`${today}T00:00:00Z`);
    due.setUTCDate(due.getUTCDate() - 75);
    const reported = await app.gql(
      `mutation($i: ReportLoanStatusInput!) { reportLoanStatus(input: $i) { id } }`,
      {
        i: {
          loanId: loanB.id,
          asOf: today,
          outstandingPrincipal: '2000000.00',
          earliestUnpaidDueDate: due.toISOString().slice(0, 10),
        },
      },
      await as('bank-b'),
    );
    ok(reported);

    const filed = await driver.submit('bank-b', loanB.id);
    await driver.verify(filed.id);
    await driver.approve('ipb', filed.id);
    await driver.approve('finance', filed.id);
    await driver.approve('fo', filed.id);

    const FINAL = `query($id: ID!) { claim(id: $id) { fundShare final { fundShareAfterLoanCap fundShare limitedBy
      enterpriseYearCompensatedSoFar enterpriseYearCapReduction } } }`;
    type Final = {
      claim: {
        fundShare: string;
        final: {
          fundShareAfterLoanCap: string;
          fundShare: string;
          limitedBy: string;
          enterpriseYearCompensatedSoFar: string | null;
          enterpriseYearCapReduction: string;
        };
      };
    };
    // The cap (1,500,000.00 a year, Art 11) leaves 300,000.00 after bank-a's claim.
    const asManager = ok(await app.gql<Final>(FINAL, { id: filed.id }, await as('manager'))).claim;
    expect(asManager.final.fundShare).toBe('300000.00');
    expect(asManager.final.enterpriseYearCompensatedSoFar).toBe('1200000.00');

    // Bank-b sees that the cap limited its claim and by how much — not bank-a's compensation.
    const asBankB = ok(await app.gql<Final>(FINAL, { id: filed.id }, await as('bank-b'))).claim;
    expect(asBankB.final.fundShare).toBe('300000.00');
    expect(asBankB.final.enterpriseYearCompensatedSoFar).toBeNull();
    expect(asBankB.final.enterpriseYearCapReduction).toBe(
      Money.of(asBankB.final.fundShareAfterLoanCap).minus(Money.of('300000.00')).toString(),
    );
    expect(asBankB.final.limitedBy).toBe(asManager.final.limitedBy);
  });
});

describe('aggregates follow tenancy', () => {
  it('fundResumptionVotes is for the offices, the manager and the auditor only', async () => {
    for (const [kind, user] of Object.entries(USER_OF_KIND)) {
      const res = await app.gql('{ fundResumptionVotes { orgKind comment } }', {}, await as(user));
      if (['LENDING_BANK', 'GUARANTOR', 'ENTERPRISE'].includes(kind)) {
        expect(refusal(res).code).toBe('FORBIDDEN');
        expect(res.data).toBeNull();
      } else {
        expect(res.errors).toBeUndefined();
      }
    }
  });
});
