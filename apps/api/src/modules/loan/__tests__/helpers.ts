import { hashPassword } from '../../../auth/password';
import { DEMO_PASSWORD } from '../../../demo/demo-data';
import type { GqlResult, TestApp } from '../../../testing/test-app';
import { ok, orgIdOf } from '../../../testing/kinds';
import { uniqueTag } from '../../../testing/factories';

export { USER_OF_KIND, otherKinds, tokensByKind, refusal, ok, orgIdOf } from '../../../testing/kinds';
export { createEnterprise } from '../../../testing/factories';
import { LoanEntity } from '../loan.entity';

/** A fresh partner bank with one login (so a test controls its whole book), password DEMO_PASSWORD. */
export async function createBank(
  app: TestApp,
  label = 'bank',
): Promise<{ id: string; username: string; name: string }> {
  const tag = uniqueTag();
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
    contractNo: i.contractNo ?? `HT-${uniqueTag()}`,
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
