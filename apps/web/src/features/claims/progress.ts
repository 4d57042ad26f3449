import { CO_SIGNING_OFFICES, ORG_KIND_LABELS_ZH, isOrgKind, type OrgKind } from '@ipfund/shared';
import type { Recovery } from './claims.graphql';

/** Org kind → Chinese name; an unknown kind as sent. */
export function orgKindLabel(kind: string): string {
  return isOrgKind(kind) ? ORG_KIND_LABELS_ZH[kind] : kind;
}

export interface Progress {
  done: number;
  total: number;
  /** Kinds that have signed / consented, in the order given. */
  signed: OrgKind[];
  /** "2/3（区知识产权局、区财政局）", or "0/3". */
  text: string;
}

function progress(kinds: readonly string[], required: readonly OrgKind[]): Progress {
  const signed = required.filter((kind) => kinds.includes(kind));
  const names = signed.map((kind) => ORG_KIND_LABELS_ZH[kind]).join('、');
  const count = `${signed.length}/${required.length}`;
  return {
    done: signed.length,
    total: required.length,
    signed,
    text: names ? `${count}（${names}）` : count,
  };
}

/** Art 17: the three offices co-sign, each once, in any order; a rejection is not a signature. */
export function coSignProgress(
  approvals: readonly { organization: { kind: string }; decision: string }[],
): Progress {
  return progress(
    approvals.filter((a) => a.decision === 'APPROVED').map((a) => a.organization.kind),
    CO_SIGNING_OFFICES,
  );
}

/** Art 19 / R7: resumption is a joint decision of the three offices with the fund manager. */
export const RESUMPTION_VOTERS: readonly OrgKind[] = [...CO_SIGNING_OFFICES, 'FUND_MANAGER'];

export function isResumptionVoter(kind: string): boolean {
  return (RESUMPTION_VOTERS as readonly string[]).includes(kind);
}

export function resumptionProgress(votes: readonly { orgKind: string }[]): Progress {
  return progress(
    votes.map((v) => v.orgKind),
    RESUMPTION_VOTERS,
  );
}

export type RemittanceState = 'REMITTED' | 'OVERDUE' | 'OPEN';

/** Art 18: the fund's share of a recovery is due within 30 days; the API flags it overdue. */
export function remittanceState(recovery: Pick<Recovery, 'remittedOn' | 'overdue'>): RemittanceState {
  if (recovery.remittedOn) return 'REMITTED';
  return recovery.overdue ? 'OVERDUE' : 'OPEN';
}

export const REMITTANCE_STATE_TAGS: Record<RemittanceState, { label: string; color: string }> = {
  REMITTED: { label: '已返还', color: 'green' },
  OVERDUE: { label: '逾期', color: 'red' },
  OPEN: { label: '待返还', color: 'orange' },
};
