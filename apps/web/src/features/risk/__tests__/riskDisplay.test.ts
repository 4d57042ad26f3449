import { i18n } from '../../../i18n';
import { cite, eventKindLabel, levelLabel, noticeKindLabel, ratioPercent } from '../riskDisplay';

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
    expect(noticeKindLabel('WARNING')).toBe('风险预警通知');
    expect(noticeKindLabel('NEW_KIND')).toBe('NEW_KIND');
    expect(eventKindLabel('toString')).toBe('toString');
  });
});

describe('levelLabel (thresholds from the policy in force)', () => {
  const policy = (warning: string, suspension: string) => ({
    warningRatio: { value: warning, article: 'Art 12', note: null },
    suspensionRatio: { value: suspension, article: 'Art 12', note: null },
  });

  it("names each level with the policy's threshold", () => {
    expect(levelLabel('WARNING', policy('0.05', '0.08'))).toBe('预警（≥5%）');
    expect(levelLabel('SUSPENSION_PROPOSED', policy('0.05', '0.08'))).toBe('拟中止（≥8%）');
    expect(levelLabel('NONE', policy('0.05', '0.08'))).toBe('正常');
  });

  it('follows another policy, not fixed figures', () => {
    expect(levelLabel('WARNING', policy('0.06', '0.1'))).toBe('预警（≥6%）');
    expect(levelLabel('SUSPENSION_PROPOSED', policy('0.06', '0.1'))).toBe('拟中止（≥10%）');
  });

  it('gives the bare name before the policy arrives, and an unknown level as sent', () => {
    expect(levelLabel('WARNING', undefined)).toBe('预警');
    expect(levelLabel('NEW_LEVEL', policy('0.05', '0.08'))).toBe('NEW_LEVEL');
  });
});

describe('in English', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('names levels and notices, and cites articles one way', async () => {
    await i18n.changeLanguage('en');
    const policy = {
      warningRatio: { value: '0.05', article: 'Art 12', note: null },
      suspensionRatio: { value: '0.08', article: 'Art 12', note: null },
    };
    expect(levelLabel('WARNING', policy)).toBe('Warning (≥5%)');
    expect(noticeKindLabel('SUSPENSION')).toBe('Lending suspended');
    expect(cite('en', 'Art 12')).toBe(' (Art 12)');
    expect(cite('zh-CN', 'Art 12', 'Art 16')).toBe('（第十二条、第十六条）');
    expect(cite('en', undefined)).toBe('');
  });
});
