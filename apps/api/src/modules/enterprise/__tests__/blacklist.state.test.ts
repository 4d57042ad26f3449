import { blacklistProposalActionsInState } from '../blacklist.state';
import { BlacklistProposalStatus } from '../blacklist.types';

describe('blacklistProposalActionsInState (Art 21)', () => {
  it('only a pending proposal is decided; a decision is final', () => {
    expect(blacklistProposalActionsInState({ status: BlacklistProposalStatus.PENDING })).toEqual([
      'blacklist.decide',
    ]);
    expect(blacklistProposalActionsInState({ status: BlacklistProposalStatus.APPROVED })).toEqual([]);
    expect(blacklistProposalActionsInState({ status: BlacklistProposalStatus.DECLINED })).toEqual([]);
  });
});
