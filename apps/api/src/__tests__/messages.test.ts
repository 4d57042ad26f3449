/**
 * Issue 11: the catalogue of server messages (packages/shared/src/messages.ts): both languages for
 * every key, known placeholder kinds, and amounts and articles written per language.
 */
import { MESSAGES, isMessageKey, renderMessage, type MessageKey } from '@ipfund/shared';

describe('the message catalogue', () => {
  const keys = Object.keys(MESSAGES) as MessageKey[];

  it.each(keys)('%s: both languages written, Chinese text in Chinese', (key) => {
    const { en, 'zh-CN': zh } = MESSAGES[key];
    expect(en.trim()).not.toBe('');
    expect(zh.trim()).not.toBe('');
    expect(zh).toMatch(/[\u4e00-\u9fff]|^\{\w+(:\w+)?\}$/);
    // A placeholder is a name, optionally with a known kind of value.
    for (const [, kind] of [...en.matchAll(/\{\w+(?::(\w+))?\}/g), ...zh.matchAll(/\{\w+(?::(\w+))?\}/g)]) {
      expect([undefined, 'money', 'article', 'term', 'rule']).toContain(kind);
    }
  });

  it('amounts and articles in server text are formatted per language', () => {
    const params = {
      account: '100201',
      kind: 'COMPENSATION_PAYOUT',
      amount: '9999999.00',
      balance: '1200.5',
    };
    expect(renderMessage('ledger.insufficient', params, 'zh-CN')).toBe(
      '专户本金余额不足：风险补偿支付 9,999,999.00 元，余额仅 1,200.50 元',
    );
    expect(renderMessage('ledger.insufficient', params, 'en')).toBe(
      'Special account: principal has too little: COMPENSATION_PAYOUT needs ¥9,999,999.00, the balance is only ¥1,200.50',
    );
    expect(renderMessage('claim.onePerLoan', { article: 'Art 11' }, 'zh-CN')).toContain('第十一条');
    expect(renderMessage('claim.onePerLoan', { article: 'Art 11' }, 'en')).toContain('Art 11');
  });

  it('a rule refusal reads in Chinese by its code, in English by the rule text; an unknown key renders nothing', () => {
    const params = { rule: 'FUND_SUSPENDED', reason: 'The fund is suspended (Art 19)' };
    expect(renderMessage('policy.refused', params, 'zh-CN')).toBe('风险补偿资金已暂停，暂不受理补偿申请');
    expect(renderMessage('policy.refused', params, 'en')).toBe('The fund is suspended (Art 19)');
    expect(renderMessage('policy.refused', { rule: 'NEW_RULE', reason: 'New rule' }, 'zh-CN')).toBe(
      'New rule',
    );
    expect(isMessageKey('no.such.key')).toBe(false);
    expect(renderMessage('no.such.key', {}, 'zh-CN')).toBeNull();
  });
});
