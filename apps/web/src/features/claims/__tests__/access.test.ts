import {
  canFileClaim,
  canRecordRecovery,
  canRecordRemittance,
  canUploadDocuments,
  CLAIMS_VISIBLE_TO,
  REMITTANCES_VISIBLE_TO,
} from '../access';

describe('menu visibility', () => {
  it('shows claims to every kind but the enterprise', () => {
    expect(CLAIMS_VISIBLE_TO).not.toContain('ENTERPRISE');
    expect(CLAIMS_VISIBLE_TO).toHaveLength(7);
    expect(CLAIMS_VISIBLE_TO).toEqual(expect.arrayContaining(['LENDING_BANK', 'GUARANTOR', 'AUDITOR']));
  });

  it('shows remittances to the manager, offices, auditor and banks only', () => {
    expect([...REMITTANCES_VISIBLE_TO].sort()).toEqual(
      ['AUDITOR', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'IP_BUREAU', 'LENDING_BANK'].sort(),
    );
  });
});

describe('forms', () => {
  it('lets the bank upload while the claim is with the manager or returned', () => {
    for (const status of ['SUBMITTED', 'RETURNED', 'GUARANTOR_CONFIRMED']) {
      expect(canUploadDocuments('LENDING_BANK', status)).toBe(true);
    }
    expect(canUploadDocuments('LENDING_BANK', 'VERIFIED')).toBe(false);
    expect(canUploadDocuments('FUND_MANAGER', 'SUBMITTED')).toBe(false);
    expect(canUploadDocuments(undefined, 'SUBMITTED')).toBe(false);
  });

  it('lets the bank record recoveries on a paid claim and each remittance once (Art 18)', () => {
    expect(canRecordRecovery('LENDING_BANK', 'PAID')).toBe(true);
    expect(canRecordRecovery('LENDING_BANK', 'APPROVED')).toBe(false);
    expect(canRecordRecovery('FUND_MANAGER', 'PAID')).toBe(false);
    expect(canRecordRemittance('LENDING_BANK', { remittedOn: null })).toBe(true);
    expect(canRecordRemittance('LENDING_BANK', { remittedOn: '2025-03-20' })).toBe(false);
    expect(canRecordRemittance('FUND_MANAGER', { remittedOn: null })).toBe(false);
  });

  it('lets only the bank file a claim (Art 17)', () => {
    expect(canFileClaim('LENDING_BANK')).toBe(true);
    expect(canFileClaim('GUARANTOR')).toBe(false);
  });
});
