import type { OrgKind } from '@ipfund/shared';

/**
 * Helpers of partner supervision that decide nothing about who may act: that is the operations
 * table's (authz/operations.ts) and the actor's scope's.
 */

/** Partners of the fund: lending banks and guarantors (Art 8, 14). */
export const PARTNER_KINDS = ['LENDING_BANK', 'GUARANTOR'] as const satisfies readonly OrgKind[];
export type PartnerKindValue = (typeof PARTNER_KINDS)[number];

export function isPartnerKind(kind: string): kind is PartnerKindValue {
  return (PARTNER_KINDS as readonly string[]).includes(kind);
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
