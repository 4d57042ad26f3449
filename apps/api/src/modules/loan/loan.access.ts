import type { OrgKind } from '@ipfund/shared';
import type { Actor } from '../../authz/actor';
import { badInput, forbidden } from '../../common/errors';

/** The operator kinds of the programme: the three offices and the fund manager (Art 5, 6). */
const OFFICES_AND_MANAGER: readonly OrgKind[] = [
  'IP_BUREAU',
  'FINANCE_BUREAU',
  'FINANCIAL_OFFICE',
  'FUND_MANAGER',
];

/**
 * Which organisation kinds may take each action of the loan lifecycle and bank supervision, as data.
 * Checked before anything else (FORBIDDEN); which records they may act on is the CASL ability's job.
 */
export const OPERATION_KINDS = {
  /** Art 12, 13: the lending bank registers the loans it issued. */
  'loan.register': ['LENDING_BANK'],
  /** Art 12, 16: the lending bank reports repayment status, one loan or a tape. */
  'loan.reportStatus': ['LENDING_BANK'],
  'loan.uploadTape': ['LENDING_BANK'],
  /** Art 14: the guarantor acknowledges the loans it guarantees. */
  'loan.acknowledge': ['GUARANTOR'],
  /** Art 12: the manager sends warnings and proposes suspension; the IP bureau decides and lifts. */
  'risk.issueWarning': ['FUND_MANAGER'],
  'risk.proposeSuspension': ['FUND_MANAGER'],
  'risk.decideSuspension': ['IP_BUREAU'],
  'risk.liftSuspension': ['IP_BUREAU'],
  /** Art 16: the bank or guarantor reports; the manager records the joint verification. */
  'risk.reportEvent': ['LENDING_BANK', 'GUARANTOR'],
  'risk.verifyEvent': ['FUND_MANAGER'],
  /**
   * Demo and test only (the clock refuses otherwise): the programme's operators move the business
   * date; banks, guarantors, enterprises and the auditor do not.
   */
  'portal.setBusinessDate': OFFICES_AND_MANAGER,
} as const satisfies Record<string, readonly OrgKind[]>;

export type GuardedOperation = keyof typeof OPERATION_KINDS;

export function mayTake(actor: Pick<Actor, 'orgKind'>, operation: GuardedOperation): boolean {
  return (OPERATION_KINDS[operation] as readonly OrgKind[]).includes(actor.orgKind);
}

/** FORBIDDEN unless the actor's organisation kind may take the operation. */
export function requireKind(actor: Actor, operation: GuardedOperation): void {
  if (!mayTake(actor, operation)) throw forbidden(`Your organisation may not do ${operation}`);
}

// One id check for the whole API (common/ids.ts).
export { isUuid } from '../../common/ids';

/** Free text required by a decision (a comment, a description): trimmed, non-empty, bounded. */
export function requiredText(value: string, what: string, max = 2000): string {
  const t = value.trim();
  if (!t) throw badInput(`${what} is required`);
  if (t.length > max) throw badInput(`${what} is longer than ${max} characters`);
  return t;
}
