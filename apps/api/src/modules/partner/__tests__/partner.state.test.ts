import { partnerActionsInState } from '../partner.state';
import { PartnerKind, PartnerStatus } from '../partner.types';

describe('partnerActionsInState (Art 8, 15, 25)', () => {
  it('an active bank: every partner operation and a new agreement version', () => {
    expect(partnerActionsInState({ kind: PartnerKind.LENDING_BANK, status: PartnerStatus.ACTIVE })).toEqual([
      'partner.retire',
      'partner.disqualify',
      'partner.createUser',
      'partner.deactivateUser',
      'agreement.record',
    ]);
  });
  it('a guarantor has no cooperation agreement to record', () => {
    expect(
      partnerActionsInState({ kind: PartnerKind.GUARANTOR, status: PartnerStatus.ACTIVE }),
    ).not.toContain('agreement.record');
  });
  it('a retired partner can still be disqualified and lose logins, nothing else', () => {
    expect(partnerActionsInState({ kind: PartnerKind.LENDING_BANK, status: PartnerStatus.RETIRED })).toEqual([
      'partner.disqualify',
      'partner.deactivateUser',
    ]);
  });
  it('a disqualification is final: only logins can still be taken away', () => {
    expect(
      partnerActionsInState({ kind: PartnerKind.GUARANTOR, status: PartnerStatus.DISQUALIFIED }),
    ).toEqual(['partner.deactivateUser']);
  });
});
