import { percent, probabilityWithInterval, sampleSize, segmentLabel, wanHeight } from '../forecastDisplay';

describe('forecast display', () => {
  it('writes probabilities as percentages with their interval', () => {
    expect(percent(0.1234)).toBe('12.3%');
    expect(percent(null)).toBe('—');
    expect(probabilityWithInterval({ probability: 0.5, low: 0.41, high: 0.6 })).toBe(
      '50.0%（90% 区间 41.0%–60.0%）',
    );
  });
  it('turns yuan strings into 万 for chart heights without floating-point parsing of the yuan', () => {
    expect(wanHeight('12345678.90')).toBeCloseTo(1234.56789, 6);
    expect(wanHeight('0.00')).toBe(0);
    expect(wanHeight('5000.00')).toBeCloseTo(0.5, 6);
    expect(wanHeight('bad')).toBe(0);
  });
  it('names segments and sample sizes', () => {
    expect(segmentLabel({ ipOnly: true, threeParty: false })).toBe('纯知识产权质押 · 无担保');
    expect(segmentLabel({ ipOnly: null, threeParty: null })).toBe('全部');
    expect(sampleSize(-1)).toBe('∞');
    expect(sampleSize(1234.4)).toBe('1234');
    expect(sampleSize(12.34)).toBe('12.3');
  });
});
