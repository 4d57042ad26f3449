import {
  bankRiskActionsInState,
  riskEventActionsInState,
  suspensionProposalActionsInState,
} from '../risk.state';
import { ProposalStatus, RiskLevel } from '../risk.types';

const TODAY = '2026-11-27';
const bank = (over: Partial<Parameters<typeof bankRiskActionsInState>[0]> = {}) =>
  bankRiskActionsInState({
    level: RiskLevel.NONE,
    suspended: false,
    suspendedSince: null,
    pendingProposalId: null,
    asOf: TODAY,
    ...over,
  });

describe('bankRiskActionsInState (Art 12)', () => {
  it('below the warning ratio nothing is due', () => {
    expect(bank()).toEqual([]);
  });
  it('from the warning ratio a warning', () => {
    expect(bank({ level: RiskLevel.WARNING })).toEqual(['risk.issueWarning']);
  });
  it('from the suspension ratio a warning and a proposal, unless one is pending', () => {
    expect(bank({ level: RiskLevel.SUSPENSION_PROPOSED })).toEqual([
      'risk.issueWarning',
      'risk.proposeSuspension',
    ]);
    expect(bank({ level: RiskLevel.SUSPENSION_PROPOSED, pendingProposalId: 'p' })).toEqual([
      'risk.issueWarning',
    ]);
  });
  it('a suspended bank is neither warned nor proposed again; its suspension can be lifted once started', () => {
    expect(bank({ level: RiskLevel.SUSPENSION_PROPOSED, suspended: true, suspendedSince: TODAY })).toEqual([
      'risk.liftSuspension',
    ]);
    expect(bank({ suspended: true, suspendedSince: '2026-12-01' })).toEqual([]);
  });
});

describe('suspensionProposalActionsInState (Art 12)', () => {
  it('only a pending proposal is decided', () => {
    expect(suspensionProposalActionsInState({ status: ProposalStatus.PENDING })).toEqual([
      'risk.decideSuspension',
    ]);
    expect(suspensionProposalActionsInState({ status: ProposalStatus.CONSENTED })).toEqual([]);
    expect(suspensionProposalActionsInState({ status: ProposalStatus.DECLINED })).toEqual([]);
  });
});

describe('riskEventActionsInState (Art 16)', () => {
  it('the verification is recorded once', () => {
    expect(riskEventActionsInState({ verified: false })).toEqual(['risk.verifyEvent']);
    expect(riskEventActionsInState({ verified: true })).toEqual([]);
  });
});
