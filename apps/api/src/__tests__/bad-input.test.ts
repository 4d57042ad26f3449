/**
 * Issue 9, rows 6 and 7: nothing a caller types takes the portal down or fills the database. Each
 * case asserts the clear refusal code and that the API still answers a simple query afterwards.
 */
import { SignJWT } from 'jose';
import { DEV_TOKEN_SECRET } from '../config/config';
import { TEXT_LIMITS } from '../graphql/text';
import { badInput } from '../common/errors';
import { createTestApp, type GqlResult, type TestApp } from '../testing/test-app';
import { itOnRealPostgres } from '../testing/test-db';
import { ClaimDriver, makeLoan } from '../modules/claim/__tests__/fixtures';

let app: TestApp;
let manager: string;
let bankA: string;

beforeAll(async () => {
  app = await createTestApp();
  manager = await app.login('manager');
  bankA = await app.login('bank-a');
});
afterAll(() => app.close());

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const NUL = 'ab\u0000cd';
const LONE_SURROGATE = 'ab\uD800cd';

function codeOf(res: GqlResult): unknown {
  return res.errors?.[0]?.extensions?.code;
}

/** The process answers, and answers right: the caller's own name. */
async function stillServes(token = manager): Promise<void> {
  const me = await app.gql<{ me: { username: string } }>('query { me { username } }', {}, token);
  expect(me.errors).toBeUndefined();
  expect(me.data?.me.username).toBeTruthy();
}

async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
  code = 'BAD_USER_INPUT',
): Promise<GqlResult> {
  const res = await app.gql(query, variables, token);
  expect(codeOf(res)).toBe(code);
  // Never echoed back: the answer stays small whatever was sent.
  expect(JSON.stringify(res).length).toBeLessThan(2000);
  await stillServes();
  return res;
}

async function enterpriseId(): Promise<string> {
  const res = await app.gql<{ enterprises: { edges: { node: { id: string } }[] } }>(
    'query { enterprises(first: 1) { edges { node { id } } } }',
    {},
    manager,
  );
  return res.data!.enterprises.edges[0].node.id;
}

async function activityCount(): Promise<number> {
  const [{ n }] = (await app.ds.query(`SELECT count(*)::int AS n FROM activity_log`)) as { n: number }[];
  return n;
}

const CREATE_ENTERPRISE = 'mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { id } }';
const ADD_IP = 'mutation($i: AddIpAssetInput!) { addIpAsset(input: $i) { id } }';
const ADMIT = 'mutation($i: AdmitPartnerInput!) { admitPartner(input: $i) { id } }';
const RETURN_CLAIM = 'mutation($c: ID!, $m: String!) { returnClaim(claimId: $c, comment: $m) { id } }';
const ENTERPRISES =
  'query($a: String, $s: String) { enterprises(first: 5, after: $a, search: $s) { totalCount } }';

