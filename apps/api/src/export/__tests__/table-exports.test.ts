/**
 * Table exports (issue 11): GET /export/{loans,claims,ledger-entries,trial-balance}.xlsx over real
 * HTTP with a Bearer token, the GraphQL lists' filters as query-string parameters. A bank's export
 * holds exactly its own rows, a filtered export the rows the same GraphQL filter counts, and the
 * first sheet is one header row then one row per record.
 */
import ExcelJS from 'exceljs';
import { startHttpServer, type HttpServer } from '../../server';
import { createTestApp, type TestApp } from '../../testing/test-app';

let app: TestApp;
let http: HttpServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp();
  http = await startHttpServer({
    ...app.services,
    config: { ...app.services.config, port: 0, host: '127.0.0.1' },
  });
  for (const u of ['manager', 'bank-a', 'bank-c', 'guarantor-a']) tokens[u] = await app.login(u);
});
afterAll(async () => {
  await http.stop();
  await app.close();
});

async function download(
  path: string,
  username?: string,
): Promise<{ status: number; sheet?: string[][]; body?: unknown }> {
  const res = await fetch(`${http.url}export${path}`, {
    headers: username ? { authorization: `Bearer ${tokens[username]}` } : {},
  });
  if (res.status !== 200) return { status: res.status, body: await res.json() };
  expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const ws = workbook.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))),
    );
  });
  return { status: 200, sheet: rows };
}

const orgOf = async (username: string): Promise<string> =>
  (await app.ds.query(`SELECT organization_id AS id FROM users WHERE username = $1`, [username]))[0].id;

describe('GET /export/loans.xlsx', () => {
  it("a bank's export holds exactly its own loans, one row each under one header row", async () => {
    const bankId = await orgOf('bank-a');
    const own: { contract_no: string }[] = await app.ds.query(
      `SELECT contract_no FROM loans WHERE bank_id = $1`,
      [bankId],
    );
    const { status, sheet } = await download('/loans.xlsx', 'bank-a');
    expect(status).toBe(200);
    expect(sheet![0]).toEqual(
      expect.arrayContaining(['合同编号', '贷款银行', '贷款余额', '逾期天数', '状态']),
    );
    const contracts = sheet!.slice(1).map((r) => r[0]);
    expect(contracts.sort()).toEqual(own.map((r) => r.contract_no).sort());
    expect(new Set(sheet!.slice(1).map((r) => r[1]))).toEqual(new Set([sheet![1][1]]));
  });

  it('the same filters as the GraphQL list: the rows it counts, in its order', async () => {
    const filter = { status: ['ACTIVE', 'OVERDUE'], issuedFrom: '2025-06-01' };
    const res = await app.gql<{ loans: { totalCount: number; edges: { node: { contractNo: string } }[] } }>(
      `query($f: LoanFilter) { loans(first: 100, filter: $f, orderBy: { field: PRINCIPAL, direction: DESC }) {
         totalCount edges { node { contractNo } } } }`,
      { f: filter },
      tokens.manager,
    );
    expect(res.errors).toBeUndefined();
    const { sheet } = await download(
      '/loans.xlsx?status=ACTIVE,OVERDUE&issuedFrom=2025-06-01&orderBy=PRINCIPAL&direction=DESC',
      'manager',
    );
    expect(sheet!.length - 1).toBe(res.data!.loans.totalCount);
    expect(sheet!.slice(1).map((r) => r[0])).toEqual(res.data!.loans.edges.map((e) => e.node.contractNo));
  });

  it('a malformed filter is 400 with the reason; no login is 401', async () => {
    const bad = await download('/loans.xlsx?issuedFrom=2026-13-01', 'bank-a');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'BAD_USER_INPUT' });
    expect((await download('/loans.xlsx?status=LOST', 'bank-a')).status).toBe(400);
    expect((await download('/loans.xlsx')).status).toBe(401);
  });
});

describe('GET /export/claims.xlsx', () => {
  it("a bank's export holds exactly its own claims", async () => {
    const bankId = await orgOf('bank-c');
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM claims WHERE bank_id = $1`, [bankId]);
    const { status, sheet } = await download('/claims.xlsx', 'bank-c');
    expect(status).toBe(200);
    expect(sheet![0]).toEqual(expect.arrayContaining(['合同编号', '状态', '损失基数', '风险补偿资金承担']));
    expect(sheet!.length - 1).toBe(n);
    const none = await download('/claims.xlsx', 'bank-a');
    const [{ a }] = await app.ds.query(`SELECT count(*)::int AS a FROM claims WHERE bank_id = $1`, [
      await orgOf('bank-a'),
    ]);
    expect(none.sheet!.length - 1).toBe(a);
  });

  it('awaitingMe: the claims the GraphQL list keeps for the same filter', async () => {
    const res = await app.gql<{ claims: { totalCount: number } }>(
      '{ claims(filter: { awaitingMe: true }) { totalCount } }',
      {},
      tokens.manager,
    );
    expect(res.errors).toBeUndefined();
    const { sheet } = await download('/claims.xlsx?awaitingMe=true', 'manager');
    expect(sheet!.length - 1).toBe(res.data!.claims.totalCount);
  });
});

describe('GET /export/ledger-entries.xlsx and /export/trial-balance.xlsx', () => {
  it('the journal with its filters, for ledger readers; a bank is refused (403)', async () => {
    const res = await app.gql<{ ledgerEntries: { totalCount: number } }>(
      '{ ledgerEntries(filter: { accountCode: "100201" }) { totalCount } }',
      {},
      tokens.manager,
    );
    expect(res.errors).toBeUndefined();
    const { status, sheet } = await download('/ledger-entries.xlsx?accountCode=100201', 'manager');
    expect(status).toBe(200);
    expect(sheet![0]).toEqual(['凭证号', '业务日期', '摘要', '科目', '借方', '贷方', '记账人']);
    expect(sheet!.length - 1).toBe(res.data!.ledgerEntries.totalCount);
    expect(sheet!.slice(1).every((r) => r[3] === '100201')).toBe(true);
    expect((await download('/ledger-entries.xlsx', 'bank-a')).status).toBe(403);
  });

  it('the trial balance: one row per account, debits equal credits', async () => {
    const { status, sheet } = await download('/trial-balance.xlsx', 'manager');
    expect(status).toBe(200);
    expect(sheet![0]).toEqual(['科目代码', '科目名称', '借方合计', '贷方合计', '余额']);
    const sum = (i: number) => sheet!.slice(1).reduce((s, r) => s + Math.round(Number(r[i]) * 100), 0);
    expect(sheet!.length).toBeGreaterThan(2);
    expect(sum(2)).toBe(sum(3));
    expect((await download('/trial-balance.xlsx', 'guarantor-a')).status).toBe(403);
  });
});
