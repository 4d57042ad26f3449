import { sheet, writeXlsx } from '../../export/xlsx';
import type { ForecastRequest } from './forecast.service';
import type { FundForecastType, ForecastScenarioType } from './forecast.types';

const SCENARIO: Record<string, string> = {
  BASE: '基准情景',
  BANK_GROWTH: '银行贷款增长',
  TIER_RATE: '补偿比例调整',
  TOP_UP: '补充资金',
  BANK_SUSPENDED: '暂停银行合作',
  DEFAULT_STRESS: '违约压力',
  ALL_LEVERS: '全部假设叠加',
};

const ratio = (x: number | null) => (x === null ? null : x.toFixed(4));
const name = (s: ForecastScenarioType) => SCENARIO[s.key] ?? s.key;

/**
 * The forecast as a workbook (issue 13): every scenario's trip probabilities, the base case's balance
 * band, payouts per quarter, contributions, the segment estimates with their sample sizes, and the
 * assumptions with their sources — what the page shows, as figures.
 */
export function forecastXlsx(f: FundForecastType): Promise<Buffer> {
  const trips = f.scenarios.flatMap((s) => s.tripProbability.map((t) => ({ s, t })));
  const balance = f.scenarios.flatMap((s) => s.balance.map((b) => ({ s, b })));
  const payouts = f.scenarios.flatMap((s) => s.payouts.map((p) => ({ s, p })));
  const banks = f.scenarios.flatMap((s) => s.topBanks.map((c) => ({ s, c })));
  return writeXlsx(
    [
      sheet({
        name: '熔断概率',
        rows: trips,
        columns: [
          { header: '情景', kind: 'text', value: ({ s }) => name(s) },
          { header: '期限（月）', kind: 'integer', value: ({ t }) => t.withinMonths },
          { header: '触发熔断概率', kind: 'percent', value: ({ t }) => ratio(t.probability) },
          { header: '90% 区间下限', kind: 'percent', value: ({ t }) => ratio(t.low) },
          { header: '90% 区间上限', kind: 'percent', value: ({ t }) => ratio(t.high) },
          { header: '预计补偿总额', kind: 'money', value: ({ s }) => s.expectedTotalPayout },
          { header: '预计批准笔数', kind: 'text', value: ({ s }) => s.expectedClaimsApproved.toFixed(2) },
          { header: '熔断暂停笔数', kind: 'text', value: ({ s }) => s.expectedClaimsHeld.toFixed(2) },
        ],
      }),
      sheet({
        name: '资金余额',
        rows: balance,
        columns: [
          { header: '情景', kind: 'text', value: ({ s }) => name(s) },
          { header: '月份', kind: 'integer', value: ({ b }) => b.month },
          { header: '月末', kind: 'date', value: ({ b }) => b.date },
          { header: '期望', kind: 'money', value: ({ b }) => b.mean },
          { header: '5% 分位', kind: 'money', value: ({ b }) => b.p5 },
          { header: '中位数', kind: 'money', value: ({ b }) => b.p50 },
          { header: '95% 分位', kind: 'money', value: ({ b }) => b.p95 },
        ],
      }),
      sheet({
        name: '季度补偿',
        rows: payouts,
        columns: [
          { header: '情景', kind: 'text', value: ({ s }) => name(s) },
          { header: '季度', kind: 'integer', value: ({ p }) => p.quarter },
          { header: '期望', kind: 'money', value: ({ p }) => p.mean },
          { header: '5% 分位', kind: 'money', value: ({ p }) => p.p5 },
          { header: '95% 分位', kind: 'money', value: ({ p }) => p.p95 },
        ],
      }),
      sheet({
        name: '风险贡献',
        rows: banks,
        columns: [
          { header: '情景', kind: 'text', value: ({ s }) => name(s) },
          { header: '银行', kind: 'text', value: ({ c }) => c.bankName, width: 30 },
          { header: '预计补偿', kind: 'money', value: ({ c }) => c.expectedPayout },
          { header: '占比', kind: 'percent', value: ({ c }) => ratio(c.share) },
        ],
      }),
      sheet({
        name: '迁移率估计',
        rows: f.segments,
        columns: [
          { header: '银行', kind: 'text', value: (s) => s.bankName, width: 30 },
          { header: '类型', kind: 'text', value: (s) => (s.ipOnly ? '纯知识产权质押' : '组合贷款') },
          { header: '担保', kind: 'text', value: (s) => (s.threeParty ? '有担保' : '无担保') },
          { header: '在贷笔数', kind: 'integer', value: (s) => s.loans },
          { header: '在贷本金', kind: 'money', value: (s) => s.outstandingPrincipal },
          { header: '正常→逾期15天 月概率', kind: 'percent', value: (s) => ratio(s.toOverdue.estimate) },
          { header: '观测月数', kind: 'integer', value: (s) => s.toOverdue.exposures },
          { header: '有效样本量', kind: 'text', value: (s) => s.toOverdue.effectiveSampleSize.toFixed(1) },
          { header: '逾期15天→60天 月概率', kind: 'percent', value: (s) => ratio(s.toClaim.estimate) },
          { header: '观测月数 ', kind: 'integer', value: (s) => s.toClaim.exposures },
          { header: '有效样本量 ', kind: 'text', value: (s) => s.toClaim.effectiveSampleSize.toFixed(1) },
          { header: '逾期15天→结清 月概率', kind: 'percent', value: (s) => ratio(s.cure.estimate) },
        ],
      }),
      sheet({
        name: '模型假设',
        rows: f.assumptions,
        columns: [
          { header: '参数', kind: 'text', value: (a) => a.key, width: 26 },
          { header: '取值', kind: 'text', value: (a) => a.value, width: 20 },
          { header: '来源', kind: 'text', value: (a) => a.source, width: 80 },
        ],
      }),
    ],
    {
      title: `资金压力测试 ${f.asOf}（${f.horizonMonths} 个月，${f.paths} 条路径，种子 ${f.seed}）`,
    },
  );
}

