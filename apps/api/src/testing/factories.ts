import { randomBytes } from 'node:crypto';
import { creditCodeCheckChar } from '../modules/enterprise/credit-code';
import type { TestApp } from './test-app';

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

let serial = 0;
/** A tag no other test (or worker) uses. */
export const uniqueTag = () =>
  `${Date.now().toString(36)}${(serial++).toString(36)}${randomBytes(2).toString('hex')}`;

/** A valid, random unified social credit code (GB 32100-2015). */
export function randomCreditCode(): string {
  let body = '91500105';
  for (const b of randomBytes(9)) body += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return body + creditCodeCheckChar(body)!;
}

/**
 * A fresh enterprise in the library (added by `createdBy`, so that bank sees it before lending)
 * with a patent and a trademark — each test owns its borrower and its enterprise-year (Art 11).
 */
export async function createEnterprise(
  app: TestApp,
  createdBy: string | null = null,
): Promise<{ id: string; patentId: string; trademarkId: string }> {
  const tag = uniqueTag();
  const [e] = (await app.ds.query(
    `INSERT INTO enterprises (name, credit_code, district, industry, created_by_org_id)
     VALUES ($1, $2, '江北区', '智能制造', $3) RETURNING id`,
    [`测试企业${tag}有限公司`, randomCreditCode(), createdBy],
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
