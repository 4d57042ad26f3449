import { i18n } from '../../i18n';
import type { ClaimDocumentKind, KnownClaimAction, KnownClaimStatus } from './claims.graphql';
import { zh } from './i18n';

/**
 * Labels for the claim module's enums, in the current language (`claims.*` of ./i18n.ts), looked up
 * when called, so a component that renders them follows a language switch. An unknown value (a newer
 * API) is shown as sent, so a surprise is visible rather than disguised.
 */

type Group =
  'status' | 'action' | 'actionComment' | 'documentKind' | 'decision' | 'limitedBy' | 'tier' | 'reason';

function lookup(group: Group, value: string): string {
  return Object.hasOwn(zh[group], value) ? i18n.t(`claims.${group}.${value}`) : value;
}

const STATUS_COLORS: Record<KnownClaimStatus, string> = {
  SUBMITTED: 'blue',
  RETURNED: 'orange',
  GUARANTOR_CONFIRMED: 'cyan',
  VERIFIED: 'geekblue',
  APPROVED: 'purple',
  PAID: 'green',
  REJECTED: 'red',
};

/** In workflow order (R6), for the status filter. */
export const CLAIM_STATUSES = Object.keys(STATUS_COLORS) as KnownClaimStatus[];

export function isKnownClaimStatus(value: string): value is KnownClaimStatus {
  return Object.hasOwn(STATUS_COLORS, value);
}

export function claimStatusLabel(status: string): string {
  return lookup('status', status);
}

export function claimStatusColor(status: string): string {
  return isKnownClaimStatus(status) ? STATUS_COLORS[status] : 'default';
}

export function claimActionLabel(action: KnownClaimAction | (string & {})): string {
  return lookup('action', action);
}

/** What the comment of an action is called (说明, 退回原因…). */
export function claimActionCommentLabel(action: KnownClaimAction): string {
  return lookup('actionComment', action);
}

export const DOCUMENT_KINDS = Object.keys(zh.documentKind) as ClaimDocumentKind[];

export function documentKindLabel(kind: string): string {
  return lookup('documentKind', kind);
}

export function decisionLabel(decision: string): string {
  return lookup('decision', decision);
}

/** R5: which limit determined F ("封顶依据"). */
export function limitedByLabel(limitedBy: string): string {
  return lookup('limitedBy', limitedBy);
}

/** R5.2: the tier of the IP-pledged principal (the threshold itself is a policy parameter). */
export function tierLabel(tier: string): string {
  return lookup('tier', tier);
}

/** Stable codes of the R5 reasons (packages/policy/src/compensation.ts). */
export function reasonCodeLabel(code: string): string {
  return lookup('reason', code);
}
