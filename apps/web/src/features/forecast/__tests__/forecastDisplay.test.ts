import { i18n } from '../../../i18n';
import {
  assumptionLabel,
  percent,
  probabilityWithInterval,
  sampleSize,
  scenarioLabel,
  segmentLabel,
  simulatedArticles,
  wanHeight,
} from '../forecastDisplay';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('forecast display', () => {
  it('writes probabilities as percentages with their interval, in either language', () => {
    expect(percent(0.1234)).toBe('12.3%');
    expect(percent(null)).toBe('—');
    expect(probabilityWithInterval(zh, { probability: 0.5, low: 0.41, high: 0.6 })).toBe(
      '50.0%（90% 区间 41.0%–60.0%）',
    );
    expect(probabilityWithInterval(en, { probability: 0.5, low: 0.41, high: 0.6 })).toBe(
      '50.0% (90% interval 41.0%–60.0%)',
    );
  });
  it('turns yuan strings into 万 for chart heights without floating-point parsing of the yuan', () => {
    expect(wanHeight('12345678.90')).toBeCloseTo(1234.56789, 6);
    expect(wanHeight('0.00')).toBe(0);
    expect(wanHeight('5000.00')).toBeCloseTo(0.5, 6);
    expect(wanHeight('bad')).toBe(0);
  });
  it('names segments and sample sizes', () => {
    expect(segmentLabel(zh, { ipOnly: true, threeParty: false })).toBe('纯知识产权质押 · 无担保');
    expect(segmentLabel(zh, { ipOnly: null, threeParty: null })).toBe('全部');
    expect(segmentLabel(en, { ipOnly: false, threeParty: true })).toBe('Combination loan · guaranteed');
    expect(sampleSize(-1)).toBe('∞');
    expect(sampleSize(1234.4)).toBe('1234');
    expect(sampleSize(12.34)).toBe('12.3');
  });
  it('names scenarios and assumptions, an unknown key as it came', () => {
    expect(scenarioLabel(zh, 'BASE')).toBe('基准情景');
    expect(scenarioLabel(en, 'TOP_UP')).toBe('Capital top-up');
    expect(scenarioLabel(en, 'NEW_LEVER')).toBe('NEW_LEVER');
    expect(assumptionLabel(zh, 'priorRecovery')).toBe('先验：代偿后追偿成功概率');
    expect(assumptionLabel(en, 'somethingNew')).toBe('somethingNew');
  });
});

describe('the articles the simulation applies', () => {
  const provisions = [
    { key: 'riskSharing', article: 'Art 11', note: null },
    { key: 'guarantorSharing', article: 'Art 14', note: null },
    { key: 'claimProcedure', article: 'Art 17', note: null },
    { key: 'fundSuspension', article: 'Art 19', note: null },
    { key: 'audit', article: 'Art 20', note: null },
  ];
  it('come from the policy in force, written the one way of each language', () => {
    expect(simulatedArticles({ provisions }, 'zh-CN')).toBe('第十一、十四、十七、十九条');
    expect(simulatedArticles({ provisions }, 'en')).toBe('Art 11, 14, 17, 19');
  });
  it('are nothing before the policy is known', () => {
    expect(simulatedArticles(undefined, 'zh-CN')).toBe('');
  });
});
