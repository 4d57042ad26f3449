import { bankRiskRatio, compareDates, Money, type IsoDate, type RiskLoan } from '@ipfund/policy';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { formatRatio } from '../risk/risk.service';

/** How many quarters the trend covers (two years: the programme reports quarterly). */
export const DASHBOARD_QUARTERS = 8;
/** How many month-ends the risk-ratio history covers, before the business date itself. */
export const RISK_HISTORY_MONTHS = 12;

export interface StatusFigure {
  status: string;
  count: number;
  amount: Money;
}

export interface PortfolioSummary {
  loanCount: number;
  outstandingPrincipal: Money;
  /** Not closed, at least one day past the earliest unpaid due date. */
  overdueLoans: number;
  overduePrincipal: Money;
  /** Not closed and overdue at least the policy's risk-ratio days (Art 12). */
  riskOverdueLoans: number;
}

export interface QuarterFigures {
  /** "2026Q3" */
  quarter: string;
  /** The quarter's last day, or the business date for the running quarter. */
  endsOn: IsoDate;
  loansIssued: number;
  principalIssued: Money;
  claimsFiled: number;
  /** Σ final F of claims approved in the quarter. */
  compensationApproved: Money;
  /** Σ final F of claims paid in the quarter. */
  compensationPaid: Money;
  /** Σ final F of every claim approved up to `endsOn` (R7's cumulative figure over the visible claims). */
  cumulativeCompensation: Money;
}

export interface RiskPoint {
  asOf: IsoDate;
  ratio: string;
}

export interface BankRiskSeries {
  bankId: string;
  bankName: string;
  points: RiskPoint[];
}

export interface DashboardView {
  asOf: IsoDate;
  portfolio: PortfolioSummary;
  loansByStatus: StatusFigure[];
  claimsByStatus: StatusFigure[];
  quarters: QuarterFigures[];
  riskHistory: BankRiskSeries[];
}

/**
 * The home page's figures: aggregates over exactly what the caller may read (the scope's loans and
 * claims, the banks whose risk it may see), in one read transaction. Nothing here is a second copy of
 * a rule: the risk ratio over time is the policy's `bankRiskRatio` applied to each loan's state as its
 * bank reported it on that date (the append-only status reports), so the last point equals `bankRisks`.
 */
export class DashboardService {
  constructor(
    private readonly access: Access,
    private readonly clock: BusinessClock,
  ) {}

  dashboard(actor: Actor): Promise<DashboardView> {
    return this.access.read(actor, async (scope) => {
      const today = this.clock.today();
      const [portfolio, loansByStatus, claimsByStatus, quarters, riskHistory] = [
        await this.portfolio(scope, today),
        await this.loansByStatus(scope),
        await this.claimsByStatus(scope),
        await this.quarters(scope, today),
        await this.riskHistory(scope, today),
      ];
      return { asOf: today, portfolio, loansByStatus, claimsByStatus, quarters, riskHistory };
    });
  }

  private async portfolio(scope: Scope, today: IsoDate): Promise<PortfolioSummary> {
    const row = (await scope
      .loans()
      .select('count(*)::int', 'loan_count')
      .addSelect('coalesce(sum(loan.outstanding_principal), 0)::text', 'outstanding')
      .addSelect(
        `count(*) FILTER (WHERE loan.status <> 'CLOSED' AND loan.earliest_unpaid_due_date < :today::date)::int`,
        'overdue_loans',
      )
      .addSelect(
        `coalesce(sum(loan.outstanding_principal) FILTER (WHERE loan.status <> 'CLOSED'
           AND loan.earliest_unpaid_due_date < :today::date), 0)::text`,
        'overdue_principal',
      )
      .addSelect(
        `count(*) FILTER (WHERE loan.status <> 'CLOSED'
           AND (:today::date - loan.earliest_unpaid_due_date) >= :riskDays)::int`,
        'risk_overdue_loans',
      )
      .setParameters({ today, riskDays: scope.policy.riskOverdueDays.value })
      .getRawOne()) as {
      loan_count: number;
      outstanding: string;
      overdue_loans: number;
      overdue_principal: string;
      risk_overdue_loans: number;
    };
    return {
      loanCount: row.loan_count,
      outstandingPrincipal: Money.of(row.outstanding),
      overdueLoans: row.overdue_loans,
      overduePrincipal: Money.of(row.overdue_principal),
      riskOverdueLoans: row.risk_overdue_loans,
    };
  }

  private async loansByStatus(scope: Scope): Promise<StatusFigure[]> {
    const rows = (await scope
      .loans()
      .select('loan.status', 'status')
      .addSelect('count(*)::int', 'count')
      .addSelect('coalesce(sum(loan.outstanding_principal), 0)::text', 'amount')
      .groupBy('loan.status')
      .orderBy('loan.status')
      .getRawMany()) as { status: string; count: number; amount: string }[];
    return rows.map((r) => ({ status: r.status, count: r.count, amount: Money.of(r.amount) }));
  }

