import type { TFunction } from 'i18next';
import { articleNumbers, formatArticle, type Lang } from '@ipfund/shared';
import { provisionArticle } from '../../app/policy';
import type { Policy } from '../../app/viewer.graphql';

/**
 * Display helpers of the forecast page (pure: unit-tested in __tests__). The words are in i18n.ts
 * (forecast.scenario.*, forecast.assumption.*, forecast.segment.*), so the helpers that write them take t.
 */

/** A scenario's name ("基准情景" / "Base case"); an unknown key as it came. */
export function scenarioLabel(t: TFunction, key: string): string {
  return t(`forecast.scenario.${key}`, { defaultValue: key });
}

/** A model assumption's name; an unknown key as it came. */
export function assumptionLabel(t: TFunction, key: string): string {
  return t(`forecast.assumption.${key}`, { defaultValue: key });
}

/** 0.1234 → "12.3%"; the API's floats are probabilities in [0, 1]. */
export function percent(p: number | null | undefined, digits = 1): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return `${(p * 100).toFixed(digits)}%`;
}

/** "12.3%（90% 区间 8.1%–17.0%）" / "12.3% (90% interval 8.1%–17.0%)" */
export function probabilityWithInterval(
  t: TFunction,
  p: { probability: number; low: number; high: number },
): string {
  return t('forecast.withInterval', {
    value: percent(p.probability),
    low: percent(p.low),
    high: percent(p.high),
  });
}

/**
 * A yuan string to 万 as a number for chart heights only ("12345678.90" → 1234.567890). Printed figures
 * are the API's strings; this is never shown as an amount.
 */
export function wanHeight(s: string): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s.trim());
  if (!m) return 0;
  const digits = m[2].padStart(5, '0');
  const text = `${m[1]}${digits.slice(0, -4)}.${digits.slice(-4)}${m[3] ?? ''}`;
  return Number(text);
}

/** The segment in words: 纯知识产权质押 / 组合贷款, 有担保 / 无担保 (or 全部 for the whole portfolio). */
export function segmentLabel(
  t: TFunction,
  s: { ipOnly: boolean | null; threeParty: boolean | null },
): string {
  if (s.ipOnly === null || s.threeParty === null) return t('forecast.segment.all');
  return t('forecast.segment.value', {
    kind: t(s.ipOnly ? 'forecast.segment.ipOnly' : 'forecast.segment.combined'),
    guarantee: t(s.threeParty ? 'forecast.segment.guaranteed' : 'forecast.segment.unguaranteed'),
  });
}

/** Effective sample size, "∞" for a rate given as known (sent as −1). */
export function sampleSize(n: number): string {
  return n < 0 ? '∞' : n >= 100 ? String(Math.round(n)) : n.toFixed(1);
}

/** The provisions whose compensation rules the simulation applies: sharing, guarantors, procedure, breaker. */
const SIMULATED_PROVISIONS = ['riskSharing', 'guarantorSharing', 'claimProcedure', 'fundSuspension'];

/** "第十一、十四、十七、十九条" / "Art 11, 14, 17, 19" from the policy in force; '' before it is known. */
export function simulatedArticles(policy: Pick<Policy, 'provisions'> | undefined, lang: Lang): string {
  const numbers = SIMULATED_PROVISIONS.flatMap(
    (key) => articleNumbers(provisionArticle(policy, key) ?? '') ?? [],
  );
  const unique = [...new Set(numbers)].sort((a, b) => a - b);
  return unique.length ? formatArticle(`Art ${unique.join(', ')}`, lang) : '';
}
