/** Display helpers of the forecast page (pure: unit-tested in __tests__). */

export const SCENARIO_LABELS: Record<string, string> = {
  BASE: '基准情景',
  BANK_GROWTH: '银行贷款增长',
  TIER_RATE: '补偿比例调整',
  TOP_UP: '补充资金',
  BANK_SUSPENDED: '暂停银行新增业务',
  DEFAULT_STRESS: '违约率压力',
  ALL_LEVERS: '全部假设叠加',
};

export const ASSUMPTION_LABELS: Record<string, string> = {
  priorCurrentTo15: '先验：正常→逾期15天（月）',
  prior15To60: '先验：逾期15天→逾期60天（月）',
  prior15Cure: '先验：逾期15天→结清（月）',
  priorRecovery: '先验：代偿后追偿成功概率',
  recoveryShareOfLoss: '追偿回收占损失基数比例',
  recoveryDelayMonths: '代偿至追偿返还的月数',
  approvalLagMonths: '逾期60天至最终批准的月数',
  resumptionAfterMonths: '熔断后恢复业务的月数',
  replayLastYearLending: '按上年放款重复新增业务',
};

/** 0.1234 → "12.3%"; the API's floats are probabilities in [0, 1]. */
export function percent(p: number | null | undefined, digits = 1): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return `${(p * 100).toFixed(digits)}%`;
}

/** "12.3%（90% 区间 8.1%–17.0%）" */
export function probabilityWithInterval(t: { probability: number; low: number; high: number }): string {
  return `${percent(t.probability)}（90% 区间 ${percent(t.low)}–${percent(t.high)}）`;
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

/** The segment in words: 纯知识产权 / 组合贷款, 有担保 / 无担保. */
export function segmentLabel(s: { ipOnly: boolean | null; threeParty: boolean | null }): string {
  if (s.ipOnly === null || s.threeParty === null) return '全部';
  return `${s.ipOnly ? '纯知识产权质押' : '组合贷款'} · ${s.threeParty ? '有担保' : '无担保'}`;
}

/** Effective sample size, "∞" for a rate given as known (sent as −1). */
export function sampleSize(n: number): string {
  return n < 0 ? '∞' : n >= 100 ? String(Math.round(n)) : n.toFixed(1);
}
