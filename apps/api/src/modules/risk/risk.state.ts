import { compareDates, type IsoDate } from '@ipfund/policy';
import type { Operation } from '@ipfund/shared';
import {
  ProposalStatus,
  RiskLevel,
  type BankRiskType,
  type RiskEventType,
  type SuspensionProposalType,
} from './risk.types';

/** Operations on a bank's risk row (Art 12), for `BankRisk.viewerCan`. */
export const BANK_RISK_OPERATIONS: readonly Operation[] = [
  'risk.issueWarning',
  'risk.proposeSuspension',
  'risk.liftSuspension',
];
export const SUSPENSION_PROPOSAL_OPERATIONS: readonly Operation[] = ['risk.decideSuspension'];
export const RISK_EVENT_OPERATIONS: readonly Operation[] = ['risk.verifyEvent'];

/**
 * Which supervision decisions a bank's state allows now (who may is the operations table's business).
 * Mirrors RiskService's own refusals, so a button shows only when the decision can succeed.
 */
export function bankRiskActionsInState(
  risk: Pick<BankRiskType, 'level' | 'suspended' | 'suspendedSince' | 'pendingProposalId' | 'asOf'>,
): Operation[] {
  const ops: Operation[] = [];
  // Art 12: a warning from the warning ratio on; a suspended bank has been dealt with already.
  if (risk.level !== RiskLevel.NONE && !risk.suspended) ops.push('risk.issueWarning');
  // Art 12: a proposal from the suspension ratio on, one at a time, and not for a suspended bank.
  if (risk.level === RiskLevel.SUSPENSION_PROPOSED && !risk.suspended && !risk.pendingProposalId) {
    ops.push('risk.proposeSuspension');
  }
  // Art 12: the IP bureau lifts a suspension that has started.
  if (
    risk.suspended &&
    risk.suspendedSince !== null &&
    compareDates(risk.suspendedSince as IsoDate, risk.asOf as IsoDate) <= 0
  ) {
    ops.push('risk.liftSuspension');
  }
  return ops;
}

/** Art 12: the IP bureau decides a proposal once. */
export function suspensionProposalActionsInState(
  proposal: Pick<SuspensionProposalType, 'status'>,
): Operation[] {
  return proposal.status === ProposalStatus.PENDING ? ['risk.decideSuspension'] : [];
}

/** Art 16: the joint verification is recorded once. */
export function riskEventActionsInState(event: Pick<RiskEventType, 'verified'>): Operation[] {
  return event.verified ? [] : ['risk.verifyEvent'];
}
