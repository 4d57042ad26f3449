import type { Operation } from '@ipfund/shared';
import { BlacklistProposalStatus, type BlacklistProposalType } from './blacklist.types';

/** Operations on a blacklist proposal, for `BlacklistProposal.viewerCan`. */
export const BLACKLIST_PROPOSAL_OPERATIONS: readonly Operation[] = ['blacklist.decide'];

/** Art 21: the IP bureau decides a proposal once; a decision is final. */
export function blacklistProposalActionsInState(
  proposal: Pick<BlacklistProposalType, 'status'>,
): Operation[] {
  return proposal.status === BlacklistProposalStatus.PENDING ? ['blacklist.decide'] : [];
}
