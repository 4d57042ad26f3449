import { formatArticle, type Lang } from '@ipfund/shared';
import type { Policy } from '../../app/viewer.graphql';
import type { RiskEventKind } from '../../gql/graphql';
import { i18n } from '../../i18n';
import { formatRate } from '../claims/policyText';

/** Display helpers for bank risk supervision (Art 12) and early warnings (Art 16). No money maths here. */

/**
 * "0.0523" → "5.23%"; "0.08" → "8.00%"; "1" → "100.00%". String manipulation (shift the decimal point
 * by two), so what is shown is exactly what the API sent. Anything else is returned as sent.
 */
export function ratioPercent(ratio: string): string {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(ratio.trim());
  if (!m) return ratio;
  const frac = (m[2] ?? '').padEnd(4, '0');
  const int = `${m[1]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  return `${int}.${frac.slice(2, 4)}%`;
}

type RatioThresholds = Pick<Policy, 'warningRatio' | 'suspensionRatio'>;

/** The text of `risk.<group>.<code>`, or the code as sent when there is none (a newer API). */
function coded(group: string, code: string): string {
  const key = `risk.${group}.${code}`;
  return i18n.exists(key) ? i18n.t(key) : code;
}

/**
 * "预警（≥5%）", "拟中止（≥8%）" with the thresholds of the policy in force (R4, reached = included);
 * the bare name before the policy has arrived; an unknown level as sent.
 */
export function levelLabel(level: string, policy: RatioThresholds | undefined): string {
  if (!LEVELS.includes(level)) return level;
  const name = coded('level', level);
  const threshold =
    level === 'WARNING'
      ? policy?.warningRatio.value
      : level === 'SUSPENSION_PROPOSED'
        ? policy?.suspensionRatio.value
        : undefined;
  return threshold === undefined
    ? name
    : i18n.t('risk.level.withThreshold', { name, threshold: formatRate(threshold) });
}

const LEVELS = ['NONE', 'WARNING', 'SUSPENSION_PROPOSED'];

export const LEVEL_COLORS: Record<string, string> = {
  NONE: 'green',
  WARNING: 'orange',
  SUSPENSION_PROPOSED: 'red',
};

/** 风险预警通知 …: a notice's kind in the current language; an unknown kind as sent. */
export const noticeKindLabel = (kind: string): string => coded('noticeKind', kind);

/** The kinds of risk event a bank or guarantor may report (Art 16), in this order. */
export const EVENT_KINDS: readonly RiskEventKind[] = ['OVERDUE', 'DETERIORATION', 'OTHER'];

export const eventKindLabel = (kind: string): string => coded('eventKind', kind);

export const suggestionLabel = (suggestion: string): string | null =>
  i18n.exists(`risk.suggestion.${suggestion}`) ? i18n.t(`risk.suggestion.${suggestion}`) : null;

export const proposalStatusLabel = (status: string): string => coded('proposalStatus', status);

/** "（第十二条）" / " (Art 12)" for the articles given; nothing when there is none (policy not yet here). */
export function cite(lang: Lang, ...articles: (string | null | undefined)[]): string {
  const present = articles.filter((a): a is string => !!a).map((a) => formatArticle(a, lang));
  const t = i18n.getFixedT(lang);
  return present.length ? t('risk.cite', { articles: present.join(t('risk.articleSeparator')) }) : '';
}
