/** Chinese words for the report's codes (the API's PDF uses the same words). */

export const CLAIM_STATUS_ZH: Record<string, string> = {
  SUBMITTED: '已提交',
  RETURNED: '已退回补正',
  GUARANTOR_CONFIRMED: '担保机构已确认',
  VERIFIED: '资金管理人已核实',
  APPROVED: '已批准待支付',
  PAID: '已支付',
  REJECTED: '已否决',
};

export const RISK_LEVEL_ZH: Record<string, string> = {
  NONE: '正常',
  WARNING: '达到预警线',
  SUSPENSION_PROPOSED: '达到暂停线',
};

export const SUPERVISION_KIND_ZH: Record<string, string> = {
  WARNING: '警示通知',
  SUSPENSION: '暂停业务通知',
  SUSPENSION_LIFTED: '恢复业务通知',
  PROPOSED: '提议暂停',
  CONSENTED: '同意暂停',
  DECLINED: '不同意',
  APPROVED: '列入黑名单',
};

export const OFFICE_ZH: Record<string, string> = {
  IP_BUREAU: '区知识产权局',
  FINANCE_BUREAU: '区财政局',
  FINANCIAL_OFFICE: '区金融办',
  FUND_MANAGER: '资金管理人',
};

/** "0.0523" → "5.23%" by string arithmetic on the four decimals the API sends (no float). */
export function ratioPercent(ratio: string): string {
  const m = /^(-?)(\d+)\.(\d{4})$/.exec(ratio);
  if (!m) return ratio;
  const hundredths = Number(m[2]) * 10000 + Number(m[3]);
  return `${m[1]}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`;
}

/** The money lines of the report, as the PDF prints them. */
export const MONEY_LINES: {
  label: string;
  pick: (c: import('./reports.graphql').FundReportContent) => string;
}[] = [
  { label: '期初本金余额', pick: (c) => c.balances.principalOpening },
  { label: '期末本金余额', pick: (c) => c.balances.principalClosing },
  { label: '期初利息子账户余额', pick: (c) => c.balances.interestOpening },
  { label: '期末利息子账户余额', pick: (c) => c.balances.interestClosing },
  { label: '期末应收追偿返还款', pick: (c) => c.balances.recoveriesReceivableClosing },
  { label: '本期财政出资', pick: (c) => c.flows.capitalReceived },
  { label: '本期风险补偿支出', pick: (c) => c.flows.compensationPaid },
  { label: '本期确认追偿返还', pick: (c) => c.flows.recoveriesRecognised },
  { label: '本期收到追偿返还款', pick: (c) => c.flows.recoveriesReceived },
  { label: '本期利息收入', pick: (c) => c.flows.interestIncome },
  { label: '本期相关成本费用', pick: (c) => c.flows.programmeCosts },
  { label: '逾期未返还追偿款', pick: (c) => c.recoveriesOverdue.amount },
];