const INT = /^\d{1,10}$/;
const NUM = /^\d{1,6}(\.\d{1,6})?$/;

/**
 * The request of `/export/forecast.xlsx` from its query string (the page's own inputs): null for a
 * malformed value, so the route answers 400 like GraphQL answers BAD_USER_INPUT.
 */
export function forecastRequestFromQuery(q: Record<string, string>): ForecastRequest | null {
  const int = (v: string | undefined, dflt: number) =>
    v === undefined ? dflt : INT.test(v) ? Number(v) : NaN;
  const num = (v: string | undefined) => (v === undefined ? undefined : NUM.test(v) ? Number(v) : NaN);
  const req: ForecastRequest = {
    horizonMonths: int(q.horizonMonths, 36),
    paths: int(q.paths, 1000),
    seed: int(q.seed, 1),
    levers: {
      topUp: q.topUp ?? null,
      defaultStress: num(q.defaultStress) ?? null,
      suspendedBankIds: q.suspendedBankIds ? q.suspendedBankIds.split(',') : null,
      bankGrowth:
        q.growthBankId && q.growthPercent !== undefined
          ? [{ bankId: q.growthBankId, percent: num(q.growthPercent) ?? NaN }]
          : null,
      tierRate:
        (q.tier === 'LOW' || q.tier === 'HIGH') && q.tierRate ? { tier: q.tier, rate: q.tierRate } : null,
    },
  };
  const numbers = [
    req.horizonMonths,
    req.paths,
    req.seed,
    req.levers?.defaultStress ?? 0,
    req.levers?.bankGrowth?.[0]?.percent ?? 0,
  ];
  if (numbers.some((n) => Number.isNaN(n))) return null;
  if (q.topUp !== undefined && !/^\d{1,13}(\.\d{1,2})?$/.test(q.topUp)) return null;
  if (q.tierRate !== undefined && !/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/.test(q.tierRate)) return null;
  return req;
}
