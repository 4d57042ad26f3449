import type { FundReportContent } from './reports.graphql';

/**
 * Display helpers of the reports page. The words for the report's codes (the API's PDF uses the same
 * Chinese words) are in i18n.ts: reports.claimStatus.*, reports.riskLevel.*, reports.supervisionKind.*,
 * reports.office.*, reports.moneyLine.*.
 */

/** "0.0523" → "5.23%" by string arithmetic on the four decimals the API sends (no float). */
export function ratioPercent(ratio: string): string {
  const m = /^(-?)(\d+)\.(\d{4})$/.exec(ratio);
  if (!m) return ratio;
  const hundredths = Number(m[2]) * 10000 + Number(m[3]);
  return `${m[1]}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}%`;
}

/** The money lines of the report, as the PDF prints them; each named by reports.moneyLine.<key>. */
export const MONEY_LINES: { key: string; pick: (c: FundReportContent) => string }[] = [
  { key: 'principalOpening', pick: (c) => c.balances.principalOpening },
  { key: 'principalClosing', pick: (c) => c.balances.principalClosing },
  { key: 'interestOpening', pick: (c) => c.balances.interestOpening },
  { key: 'interestClosing', pick: (c) => c.balances.interestClosing },
  { key: 'recoveriesReceivableClosing', pick: (c) => c.balances.recoveriesReceivableClosing },
  { key: 'capitalReceived', pick: (c) => c.flows.capitalReceived },
  { key: 'compensationPaid', pick: (c) => c.flows.compensationPaid },
  { key: 'recoveriesRecognised', pick: (c) => c.flows.recoveriesRecognised },
  { key: 'recoveriesReceived', pick: (c) => c.flows.recoveriesReceived },
  { key: 'interestIncome', pick: (c) => c.flows.interestIncome },
  { key: 'programmeCosts', pick: (c) => c.flows.programmeCosts },
  { key: 'recoveriesOverdue', pick: (c) => c.recoveriesOverdue.amount },
];
