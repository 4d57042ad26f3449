/**
 * previewLoanCoverage (issue 11): the verdict while the form is filled is the verdict registration
 * gives — same rule, same facts — on a table of inputs; nothing is stored; only a bank may ask.
 */
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { createEnterprise, uniqueTag } from '../../../testing/factories';
import { ok, orgIdOf, tokensByKind, USER_OF_KIND } from '../../../testing/kinds';
import { ORG_KINDS, type OrgKind } from '@ipfund/shared';

let app: TestApp;
let tokens: Record<OrgKind, string>;

beforeAll(async () => {
  app = await createTestApp();
  tokens = await tokensByKind(app);
});
afterAll(() => app.close());

const PREVIEW = `query($i: PreviewLoanCoverageInput!) { previewLoanCoverage(input: $i) {
  verdict verdictLabel tier tierCapRate loanKind threeParty policyId reasons { article code } } }`;
const REGISTER = `mutation($i: RegisterLoanInput!) { registerLoan(input: $i) { id covered coverageReasons { article code } } }`;

type Preview = {
  previewLoanCoverage: {
    verdict: string;
    verdictLabel: string;
    tier: string;
    tierCapRate: string;
    reasons: { article: string; code: string }[];
  };
};
type Registered = {
  registerLoan: { covered: boolean; coverageReasons: { article: string; code: string }[] };
};

interface Case {
  name: string;
  principal: string;
  ip: string;
  purpose: string;
  collateral: ('patent' | 'trademark' | 'foreign')[];
  guarantor?: boolean;
  issuedOn?: string;
}

const CASES: Case[] = [
  {
    name: 'pure IP, low tier',
    principal: '3000000.00',
    ip: '3000000.00',
    purpose: 'RND',
    collateral: ['patent'],
  },
  {
    name: 'at the tier threshold',
    principal: '5000000.00',
    ip: '5000000.00',
    purpose: 'RND',
    collateral: ['patent'],
  },
  {
    name: 'combination, IP part below the threshold',
    principal: '6000000.00',
    ip: '4000000.00',
    purpose: 'WORKING_CAPITAL',
    collateral: ['trademark'],
  },
  {
    name: 'three-party',
    principal: '2000000.00',
    ip: '2000000.00',
    purpose: 'TECH_UPGRADE',
    collateral: ['patent', 'trademark'],
    guarantor: true,
  },
  {
    name: 'equity investment (Art 13)',
    principal: '1000000.00',
    ip: '1000000.00',
    purpose: 'EQUITY_INVESTMENT',
    collateral: ['patent'],
  },
  {
    name: 'no IP pledged (Art 2, 4)',
    principal: '1000000.00',
    ip: '1000000.00',
    purpose: 'RND',
    collateral: [],
  },
  {
    name: 'another enterprise\u2019s patent',
    principal: '1000000.00',
    ip: '1000000.00',
    purpose: 'RND',
    collateral: ['foreign'],
  },
];

describe('previewLoanCoverage agrees with registerLoan', () => {
  it.each(CASES)('$name', async (c) => {
    const bankId = await orgIdOf(app, 'bank-a');
    const borrower = await createEnterprise(app, bankId);
    const other = await createEnterprise(app, bankId);
    const collateralIds = c.collateral.map((k) =>
      k === 'patent' ? borrower.patentId : k === 'trademark' ? borrower.trademarkId : other.patentId,
    );
    const input = {
      enterpriseId: borrower.id,
      principal: c.principal,
      ipPledgedPrincipal: c.ip,
      guarantorId: c.guarantor ? await orgIdOf(app, 'guarantor-a') : null,
      issuedOn: c.issuedOn ?? '2026-10-15',
      purpose: c.purpose,
      collateralIds,
    };
    const preview = await app.gql<Preview>(PREVIEW, { i: input }, tokens.LENDING_BANK);
    const loansBefore = (await app.ds.query(`SELECT count(*)::int AS n FROM loans`))[0].n;
    const register = await app.gql<Registered>(
      REGISTER,
      { i: { ...input, contractNo: `PV-${uniqueTag()}`, maturesOn: '2027-10-14' } },
      tokens.LENDING_BANK,
    );
    if (register.errors) {
      // A refused registration is refused the same way by the preview (same code and article), and the
      // preview stored nothing.
      expect(preview.errors?.[0]?.extensions).toMatchObject({
        code: register.errors[0].extensions?.code,
        article: register.errors[0].extensions?.article,
      });
      expect((await app.ds.query(`SELECT count(*)::int AS n FROM loans`))[0].n).toBe(loansBefore);
      return;
    }
    const p = ok(preview).previewLoanCoverage;
    const r = ok(register).registerLoan;
    expect(p.verdict).toBe(r.covered ? 'COVERED' : 'NOT_COVERED');
    expect(p.verdictLabel).toBe(r.covered ? '纳入补偿' : '不予补偿');
    expect(p.reasons).toEqual(r.coverageReasons);
    expect(p.tier).toBe(Number(c.ip) >= 5_000_000 ? 'HIGH' : 'LOW');
    expect(p.tierCapRate).toBe(Number(c.ip) >= 5_000_000 ? '0.20' : '0.30');
  });

  it('stores nothing and is not on the activity record', async () => {
    const bankId = await orgIdOf(app, 'bank-b');
    const borrower = await createEnterprise(app, bankId);
    const [before] = await app.ds.query(
      `SELECT (SELECT count(*) FROM loans)::int AS loans, (SELECT count(*) FROM activity_log)::int AS activity`,
    );
    ok(
      await app.gql(
        PREVIEW,
        {
          i: {
            enterpriseId: borrower.id,
            principal: '1000000.00',
            ipPledgedPrincipal: '1000000.00',
            issuedOn: '2026-11-01',
            purpose: 'RND',
            collateralIds: [borrower.patentId],
          },
        },
        tokens.LENDING_BANK,
      ),
    );
    const [after] = await app.ds.query(
      `SELECT (SELECT count(*) FROM loans)::int AS loans, (SELECT count(*) FROM activity_log)::int AS activity`,
    );
    expect(after).toEqual(before);
  });

  it.each(ORG_KINDS.filter((k) => k !== 'LENDING_BANK'))(
    '%s may not ask (loan.register, Art 12)',
    async (kind) => {
      const borrower = await createEnterprise(app, null);
      const res = await app.gql(
        PREVIEW,
        {
          i: {
            enterpriseId: borrower.id,
            principal: '1000000.00',
            ipPledgedPrincipal: '1000000.00',
            issuedOn: '2026-11-01',
            purpose: 'RND',
            collateralIds: [borrower.patentId],
          },
        },
        tokens[kind],
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', article: 'Art 12' });
      expect(USER_OF_KIND[kind]).toBeTruthy();
    },
  );
});
