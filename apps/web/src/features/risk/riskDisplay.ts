import type { Policy } from '../../app/viewer.graphql';
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

const LEVEL_LABELS: Record<string, string> = {
  NONE: '正常',
  WARNING: '预警',
  SUSPENSION_PROPOSED: '拟中止',
};

type RatioThresholds = Pick<Policy, 'warningRatio' | 'suspensionRatio'>;

/**
 * "预警（≥5%）", "拟中止（≥8%）" with the thresholds of the policy in force (R4, reached = included);
 * the bare name before the policy has arrived; an unknown level as sent.
 */
export function levelLabel(level: string, policy: RatioThresholds | undefined): string {
  const name = label(LEVEL_LABELS, level);
  const threshold =
    level === 'WARNING'
      ? policy?.warningRatio.value
      : level === 'SUSPENSION_PROPOSED'
        ? policy?.suspensionRatio.value
        : undefined;
  return threshold === undefined ? name : `${name}（≥${formatRate(threshold)}）`;
}

export const LEVEL_COLORS: Record<string, string> = {
  NONE: 'green',
  WARNING: 'orange',
  SUSPENSION_PROPOSED: 'red',
};

export const NOTICE_KIND_LABELS: Record<string, string> = {
  WARNING: '风险预警通知',
  SUSPENSION: '中止发放贷款通知',
  SUSPENSION_LIFTED: '恢复发放贷款通知',
};

export const EVENT_KIND_LABELS: Record<string, string> = {
  OVERDUE: '不能按期还本付息',
  DETERIORATION: '经营情况严重恶化',
  OTHER: '其他重大不利影响',
};

export const SUGGESTION_LABELS: Record<string, string> = {
  ISSUE_WARNING: '建议发出预警',
  PROPOSE_SUSPENSION: '建议提请中止',
};

export function label(map: Record<string, string>, key: string): string {
  return map[key] ?? key;
}

export const PROPOSAL_STATUS_LABELS: Record<string, string> = {
  PENDING: '待审批',
  CONSENTED: '已同意',
  DECLINED: '不同意',
};
