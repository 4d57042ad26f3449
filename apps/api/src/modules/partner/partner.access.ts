import type { OrgKind } from '@ipfund/shared';
import type { Actor } from '../../authz/actor';
import type { FieldMap } from '../../authz/ability-to-sql';
import { forbidden } from '../../common/errors';

/**
 * Who runs partner supervision (Art 5, 8): the three offices choose partners and agreements, the fund
 * manager operates the programme (Art 6). They admit, retire and disqualify partners, record
 * cooperation agreements and manage partner users.
 */
export const PARTNER_ADMINS: readonly OrgKind[] = [
  'IP_BUREAU',
  'FINANCE_BUREAU',
  'FINANCIAL_OFFICE',
  'FUND_MANAGER',
];

/** Partners of the fund: lending banks and guarantors (Art 8, 14). */
export const PARTNER_KINDS = ['LENDING_BANK', 'GUARANTOR'] as const satisfies readonly OrgKind[];
export type PartnerKindValue = (typeof PARTNER_KINDS)[number];

export function isPartnerKind(kind: string): kind is PartnerKindValue {
  return (PARTNER_KINDS as readonly string[]).includes(kind);
}

/** Columns behind the fields the Organization rules are written against (authz/ability.ts). */
export const ORGANIZATION_FIELDS: FieldMap = { id: 'org.id' };

/** Which organisation kinds may take an action is checked before anything else (FORBIDDEN). */
export function requireKind(actor: Actor, kinds: readonly OrgKind[], action: string): void {
  if (!kinds.includes(actor.orgKind)) throw forbidden(`Your organisation may not ${action}`);
}

// One id check for the whole API (common/ids.ts).
export { isUuid } from '../../common/ids';

/** Trimmed free text; empty → null. */
export function text(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/** PostgreSQL unique_violation: a race lost to a concurrent insert of the same key. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } } | null;
  return e?.code === '23505' || e?.driverError?.code === '23505';
}