describe('row 6: 10 MB strings are refused, not stored', () => {
  it('an enterprise name, district and industry', async () => {
    const before = await activityCount();
    for (const field of ['name', 'district', 'industry']) {
      const input = { name: '超长企业', creditCode: '91500105MA5UTEST0X', [field]: TEN_MB };
      const res = await expectRefused(CREATE_ENTERPRISE, { i: input }, bankA);
      expect(res.errors?.[0].extensions?.details).toEqual(
        expect.objectContaining({ field: `input.${field}`, maxLength: expect.any(Number) }),
      );
    }
    // Refused before any use case ran: no row at all, certainly no 10 MB row.
    expect(await activityCount()).toBe(before);
  });

  it('an IP asset title and registration number', async () => {
    const id = await enterpriseId();
    await expectRefused(
      ADD_IP,
      { i: { enterpriseId: id, kind: 'PATENT', registrationNo: 'ZL1', title: TEN_MB } },
      bankA,
    );
    await expectRefused(
      ADD_IP,
      { i: { enterpriseId: id, kind: 'PATENT', registrationNo: TEN_MB, title: 't' } },
      bankA,
    );
  });

  it('a partner name', async () => {
    await expectRefused(ADMIT, { i: { kind: 'LENDING_BANK', name: TEN_MB } }, manager);
    await expectRefused(ADMIT, { i: { kind: 'GUARANTOR', name: '某担保', licenceNo: TEN_MB } }, manager);
  });

  it('a claim comment', async () => {
    await expectRefused(RETURN_CLAIM, { c: '00000000-0000-4000-8000-000000000000', m: TEN_MB }, manager);
  });

  it('one character over the limit is refused, the limit itself is not', async () => {
    const over = '名'.repeat(TEXT_LIMITS.search + 1);
    await expectRefused(ENTERPRISES, { s: over }, manager);
    const at = await app.gql(ENTERPRISES, { s: '名'.repeat(TEXT_LIMITS.search) }, manager);
    expect(at.errors).toBeUndefined();
    // Characters, not UTF-16 units: 100 emoji (200 units) are 100 characters.
    const emoji = await app.gql(ENTERPRISES, { s: '😀'.repeat(TEXT_LIMITS.search) }, manager);
    expect(emoji.errors).toBeUndefined();
  });

  it('a 10 MB username on login answers at once, without hashing', async () => {
    const started = Date.now();
    await expectRefused(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: TEN_MB, p: 'x' },
      undefined,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('row 7: malformed input is BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', () => {
  it('a NUL byte or a lone surrogate in a text, an id, a cursor or the login', async () => {
    for (const bad of [NUL, LONE_SURROGATE]) {
      await expectRefused(ENTERPRISES, { s: bad }, manager);
      await expectRefused(ENTERPRISES, { a: bad }, manager);
      await expectRefused('query($id: ID!) { loan(id: $id) { id } }', { id: bad }, manager);
      await expectRefused(
        CREATE_ENTERPRISE,
        { i: { name: `企业${bad}`, creditCode: '91500105MA5UTEST0X' } },
        bankA,
      );
      await expectRefused(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: 'manager', p: bad },
        undefined,
      );
    }
  });

  it('a garbage after: cursor in every connection', async () => {
    const garbage = [
      'not-a-cursor',
      Buffer.from('["2024-13-45","1"]').toString('base64url'),
      Buffer.from('["1","2024-01-01"]').toString('base64url'),
      Buffer.from('["99999999999999999999"]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ];
    const connections = [
      'query($a: String) { loans(first: 2, after: $a) { totalCount } }',
      'query($a: String) { claims(first: 2, after: $a) { totalCount } }',
      'query($a: String) { enterprises(first: 2, after: $a) { totalCount } }',
      'query($a: String) { ledgerEntries(first: 2, after: $a) { totalCount } }',
    ];
    for (const q of connections) {
      for (const a of garbage) await expectRefused(q, { a }, manager);
    }
  });

  it('a cursor the API issued still pages', async () => {
    const first = await app.gql<{ loans: { pageInfo: { endCursor: string } } }>(
      'query { loans(first: 1) { pageInfo { endCursor } } }',
      {},
      manager,
    );
    const next = await app.gql(
      'query($a: String) { loans(first: 1, after: $a) { totalCount } }',
      {
        a: first.data!.loans.pageInfo.endCursor,
      },
      manager,
    );
    expect(next.errors).toBeUndefined();
  });

  it('an amount beyond numeric(18,2), and a sum that would overflow the ledger', async () => {
    const RECORD = `mutation($i: RecordInterestIncomeInput!) { recordInterestIncome(input: $i) { id } }`;
    await expectRefused(
      RECORD,
      {
        i: { amount: '99999999999999999.99', receivedOn: '2026-01-05', idempotencyKey: 'overflow-17-digits' },
      },
      manager,
    );
    // Fits numeric(18,2) alone, but not added to the balance: the database refuses, the API says why.
    const res = await expectRefused(
      RECORD,
      {
        i: { amount: '9999999999999999.99', receivedOn: '2026-01-05', idempotencyKey: 'overflow-16-digits' },
      },
      manager,
    );
    expect(res.errors?.[0].message).toMatch(/out of range/);
    const [row] = (await app.ds.query(
      `SELECT outcome, detail->>'reason' AS reason FROM activity_log
        WHERE operation = 'ledger.recordInterestIncome' ORDER BY id DESC LIMIT 1`,
    )) as { outcome: string; reason: string }[];
    expect(row).toEqual({ outcome: 'REFUSED', reason: 'BAD_USER_INPUT' });
  });

  it('a signed token whose sub is not a UUID', async () => {
    const forged = await new SignJWT({ org: 'not-a-uuid', kind: 'FUND_MANAGER' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject("manager' OR 1=1")
      .setIssuer('ipfund-api')
      .setAudience('ipfund-portal')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(DEV_TOKEN_SECRET));
    await expectRefused('query { me { username } }', {}, forged, 'UNAUTHENTICATED');
  });
});

describe('the database refuses over-long text on its own', () => {
  it.each([
    ['enterprises', 'name', 201],
    ['ip_assets', 'title', 201],
    ['organizations', 'name', 201],
    ['claim_events', 'comment', 2001],
  ])('%s.%s', async (table, column, length) => {
    const [row] = (await app.ds.query(`SELECT ctid::text AS ctid FROM ${table} LIMIT 1`)) as {
      ctid: string;
    }[];
    expect(row).toBeDefined();
    const write =
      table === 'claim_events'
        ? app.ds.query(
            `INSERT INTO claim_events (claim_id, action, from_status, to_status, user_id, organization_id, org_kind, comment, business_date)
             SELECT claim_id, 'VERIFY', from_status, to_status, user_id, organization_id, org_kind, $1, business_date
               FROM claim_events LIMIT 1`,
            ['长'.repeat(length)],
          )
        : app.ds.query(`UPDATE ${table} SET ${column} = $1 WHERE ctid = $2::tid`, [
            '长'.repeat(length),
            row.ctid,
          ]);
    await expect(write).rejects.toMatchObject({ driverError: { code: '23514' } });
  });
});

describe('idempotent mutations under concurrency', () => {
  itOnRealPostgres('recovery')(
    'three concurrent recordRecovery with one key answer one recovery',
    async () => {
      const paid = await app.gql<{ claims: { edges: { node: { id: string; paidOn: string } }[] } }>(
        'query { claims(first: 100, status: PAID) { edges { node { id paidOn } } } }',
        {},
        bankA,
      );
      const claim = paid.data!.claims.edges[0].node;
      const key = `race-${Date.now()}`;
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          app.gql<{ recordRecovery: { id: string } }>(
            'mutation($i: RecordRecoveryInput!) { recordRecovery(input: $i) { id } }',
            { i: { claimId: claim.id, amount: '1000.00', receivedOn: claim.paidOn, idempotencyKey: key } },
            bankA,
          ),
        ),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(new Set(results.map((r) => r.data!.recordRecovery.id)).size).toBe(1);
      const [{ n }] = (await app.ds.query(
        `SELECT count(*)::int AS n FROM recoveries WHERE idempotency_key = $1`,
        [key],
      )) as { n: number }[];
      expect(n).toBe(1);
      await stillServes(bankA);
    },
  );

  itOnRealPostgres('ledger')(
    'three concurrent recordInterestIncome with one key answer one posting',
    async () => {
      const key = `interest-race-${Date.now()}`;
      const results = await Promise.all(
        [1, 2, 3].map(() =>
          app.gql<{ recordInterestIncome: { id: string } }>(
            'mutation($i: RecordInterestIncomeInput!) { recordInterestIncome(input: $i) { id } }',
            { i: { amount: '12.34', receivedOn: '2026-01-05', idempotencyKey: key } },
            manager,
          ),
        ),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(new Set(results.map((r) => r.data!.recordInterestIncome.id)).size).toBe(1);
      await stillServes();
    },
  );

  itOnRealPostgres('claim')('three concurrent submitClaim with one key answer one claim', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '1000000.00',
      outstanding: '800000.00',
      overdueDays: 90,
    });
    const d = new ClaimDriver(app);
    const key = `claim-race-${Date.now()}`;
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        d.try('bank-a', `mutation($i: SubmitClaimInput!) { submitClaim(input: $i) { id } }`, {
          i: { loanId: loan.id, idempotencyKey: key },
        }),
      ),
    );
    for (const r of results) expect(r.error?.extensions ?? null).toBeNull();
    expect(new Set(results.map((r) => r.claim!.id)).size).toBe(1);
    await stillServes(bankA);
  });
});

describe('the activity record keeps refusals small', () => {
  it('a refused use case carrying 10 MB writes a row of at most 4 KB, noting what was cut', async () => {
    const bank = await app.actor('bank-a');
    await expect(
      app.services.useCases.run(bank, 'loan.register', async ({ detail }) => {
        detail({ contractNo: TEN_MB, items: Array.from({ length: 1000 }, (_, i) => `item-${i}`) });
        throw badInput('common.reasonRequired', {});
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const [row] = (await app.ds.query(
      `SELECT outcome, detail, octet_length(detail::text) AS bytes FROM activity_log
        WHERE operation = 'loan.register' ORDER BY id DESC LIMIT 1`,
    )) as { outcome: string; detail: Record<string, unknown>; bytes: number }[];
    expect(row.outcome).toBe('REFUSED');
    expect(row.bytes).toBeLessThanOrEqual(4096);
    expect(row.detail.reason).toBe('BAD_USER_INPUT');
    expect(row.detail.contractNo).toMatch(new RegExp(`^x{200}… \\[${TEN_MB.length} characters\\]$`));
    await stillServes();
  });

  it('a refused oversized registration through GraphQL leaves no large row', async () => {
    const id = await enterpriseId();
    await expectRefused(
      `mutation($i: RegisterLoanInput!) { registerLoan(input: $i) { id } }`,
      {
        i: {
          enterpriseId: id,
          contractNo: TEN_MB,
          principal: '1000000.00',
          ipPledgedPrincipal: '1000000.00',
          issuedOn: '2026-01-05',
          maturesOn: '2027-01-05',
          purpose: 'RND',
          collateralIds: [],
        },
      },
      bankA,
    );
    const [{ biggest }] = (await app.ds.query(
      `SELECT COALESCE(max(octet_length(detail::text)), 0)::int AS biggest FROM activity_log`,
    )) as { biggest: number }[];
    expect(biggest).toBeLessThanOrEqual(16384);
  });
});
