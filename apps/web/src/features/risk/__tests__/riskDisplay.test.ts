import { label, LEVEL_LABELS, ratioPercent } from '../riskDisplay';

describe('ratioPercent (string manipulation only)', () => {
  it('shifts the decimal point by two', () => {
    expect(ratioPercent('0.0523')).toBe('5.23%');
    expect(ratioPercent('0.0800')).toBe('8.00%');
    expect(ratioPercent('0.0000')).toBe('0.00%');
    expect(ratioPercent('0.3558')).toBe('35.58%');
    expect(ratioPercent('1')).toBe('100.00%');
    expect(ratioPercent('0.05')).toBe('5.00%');
  });

  it('shows anything unexpected as sent', () => {
    expect(ratioPercent('n/a')).toBe('n/a');
    expect(ratioPercent('-0.01')).toBe('-0.01');
  });
});

describe('labels', () => {
  it('falls back to the code for an unknown value', () => {
    expect(label(LEVEL_LABELS, 'WARNING')).toBe('预警（≥5%）');
    expect(label(LEVEL_LABELS, 'NEW_LEVEL')).toBe('NEW_LEVEL');
  });
});
