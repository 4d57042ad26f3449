import { setLang } from '../../../i18n';
import {
  countOf,
  monthLabel,
  progressPercent,
  quarterAxisLabel,
  quarterLabel,
  ratioToPercent,
  yuanToWan,
} from '../homeDisplay';

describe('home display helpers', () => {
  it('ratios become percent for an axis', () => {
    expect(ratioToPercent('0.0523')).toBe(5.23);
    expect(ratioToPercent('0.0800')).toBe(8);
    expect(ratioToPercent('x')).toBe(0);
  });
  it('yuan become 万元 for an axis', () => {
    expect(yuanToWan('1500000.00')).toBe(150);
    expect(yuanToWan('12345.67')).toBe(1.23);
  });
  it('the breaker progress is exact on fen and clamped', () => {
    expect(progressPercent('2500000.00', '5000000.00')).toBe(50);
    expect(progressPercent('1.00', '3.00')).toBe(33.3);
    expect(progressPercent('6000000.00', '5000000.00')).toBe(100);
    expect(progressPercent(null, '5000000.00')).toBe(0);
    expect(progressPercent('1.00', '0.00')).toBe(0);
  });
  it('labels quarters and months', () => {
    expect(quarterLabel('2026Q3')).toBe('2026年第3季度');
    expect(quarterLabel('later')).toBe('later');
    expect(quarterAxisLabel('2026Q3')).toBe('2026\n3季度');
    expect(monthLabel('2026-10-31')).toBe('26-10');
  });
  it('labels quarters in English after a switch', async () => {
    await setLang('en');
    try {
      expect(quarterLabel('2026Q3')).toBe('Q3 2026');
      expect(quarterAxisLabel('2026Q3')).toBe('Q3\n2026');
    } finally {
      await setLang('zh-CN');
    }
  });
  it('counts statuses', () => {
    const f = [
      { status: 'SUBMITTED', count: 2 },
      { status: 'PAID', count: 3 },
    ];
    expect(countOf(f, 'SUBMITTED', 'VERIFIED')).toBe(2);
    expect(countOf(f)).toBe(0);
  });
});
