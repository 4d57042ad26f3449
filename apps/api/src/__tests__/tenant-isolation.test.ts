import { createTestApp, type TestApp } from '../testing/test-app';
import { LoanEntity } from '../modules/loan/loan.entity';
import { OrganizationEntity } from '../modules/org/org.entity';
import { EnterpriseEntity } from '../modules/enterprise/enterprise.entity';

const LOANS = `query($first: Int, $after: String) {
  loans(first: $first, after: $after) {
    totalCount
    edges { cursor node { id contractNo principal ipPledgedPrincipal outstandingPrincipal issuedOn overdueDays status
      bank { id name } guarantor { id name } enterprise { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface LoanNode {
  id: string;
  bank: { id: string };
  guarantor: { id: string } | null;
  enterprise: { id: string };
}
interface LoansData {
  loans: {
    totalCount: number;
    edges: { node: LoanNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

let app: TestApp;
let all: LoanEntity[];
let orgByName: Map<string, OrganizationEntity>;

/** Every loan the user can page through, following cursors. */
async function allVisible(token: string): Promise<{ ids: string[]; totalCount: number; nodes: LoanNode[] }> {
  const nodes: LoanNode[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    const res = await app.gql<LoansData>(LOANS, { first: 7, after }, token);
    expect(res.errors).toBeUndefined();
    const page: LoansData['loans'] = res.data!.loans;
    totalCount = page.totalCount;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { ids: nodes.map((n) => n.id).sort(), totalCount, nodes };
}

const orgIdOf = (username: string) => {
  const byUser: Record<string, string> = {
    'bank-a': '重庆银行江北支行',
    'bank-b': '中国工商银行重庆江北支行',
    'bank-c': '重庆农村商业银行江北支行',
    'guarantor-a': '重庆三峡融资担保集团股份有限公司',
    'guarantor-b': '重庆兴农融资担保集团有限公司',
  };
  return orgByName.get(byUser[username])!.id;
};

beforeAll(async () => {
  app = await createTestApp();
  all = await app.ds.getRepository(LoanEntity).find({ relations: { enterprise: true } });
  orgByName = new Map((await app.ds.getRepository(OrganizationEntity).find()).map((o) => [o.name, o]));
});
afterAll(() => app.close());

describe('tenant isolation through GraphQL (DOMAIN.md §2)', () => {
  it('the demo data is a real mix: ≥ 40 loans over three banks, with and without guarantor', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((l) => l.bankId)).size).toBe(3);
    expect(all.some((l) => l.guarantorId === null)).toBe(true);
    expect(all.some((l) => l.guarantorId !== null)).toBe(true);
  });

  it.each(['bank-a', 'bank-b', 'bank-c'])(
    '%s sees exactly its own loans, and totalCount counts only them',
    async (bank) => {
      const token = await app.login(bank);
      const bankId = orgIdOf(bank);
      const expected = all
        .filter((l) => l.bankId === bankId)
        .map((l) => l.id)
        .sort();
      const seen = await allVisible(token);
      expect(expected.length).toBeGreaterThan(0);
      expect(seen.ids).toEqual(expected);
      expect(seen.totalCount).toBe(expected.length);
      expect(seen.nodes.every((n) => n.bank.id === bankId)).toBe(true);
    },
  );

  it("bank A gets null for one of bank B's loans, exactly as for a loan that does not exist", async () => {
    const token = await app.login('bank-a');
    const bLoan = all.find((l) => l.bankId === orgIdOf('bank-b'))!;
    const aLoan = all.find((l) => l.bankId === orgIdOf('bank-a'))!;
    const q = 'query($id: ID!) { loan(id: $id) { id contractNo } }';
    const foreign = await app.gql(q, { id: bLoan.id }, token);
    const missing = await app.gql(q, { id: '00000000-0000-4000-8000-000000000000' }, token);
    const garbage = await app.gql(q, { id: 'not-a-uuid' }, token);
    const own = await app.gql<{ loan: { id: string } }>(q, { id: aLoan.id }, token);
    expect(foreign).toEqual({ data: { loan: null } });
    expect(missing).toEqual(foreign);
    expect(garbage).toEqual(foreign);
    expect(own.data?.loan?.id).toBe(aLoan.id);
  });

  it.each(['guarantor-a', 'guarantor-b'])('%s sees exactly the loans it guarantees', async (g) => {
    const token = await app.login(g);
    const gid = orgIdOf(g);
    const expected = all
      .filter((l) => l.guarantorId === gid)
      .map((l) => l.id)
      .sort();
    const seen = await allVisible(token);
    expect(expected.length).toBeGreaterThan(0);
    expect(seen.ids).toEqual(expected);
    expect(seen.totalCount).toBe(expected.length);
  });

  it('an enterprise sees only its own loans', async () => {
    const ent = await app.ds
      .getRepository(EnterpriseEntity)
      .findOneByOrFail({ name: '重庆智芯微电子有限公司' });
    const token = await app.login('ent-1');
    const expected = all
      .filter((l) => l.enterpriseId === ent.id)
      .map((l) => l.id)
      .sort();
    const seen = await allVisible(token);
    expect(expected.length).toBeGreaterThan(0);
    expect(seen.ids).toEqual(expected);
    expect(seen.nodes.every((n) => n.enterprise.id === ent.id)).toBe(true);
  });

  it.each(['ipb', 'finance', 'fo', 'manager', 'auditor'])(
    '%s sees every loan of the programme',
    async (u) => {
      const token = await app.login(u);
      const seen = await allVisible(token);
      expect(seen.ids).toEqual(all.map((l) => l.id).sort());
      expect(seen.totalCount).toBe(all.length);
    },
  );

  it('pages are disjoint, ordered newest first, and cover every loan once', async () => {
    const token = await app.login('manager');
    const res = await app.gql<{ loans: { edges: { node: { id: string; issuedOn: string } }[] } }>(
      'query { loans(first: 100) { edges { node { id issuedOn } } } }',
      {},
      token,
    );
    const dates = res.data!.loans.edges.map((e) => e.node.issuedOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    const paged = await allVisible(token);
    expect(new Set(paged.ids).size).toBe(paged.ids.length);
  });

  it('refuses a page larger than 100 and a forged cursor with BAD_USER_INPUT', async () => {
    const token = await app.login('manager');
    const big = await app.gql(LOANS, { first: 101 }, token);
    expect(big.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await app.gql(LOANS, { first: 5, after: 'bm90LWEtY3Vyc29y' }, token);
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('anonymous requests get UNAUTHENTICATED for everything but login', async () => {
    for (const q of [
      'query { me { id } }',
      'query { loans { totalCount } }',
      `query { loan(id: "${all[0].id}") { id } }`,
    ]) {
      const res = await app.gql(q);
      expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const login = await app.gql<{ login: { token: string } }>(
      'mutation { login(username: "bank-a", password: "demo1234") { token user { organization { kind } } } }',
    );
    expect(login.errors).toBeUndefined();
    expect(login.data?.login.token).toMatch(/^ey/);
  });

  it('me names the caller and its organisation', async () => {
    const token = await app.login('bank-b');
    const res = await app.gql(
      'query { me { username displayName organization { id name kind } } }',
      {},
      token,
    );
    expect(res.data).toEqual({
      me: {
        username: 'bank-b',
        displayName: expect.any(String),
        organization: { id: orgIdOf('bank-b'), name: '中国工商银行重庆江北支行', kind: 'LENDING_BANK' },
      },
    });
  });
});

describe('no N+1: loans(first: N) runs a constant number of SQL statements', () => {
  it('first: 50 costs the same statements as first: 2', async () => {
    const token = await app.login('manager');
    const run = (first: number) => app.queries.measure(() => app.gql<LoansData>(LOANS, { first }, token));
    // The first request of a token also looks its login up (then cached): not what is compared here.
    await run(1);
    const small = await run(2);
    const large = await run(50);
    expect(small.result.data!.loans.edges).toHaveLength(2);
    expect(large.result.data!.loans.edges.length).toBeGreaterThanOrEqual(40);
    expect(large.statements.length).toBe(small.statements.length);
    // the token's user, one count, one page
    expect(large.statements.length).toBeLessThanOrEqual(3);
  });
});
