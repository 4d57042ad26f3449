import { allows, can } from '../access';

describe('can (an object’s viewerCan)', () => {
  const claim = { viewerCan: ['claim.pay', 'claim.uploadDocument'] };

  it('is true only for an operation the object lists', () => {
    expect(can(claim, 'claim.pay')).toBe(true);
    expect(can(claim, 'claim.uploadDocument')).toBe(true);
    expect(can(claim, 'claim.approve')).toBe(false);
    expect(can(claim, 'recovery.record')).toBe(false);
  });

  it('is false for an object with no operations, and for no object at all', () => {
    expect(can({ viewerCan: [] }, 'claim.pay')).toBe(false);
    expect(can(null, 'claim.pay')).toBe(false);
    expect(can(undefined, 'loan.reportStatus')).toBe(false);
  });
});

describe('allows (viewerPermissions)', () => {
  const bank = {
    operations: ['loan.register', 'loan.uploadTape', 'claim.submit'],
    readable: ['Loan', 'Enterprise', 'Partner', 'Claim', 'Recovery', 'BankRisk'],
  };
  const auditor = {
    operations: [],
    readable: ['Loan', 'Claim', 'Recovery', 'LedgerEntry', 'ResumptionVote'],
  };

  it('grants a page by a readable subject', () => {
    expect(allows(bank, { reads: 'Recovery' })).toBe(true);
    expect(allows(auditor, { reads: 'LedgerEntry' })).toBe(true);
    expect(allows(bank, { reads: 'LedgerEntry' })).toBe(false);
    expect(allows(bank, { reads: 'ResumptionVote' })).toBe(false);
  });

  it('grants a "new …" button by an operation', () => {
    expect(allows(bank, { takes: 'loan.uploadTape' })).toBe(true);
    expect(allows(auditor, { takes: 'loan.uploadTape' })).toBe(false);
    expect(allows(bank, { takes: 'clock.set' })).toBe(false);
  });

  it('does not confuse a subject with an operation of the same area', () => {
    expect(
      allows({ operations: ['ledger.recordInterestIncome'], readable: [] }, { reads: 'LedgerEntry' }),
    ).toBe(false);
    expect(allows({ operations: [], readable: ['Loan'] }, { takes: 'loan.register' })).toBe(false);
  });

  it('grants nothing before the answer has arrived', () => {
    expect(allows(undefined, { reads: 'Loan' })).toBe(false);
    expect(allows(undefined, { takes: 'loan.register' })).toBe(false);
  });
});
