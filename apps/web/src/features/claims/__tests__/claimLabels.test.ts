import { setLang } from '../../../i18n';
import {
  CLAIM_STATUSES,
  claimActionLabel,
  claimStatusColor,
  claimStatusLabel,
  decisionLabel,
  DOCUMENT_KINDS,
  documentKindLabel,
  limitedByLabel,
  reasonCodeLabel,
  tierLabel,
} from '../claimLabels';

describe('claim status labels', () => {
  it('translates every status of the workflow (R6)', () => {
    expect(CLAIM_STATUSES.map(claimStatusLabel)).toEqual([
      '已提交',
      '已退回',
      '担保已确认',
      '已核实',
      '已批准',
      '已支付',
      '已驳回',
    ]);
  });

  it('colours paid green and rejected red', () => {
    expect(claimStatusColor('PAID')).toBe('green');
    expect(claimStatusColor('REJECTED')).toBe('red');
  });

  it('shows an unknown status as sent, even one named like an Object property', () => {
    expect(claimStatusLabel('WITHDRAWN')).toBe('WITHDRAWN');
    expect(claimStatusLabel('toString')).toBe('toString');
    expect(claimStatusColor('constructor')).toBe('default');
  });
});

describe('other labels', () => {
  it('names the actions', () => {
    expect(claimActionLabel('CONFIRM_GUARANTOR_SHARE')).toBe('确认担保分担');
    expect(claimActionLabel('PAY')).toBe('支付补偿');
    expect(claimActionLabel('ESCALATE')).toBe('ESCALATE');
  });

  it('names every document kind the claim checklist uses (Art 17)', () => {
    expect(DOCUMENT_KINDS.map(documentKindLabel)).toEqual([
      '借款合同',
      '质押登记证明',
      '逾期证明',
      '催收记录',
      '担保机构确认函',
      '其他',
    ]);
  });

  it('names the limit that bound F (封顶依据)', () => {
    expect(limitedByLabel('PER_LOAN_CAP')).toBe('单笔补偿上限');
    expect(limitedByLabel('ENTERPRISE_YEAR_CAP')).toBe('企业年度补偿上限');
    expect(limitedByLabel('TIER_RATE')).toBe('档位补偿比例上限');
    expect(limitedByLabel('NONE')).toBe('约定比例（低于档位上限）');
  });

  it('names tiers, decisions and reason codes, unknown ones as sent', () => {
    expect(tierLabel('LOW')).toBe('低档');
    expect(tierLabel('HIGH')).toBe('高档');
    expect(decisionLabel('REJECTED')).toBe('驳回');
    expect(reasonCodeLabel('LOSS_BASE')).toBe('损失基数');
    expect(reasonCodeLabel('NEW_RULE')).toBe('NEW_RULE');
  });
});

describe('in English', () => {
  afterAll(() => setLang('zh-CN'));

  it('follows the language at the time of the call', async () => {
    await setLang('en');
    expect(claimStatusLabel('PAID')).toBe('Paid');
    expect(claimActionLabel('APPROVE')).toBe('Co-sign');
    expect(documentKindLabel('LOAN_CONTRACT')).toBe('Loan contract');
    expect(claimStatusLabel('WITHDRAWN')).toBe('WITHDRAWN');
    await setLang('zh-CN');
    expect(claimStatusLabel('PAID')).toBe('已支付');
  });
});
