import { CO_SIGNING_OFFICES, ORG_KINDS, type OrgKind } from '@ipfund/shared';

/**
 * Who gets which menu entry and which form. This only tidies the screen: the API decides what each
 * caller may see and do (DOMAIN.md §2) and refuses the rest.
 */

/** 补偿申请: every kind but the enterprise (a borrower does not take part in the claim, Art 16–18). */
export const CLAIMS_VISIBLE_TO: readonly OrgKind[] = ORG_KINDS.filter((kind) => kind !== 'ENTERPRISE');

/** 追偿返还 (Art 18): the manager tracks remittances, the offices and the auditor read, banks remit. */
export const REMITTANCES_VISIBLE_TO: readonly OrgKind[] = [
  'FUND_MANAGER',
  ...CO_SIGNING_OFFICES,
  'AUDITOR',
  'LENDING_BANK',
];

/** Statuses in which the bank may still add documents (claim-document.service.ts). */
const OPEN_FOR_DOCUMENTS: readonly string[] = ['SUBMITTED', 'RETURNED', 'GUARANTOR_CONFIRMED'];

export function canUploadDocuments(kind: OrgKind | undefined, status: string): boolean {
  return kind === 'LENDING_BANK' && OPEN_FOR_DOCUMENTS.includes(status);
}

/** Art 18: after the payout the bank records what it recovers. */
export function canRecordRecovery(kind: OrgKind | undefined, status: string): boolean {
  return kind === 'LENDING_BANK' && status === 'PAID';
}

/** Art 18: the bank records the remittance of the fund's share, once. */
export function canRecordRemittance(
  kind: OrgKind | undefined,
  recovery: { remittedOn: string | null },
): boolean {
  return kind === 'LENDING_BANK' && recovery.remittedOn === null;
}

/** Art 17: only the lending bank files a claim. */
export function canFileClaim(kind: OrgKind | undefined): boolean {
  return kind === 'LENDING_BANK';
}
