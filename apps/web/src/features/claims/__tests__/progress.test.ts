import {
  coSignProgress,
  orgKindLabel,
  orgKindNames,
  remittanceState,
  remittanceStateTag,
  resumptionProgress,
} from '../progress';

const approval = (kind: string, decision = 'APPROVED') => ({ organization: { kind }, decision });

/** The lists as `policy.coSigningOffices.value` and `policy.resumptionVoters.value` send them. */
const OFFICES = ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE'];
const VOTERS = [...OFFICES, 'FUND_MANAGER'];

describe('coSignProgress (the policy’s co-signing offices)', () => {
  it('is 0/3 before any office signs', () => {
    expect(coSignProgress([], OFFICES)).toMatchObject({ done: 0, total: 3, text: '0/3' });
  });

  it('names the offices that signed, in the policy order whatever the signing order', () => {
    const progress = coSignProgress([approval('FINANCIAL_OFFICE'), approval('IP_BUREAU')], OFFICES);
    expect(progress.text).toBe('2/3（区知识产权局、区金融办）');
    expect(progress.signed).toEqual(['IP_BUREAU', 'FINANCIAL_OFFICE']);
  });

  it('counts all three as complete', () => {
    const all = [approval('IP_BUREAU'), approval('FINANCE_BUREAU'), approval('FINANCIAL_OFFICE')];
    expect(coSignProgress(all, OFFICES).text).toBe('3/3（区知识产权局、区财政局、区金融办）');
  });

  it('does not count a rejection or a non-office as a signature', () => {
    expect(coSignProgress([approval('IP_BUREAU', 'REJECTED'), approval('FUND_MANAGER')], OFFICES).text).toBe(
      '0/3',
    );
  });

  it('counts against whatever offices the policy names', () => {
    const two = ['IP_BUREAU', 'FINANCE_BUREAU'];
    expect(coSignProgress([approval('IP_BUREAU'), approval('FINANCIAL_OFFICE')], two)).toMatchObject({
      done: 1,
      total: 2,
      text: '1/2（区知识产权局）',
    });
  });
});

describe('resumptionProgress (the policy’s resumption voters)', () => {
  it('counts the voters the policy names', () => {
    expect(resumptionProgress([{ orgKind: 'FUND_MANAGER' }, { orgKind: 'IP_BUREAU' }], VOTERS).text).toBe(
      '2/4（区知识产权局、资金管理人）',
    );
  });

  it('ignores a vote by a kind the policy does not name', () => {
    expect(resumptionProgress([{ orgKind: 'AUDITOR' }, { orgKind: 'LENDING_BANK' }], VOTERS)).toMatchObject({
      done: 0,
      total: 4,
    });
    expect(resumptionProgress([{ orgKind: 'FUND_MANAGER' }], OFFICES).text).toBe('0/3');
  });
});

describe('remittanceState (R8)', () => {
  it('is remitted once a remittance date is recorded, even if it was late', () => {
    expect(remittanceState({ remittedOn: '2025-04-02', overdue: false })).toBe('REMITTED');
    expect(remittanceState({ remittedOn: '2025-04-02', overdue: true })).toBe('REMITTED');
  });

  it('follows the API overdue flag while open', () => {
    expect(remittanceState({ remittedOn: null, overdue: true })).toBe('OVERDUE');
    expect(remittanceState({ remittedOn: null, overdue: false })).toBe('OPEN');
    expect(remittanceStateTag('OVERDUE')).toEqual({ label: '逾期', color: 'red' });
  });
});

describe('orgKindLabel and orgKindNames', () => {
  it('translates kinds and keeps unknown ones', () => {
    expect(orgKindLabel('GUARANTOR')).toBe('合作保险（担保）机构');
    expect(orgKindLabel('REGULATOR')).toBe('REGULATOR');
  });

  it('joins a policy list in its order', () => {
    expect(orgKindNames(VOTERS)).toBe('区知识产权局、区财政局、区金融办、资金管理人');
    expect(orgKindNames([])).toBe('');
  });
});