  /** Per status: how many, and Σ F (final once approved, as filed before). */
  private async claimsByStatus(scope: Scope): Promise<StatusFigure[]> {
    const rows = (await scope
      .claims()
      .select('claim.status', 'status')
      .addSelect('count(*)::int', 'count')
      .addSelect('coalesce(sum(coalesce(claim.final_fund_share, claim.fund_share)), 0)::text', 'amount')
      .groupBy('claim.status')
      .orderBy('claim.status')
      .getRawMany()) as { status: string; count: number; amount: string }[];
    return rows.map((r) => ({ status: r.status, count: r.count, amount: Money.of(r.amount) }));
  }

  private async quarters(scope: Scope, today: IsoDate): Promise<QuarterFigures[]> {
    const periods = quarterPeriods(today, DASHBOARD_QUARTERS);
    const first = periods[0].startsOn;
    const loans = (await scope
      .loans()
      .select(quarterKey('loan.issued_on'), 'quarter')
      .addSelect('count(*)::int', 'count')
      .addSelect('coalesce(sum(loan.principal), 0)::text', 'amount')
      // andWhere: the scope's builder already carries the caller's predicate.
      .andWhere('loan.issued_on BETWEEN :first::date AND :today::date', { first, today })
      .groupBy('quarter')
      .getRawMany()) as { quarter: string; count: number; amount: string }[];
    // Claims are read once (their dates, status and F); the buckets and the running sum are cheap here.
    const claims = (await scope
      .claims()
      .select('claim.filed_on', 'filed_on')
      .addSelect('claim.approved_on', 'approved_on')
      .addSelect('claim.paid_on', 'paid_on')
      .addSelect('coalesce(claim.final_fund_share, claim.fund_share)::text', 'fund_share')
      .getRawMany()) as {
      filed_on: IsoDate;
      approved_on: IsoDate | null;
      paid_on: IsoDate | null;
      fund_share: string;
    }[];
    const loansBy = new Map(loans.map((l) => [l.quarter, l]));
    const inPeriod = (date: IsoDate | null, p: QuarterPeriod) =>
      date !== null && compareDates(date, p.startsOn) >= 0 && compareDates(date, p.endsOn) <= 0;
    return periods.map((p) => {
      const approvedBy = claims.filter(
        (c) => c.approved_on !== null && compareDates(c.approved_on, p.endsOn) <= 0,
      );
      return {
        quarter: p.quarter,
        endsOn: p.endsOn,
        loansIssued: loansBy.get(p.quarter)?.count ?? 0,
        principalIssued: Money.of(loansBy.get(p.quarter)?.amount ?? '0'),
        claimsFiled: claims.filter((c) => inPeriod(c.filed_on, p)).length,
        compensationApproved: Money.sum(
          claims.filter((c) => inPeriod(c.approved_on, p)).map((c) => Money.of(c.fund_share)),
        ),
        compensationPaid: Money.sum(
          claims.filter((c) => inPeriod(c.paid_on, p)).map((c) => Money.of(c.fund_share)),
        ),
        cumulativeCompensation: Money.sum(approvedBy.map((c) => Money.of(c.fund_share))),
      };
    });
  }

