import Decimal from 'decimal.js';
import {
  Money,
  bankRiskRatio,
  compareDates,
  overdueDays,
  type IsoDate,
  type PolicyParameters,
  type RiskLoan,
} from '@ipfund/policy';
import type { Scope } from '../../authz/scope';
import { collectionIn, type QuarterCollection } from '../financials/financials.collection';
import { ACCOUNT, type AccountCode } from '../ledger/ledger.chart';
import { formatRatio } from '../risk/risk.service';
import { periodLabelZh, quarterOf, quartersOf, parsePeriod, type Period } from './report.period';

/**
 * The figures of one operation report (Art 6.6), as stored when the report is issued. Every amount is
 * a decimal string with two decimals; every money figure of the fund comes from ledger lines of the
 * period (business dates `from`…`asOf`), so it reconciles with the trial balance of the same dates.
 */
export interface FundReportContent {
  period: string;
  periodLabel: string;
  kind: 'QUARTER' | 'YEAR';
  from: IsoDate;
  to: IsoDate;
  /** The last business day the figures include: the period's end, or today for a period under way. */
  asOf: IsoDate;
  computedOn: IsoDate;
  policyId: string;
  articles: {
    report: string;
    capital: string;
    fundUse: string;
    interest: string;
    recovery: string;
    breaker: string;
    risk: string;
  };
  balances: {
    principalOpening: string;
    principalClosing: string;
    interestOpening: string;
    interestClosing: string;
    recoveriesReceivableOpening: string;
    recoveriesReceivableClosing: string;
  };
  flows: {
    capitalReceived: string;
    compensationPaid: string;
    recoveriesRecognised: string;
    recoveriesReceived: string;
    interestIncome: string;
    programmeCosts: string;
    returnedToFunder: string;
  };
  /** Remittances due by the period's end and not received by then (Art 18). */
  recoveriesOverdue: { count: number; amount: string };
  loans: {
    byBank: LoanGroup[];
    byGuarantor: LoanGroup[];
    total: LoanGroup;
  };
  riskByBank: BankRiskLine[];
  supervision: {
    warnings: SupervisionItem[];
    suspensions: SupervisionItem[];
    blacklist: SupervisionItem[];
  };
  claims: {
    byStatus: { status: string; count: number; lossBase: string; fundShare: string }[];
    filed: { count: number; lossBase: string };
    approved: { count: number; fundShare: string };
    paid: { count: number; fundShare: string };
  };
  breaker: {
    threshold: string;
    cumulativeAtEnd: string;
    remaining: string;
    reached: boolean;
  };
  compensationByQuarter: { quarter: string; amount: string }[];
  financials: QuarterCollectionSummary[];
}

export interface LoanGroup {
  orgId: string | null;
  name: string;
  coveredInPeriod: { count: number; principal: string; ipPledged: string };
  outstandingAtEnd: { count: number; outstanding: string; ipPledged: string };
}

export interface BankRiskLine {
  bankId: string;
  name: string;
  coveredLoans: number;
  outstanding: string;
  overdueLoans: number;
  overdueAmount: string;
  /** Overdue outstanding ÷ outstanding, four decimals. */
  overdueRatio: string;
  /** R4 ratio at the period's end (Art 12), four decimals, and its level. */
  riskRatio: string;
  riskLevel: string;
}

export interface SupervisionItem {
  on: IsoDate;
  subject: string;
  kind: string;
  comment: string;
}

export interface QuarterCollectionSummary {
  quarter: string;
  expected: number;
  submitted: number;
  missing: number;
  missingEnterprises: string[];
}

const money = (v: string | null | undefined) => Money.of(v ?? '0');
const fmt = (m: Money) => m.toString();

/** Runs a statement with named parameters (`:name`), as the scope's predicates are written. */
async function rows<T>(scope: Scope, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [text, values] = scope.em.connection.driver.escapeQueryWithParameters(sql, params);
  return (await scope.em.query(text, values)) as T[];
}

/**
 * A loan's reported state on a date: the latest status report on or before it (Art 12), or, for a
 * loan registered after that date, its full principal, nothing due and not closed.
 */
export const LOAN_STATE_AT = (loan: string, date: string) => `
  LEFT JOIN LATERAL (
    SELECT r.outstanding_principal, r.earliest_unpaid_due_date, r.closed
      FROM loan_status_reports r
     WHERE r.loan_id = ${loan}.id AND r.as_of <= ${date}
     ORDER BY r.as_of DESC, r.id DESC LIMIT 1) st ON true`;

