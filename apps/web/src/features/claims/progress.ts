import { isOrgKind } from '@ipfund/shared';
import { i18n } from '../../i18n';
import type { Recovery } from './claims.graphql';

/** Org kind → its name in the current language; an unknown kind as sent. */
export function orgKindLabel(kind: string): string {
  return isOrgKind(kind) ? i18n.t(`orgKind.${kind}`) : kind;
}

export interface Progress {
  done: number;
  total: number;
  /** Kinds that have signed / consented, in the order the policy lists them. */
  signed: string[];
  /** "2/3（区知识产权局、区财政局）", or "0/3" (in the current language). */
  text: string;
}

/** "区知识产权局、区财政局、区金融办": the organisation kinds of a policy list, in its order. */
export function orgKindNames(kinds: readonly string[]): string {
  return kinds.map(orgKindLabel).join(i18n.t('claims.common.listSeparator'));
}

function progress(kinds: readonly string[], required: readonly string[]): Progress {
  const signed = required.filter((kind) => kinds.includes(kind));
  const names = orgKindNames(signed);
  const count = `${signed.length}/${required.length}`;
  return {
    done: signed.length,
    total: required.length,
    signed,
    text: names ? i18n.t('claims.common.progressWithNames', { fraction: count, names }) : count,
  };
}

/**
 * R6: the co-signing offices of the policy in force (`policy.coSigningOffices.value`) each sign once,
 * in any order; a rejection is not a signature, nor is a decision by a kind that is not a co-signer.
 */
export function coSignProgress(
  approvals: readonly { organization: { kind: string }; decision: string }[],
  coSigningOffices: readonly string[],
): Progress {
  return progress(
    approvals.filter((a) => a.decision === 'APPROVED').map((a) => a.organization.kind),
    coSigningOffices,
  );
}

/** R7: resumption is the joint decision of the policy's voters (`policy.resumptionVoters.value`). */
export function resumptionProgress(
  votes: readonly { orgKind: string }[],
  resumptionVoters: readonly string[],
): Progress {
  return progress(
    votes.map((v) => v.orgKind),
    resumptionVoters,
  );
}

export type RemittanceState = 'REMITTED' | 'DECLARED' | 'REJECTED' | 'OVERDUE' | 'OPEN';

/** R8: the fund's share of a recovery is due within the policy's remittance days; the API flags it overdue. */
export function remittanceState(
  recovery: Pick<Recovery, 'remittedOn' | 'overdue'> & Partial<Pick<Recovery, 'remittanceStatus'>>,
): RemittanceState {
  if (recovery.remittedOn) return 'REMITTED';
  // The bank's declaration moves no money: it waits for the manager's confirmation (Art 18).
  if (recovery.remittanceStatus === 'DECLARED') return 'DECLARED';
  if (recovery.remittanceStatus === 'REJECTED') return 'REJECTED';
  return recovery.overdue ? 'OVERDUE' : 'OPEN';
}

const REMITTANCE_STATE_COLORS: Record<RemittanceState, string> = {
  REMITTED: 'green',
  DECLARED: 'blue',
  REJECTED: 'volcano',
  OVERDUE: 'red',
  OPEN: 'orange',
};

/** The tag of a remittance state, its label in the current language. */
export function remittanceStateTag(state: RemittanceState): { label: string; color: string } {
  return { label: i18n.t(`claims.recovery.stateLabel.${state}`), color: REMITTANCE_STATE_COLORS[state] };
}
