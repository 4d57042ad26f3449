import { setLang } from '../../../i18n';
import {
  agreementPhase,
  agreementPhaseLabel,
  articleZh,
  formatRate,
  partnerStatusLabel,
  percentToRate,
} from '../partnerDisplay';

describe('formatRate', () => {
  it.each([
    ['0.30', '30%'],
    ['0.3', '30%'],
    ['0.20', '20%'],
    ['0.125', '12.5%'],
    ['0.4000', '40%'],
    ['1', '100%'],
    ['1.00', '100%'],
    ['0.05', '5%'],
    ['0', '0%'],
  ])('%s → %s', (rate, shown) => {
    expect(formatRate(rate)).toBe(shown);
  });

  it('shows a missing rate as a dash and anything else as sent', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate('abc')).toBe('abc');
  });
});

describe('percentToRate', () => {
  it.each([
    ['30', '0.30'],
    ['20', '0.20'],
    ['12.5', '0.125'],
    ['40', '0.40'],
    ['5', '0.05'],
    ['100', '1.00'],
    ['0', '0.00'],
    [' 45 ', '0.45'],
  ])('%s%% → %s', (percent, rate) => {
    expect(percentToRate(percent)).toBe(rate);
  });

  it.each(['101', '100.5', '-1', '30%', 'abc', '', '12.345'])('refuses %s', (bad) => {
    expect(percentToRate(bad)).toBeNull();
  });

  it('round-trips with formatRate', () => {
    for (const p of ['30', '12.5', '40', '100', '7.25']) {
      expect(formatRate(percentToRate(p))).toBe(`${p}%`);
    }
  });
});

describe('articleZh', () => {
  it.each([
    ['Art 11', '第十一条'],
    ['Art 14', '第十四条'],
    ['Art 8', '第八条'],
    ['Art 21', '第二十一条'],
    ['Art 26', '第二十六条'],
    ['Art 10', '第十条'],
    ['Art 2, 4', '第二、四条'],
  ])('%s → %s', (art, zh) => {
    expect(articleZh(art)).toBe(zh);
  });

  it('leaves anything else as sent', () => {
    expect(articleZh('R5.8')).toBe('R5.8');
  });
});

describe('partnerStatusLabel', () => {
  it('translates the statuses and shows an unknown one as sent', () => {
    expect(partnerStatusLabel('ACTIVE').label).toBe('合作中');
    expect(partnerStatusLabel('RETIRED').label).toBe('已退出');
    expect(partnerStatusLabel('DISQUALIFIED')).toEqual({ label: '已取消资格', color: 'red' });
    expect(partnerStatusLabel('toString').label).toBe('toString');
  });
});

describe('agreementPhase', () => {
  it('in force, not yet in force, superseded', () => {
    expect(agreementPhase({ effectiveFrom: '2025-07-01', inForce: true }, '2025-07-01')).toBe('IN_FORCE');
    expect(agreementPhase({ effectiveFrom: '2027-01-01', inForce: false }, '2025-07-01')).toBe('FUTURE');
    expect(agreementPhase({ effectiveFrom: '2024-04-07', inForce: false }, '2025-07-01')).toBe('PAST');
    expect(agreementPhase({ effectiveFrom: '2027-01-01', inForce: false }, null)).toBe('FUTURE');
  });
});

describe('in English', () => {
  beforeAll(() => setLang('en'));
  afterAll(() => setLang('zh-CN'));

  it('names statuses and agreement phases in English, articles the English way', () => {
    expect(partnerStatusLabel('RETIRED')).toEqual({ label: 'Withdrawn', color: 'default' });
    expect(agreementPhaseLabel('FUTURE')).toEqual({ label: 'Not yet in force', color: 'blue' });
    expect(articleZh('Art 21')).toBe('Art 21');
  });
});
