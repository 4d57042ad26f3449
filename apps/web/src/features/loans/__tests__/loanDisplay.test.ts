import { setLang } from '../../../i18n';
import {
  articleLabel,
  compareYuan,
  loanStatusColor,
  loanStatusLabel,
  normalizeYuan,
  overdueColor,
  purposeLabel,
  purposeOptions,
  reasonText,
  tapeErrorLabel,
} from '../loanDisplay';

describe('loanStatusLabel', () => {
  it('translates the known statuses', () => {
    expect(loanStatusLabel('ACTIVE')).toBe('正常');
    expect(loanStatusLabel('OVERDUE')).toBe('逾期');
    expect(loanStatusLabel('CLOSED')).toBe('已结清');
    expect(loanStatusLabel('IN_CLAIM')).toBe('补偿申请中');
    expect(loanStatusLabel('COMPENSATED')).toBe('已补偿');
  });

  it('shows an unknown status as sent', () => {
    expect(loanStatusLabel('WRITTEN_OFF')).toBe('WRITTEN_OFF');
    expect(loanStatusLabel('toString')).toBe('toString');
    expect(loanStatusColor('WRITTEN_OFF')).toBe('default');
  });
});

describe('overdueColor (thresholds from the policy in force)', () => {
  const jiangbei = { risk: 15, claim: 60 };

  it('is red from the claim threshold, the threshold included', () => {
    expect(overdueColor(60, jiangbei)).toBe('red');
    expect(overdueColor(400, jiangbei)).toBe('red');
  });

  it('is orange from the risk threshold up to the claim threshold, the risk threshold included', () => {
    expect(overdueColor(15, jiangbei)).toBe('orange');
    expect(overdueColor(59, jiangbei)).toBe('orange');
  });

  it('is plain below the risk threshold', () => {
    expect(overdueColor(0, jiangbei)).toBeUndefined();
    expect(overdueColor(14, jiangbei)).toBeUndefined();
  });

  it('follows another policy, not fixed numbers', () => {
    const other = { risk: 30, claim: 90 };
    expect(overdueColor(15, other)).toBeUndefined();
    expect(overdueColor(60, other)).toBe('orange');
    expect(overdueColor(90, other)).toBe('red');
  });

  it('colours nothing before the policy has arrived', () => {
    expect(overdueColor(400, undefined)).toBeUndefined();
  });
});

describe('articleLabel and coverage reasons', () => {
  it('writes articles the Chinese way', () => {
    expect(articleLabel('Art 12')).toBe('第十二条');
    expect(articleLabel('Art 2, 4')).toBe('第二、四条');
    expect(articleLabel('Art 6.3')).toBe('第六条第三款');
    expect(articleLabel('§2')).toBe('§2');
  });

  it('translates known reason codes and falls back to the API message', () => {
    expect(reasonText({ article: 'Art 13', code: 'PURPOSE_FORBIDDEN', message: 'x' })).toBe(
      '第十三条 贷款用途属禁止用途',
    );
    expect(reasonText({ article: 'Art 99', code: 'NEW_RULE', message: 'A new rule' })).toBe(
      '第九十九条 A new rule',
    );
    expect(purposeLabel('RND')).toBe('技术研发');
    expect(purposeLabel('SPACE')).toBe('SPACE');
    expect(tapeErrorLabel('CONTRACT_NOT_FOUND')).toBe('未找到该合同编号的贷款');
    expect(tapeErrorLabel('SOMETHING_NEW')).toBeNull();
  });
});

describe('purposeOptions (Art 13, from the policy in force)', () => {
  const jiangbei = ['IP_OPERATION', 'RND', 'TECH_UPGRADE', 'INDUSTRIALISATION', 'WORKING_CAPITAL'];

  it('lists the allowed purposes first, in the policy order, then the others marked not covered', () => {
    const options = purposeOptions(jiangbei);
    expect(options.slice(0, 5)).toEqual(
      jiangbei.map((value) => ({ value, label: purposeLabel(value), allowed: true })),
    );
    expect(options.slice(5).every((o) => o.allowed === false && o.label.endsWith('（不予补偿）'))).toBe(true);
    expect(options.find((o) => o.value === 'EQUITY_INVESTMENT')).toEqual({
      value: 'EQUITY_INVESTMENT',
      label: '股本权益性投资（不予补偿）',
      allowed: false,
    });
    expect(options).toHaveLength(10);
  });

  it('follows another policy: what it does not allow is marked, whatever Jiangbei says', () => {
    const options = purposeOptions(['WORKING_CAPITAL', 'RND']);
    expect(options.slice(0, 2).map((o) => [o.value, o.allowed])).toEqual([
      ['WORKING_CAPITAL', true],
      ['RND', true],
    ]);
    expect(options.find((o) => o.value === 'IP_OPERATION')).toMatchObject({
      allowed: false,
      label: '知识产权运营管理（不予补偿）',
    });
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
  });

  it('offers a purpose the policy allows that this client has no label for, as sent, once', () => {
    const options = purposeOptions(['SPACE_MINING', 'RND', 'RND']);
    expect(options[0]).toEqual({ value: 'SPACE_MINING', label: 'SPACE_MINING', allowed: true });
    expect(options.filter((o) => o.value === 'RND')).toHaveLength(1);
  });

  it('marks nothing before the policy has arrived', () => {
    const options = purposeOptions(undefined);
    expect(options).toHaveLength(10);
    expect(options.every((o) => o.allowed === undefined && !o.label.includes('不予补偿'))).toBe(true);
  });
});

describe('normalizeYuan (no JS numbers)', () => {
  it('accepts yuan with up to two decimals, separators and a ¥ sign', () => {
    expect(normalizeYuan('1500000')).toBe('1500000.00');
    expect(normalizeYuan(' ¥1,500,000.5 ')).toBe('1500000.50');
    expect(normalizeYuan('0')).toBe('0.00');
    expect(normalizeYuan('9999999999999999.99')).toBe('9999999999999999.99');
  });

  it('refuses negatives, fractions of a fen, exponents and garbage', () => {
    for (const bad of ['-1', '1.005', '1e6', 'abc', '', '01', '.5']) expect(normalizeYuan(bad)).toBeNull();
  });

  it('compares normalized amounts exactly', () => {
    expect(compareYuan('9.99', '12.30')).toBe(-1);
    expect(compareYuan('12.30', '12.30')).toBe(0);
    expect(compareYuan('9007199254740993.01', '9007199254740993.00')).toBe(1);
  });
});

describe('in English (issue 11: the labels follow the language when asked)', () => {
  beforeAll(() => setLang('en'));
  afterAll(() => setLang('zh-CN'));

  it('names statuses, purposes, reasons and tape errors in English, articles the English way', () => {
    expect(loanStatusLabel('IN_CLAIM')).toBe('Claim in progress');
    expect(loanStatusLabel('WRITTEN_OFF')).toBe('WRITTEN_OFF');
    expect(purposeLabel('RND')).toBe('Research and development');
    expect(reasonText({ article: 'Art 13', code: 'PURPOSE_FORBIDDEN', message: 'x' })).toBe(
      'Art 13 The purpose of the loan is prohibited',
    );
    expect(tapeErrorLabel('CONTRACT_NOT_FOUND')).toBe('No loan with this contract number');
    expect(purposeOptions(['RND']).find((o) => o.value === 'FUTURES')?.label).toBe(
      'Futures investment (not covered)',
    );
  });
});
