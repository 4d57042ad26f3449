import { i18n } from '../../../i18n';
import {
  accountTypeLabel,
  cite,
  articleLabel,
  canReverse,
  kindColor,
  kindLabel,
  newIdempotencyKey,
  normalSideLabel,
  normalizeAmount,
} from '../ledgerDisplay';

describe('labels', () => {
  it('translates kinds, account types and sides; unknown values are shown as sent', () => {
    expect(kindLabel('PROGRAMME_COST')).toBe('成本费用支出');
    expect(kindLabel('REVERSAL')).toBe('冲销');
    expect(kindLabel('NEW_KIND')).toBe('NEW_KIND');
    expect(kindLabel('toString')).toBe('toString');
    expect(kindColor('NEW_KIND')).toBe('default');
    expect(accountTypeLabel('EQUITY')).toBe('净资产');
    expect(normalSideLabel('DEBIT')).toBe('借');
    expect(normalSideLabel('CREDIT')).toBe('贷');
  });
});

describe('normalizeAmount', () => {
  it('returns the Decimal string the API takes', () => {
    expect(normalizeAmount('1500')).toBe('1500.00');
    expect(normalizeAmount(' 1,500.5 ')).toBe('1500.50');
    expect(normalizeAmount('0.01')).toBe('0.01');
    expect(normalizeAmount('9999999999999999.99')).toBe('9999999999999999.99');
  });

  it('refuses what is not a positive amount in fen', () => {
    for (const bad of ['', '0', '0.00', '-1', '1.234', '1e3', 'abc', '01', '12345678901234567']) {
      expect(normalizeAmount(bad)).toBeNull();
    }
  });
});

describe('canReverse', () => {
  const base = { kind: 'PROGRAMME_COST', referenceType: null, reversedByTransactionId: null };
  it('allows a ledger-only posting not yet reversed', () => {
    expect(canReverse(base)).toBe(true);
    expect(canReverse({ ...base, kind: 'CAPITAL_INJECTION', referenceType: 'Policy' })).toBe(true);
  });
  it('refuses a reversed one, a reversal, and a claim\u2019s posting', () => {
    expect(canReverse({ ...base, reversedByTransactionId: 'x' })).toBe(false);
    expect(canReverse({ ...base, kind: 'REVERSAL' })).toBe(false);
    expect(canReverse({ ...base, kind: 'COMPENSATION_PAYOUT', referenceType: 'Claim' })).toBe(false);
  });
});

describe('newIdempotencyKey', () => {
  it('is a v4-shaped key, different each time', () => {
    let n = 0;
    const counter = (b: Uint8Array) => b.map(() => n++ % 256);
    const a = newIdempotencyKey(counter);
    const b = newIdempotencyKey(counter);
    expect(a).toMatch(/^web:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});

describe('articleLabel', () => {
  it('writes the article the way the measures do', () => {
    expect(articleLabel('Art 3')).toBe('第三条');
    expect(articleLabel('Art 10')).toBe('第十条');
    expect(articleLabel('Art 19')).toBe('第十九条');
    expect(articleLabel('Art 24')).toBe('第二十四条');
    expect(articleLabel('Art 20')).toBe('第二十条');
    expect(articleLabel('Art 2, 4')).toBe('第二、四条');
  });
});

describe('in English', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('names kinds and sides, and cites articles one way', async () => {
    await i18n.changeLanguage('en');
    expect(kindLabel('PROGRAMME_COST')).toBe('Programme cost');
    expect(normalSideLabel('CREDIT')).toBe('Cr');
    expect(cite('en', 'Art 7', 'Art 24')).toBe(' (Art 7, Art 24)');
    expect(cite('zh-CN', 'Art 7', 'Art 24')).toBe('（第七条、第二十四条）');
    expect(cite('en')).toBe('');
  });
});
