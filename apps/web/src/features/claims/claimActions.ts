import { i18n } from '../../i18n';
import { claimActionCommentLabel, claimActionLabel } from './claimLabels';
import type { KnownClaimAction } from './claims.graphql';

/**
 * How each claim action (R6) is offered. Which actions a caller may take is the API's answer
 * (`Claim.allowedActions`); this only says how to ask for them.
 */
export interface ClaimActionSpec {
  action: KnownClaimAction;
  label: string;
  /** RETURN needs a comment and REJECT a reason (R6); the others take an optional comment. */
  comment: 'optional' | 'required';
  commentLabel: string;
  danger: boolean;
  primary: boolean;
}

const SPECS: Record<KnownClaimAction, Omit<ClaimActionSpec, 'action' | 'label' | 'commentLabel'>> = {
  SUBMIT: { comment: 'optional', danger: false, primary: true },
  RESUBMIT: { comment: 'optional', danger: false, primary: true },
  CONFIRM_GUARANTOR_SHARE: { comment: 'optional', danger: false, primary: true },
  VERIFY: { comment: 'optional', danger: false, primary: true },
  RETURN: { comment: 'required', danger: true, primary: false },
  APPROVE: { comment: 'optional', danger: false, primary: true },
  REJECT: { comment: 'required', danger: true, primary: false },
  PAY: { comment: 'optional', danger: false, primary: true },
};

/** R6 order, which is also the order of the buttons. */
const ORDER = Object.keys(SPECS) as KnownClaimAction[];

export function isKnownAction(action: string): action is KnownClaimAction {
  return Object.hasOwn(SPECS, action);
}

export function claimActionSpec(action: KnownClaimAction): ClaimActionSpec {
  // Labels in the language of the moment: callers build specs while rendering.
  return {
    action,
    label: claimActionLabel(action),
    commentLabel: claimActionCommentLabel(action),
    ...SPECS[action],
  };
}

/**
 * The buttons for `allowedActions`, in workflow order. SUBMIT files a new claim (from the claims list),
 * so it is never a button on an existing claim; unknown actions from a newer API are left out.
 */
export function claimActionButtons(allowedActions: readonly string[]): ClaimActionSpec[] {
  return ORDER.filter((action) => action !== 'SUBMIT' && allowedActions.includes(action)).map(
    claimActionSpec,
  );
}

/** Trimmed comment, or an error message when a required one is missing. */
export function checkComment(
  spec: Pick<ClaimActionSpec, 'action' | 'comment'>,
  raw: string,
): { ok: true; comment: string | null } | { ok: false; message: string } {
  const comment = raw.trim();
  if (comment) return { ok: true, comment };
  return spec.comment === 'required'
    ? {
        ok: false,
        message: i18n.t('claims.commentRequired', { label: claimActionCommentLabel(spec.action) }),
      }
    : { ok: true, comment: null };
}
