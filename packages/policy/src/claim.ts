import type { IsoDate } from './dates';
import { resolveOverdueDays, type OverdueFact } from './overdue';
import type { PolicyParameters } from './policy';
import { reason, type PolicyReason } from './reasons';
import type { OfficeKind, OrgKind } from './types';

// ---------------------------------------------------------------------------------------------------------------
// Eligibility (R6.2)

export interface ClaimEligibilityInput {
  /** Result of `loanCoverage` (R2) for the loan. */
  readonly covered: boolean;
  readonly overdue: OverdueFact;
  /** Filing date (business date). */
  readonly asOf: IsoDate;
  /** From `isFundSuspended` (R7). Does not stop a filing; it only holds the final approval. */
  readonly fundSuspended: boolean;
}

export interface ClaimEligibility {
  readonly eligible: boolean;
  readonly overdueDays: number;
  /** The fund is suspended: the claim may proceed but its final approval will wait (Art 19 in Jiangbei). */
  readonly finalApprovalHeld: boolean;
  readonly reasons: readonly PolicyReason[];
}

/**
 * May the bank file a claim on this loan now? Needs coverage and ≥ claimOverdueDays overdue (Art 17).
 * Reading: a suspended fund does not refuse the filing — DOMAIN R7 lets claims be filed, confirmed, verified
 * and co-signed while suspended; only the final approval waits — so suspension is reported, not refused.
 */
export function claimEligibility(input: ClaimEligibilityInput, policy: PolicyParameters): ClaimEligibility {
  const days = resolveOverdueDays(input.overdue, input.asOf);
  const threshold = policy.claimOverdueDays;
  const reasons: PolicyReason[] = [];
  let eligible = true;
  if (!input.covered) {
    eligible = false;
    reasons.push(
      reason(
        policy.provisions.riskSharing.article,
        'LOAN_NOT_COVERED',
        'The loan is not covered by the fund',
      ),
    );
  }
  if (days < threshold.value) {
    eligible = false;
    reasons.push(
      reason(
        threshold.article,
        'NOT_OVERDUE_ENOUGH',
        `${days} days overdue on ${input.asOf}; a claim needs at least ${threshold.value}`,
      ),
    );
  } else {
    reasons.push(
      reason(
        threshold.article,
        'OVERDUE_ENOUGH',
        `${days} days overdue on ${input.asOf} (≥ ${threshold.value})`,
      ),
    );
  }
  if (input.fundSuspended) {
    reasons.push(
      reason(
        policy.provisions.fundSuspension.article,
        'FINAL_APPROVAL_HELD',
        'The fund is suspended: the claim may proceed but its final approval waits for a resumption',
      ),
    );
  }
  return { eligible, overdueDays: days, finalApprovalHeld: input.fundSuspended, reasons };
}

// ---------------------------------------------------------------------------------------------------------------
// State machine (R6)

/**
 * DRAFT: prepared by the bank, not yet filed. RETURNED: the manager asked for more documents.
 * While the fund is suspended (Art 19) a verified claim collects signatures up to the last one and waits in
 * VERIFIED: the last signature is the final approval, and that is what the suspension stops (DOMAIN R7).
 */
export const CLAIM_STATES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'GUARANTOR_CONFIRMED',
  'VERIFIED',
  'APPROVED',
  'PAID',
  'REJECTED',
] as const;
export type ClaimState = (typeof CLAIM_STATES)[number];

export const CLAIM_ACTIONS = [
  'SUBMIT',
  'RESUBMIT',
  'CONFIRM_GUARANTOR_SHARE',
  'VERIFY',
  'RETURN',
  'APPROVE',
  'REJECT',
  'PAY',
] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

export interface ClaimSnapshot {
  readonly state: ClaimState;
  readonly threeParty: boolean;
  /** Three-party loans: the guarantor confirmed its share (reset when the claim is returned). */
  readonly guarantorConfirmed: boolean;
  /** Offices that approved, in signing order; each at most once. */
  readonly approvals: readonly OfficeKind[];
}

export interface ClaimContext {
  /** R7: true while the fund is suspended (use `circuitBreaker(...).finalApprovalAllowed` for a final approval). */
  readonly fundSuspended: boolean;
  /** Required for SUBMIT and RESUBMIT: the `claimEligibility` answer on the filing date. */
  readonly eligibility?: Pick<ClaimEligibility, 'eligible' | 'reasons'>;
  /** Required for RETURN and REJECT. */
  readonly reason?: string;
}

/** How the API should report a refusal (values of ERROR_CODES in @ipfund/shared). */
export type ClaimRefusalKind = 'FORBIDDEN' | 'CONFLICT' | 'POLICY_VIOLATION';

