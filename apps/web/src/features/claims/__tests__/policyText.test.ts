import { articleLabel, formatRate, reasonBody, reasonText } from '../policyText';

describe('articleLabel', () => {
  it('writes the article in the one format of the language (zh-CN by default)', () => {
    expect(articleLabel('Art 17')).toBe('第十七条');
    expect(articleLabel('Art 2, 4')).toBe('第二、四条');
  });

  it('returns anything else as sent', () => {
    expect(articleLabel('Annex 1')).toBe('Annex 1');
    expect(articleLabel('')).toBe('');
  });
});

describe('reasonText', () => {
  const reason = { article: 'Art 11', code: 'PER_LOAN_CAP', message: 'Per-loan cap 1500000.00 reduces F0' };

  it('puts the article first, then the step and the message', () => {
    expect(reasonText(reason)).toBe('第十一条 · 单笔上限：Per-loan cap 1500000.00 reduces F0');
    expect(reasonBody(reason)).toBe('单笔上限：Per-loan cap 1500000.00 reduces F0');
  });
});

describe('formatRate', () => {
  it('shifts the decimal point, as text', () => {
    expect(formatRate('0.30')).toBe('30%');
    expect(formatRate('0.20')).toBe('20%');
    expect(formatRate('0.4')).toBe('40%');
    expect(formatRate('0.305')).toBe('30.5%');
    expect(formatRate('0.0525')).toBe('5.25%');
    expect(formatRate('1.00')).toBe('100%');
    expect(formatRate('0')).toBe('0%');
  });

  it('shows a missing rate (two-party loan) as a dash and anything odd as sent', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(undefined)).toBe('—');
    expect(formatRate('30%')).toBe('30%');
    expect(formatRate('-0.1')).toBe('-0.1');
  });
});
