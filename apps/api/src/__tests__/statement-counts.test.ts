import { createTestApp, type TestApp } from '../testing/test-app';

/**
 * Statement-count snapshots (issue 10): how many SQL statements each main operation sends, the
 * tenant settings included (BEGIN/COMMIT aside), and that a read is ONE transaction. An N+1, an
 * extra round trip or a second transaction changes a number here and fails the build. No timings.
 */
let app: TestApp;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp();
  for (const u of ['manager', 'bank-a', 'guarantor-a', 'ipb', 'ent-1']) tokens[u] = await app.login(u);
});
afterAll(() => app.close());

const TRANSACTION_CONTROL = /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|SET TRANSACTION)\b/i;

interface Measured {
  data: Record<string, unknown> | null | undefined;
  /** Statements other than transaction control, the tenant settings included. */
  statements: string[];
  transactions: number;
}

async function measure(
  username: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Measured> {
  // Once unmeasured: the login is then answered from the auth cache, as for a client's later requests.
  const warm = await app.gql(query, variables, tokens[username]);
  expect(warm.errors).toBeUndefined();
  const { result, everything } = await app.queries.measure(() => app.gql(query, variables, tokens[username]));
  expect(result.errors).toBeUndefined();
  return {
    data: result.data,
    statements: everything.filter((s) => !TRANSACTION_CONTROL.test(s)),
    transactions: everything.filter((s) => /^\s*(BEGIN|START TRANSACTION)\b/i.test(s)).length,
  };
}

const LOAN_FIELDS = `id contractNo principal outstandingPrincipal issuedOn overdueDays status covered
  bank { id name } guarantor { id name } enterprise { id name blacklisted }`;

describe('loans page: settings + one statement for the page and its count, whatever the size', () => {
  it.each([1, 5, 20, 50, 100])(
    "bank-a's page of %i with names and totalCount: 2 statements, 1 transaction",
    async (n) => {
      const m = await measure(
        'bank-a',
        `query($n: Int) { loans(first: $n) { totalCount edges { node { ${LOAN_FIELDS} } } } }`,
        {
          n,
        },
      );
      expect(m.statements).toHaveLength(2);
      expect(m.statements[0]).toMatch(/set_config\('app\.org_id'/);
      expect(m.transactions).toBe(1);
    },
  );

  it.each(['manager', 'guarantor-a', 'ent-1', 'ipb'])('%s: 2 statements', async (username) => {
    const m = await measure(
      username,
      `{ loans(first: 100) { totalCount edges { cursor node { ${LOAN_FIELDS} } } } }`,
    );
    expect(m.statements).toHaveLength(2);
    expect(m.transactions).toBe(1);
  });

  it('a deep page (after a cursor), filtered and sorted: still 2', async () => {
    const first = await app.gql<{ loans: { pageInfo: { endCursor: string } } }>(
      '{ loans(first: 10, orderBy: { field: OUTSTANDING_PRINCIPAL, direction: DESC }) { pageInfo { endCursor } } }',
      {},
      tokens.manager,
    );
    const m = await measure(
      'manager',
      `query($after: String) { loans(first: 10, after: $after, orderBy: { field: OUTSTANDING_PRINCIPAL, direction: DESC },
         filter: { status: [ACTIVE, OVERDUE, IN_CLAIM], issuedFrom: "2020-01-01", enterprise: "重庆" }) {
         totalCount edges { node { id } } } }`,
      { after: first.data!.loans.pageInfo.endCursor },
    );
    expect(m.statements).toHaveLength(2);
  });

  it('nested lists add one batched statement each, in the same transaction, whatever the page size', async () => {
    const q = (n: number) =>
      `{ loans(first: ${n}) { totalCount edges { node { id collateral { id } statusReports { id } viewerCan } } } }`;
    const small = await measure('bank-a', q(2));
    const large = await measure('bank-a', q(40));
    expect(small.statements).toHaveLength(5);
    expect(large.statements).toHaveLength(5);
    expect(large.transactions).toBe(1);
  });
});

describe('other reads', () => {
  it('claims page with nested loan, history and documents (manager)', async () => {
    const m = await measure(
      'manager',
      `{ claims(first: 50) { totalCount edges { node { id status fundShare loan { contractNo } history { action } documents { id } } } } }`,
    );
    expect(m.statements).toHaveLength(5);
    expect(m.transactions).toBe(1);
  });

  it('claims filtered by status and bank, sorted by loss base', async () => {
    const bank = await app.ds.query(`SELECT organization_id AS id FROM users WHERE username = 'bank-c'`);
    const m = await measure(
      'manager',
      `query($bank: ID) { claims(first: 20, filter: { status: [SUBMITTED, VERIFIED, PAID], bankId: $bank },
         orderBy: { field: LOSS_BASE, direction: DESC }) { totalCount edges { node { id lossBase } } } }`,
      { bank: bank[0].id },
    );
    expect(m.statements).toHaveLength(2);
  });

  it('bankRisks for every bank (manager) and a bank its own: one statement after the settings', async () => {
    const all = await measure(
      'manager',
      '{ bankRisks { bank { id name } ratio level numerator denominator coveredLoans atRiskLoans suggestedAction } }',
    );
    expect(all.statements).toHaveLength(2);
    const own = await measure('bank-a', '{ bankRisks { bank { id } ratio level } }');
    expect(own.statements).toHaveLength(2);
    expect((own.data as { bankRisks: unknown[] }).bankRisks).toHaveLength(1);
  });

  it('the journal, filtered', async () => {
    const m = await measure(
      'manager',
      `{ ledgerEntries(first: 50, filter: { from: "2020-01-01", accountCode: "100201", memo: "", minAmount: "0.01" }) { totalCount edges { node { id } } } }`,
    );
    // Settings, the page with its count, the page's transactions with their lines.
    expect(m.statements).toHaveLength(3);
    expect(m.transactions).toBe(1);
  });

  it.each([
    ['fundStatus', '{ fundStatus { suspended principalBalance availableForCompensation } }', 2],
    // The count and the page are still two statements here (and the page's IP assets a third).
    ['enterprises', '{ enterprises(first: 50) { totalCount edges { node { id name } } } }', 4],
    ['partners', '{ partners { id name } }', 3],
    ['me', '{ me { username } }', 1],
  ])('%s: one transaction, no more statements than its bound', async (_name, query, most) => {
    const m = await measure('manager', query);
    expect(m.transactions).toBeLessThanOrEqual(1);
    expect(m.statements.length).toBeLessThanOrEqual(most as number);
  });
});

describe('mutations', () => {
  it('reportLoanStatus: a fixed number of statements in one transaction', async () => {
    const [loan] = await app.ds.query(
      `SELECT l.id FROM loans l JOIN users u ON u.organization_id = l.bank_id
        WHERE u.username = 'bank-a' AND l.status = 'ACTIVE' AND l.principal > 1000 ORDER BY l.seq LIMIT 1`,
    );
    const run = (asOf: string, outstandingPrincipal: string) =>
      app.queries.measure(() =>
        app.gql(
          `mutation($i: ReportLoanStatusInput!) { reportLoanStatus(input: $i) { id outstandingPrincipal } }`,
          { i: { loanId: loan.id, asOf, outstandingPrincipal, earliestUnpaidDueDate: null } },
          tokens['bank-a'],
        ),
      );
    const first = await run('2026-11-27', '1000.00');
    expect(first.result.errors).toBeUndefined();
    const second = await run('2026-11-27', '900.00');
    expect(second.result.errors).toBeUndefined();
    const count = (s: string[]) => s.filter((q) => !TRANSACTION_CONTROL.test(q)).length;
    // The same work both times: no count grows with the loan's history.
    expect(count(second.everything)).toBe(count(first.everything));
  });
});
