import { ORG_KINDS, type OrgKind } from '@ipfund/shared';
import { DEMO_ORGS } from '../demo/demo-data';
import type { GqlResult, TestApp } from './test-app';

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

/** A token per kind, logged in once. */
export async function tokensByKind(app: TestApp): Promise<Record<OrgKind, string>> {
  const entries = await Promise.all(
    ORG_KINDS.map(async (k) => [k, await app.login(USER_OF_KIND[k])] as const),
  );
  return Object.fromEntries(entries) as Record<OrgKind, string>;
}

/** The code and article of the first error (undefined when there is none). */
export function refusal(res: GqlResult): { code?: unknown; article?: unknown } {
  const ext = res.errors?.[0]?.extensions;
  return { code: ext?.code, article: ext?.article };
}

/** The data of a result that must have succeeded. */
export function ok<T>(res: GqlResult<T>): T {
  if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** The id of a demo organisation by its key ('bank-a', 'guarantor-b', ...). */
export async function orgIdOf(app: TestApp, key: string): Promise<string> {
  const name = DEMO_ORGS.find((o) => o.key === key)!.name;
  const [row] = (await app.ds.query(`SELECT id FROM organizations WHERE name = $1`, [name])) as {
    id: string;
  }[];
  return row.id;
}
