import { randomBytes } from 'node:crypto';
import { ORG_KINDS, type OrgKind } from '@ipfund/shared';
import { hashPassword } from '../../../auth/password';
import { DEMO_ORGS, DEMO_PASSWORD } from '../../../demo/demo-data';
import type { GqlResult, TestApp } from '../../../testing/test-app';
import { creditCodeCheckChar } from '../../enterprise/credit-code';
import { LoanEntity } from '../loan.entity';

/** One demo login per organisation kind. */
export const USER_OF_KIND: Record<OrgKind, string> = {
  IP_BUREAU: 'ipb',
  FINANCE_BUREAU: 'finance',
  FINANCIAL_OFFICE: 'fo',
  FUND_MANAGER: 'manager',
  LENDING_BANK: 'bank-a',
  GUARANTOR: 'guarantor-a',
  ENTERPRISE: 'ent-1',
  AUDITOR: 'auditor',
};

/** Every kind not in `permitted`: the ones a use case must refuse with FORBIDDEN. */
export function otherKinds(permitted: readonly OrgKind[]): OrgKind[] {
  return ORG_KINDS.filter((k) => !permitted.includes(k));
}

export async function tokensByKind(app: TestApp): Promise<Record<OrgKind, string>> {
  const entries = await Promise.all(
    ORG_KINDS.map(async (k) => [k, await app.login(USER_OF_KIND[k])] as const),
  );
  return Object.fromEntries(entries) as Record<OrgKind, string>;
}

/** Code and article of the first error. */
export function refusal(res: GqlResult): { code?: unknown; article?: unknown } {
  const ext = res.errors?.[0]?.extensions;
  return { code: ext?.code, article: ext?.article };
}

export function ok<T>(res: GqlResult<T>): T {
  if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

export async function orgIdOf(app: TestApp, key: string): Promise<string> {
  const name = DEMO_ORGS.find((o) => o.key === key)!.name;
  const [row] = (await app.ds.query(`SELECT id FROM organizations WHERE name = $1`, [name])) as {
    id: string;
  }[];
  return row.id;
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}${randomBytes(2).toString('hex')}`;

/** A fresh partner bank with one login (so a test controls its whole book), password DEMO_PASSWORD. */
export async function createBank(
  app: TestApp,
  label = 'bank',
): Promise<{ id: string; username: string; name: string }> {
  const tag = unique();
  const name = `测试银行${tag}`;
  const [org] = (await app.ds.query(
    `INSERT INTO organizations (kind, name, short_name) VALUES ('LENDING_BANK', $1, $1) RETURNING id`,
    [name],
  )) as { id: string }[];
  const username = `${label}-${tag}`.toLowerCase();
  await app.ds.query(
    `INSERT INTO users (organization_id, username, display_name, password_hash) VALUES ($1, $2, $3, $4)`,
    [org.id, username, `${name}信贷员`, await hashPassword(DEMO_PASSWORD)],
  );
  return { id: org.id, username, name };
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A fresh enterprise in the library, added by `createdBy` (a bank sees it before lending), with a patent and a trademark. */
export async function createEnterprise(
  app: TestApp,
  createdBy: string | null,
): Promise<{ id: string; patentId: string; trademarkId: string }> {
  const tag = unique();
  let body = '';
  for (let i = 0; i < 9; i++) body += CODE_ALPHABET[randomBytes(1)[0] % CODE_ALPHABET.length];
  const first17 = `91500105${body}`;
  const code = first17 + creditCodeCheckChar(first17)!;
  const [e] = (await app.ds.query(
    `INSERT INTO enterprises (name, credit_code, district, industry, created_by_org_id)
     VALUES ($1, $2, '江北区', '智能制造', $3) RETURNING id`,
    [`测试企业${tag}有限公司`, code, createdBy],
  )) as { id: string }[];
  const [p] = (await app.ds.query(
    `INSERT INTO ip_assets (enterprise_id, kind, registration_no, title) VALUES ($1, 'PATENT', $2, '一种测试装置') RETURNING id`,
    [e.id, `ZL${tag}`],
  )) as { id: string }[];
  const [t] = (await app.ds.query(
    `INSERT INTO ip_assets (enterprise_id, kind, registration_no, title) VALUES ($1, 'TRADEMARK', $2, '测试商标') RETURNING id`,
    [e.id, `TM${tag}`],
  )) as { id: string }[];
  return { id: e.id, patentId: p.id, trademarkId: t.id };
}

export const LOAN_FIELDS = `id contractNo principal ipPledgedPrincipal outstandingPrincipal issuedOn maturesOn purpose
  earliestUnpaidDueDate overdueDays status statusAsOf covered coverageReasons { article code message }
  bank { id name } guarantor { id name } enterprise { id name } acknowledgedAt acknowledgedBy
  collateral { id kind registrationNo title }`;

export const REGISTER = `mutation($input: RegisterLoanInput!) { registerLoan(input: $input) { ${LOAN_FIELDS} } }`;
export const REPORT = `mutation($input: ReportLoanStatusInput!) { reportLoanStatus(input: $input) { ${LOAN_FIELDS} } }`;

export interface LoanView {
  id: string;
  contractNo: string;
  outstandingPrincipal: string;
  earliestUnpaidDueDate: string | null;
  overdueDays: number;
  status: string;
  statusAsOf: string | null;
  covered: boolean;
  coverageReasons: { article: string; code: string; message: string }[];
  guarantor: { id: string } | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  collateral: { id: string; kind: string }[];
}

export interface RegisterInput {
  enterpriseId: string;
  contractNo?: string;
  principal: string;
  ipPledgedPrincipal?: string;
  guarantorId?: string | null;
  issuedOn: string;
  maturesOn?: string;
  purpose?: string;
  collateralIds: string[];
}

export function registerInput(i: RegisterInput): Record<string, unknown> {
  return {
    enterpriseId: i.enterpriseId,
    contractNo: i.contractNo ?? `HT-${unique()}`,
    principal: i.principal,
    ipPledgedPrincipal: i.ipPledgedPrincipal ?? i.principal,
    guarantorId: i.guarantorId ?? null,
    issuedOn: i.issuedOn,
    maturesOn: i.maturesOn ?? '2028-12-31',
    purpose: i.purpose ?? 'RND',
    collateralIds: i.collateralIds,
  };
}

export async function registerLoan(app: TestApp, token: string, input: RegisterInput): Promise<LoanView> {
  return ok(await app.gql<{ registerLoan: LoanView }>(REGISTER, { input: registerInput(input) }, token))
    .registerLoan;
}

export async function reportStatus(
  app: TestApp,
  token: string,
  input: {
    loanId: string;
    asOf: string;
    outstandingPrincipal: string;
    earliestUnpaidDueDate?: string | null;
  },
): Promise<GqlResult<{ reportLoanStatus: LoanView }>> {
  return app.gql<{ reportLoanStatus: LoanView }>(REPORT, { input }, token);
}

/** A seeded loan of a demo bank (optionally with a guarantor). */
export async function seededLoan(
  app: TestApp,
  bank: string,
  where: { guarantor?: string; status?: string } = {},
): Promise<LoanEntity> {
  const qb = app.ds
    .getRepository(LoanEntity)
    .createQueryBuilder('loan')
    .where('loan.bank_id = :bank', { bank: await orgIdOf(app, bank) })
    .andWhere('loan.status = :status', { status: where.status ?? 'ACTIVE' })
    .orderBy('loan.contract_no');
  if (where.guarantor) qb.andWhere('loan.guarantor_id = :g', { g: await orgIdOf(app, where.guarantor) });
  return qb.getOneOrFail();
}
