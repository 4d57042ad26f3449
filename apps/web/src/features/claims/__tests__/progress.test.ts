import {
  coSignProgress,
  isResumptionVoter,
  orgKindLabel,
  remittanceState,
  REMITTANCE_STATE_TAGS,
  resumptionProgress,
} from '../progress';

const approval = (kind: string, decision = 'APPROVED') => ({ organization: { kind }, decision });

describe('coSignProgress (Art 17)', () => {
  it('is 0/3 before any office signs', () => {
    expect(coSignProgress([])).toMatchObject({ done: 0, total: 3, text: '0/3' });
  });

  it('names the offices that signed, in the fixed office order whatever the signing order', () => {
    const progress = coSignProgress([approval('FINANCIAL_OFFICE'), approval('IP_BUREAU')]);
    expect(progress.text).toBe('2/3（区知识产权局、区金融办）');
    expect(progress.signed).toEqual(['IP_BUREAU', 'FINANCIAL_OFFICE']);
  });

  it('counts all three as complete', () => {
    const all = [approval('IP_BUREAU'), approval('FINANCE_BUREAU'), approval('FINANCIAL_OFFICE')];
    expect(coSignProgress(all).text).toBe('3/3（区知识产权局、区财政局、区金融办）');
  });

  it('does not count a rejection or a non-office as a signature', () => {
    expect(coSignProgress([approval('IP_BUREAU', 'REJECTED'), approval('FUND_MANAGER')]).text).toBe('0/3');
  });
});

describe('resumption (Art 19)', () => {
  it('needs the three offices and the fund manager', () => {
    expect(isResumptionVoter('FUND_MANAGER')).toBe(true);
    expect(isResumptionVoter('FINANCE_BUREAU')).toBe(true);
    expect(isResumptionVoter('LENDING_BANK')).toBe(false);
    expect(isResumptionVoter('AUDITOR')).toBe(false);
    expect(resumptionProgress([{ orgKind: 'FUND_MANAGER' }, { orgKind: 'IP_BUREAU' }]).text).toBe(
      '2/4（区知识产权局、资金管理人）',
    );
  });
});

describe('remittanceState (Art 18)', () => {
  it('is remitted once a remittance date is recorded, even if it was late', () => {
    expect(remittanceState({ remittedOn: '2025-04-02', overdue: false })).toBe('REMITTED');
    expect(remittanceState({ remittedOn: '2025-04-02', overdue: true })).toBe('REMITTED');
  });

  it('follows the API overdue flag while open', () => {
    expect(remittanceState({ remittedOn: null, overdue: true })).toBe('OVERDUE');
    expect(remittanceState({ remittedOn: null, overdue: false })).toBe('OPEN');
    expect(REMITTANCE_STATE_TAGS.OVERDUE).toEqual({ label: '逾期', color: 'red' });
  });
});

describe('orgKindLabel', () => {
  it('translates kinds and keeps unknown ones', () => {
    expect(orgKindLabel('GUARANTOR')).toBe('合作保险（担保）机构');
    expect(orgKindLabel('REGULATOR')).toBe('REGULATOR');
  });
});