  /**
   * Each visible bank's ratio at the last RISK_HISTORY_MONTHS month-ends and at the business date. A
   * loan's earliest unpaid due date on a date D is the earliest of: what its latest report as of D
   * said, and any due date on or before D that a later report still calls unpaid (an instalment unpaid
   * later was unpaid at D too — so a loan first reported overdue today counts from when it fell due,
   * not from the report). Closed is what the latest report as of D said; a loan is in claim from the
   * filing of a claim that was not rejected. The loans are those of
   * the banks the BankRisk scope returns, with the BankRisk predicate applied again under the loan's
   * bank, as `RiskService` does: a bank sees its own history, never another's (Art 12).
   */
  private async riskHistory(scope: Scope, today: IsoDate): Promise<BankRiskSeries[]> {
    const banks = (await scope
      .bankRisks()
      .select('bank.id', 'id')
      .addSelect('bank.name', 'name')
      .orderBy('bank.name')
      .getRawMany()) as { id: string; name: string }[];
    if (!banks.length) return [];
    const bankIds = banks.map((b) => b.id);
    const auth = scope.where('read', 'BankRisk', 'lb');
    const loans = (await scope.em
      .createQueryBuilder()
      .select('loan.id', 'id')
      .addSelect('loan.bank_id', 'bank_id')
      .addSelect('loan.ip_pledged_principal', 'ip_pledged_principal')
      .addSelect('loan.issued_on', 'issued_on')
      .addSelect(
        `(SELECT min(c.filed_on) FROM claims c WHERE c.loan_id = loan.id AND c.status <> 'REJECTED')`,
        'claim_filed_on',
      )
      .from('loans', 'loan')
      .innerJoin('organizations', 'lb', 'lb.id = loan.bank_id')
      .where('loan.covered')
      .andWhere('loan.bank_id = ANY(:bankIds::uuid[])', { bankIds })
      .andWhere(auth.sql, auth.params)
      .getRawMany()) as {
      id: string;
      bank_id: string;
      ip_pledged_principal: string;
      issued_on: IsoDate;
      claim_filed_on: IsoDate | null;
    }[];
    const reportAuth = scope.where('read', 'BankRisk', 'rb');
    const reports = loans.length
      ? ((await scope.em
          .createQueryBuilder()
          .select('r.loan_id', 'loan_id')
          .addSelect('r.as_of', 'as_of')
          .addSelect('r.earliest_unpaid_due_date', 'earliest_unpaid_due_date')
          .addSelect('r.closed', 'closed')
          .from('loan_status_reports', 'r')
          .innerJoin('loans', 'rl', 'rl.id = r.loan_id')
          .innerJoin('organizations', 'rb', 'rb.id = rl.bank_id')
          .where('r.loan_id = ANY(:loanIds::uuid[])', { loanIds: loans.map((l) => l.id) })
          .andWhere(reportAuth.sql, reportAuth.params)
          .orderBy('r.as_of')
          .addOrderBy('r.id')
          .getRawMany()) as {
          loan_id: string;
          as_of: IsoDate;
          earliest_unpaid_due_date: IsoDate | null;
          closed: boolean;
        }[])
      : [];
    const reportsOf = new Map<string, typeof reports>();
    for (const r of reports) reportsOf.set(r.loan_id, [...(reportsOf.get(r.loan_id) ?? []), r]);

    const dates = [...monthEnds(today, RISK_HISTORY_MONTHS), today];
    return banks.map((bank) => {
      const own = loans.filter((l) => l.bank_id === bank.id);
      return {
        bankId: bank.id,
        bankName: bank.name,
        points: dates.map((asOf) => {
          const state = own.map((l): RiskLoan => {
            const all = reportsOf.get(l.id) ?? [];
            // The latest report as of that date (reports are ordered by as-of, then by recording).
            const known = all.filter((r) => compareDates(r.as_of, asOf) <= 0);
            const last = known[known.length - 1];
            const unpaidThen = [
              last?.earliest_unpaid_due_date ?? null,
              ...all
                .filter((r) => compareDates(r.as_of, asOf) > 0)
                .map((r) => r.earliest_unpaid_due_date)
                .filter((due): due is IsoDate => due !== null && compareDates(due, asOf) <= 0),
            ].filter((due): due is IsoDate => due !== null);
            const earliestUnpaidDueDate = unpaidThen.sort(compareDates)[0] ?? null;
            return {
              ipPledgedPrincipal: Money.of(l.ip_pledged_principal),
              earliestUnpaidDueDate,
              covered: true,
              inClaim: l.claim_filed_on !== null && compareDates(l.claim_filed_on, asOf) <= 0,
              closed: last?.closed ?? false,
              issuedOn: l.issued_on,
            };
          });
          return { asOf, ratio: formatRatio(bankRiskRatio(state, asOf, scope.policy).ratio) };
        }),
      };
    });
  }
}

interface QuarterPeriod {
  quarter: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/** SQL for "2026Q3" of a date column (the same label `quarterPeriods` gives). */
function quarterKey(column: string): string {
  return `to_char(${column}, 'YYYY"Q"Q')`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The `count` quarters up to and including the business date's, oldest first; the last ends today. */
export function quarterPeriods(today: IsoDate, count: number): QuarterPeriod[] {
  const year = Number(today.slice(0, 4));
  const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const periods: QuarterPeriod[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = year * 4 + q - i;
    const y = Math.floor(index / 4);
    const quarter = (index % 4) + 1;
    const endMonth = quarter * 3;
    periods.push({
      quarter: `${y}Q${quarter}`,
      startsOn: `${y}-${pad(endMonth - 2)}-01` as IsoDate,
      endsOn: i === 0 ? today : (`${y}-${pad(endMonth)}-${pad(lastDayOf(y, endMonth))}` as IsoDate),
    });
  }
  return periods;
}

/** The last day of each of the `count` months before the business date's month, oldest first. */
export function monthEnds(today: IsoDate, count: number): IsoDate[] {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  const ends: IsoDate[] = [];
  for (let i = count; i >= 1; i--) {
    const y = Math.floor((index - i) / 12);
    const m = ((index - i) % 12) + 1;
    ends.push(`${y}-${pad(m)}-${pad(lastDayOf(y, m))}` as IsoDate);
  }
  return ends;
}