interface LedgerLineSum {
  account_code: AccountCode;
  kind: string;
  debit_before: string;
  credit_before: string;
  debit_in: string;
  credit_in: string;
}

/** Net movement on the account's normal side. */
function net(lines: LedgerLineSum[], account: AccountCode, when: 'before' | 'in', kind?: string): Money {
  const debitSide = ![ACCOUNT.FUND_CAPITAL, ACCOUNT.RECOVERY_INCOME, ACCOUNT.INTEREST_INCOME].includes(
    account as never,
  );
  let total = Money.zero();
  for (const l of lines) {
    if (l.account_code !== account || (kind && l.kind !== kind)) continue;
    const d = money(when === 'before' ? l.debit_before : l.debit_in);
    const c = money(when === 'before' ? l.credit_before : l.credit_in);
    total = total.plus(debitSide ? d.minus(c) : c.minus(d));
  }
  return total;
}

export async function computeFundReport(
  scope: Scope,
  period: Period,
  today: IsoDate,
  policy: PolicyParameters,
): Promise<FundReportContent> {
  const asOf: IsoDate = compareDates(period.to, today) <= 0 ? period.to : today;
  const from = period.from;
  const p = { from, asOf };

  // ---- the ledger: per account and (for a reversal) its original's kind, before and in the period ----
  const ledger = await rows<LedgerLineSum>(
    scope,
    `SELECT e.account_code, COALESCE(o.kind, t.kind) AS kind,
            COALESCE(sum(e.debit) FILTER (WHERE t.business_date < :from::date), 0)::text AS debit_before,
            COALESCE(sum(e.credit) FILTER (WHERE t.business_date < :from::date), 0)::text AS credit_before,
            COALESCE(sum(e.debit) FILTER (WHERE t.business_date >= :from::date), 0)::text AS debit_in,
            COALESCE(sum(e.credit) FILTER (WHERE t.business_date >= :from::date), 0)::text AS credit_in
       FROM ledger_entries e
       JOIN ledger_transactions t ON t.id = e.transaction_id
       LEFT JOIN ledger_transactions o ON o.id = t.reverses_transaction_id
      WHERE t.business_date <= :asOf::date
      GROUP BY 1, 2`,
    p,
  );
  const opening = (a: AccountCode) => net(ledger, a, 'before');
  const closing = (a: AccountCode) => opening(a).plus(net(ledger, a, 'in'));

  // ---- compensation by quarter of the period's year, up to the period (the report's chart) ----
  const chartQuarters = quartersOf(parsePeriod(String(period.year))).filter(
    (q) => compareDates(q.from, period.to) <= 0,
  );
  const byQuarter = await rows<{ quarter: string; amount: string }>(
    scope,
    `SELECT to_char(t.business_date, 'YYYY-"Q"Q') AS quarter,
            COALESCE(sum(e.debit - e.credit), 0)::numeric(18,2)::text AS amount
       FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
      WHERE e.account_code = :account AND t.business_date BETWEEN :yearStart::date AND :asOf::date
      GROUP BY 1`,
    { account: ACCOUNT.COMPENSATION_PAID, yearStart: `${period.year}-01-01`, asOf },
  );
  const quarterAmount = new Map(byQuarter.map((r) => [r.quarter, r.amount]));

  // ---- recoveries owed by the period's end and not remitted by then (Art 18) ----
  const overdueRecoveries = scope.where('read', 'Recovery', 'rc');
  const [overdue] = await rows<{ n: number; amount: string }>(
    scope,
    `SELECT count(*)::int AS n, COALESCE(sum(rc.amount_owed), 0)::numeric(18,2)::text AS amount
       FROM recoveries rc
      WHERE rc.due_on < :asOf::date AND (rc.remitted_on IS NULL OR rc.remitted_on > :asOf::date)
        AND ${overdueRecoveries.sql}`,
    { ...p, ...overdueRecoveries.params },
  );

  // ---- loans: covered, issued by the period's end, with their state at its end ----
  const loanAuth = scope.where('read', 'Loan', 'l');
  const loans = await rows<{
    id: string;
    bank_id: string;
    bank_name: string;
    guarantor_id: string | null;
    guarantor_name: string | null;
    principal: string;
    ip_pledged_principal: string;
    issued_on: IsoDate;
    outstanding: string;
    earliest_unpaid_due_date: IsoDate | null;
    closed: boolean;
    in_claim: boolean;
  }>(
    scope,
    `SELECT l.id, l.bank_id, b.name AS bank_name, l.guarantor_id, g.name AS guarantor_name,
            l.principal::text, l.ip_pledged_principal::text, to_char(l.issued_on, 'YYYY-MM-DD') AS issued_on,
            COALESCE(st.outstanding_principal, l.principal)::text AS outstanding,
            to_char(st.earliest_unpaid_due_date, 'YYYY-MM-DD') AS earliest_unpaid_due_date,
            COALESCE(st.closed, false) AS closed,
            EXISTS (SELECT 1 FROM claims c WHERE c.loan_id = l.id AND c.filed_on <= :asOf::date
                      AND NOT EXISTS (SELECT 1 FROM claim_events ce WHERE ce.claim_id = c.id
                                        AND ce.to_status = 'REJECTED' AND ce.business_date <= :asOf::date)) AS in_claim
       FROM loans l
       JOIN organizations b ON b.id = l.bank_id
       LEFT JOIN organizations g ON g.id = l.guarantor_id
       ${LOAN_STATE_AT('l', ':asOf::date')}
      WHERE l.covered AND l.issued_on <= :asOf::date AND ${loanAuth.sql}
      ORDER BY b.name, l.issued_on, l.id`,
    { ...p, ...loanAuth.params },
  );

  const emptyGroup = (orgId: string | null, name: string): LoanGroup => ({
    orgId,
    name,
    coveredInPeriod: { count: 0, principal: '0.00', ipPledged: '0.00' },
    outstandingAtEnd: { count: 0, outstanding: '0.00', ipPledged: '0.00' },
  });
  const addTo = (g: LoanGroup, l: (typeof loans)[number]) => {
    if (compareDates(l.issued_on, from) >= 0) {
      g.coveredInPeriod.count += 1;
      g.coveredInPeriod.principal = fmt(money(g.coveredInPeriod.principal).plus(money(l.principal)));
      g.coveredInPeriod.ipPledged = fmt(
        money(g.coveredInPeriod.ipPledged).plus(money(l.ip_pledged_principal)),
      );
    }
    if (!l.closed && money(l.outstanding).isPositive()) {
      g.outstandingAtEnd.count += 1;
      g.outstandingAtEnd.outstanding = fmt(money(g.outstandingAtEnd.outstanding).plus(money(l.outstanding)));
      g.outstandingAtEnd.ipPledged = fmt(
        money(g.outstandingAtEnd.ipPledged).plus(money(l.ip_pledged_principal)),
      );
    }
  };
  const byBank = new Map<string, LoanGroup>();
  const byGuarantor = new Map<string, LoanGroup>();
  const total = emptyGroup(null, '合计');
  for (const l of loans) {
    const bank = byBank.get(l.bank_id) ?? emptyGroup(l.bank_id, l.bank_name);
    byBank.set(l.bank_id, bank);
    addTo(bank, l);
    if (l.guarantor_id) {
      const g = byGuarantor.get(l.guarantor_id) ?? emptyGroup(l.guarantor_id, l.guarantor_name ?? '');
      byGuarantor.set(l.guarantor_id, g);
      addTo(g, l);
    }
    addTo(total, l);
  }

  // ---- overdue and risk ratios by bank at the period's end (Art 12, R4) ----
  const riskByBank: BankRiskLine[] = [...byBank.values()].map((bank) => {
    const own = loans.filter((l) => l.bank_id === bank.orgId);
    const riskLoans: RiskLoan[] = own.map((l) => ({
      ipPledgedPrincipal: money(l.ip_pledged_principal),
      earliestUnpaidDueDate: l.closed ? null : l.earliest_unpaid_due_date,
      covered: true,
      inClaim: l.in_claim,
      closed: l.closed,
      issuedOn: l.issued_on,
    }));
    const risk = bankRiskRatio(riskLoans, asOf, policy);
    const open = own.filter((l) => !l.closed && money(l.outstanding).isPositive());
    const late = open.filter((l) => overdueDays(l.earliest_unpaid_due_date, asOf) > 0);
    const outstanding = Money.sum(open.map((l) => money(l.outstanding)));
    const overdueAmount = Money.sum(late.map((l) => money(l.outstanding)));
    return {
      bankId: bank.orgId ?? '',
      name: bank.name,
      coveredLoans: own.length,
      outstanding: fmt(outstanding),
      overdueLoans: late.length,
      overdueAmount: fmt(overdueAmount),
      overdueRatio: formatRatio(outstanding.isZero() ? new Decimal(0) : overdueAmount.ratioTo(outstanding)),
      riskRatio: formatRatio(risk.ratio),
      riskLevel: risk.level,
    };
  });

  // ---- supervision decisions in the period (Art 12, 21) ----
  const noticeAuth = scope.where('read', 'RiskNotice', 'n');
  const notices = await rows<{ on: IsoDate; bank: string; kind: string; comment: string }>(
    scope,
    `SELECT to_char(n.business_date, 'YYYY-MM-DD') AS on, b.name AS bank, n.kind, n.comment
       FROM risk_notices n JOIN organizations b ON b.id = n.bank_id
      WHERE n.business_date BETWEEN :from::date AND :asOf::date AND ${noticeAuth.sql}
      ORDER BY n.business_date, n.seq`,
    { ...p, ...noticeAuth.params },
  );
  const proposalAuth = scope.where('read', 'SuspensionProposal', 'sp');
  const proposals = await rows<{ on: IsoDate; bank: string; kind: string; comment: string }>(
    scope,
    `SELECT to_char(sp.proposed_on, 'YYYY-MM-DD') AS on, b.name AS bank, 'PROPOSED' AS kind, sp.comment
       FROM suspension_proposals sp JOIN organizations b ON b.id = sp.bank_id
      WHERE sp.proposed_on BETWEEN :from::date AND :asOf::date AND ${proposalAuth.sql}
     UNION ALL
     SELECT to_char(sp.decided_on, 'YYYY-MM-DD'), b.name, sp.status, COALESCE(sp.decision_comment, '')
       FROM suspension_proposals sp JOIN organizations b ON b.id = sp.bank_id
      WHERE sp.status <> 'PENDING' AND sp.decided_on BETWEEN :from::date AND :asOf::date AND ${proposalAuth.sql}
      ORDER BY 1, 2`,
    { ...p, ...proposalAuth.params },
  );
  const blacklistAuth = scope.where('read', 'BlacklistProposal', 'bp');
  const blacklist = await rows<{ on: IsoDate; enterprise: string; kind: string; comment: string }>(
    scope,
    `SELECT to_char(bp.decided_on, 'YYYY-MM-DD') AS on, e.name AS enterprise, bp.status AS kind,
            COALESCE(bp.decision_comment, bp.reason) AS comment
       FROM blacklist_proposals bp JOIN enterprises e ON e.id = bp.enterprise_id
      WHERE bp.status <> 'PENDING' AND bp.decided_on BETWEEN :from::date AND :asOf::date AND ${blacklistAuth.sql}
      ORDER BY bp.decided_on, bp.seq`,
    { ...p, ...blacklistAuth.params },
  );

  // ---- claims: status at the period's end (its last step by then), flows in the period ----
  const claimAuth = scope.where('read', 'Claim', 'c');
  const claims = await rows<{
    status: string;
    filed_on: IsoDate;
    approved_on: IsoDate | null;
    paid_on: IsoDate | null;
    loss_base: string;
    fund_share: string;
    final_fund_share: string | null;
  }>(
    scope,
    `SELECT COALESCE((SELECT ce.to_status FROM claim_events ce
                       WHERE ce.claim_id = c.id AND ce.business_date <= :asOf::date
                       ORDER BY ce.business_date DESC, ce.occurred_at DESC LIMIT 1), 'SUBMITTED') AS status,
            to_char(c.filed_on, 'YYYY-MM-DD') AS filed_on,
            to_char(c.approved_on, 'YYYY-MM-DD') AS approved_on,
            to_char(c.paid_on, 'YYYY-MM-DD') AS paid_on,
            c.loss_base::text, c.fund_share::text, c.final_fund_share::text
       FROM claims c
      WHERE c.filed_on <= :asOf::date AND ${claimAuth.sql}`,
    { ...p, ...claimAuth.params },
  );
  const inPeriod = (d: IsoDate | null) =>
    d !== null && compareDates(d, from) >= 0 && compareDates(d, asOf) <= 0;
  const approvedBy = (c: (typeof claims)[number]) =>
    c.approved_on !== null && compareDates(c.approved_on, asOf) <= 0;
  // F as the claim stood at the end: the final figure once finally approved, the computed one before.
  const shareOf = (c: (typeof claims)[number]) => money(approvedBy(c) ? c.final_fund_share : c.fund_share);
  const statuses = [...new Set(claims.map((c) => c.status))].sort();
  const byStatus = statuses.map((status) => {
    const list = claims.filter((c) => c.status === status);
    return {
      status,
      count: list.length,
      lossBase: fmt(Money.sum(list.map((c) => money(c.loss_base)))),
      fundShare: fmt(Money.sum(list.map(shareOf))),
    };
  });
  const filed = claims.filter((c) => inPeriod(c.filed_on));
  const approved = claims.filter((c) => inPeriod(c.approved_on));
  const paid = claims.filter((c) => inPeriod(c.paid_on));
  const cumulative = Money.sum(claims.filter(approvedBy).map((c) => money(c.final_fund_share)));
  const threshold = policy.circuitBreakerCumulative.value;

  // ---- borrowers' quarterly statements (Art 22) for the quarters of the period that have ended ----
  const ended = quartersOf(period).filter((q) => compareDates(q.to, today) < 0);
  const financials: QuarterCollectionSummary[] = [];
  for (const q of ended) {
    const c: QuarterCollection = await collectionIn(scope, q);
    financials.push({
      quarter: q.key,
      expected: c.rows.length,
      submitted: c.rows.filter((r) => r.statement !== null).length,
      missing: c.rows.filter((r) => r.statement === null).length,
      missingEnterprises: c.rows.filter((r) => r.statement === null).map((r) => r.enterpriseName),
    });
  }

  const item = (r: { on: IsoDate; kind: string; comment: string }, subject: string): SupervisionItem => ({
    on: r.on,
    subject,
    kind: r.kind,
    comment: r.comment,
  });

  return {
    period: period.key,
    periodLabel: periodLabelZh(period),
    kind: period.kind,
    from,
    to: period.to,
    asOf,
    computedOn: today,
    policyId: policy.id,
    articles: {
      report: policy.provisions.operationReports.article,
      capital: policy.initialCapital.article,
      fundUse: policy.provisions.fundUse.article,
      interest: policy.provisions.interestAccount.article,
      recovery: policy.provisions.recovery.article,
      breaker: policy.circuitBreakerCumulative.article,
      risk: policy.warningRatio.article,
    },
    balances: {
      principalOpening: fmt(opening(ACCOUNT.PRINCIPAL)),
      principalClosing: fmt(closing(ACCOUNT.PRINCIPAL)),
      interestOpening: fmt(opening(ACCOUNT.INTEREST)),
      interestClosing: fmt(closing(ACCOUNT.INTEREST)),
      recoveriesReceivableOpening: fmt(opening(ACCOUNT.RECOVERIES_RECEIVABLE)),
      recoveriesReceivableClosing: fmt(closing(ACCOUNT.RECOVERIES_RECEIVABLE)),
    },
    flows: {
      capitalReceived: fmt(net(ledger, ACCOUNT.PRINCIPAL, 'in', 'CAPITAL_INJECTION')),
      compensationPaid: fmt(net(ledger, ACCOUNT.COMPENSATION_PAID, 'in')),
      recoveriesRecognised: fmt(net(ledger, ACCOUNT.RECOVERY_INCOME, 'in')),
      recoveriesReceived: fmt(net(ledger, ACCOUNT.PRINCIPAL, 'in', 'REMITTANCE_RECEIVED')),
      interestIncome: fmt(net(ledger, ACCOUNT.INTEREST_INCOME, 'in')),
      programmeCosts: fmt(net(ledger, ACCOUNT.PROGRAMME_COSTS, 'in')),
      returnedToFunder: fmt(net(ledger, ACCOUNT.RETURNED_TO_FUNDER, 'in')),
    },
    recoveriesOverdue: { count: overdue.n, amount: overdue.amount },
    loans: {
      byBank: [...byBank.values()],
      byGuarantor: [...byGuarantor.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh')),
      total,
    },
    riskByBank,
    supervision: {
      warnings: notices.map((n) => item(n, n.bank)),
      suspensions: proposals.map((n) => item(n, n.bank)),
      blacklist: blacklist.map((n) => item(n, n.enterprise)),
    },
    claims: {
      byStatus,
      filed: { count: filed.length, lossBase: fmt(Money.sum(filed.map((c) => money(c.loss_base)))) },
      approved: {
        count: approved.length,
        fundShare: fmt(Money.sum(approved.map((c) => money(c.final_fund_share)))),
      },
      paid: { count: paid.length, fundShare: fmt(Money.sum(paid.map((c) => money(c.final_fund_share)))) },
    },
    breaker: {
      threshold: fmt(threshold),
      cumulativeAtEnd: fmt(cumulative),
      remaining: fmt(threshold.minus(cumulative).max(Money.zero())),
      reached: cumulative.gte(threshold),
    },
    compensationByQuarter: chartQuarters.map((q) => ({
      quarter: q.key,
      amount: Money.of(quarterAmount.get(q.key) ?? '0').toString(),
    })),
    financials,
  };
}

/** The quarter a business date falls in, as a period key (for the demo and defaults). */
export function currentQuarterKey(today: IsoDate): string {
  return quarterOf(today).key;
}
