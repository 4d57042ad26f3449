import { ORG_KINDS, type OrgKind } from '@ipfund/shared';
import { creditCodeCheckChar } from '../../enterprise/credit-code';
import type { GqlResult, TestApp } from '../../../testing/test-app';

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

export const OFFICES_AND_MANAGER: readonly OrgKind[] = [
  'IP_BUREAU',
  'FINANCE_BUREAU',
  'FINANCIAL_OFFICE',
  'FUND_MANAGER',
];

/** Every kind not in `permitted` (the ones a use case must refuse with FORBIDDEN). */
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

/** A valid unified social credit code (GB 32100-2015) from a 9-digit serial. */
export function creditCode(serial: number): string {
  const first17 = `91500105${String(serial).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}

let seq = 0;
/** A name no other test uses. */
export function uniqueName(prefix: string): string {
  seq += 1;
  return `${prefix}${process.pid}-${seq}`;
}