export type ClaimTransition =
  | {
      readonly ok: true;
      readonly next: ClaimSnapshot;
      /** This transition is the final approval: F now counts in the cumulative figure (R7). */
      readonly finalApproval: boolean;
      readonly reasons: readonly PolicyReason[];
    }
  | {
      readonly ok: false;
      readonly code: string;
      readonly article: string;
      readonly errorCode: ClaimRefusalKind;
      readonly reasons: readonly PolicyReason[];
    };

type Actors = 'OFFICES' | readonly OrgKind[];
interface TransitionRule {
  readonly from: readonly ClaimState[];
  readonly actors: Actors;
}

/** Who may take each action from which states. OFFICES: the policy's co-signing offices. */
export const CLAIM_TRANSITION_RULES: Readonly<Record<ClaimAction, TransitionRule>> = {
  SUBMIT: { from: ['DRAFT'], actors: ['LENDING_BANK'] },
  RESUBMIT: { from: ['RETURNED'], actors: ['LENDING_BANK'] },
  CONFIRM_GUARANTOR_SHARE: { from: ['SUBMITTED'], actors: ['GUARANTOR'] },
  VERIFY: { from: ['SUBMITTED', 'GUARANTOR_CONFIRMED'], actors: ['FUND_MANAGER'] },
  RETURN: { from: ['SUBMITTED', 'GUARANTOR_CONFIRMED'], actors: ['FUND_MANAGER'] },
  APPROVE: { from: ['VERIFIED'], actors: 'OFFICES' },
  REJECT: { from: ['VERIFIED'], actors: 'OFFICES' },
  PAY: { from: ['APPROVED'], actors: ['FUND_MANAGER'] },
};

/** A new claim being prepared by the bank. */
export function draftClaim(threeParty: boolean): ClaimSnapshot {
  return { state: 'DRAFT', threeParty, guarantorConfirmed: false, approvals: [] };
}

function refuse(
  errorCode: ClaimRefusalKind,
  article: string,
  code: string,
  message: string,
): ClaimTransition {
  return { ok: false, code, article, errorCode, reasons: [reason(article, code, message)] };
}

function allowedActors(rule: TransitionRule, policy: PolicyParameters): readonly OrgKind[] {
  return rule.actors === 'OFFICES' ? policy.coSigningOffices.value : rule.actors;
}

/**
 * R6: the next state of a claim, or a typed refusal naming the article. Pure: the caller records who, when,
 * and the comment. A final approval (`finalApproval: true`) must have passed `circuitBreaker` first.
 */
export function nextClaimState(
  current: ClaimSnapshot,
  action: ClaimAction,
  actorKind: OrgKind,
  context: ClaimContext,
  policy: PolicyParameters,
): ClaimTransition {
  const procedure = policy.provisions.claimProcedure.article;
  const rule = CLAIM_TRANSITION_RULES[action];
  const actors = allowedActors(rule, policy);
  if (!actors.includes(actorKind)) {
    return refuse(
      'FORBIDDEN',
      procedure,
      'ACTOR_NOT_ALLOWED',
      `${actorKind} may not ${action}; allowed: ${actors.join(', ')}`,
    );
  }
  if (!rule.from.includes(current.state)) {
    return refuse(
      'CONFLICT',
      procedure,
      'INVALID_TRANSITION',
      `Cannot ${action} a claim in state ${current.state}`,
    );
  }
  const ok = (next: ClaimSnapshot, reasons: PolicyReason[], finalApproval = false): ClaimTransition => ({
    ok: true,
    next,
    finalApproval,
    reasons,
  });
  const office = actorKind as OfficeKind; // narrowed by the actor check for office actions

  switch (action) {
    case 'SUBMIT':
    case 'RESUBMIT': {
      const e = context.eligibility;
      if (!e) {
        return refuse(
          'POLICY_VIOLATION',
          procedure,
          'ELIGIBILITY_NOT_ASSESSED',
          'Assess claim eligibility before filing',
        );
      }
      if (!e.eligible) {
        const first = e.reasons.find((r) => r.code !== 'OVERDUE_ENOUGH' && r.code !== 'FINAL_APPROVAL_HELD');
        return {
          ok: false,
          code: 'CLAIM_NOT_ELIGIBLE',
          article: first?.article ?? procedure,
          errorCode: 'POLICY_VIOLATION',
          reasons: e.reasons,
        };
      }
      return ok({ ...current, state: 'SUBMITTED', guarantorConfirmed: false, approvals: [] }, [
        reason(procedure, 'CLAIM_FILED', 'The bank filed the claim with the fund manager'),
      ]);
    }
    case 'CONFIRM_GUARANTOR_SHARE': {
      const article = policy.provisions.guarantorSharing.article;
      if (!current.threeParty) {
        return refuse(
          'CONFLICT',
          article,
          'NOT_THREE_PARTY',
          'A two-party loan has no guarantor share to confirm',
        );
      }
      return ok({ ...current, state: 'GUARANTOR_CONFIRMED', guarantorConfirmed: true }, [
        reason(article, 'GUARANTOR_CONFIRMED', 'The guarantor confirmed its share of the loss'),
      ]);
    }
    case 'VERIFY': {
      if (current.threeParty && !current.guarantorConfirmed) {
        const article = policy.provisions.guarantorSharing.article;
        return refuse(
          'POLICY_VIOLATION',
          article,
          'GUARANTOR_CONFIRMATION_REQUIRED',
          'A three-party claim needs the guarantor to confirm its share before verification',
        );
      }
      return ok({ ...current, state: 'VERIFIED' }, [
        reason(procedure, 'VERIFIED', 'The fund manager verified documents, eligibility and amounts'),
      ]);
    }
    case 'RETURN': {
      if (!context.reason?.trim()) {
        return refuse('POLICY_VIOLATION', procedure, 'REASON_REQUIRED', 'Returning a claim needs a reason');
      }
      return ok({ ...current, state: 'RETURNED', guarantorConfirmed: false }, [
        reason(procedure, 'RETURNED', `Returned to the bank: ${context.reason.trim()}`),
      ]);
    }
    case 'APPROVE': {
      if (current.approvals.includes(office)) {
        return refuse('CONFLICT', procedure, 'ALREADY_SIGNED', `${office} has already approved this claim`);
      }
      const approvals = [...current.approvals, office];
      const required = policy.coSigningOffices.value;
      const signed = reason(
        procedure,
        'CO_SIGNED',
        `${office} approved (${approvals.length} of ${required.length})`,
      );
      if (!required.every((o) => approvals.includes(o))) {
        return ok({ ...current, approvals }, [signed]);
      }
      if (context.fundSuspended) {
        // Reading of Art 19 / R7: co-signing goes on "up to the last signature, and then waits" —
        // the last signature is the final approval, so it is refused and the claim stays VERIFIED.
        const article = policy.provisions.fundSuspension.article;
        return refuse(
          'POLICY_VIOLATION',
          article,
          'FUND_SUSPENDED',
          'The fund is suspended: the last signature (the final approval) waits for a resumption',
        );
      }
      return ok(
        { ...current, state: 'APPROVED', approvals },
        [signed, reason(procedure, 'FINAL_APPROVAL', 'All offices approved: the claim is finally approved')],
        true,
      );
    }
    case 'REJECT': {
      if (current.approvals.includes(office)) {
        return refuse('CONFLICT', procedure, 'ALREADY_SIGNED', `${office} has already approved this claim`);
      }
      if (!context.reason?.trim()) {
        return refuse('POLICY_VIOLATION', procedure, 'REASON_REQUIRED', 'A rejection needs a reason');
      }
      return ok({ ...current, state: 'REJECTED' }, [
        reason(procedure, 'REJECTED', `${office} rejected the claim: ${context.reason.trim()}`),
      ]);
    }
    case 'PAY':
      // A claim finally approved before or at the crossing is honoured even if the fund is now suspended (R7).
      return ok({ ...current, state: 'PAID' }, [
        reason(procedure, 'PAID', 'The fund manager recorded the payout'),
      ]);
  }
}

/**
 * Would this action, taken by this actor, be the claim's final approval (the moment F counts toward the
 * circuit breaker)? True for the last missing office's APPROVE.
 */
export function isFinalApproval(
  current: ClaimSnapshot,
  action: ClaimAction,
  actorKind: OrgKind,
  policy: PolicyParameters,
): boolean {
  if (action !== 'APPROVE' || current.state !== 'VERIFIED') return false;
  const required = policy.coSigningOffices.value;
  if (!(required as readonly OrgKind[]).includes(actorKind)) return false;
  const office = actorKind as OfficeKind;
  if (current.approvals.includes(office)) return false;
  return required.every((o) => o === office || current.approvals.includes(o));
}

/** Actions this actor could take now (RETURN and REJECT still need a reason). For UI buttons. */
export function allowedClaimActions(
  current: ClaimSnapshot,
  actorKind: OrgKind,
  context: ClaimContext,
  policy: PolicyParameters,
): ClaimAction[] {
  const withReason: ClaimContext = { ...context, reason: context.reason ?? 'reason' };
  return CLAIM_ACTIONS.filter((a) => nextClaimState(current, a, actorKind, withReason, policy).ok);
}
