import {
  DEFAULT_ASSUMPTIONS,
  FORECAST_LIMITS,
  ForecastInputError,
  addMonths,
  estimateRecovery,
  estimateTransitions,
  prepare,
  scenariosOf,
  segmentKey,
  summarize,
  type ForecastAssumptions,
  type ForecastLoan,
  type FundPosition,
  type Levers,
  type LoanHistory,
  type LoanStartState,
  type RateEstimate,
  type ScenarioResult,
  type SegmentRates,
  type StatusObservation,
} from '@ipfund/forecast';
import {
  Money,
  Rate,
  compareDates,
  daysBetween,
  type CooperationAgreement,
  type IsoDate,
  type PolicyParameters,
} from '@ipfund/policy';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { AppError, badInput, forbidden } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { AgreementService } from '../agreement/agreement.service';
import { readFundState } from '../claim/fund-state';
import type { LedgerService } from '../ledger/ledger.service';
import type { ForecastPool } from './forecast.pool';

export interface ForecastRequest {
  horizonMonths: number;
  paths: number;
  seed: number;
  levers?: {
    bankGrowth?: { bankId: string; percent: number }[] | null;
    tierRate?: { tier: 'LOW' | 'HIGH'; rate: string } | null;
    topUp?: string | null;
    suspendedBankIds?: string[] | null;
    defaultStress?: number | null;
  } | null;
}

export interface SegmentView {
  key: string;
  bankId: string;
  bankName: string;
  ipOnly: boolean;
  threeParty: boolean;
  loans: number;
  outstandingPrincipal: Money;
  rates: SegmentRates;
}

export interface FundForecastView {
  asOf: IsoDate;
  horizonMonths: number;
  paths: number;
  seed: number;
  balance: Money;
  cumulativeSinceResumption: Money;
  breakerThreshold: Money;
  coveredPrincipal: Money;
  loans: number;
  scenarios: { key: string; result: ScenarioResult }[];
  segments: SegmentView[];
  recovery: RateEstimate;
  assumptions: ForecastAssumptions;
  runMode: 'WORKER' | 'INLINE';
}

/**
 * Where the last forecast's time went (the benchmark reads it): wall and CPU, ms. CPU is the process's
 * (process.cpuUsage); during read and prepare the workers are idle, so it is the request's thread.
 */
export interface ForecastPhases {
  /** The statements' round trips (portfolio, status history, claims, fund, agreements). */
  sqlMs: number;
  /** Rows into loans, histories, the rate estimation (this thread). */
  readMs: number;
  readCpuMs: number;
  /** Compiling the portfolio, per scenario, summed (this thread). */
  prepareMs: number;
  prepareCpuMs: number;
  /** The paths on the pool (worker threads; this thread waits). */
  pathsMs: number;
  summarizeMs: number;
  totalMs: number;
  /** The process's CPU over the whole request (all threads: the workers' too). */
  totalCpuMs: number;
  loanRows: number;
  reportRows: number;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface LoanRow {
  id: string;
  bank_id: string;
  bank_name: string;
  enterprise_id: string;
  guarantor_id: string | null;
  principal: string;
  ip_pledged_principal: string;
  outstanding_principal: string;
  issued_on: IsoDate;
  matures_on: IsoDate;
  earliest_unpaid_due_date: IsoDate | null;
  status: string;
  covered: boolean;
}

interface ClaimRow {
  loan_id: string;
  enterprise_id: string;
  status: string;
  filed_on: IsoDate;
  final_fund_share: string | null;
  approved_on: IsoDate | null;
  paid_on: IsoDate | null;
  recoveries: number;
}

/** Claims filed and still on their way to the third signature (Art 17). */
const OPEN_CLAIM = new Set(['SUBMITTED', 'RETURNED', 'GUARANTOR_CONFIRMED', 'VERIFIED']);

/**
 * Fund foresight (issue 13): reads the covered portfolio, its status history, the fund and the claims
 * through the caller's scope, estimates the transition rates, and runs the seeded simulator off the
 * event loop for the base case and each lever. Readable by the offices, the manager and the auditor
 * only: it ranks every bank's risk (DOMAIN.md §2).
 */
export class ForecastService {
  /** The last forecast's phases (diagnostics for the benchmark; null before the first). */
  lastPhases: ForecastPhases | null = null;
  private sqlMs = 0;

  constructor(
    private readonly access: Access,
    private readonly clock: BusinessClock,
    private readonly agreements: AgreementService,
    private readonly ledger: LedgerService,
    private readonly pool: ForecastPool,
  ) {}

  /** Refuses before any read when the caller's kind may not see the forecast. */
  requireReader(actor: Actor): void {
    const policy = this.access.policyNow();
    const readable = this.access.permissionsOf(actor).readable;
    if (!readable.includes('FundForecast')) {
      throw forbidden('forecast.readers', {}, policy.provisions.programmeGovernance.article);
    }
  }

  async forecast(actor: Actor, req: ForecastRequest): Promise<FundForecastView> {
    this.requireReader(actor);
    const levers = this.levers(req);
    const scenarios = scenariosOf(levers);
    if (req.paths * scenarios.length > FORECAST_LIMITS.maxTotalPaths) {
      throw badInput('forecast.invalid', {
        detail: `paths × scenarios = ${req.paths} × ${scenarios.length} exceeds ${FORECAST_LIMITS.maxTotalPaths}`,
      });
    }
    const t0 = performance.now();
    const c0 = cpuMs();
    this.sqlMs = 0;
    const data = await this.access.read(actor, (scope) => this.read(scope));
    const phases: ForecastPhases = {
      sqlMs: this.sqlMs,
      readMs: performance.now() - t0 - this.sqlMs,
      readCpuMs: cpuMs() - c0,
      prepareMs: 0,
      prepareCpuMs: 0,
      pathsMs: 0,
      summarizeMs: 0,
      totalMs: 0,
      totalCpuMs: 0,
      loanRows: data.loanRows,
      reportRows: data.reportRows,
    };
    for (const g of levers?.bankGrowth ?? []) this.requireBank(data.loans, g.bankId);
    for (const b of levers?.suspendedBanks ?? []) this.requireBank(data.loans, b);

    const results: { key: string; result: ScenarioResult }[] = [];
    for (const s of scenarios) {
      let model;
      const p0 = performance.now();
      const pc0 = cpuMs();
      try {
        model = prepare({
          loans: data.loans,
          fund: data.fund,
          policy: data.policy,
          rates: data.rates,
          recovery: data.recovery,
          assumptions: DEFAULT_ASSUMPTIONS,
          horizonMonths: req.horizonMonths,
          paths: req.paths,
          seed: req.seed,
          levers: s.levers,
        });
      } catch (err) {
        if (err instanceof ForecastInputError) {
          throw new AppError('BAD_USER_INPUT', 'forecast.invalid', { detail: err.message }, err.article);
        }
        throw err;
      }
      const p1 = performance.now();
      phases.prepareMs += p1 - p0;
      phases.prepareCpuMs += cpuMs() - pc0;
      const groups = await this.pool.run(model);
      const p2 = performance.now();
      results.push({ key: s.key, result: summarize(model, groups) });
      phases.pathsMs += p2 - p1;
      phases.summarizeMs += performance.now() - p2;
    }

    const covered = data.loans.filter(
      (l) => l.state === 'CURRENT' || l.state === 'OVERDUE_15' || l.state === 'OVERDUE_60',
    );
    const coveredPrincipal = Money.sum(covered.map((l) => l.outstandingPrincipal));
    phases.totalMs = performance.now() - t0;
    phases.totalCpuMs = cpuMs() - c0;
    this.lastPhases = phases;
    return {
      asOf: data.fund.asOf,
      horizonMonths: req.horizonMonths,
      paths: req.paths,
      seed: req.seed,
      balance: data.fund.balance,
      cumulativeSinceResumption: data.fund.cumulative.minus(data.fund.cumulativeAtLastResumption),
      breakerThreshold: data.policy.circuitBreakerCumulative.value,
      coveredPrincipal,
      loans: data.loans.length,
      scenarios: results,
      segments: data.segments,
      recovery: data.recovery,
      assumptions: DEFAULT_ASSUMPTIONS,
      runMode: this.pool.mode === 'worker' ? 'WORKER' : 'INLINE',
    };
  }

  /** The months' end dates of a horizon, for the chart's axis. */
  monthDate(asOf: IsoDate, month: number): IsoDate {
    return addMonths(asOf, month);
  }

  private requireBank(loans: readonly ForecastLoan[], bankId: string): void {
    if (!isUuid(bankId) || !loans.some((l) => l.bankId === bankId)) {
      throw badInput('forecast.invalid', { detail: `no covered loans of bank ${bankId.slice(0, 40)}` });
    }
  }

  private levers(req: ForecastRequest): Levers | undefined {
    const l = req.levers;
    if (!l) return undefined;
    const out: { -readonly [K in keyof Levers]: Levers[K] } = {};
    if (l.bankGrowth?.length)
      out.bankGrowth = l.bankGrowth.map((g) => ({ bankId: g.bankId, percent: g.percent }));
    if (l.tierRate) out.tierRate = { tier: l.tierRate.tier, rate: Rate.of(l.tierRate.rate) };
    if (l.topUp) out.topUp = Money.of(l.topUp);
    if (l.suspendedBankIds?.length) out.suspendedBanks = [...new Set(l.suspendedBankIds)];
    if (l.defaultStress !== null && l.defaultStress !== undefined) {
      if (
        !Number.isFinite(l.defaultStress) ||
        l.defaultStress < 0 ||
        l.defaultStress > FORECAST_LIMITS.maxStressFactor
      ) {
        throw badInput('forecast.invalid', {
          detail: `defaultStress must be in [0, ${FORECAST_LIMITS.maxStressFactor}]`,
        });
      }
      out.defaultStress = l.defaultStress;
    }
    for (const g of out.bankGrowth ?? []) {
      if (!Number.isFinite(g.percent) || g.percent < 0 || g.percent > FORECAST_LIMITS.maxGrowthPercent) {
        throw badInput('forecast.invalid', {
          detail: `growth must be in [0, ${FORECAST_LIMITS.maxGrowthPercent}] %`,
        });
      }
    }
    return out;
  }

  /** Everything the simulator needs, in one snapshot read as the caller. */
  private async read(scope: Scope): Promise<{
    policy: PolicyParameters;
    loans: ForecastLoan[];
    fund: FundPosition;
    rates: Map<string, SegmentRates>;
    recovery: RateEstimate;
    segments: SegmentView[];
    loanRows: number;
    reportRows: number;
  }> {
    const policy = scope.policy;
    const timed = async <T>(q: Promise<T>): Promise<T> => {
      const t = performance.now();
      try {
        return await q;
      } finally {
        this.sqlMs += performance.now() - t;
      }
    };
    const asOf = this.clock.today();
    const loanRows = (await timed(
      scope
        .loans()
        .innerJoin('organizations', 'bank', 'bank.id = loan.bank_id')
        .select([
          'loan.id AS id',
          'loan.bank_id AS bank_id',
          'bank.name AS bank_name',
          'loan.enterprise_id AS enterprise_id',
          'loan.guarantor_id AS guarantor_id',
          'loan.principal::text AS principal',
          'loan.ip_pledged_principal::text AS ip_pledged_principal',
          'loan.outstanding_principal::text AS outstanding_principal',
          'loan.issued_on::text AS issued_on',
          'loan.matures_on::text AS matures_on',
          'loan.earliest_unpaid_due_date::text AS earliest_unpaid_due_date',
          'loan.status AS status',
          'loan.covered AS covered',
        ])
        .andWhere('loan.covered = true')
        .orderBy('loan.seq', 'ASC')
        .getRawMany(),
    )) as LoanRow[];

    const reports = (await timed(
      scope
        .loanStatusReports()
        .select([
          'r.loan_id AS loan_id',
          'r.as_of::text AS as_of',
          'r.earliest_unpaid_due_date::text AS earliest_unpaid_due_date',
          'r.closed AS closed',
        ])
        .orderBy('r.as_of', 'ASC')
        .addOrderBy('r.id', 'ASC')
        .getRawMany(),
    )) as {
      loan_id: string;
      as_of: IsoDate;
      earliest_unpaid_due_date: IsoDate | null;
      closed: boolean;
    }[];

    const claims = (await timed(
      scope
        .claims()
        .select([
          'claim.loan_id AS loan_id',
          'claim.enterprise_id AS enterprise_id',
          'claim.status AS status',
          'claim.filed_on::text AS filed_on',
          'claim.final_fund_share::text AS final_fund_share',
          'claim.approved_on::text AS approved_on',
          'claim.paid_on::text AS paid_on',
          '(SELECT count(*)::int FROM recoveries rv WHERE rv.claim_id = claim.id) AS recoveries',
        ])
        .orderBy('claim.filed_on', 'ASC')
        .addOrderBy('claim.seq', 'ASC')
        .getRawMany(),
    )) as ClaimRow[];

    const fundState = await timed(readFundState(scope.em));
    const balances = await timed(this.ledger.balances(scope.em));

    // Agreements in force per bank (Art 8, 11, 14): the terms each claim would be computed under.
    const agreementOf = new Map<string, CooperationAgreement | null>();
    for (const bankId of new Set(loanRows.map((r) => r.bank_id))) {
      agreementOf.set(bankId, await timed(this.agreements.findInForce(scope.em, bankId, asOf)));
    }

    const claimByLoan = new Map<string, ClaimRow>();
    for (const c of claims) if (c.status !== 'REJECTED') claimByLoan.set(c.loan_id, c);
    const firstFiled = new Map<string, IsoDate>();
    for (const c of claims) if (!firstFiled.has(c.loan_id)) firstFiled.set(c.loan_id, c.filed_on);

    // The loans the forecast runs on: covered, neither closed nor compensated, with an agreement.
    const loans: ForecastLoan[] = [];
    const segmentOfLoan = new Map<string, string>();
    // Amounts repeat across a portfolio (and the outstanding is often the principal): one Money per
    // distinct amount, parsed once; the compiler also recognizes the same object for the same amount.
    const amounts = new Map<string, Money>();
    const money = (text: string): Money => {
      let m = amounts.get(text);
      if (!m) {
        m = Money.of(text);
        amounts.set(text, m);
      }
      return m;
    };
    for (const r of loanRows) {
      const principal = money(r.principal);
      const ip = money(r.ip_pledged_principal);
      const key = segmentKey(r.bank_id, ip.eq(principal), r.guarantor_id !== null);
      segmentOfLoan.set(r.id, key);
      if (r.status === 'CLOSED' || r.status === 'COMPENSATED') continue;
      const agreement = agreementOf.get(r.bank_id);
      if (!agreement) continue;
      const claim = claimByLoan.get(r.id);
      let state: LoanStartState;
      let approvedFundShare: Money | undefined;
      if (claim?.status === 'PAID') continue;
      if (claim?.status === 'APPROVED') {
        state = 'APPROVED_UNPAID';
        approvedFundShare = Money.of(claim.final_fund_share ?? '0');
      } else if (claim && OPEN_CLAIM.has(claim.status)) {
        state = 'IN_CLAIM';
      } else {
        const due = r.earliest_unpaid_due_date;
        const days = due && compareDates(due, asOf) < 0 ? daysBetween(due, asOf) : 0;
        state =
          days >= policy.claimOverdueDays.value
            ? 'OVERDUE_60'
            : days >= policy.riskOverdueDays.value
              ? 'OVERDUE_15'
              : 'CURRENT';
      }
      loans.push({
        id: r.id,
        bankId: r.bank_id,
        bankName: r.bank_name,
        enterpriseId: r.enterprise_id,
        principal,
        ipPledgedPrincipal: ip,
        outstandingPrincipal: money(r.outstanding_principal),
        threeParty: r.guarantor_id !== null,
        agreement,
        issuedOn: r.issued_on,
        maturesOn: r.matures_on,
        state,
        approvedFundShare,
      });
    }

    // The status history of every covered loan, closed and compensated ones included.
    const byLoan = new Map<string, StatusObservation[]>();
    for (const rep of reports) {
      const list = byLoan.get(rep.loan_id) ?? [];
      list.push({ asOf: rep.as_of, earliestUnpaidDueDate: rep.earliest_unpaid_due_date, closed: rep.closed });
      byLoan.set(rep.loan_id, list);
    }
    const histories: LoanHistory[] = loanRows.map((r) => ({
      segment: segmentOfLoan.get(r.id)!,
      issuedOn: r.issued_on,
      reports: byLoan.get(r.id) ?? [],
      claimFiledOn: firstFiled.get(r.id) ?? null,
    }));
    const segmentKeys = [...new Set(loans.map((l) => segmentOfLoan.get(l.id)!))];
    const rates = estimateTransitions(histories, asOf, policy, DEFAULT_ASSUMPTIONS, segmentKeys);

    const paid = claims.filter((c) => c.paid_on !== null);
    const recovery = estimateRecovery(
      paid.length,
      paid.filter((c) => c.recoveries > 0).length,
      DEFAULT_ASSUMPTIONS,
    );

    // Σ F finally approved this calendar year per enterprise (the enterprise-year cap, Art 11).
    const year = asOf.slice(0, 4);
    const used = new Map<string, Money>();
    for (const c of claims) {
      if (!c.approved_on || !c.final_fund_share || c.approved_on.slice(0, 4) !== year) continue;
      if (c.status !== 'APPROVED' && c.status !== 'PAID') continue;
      used.set(
        c.enterprise_id,
        (used.get(c.enterprise_id) ?? Money.zero()).plus(Money.of(c.final_fund_share)),
      );
    }

    // The loans of each segment, in one pass (not one scan of the portfolio per segment).
    const bySegment = new Map<string, ForecastLoan[]>();
    for (const l of loans) {
      const key = segmentOfLoan.get(l.id)!;
      const list = bySegment.get(key);
      if (list) list.push(l);
      else bySegment.set(key, [l]);
    }
    const segments: SegmentView[] = segmentKeys.map((key) => {
      const own = bySegment.get(key)!;
      const first = own[0];
      return {
        key,
        bankId: first.bankId,
        bankName: first.bankName,
        ipOnly: first.ipPledgedPrincipal.eq(first.principal),
        threeParty: first.threeParty,
        loans: own.length,
        outstandingPrincipal: Money.sum(own.map((l) => l.outstandingPrincipal)),
        rates: rates.get(key)!,
      };
    });
    segments.sort((a, b) => a.bankName.localeCompare(b.bankName, 'zh-CN') || a.key.localeCompare(b.key));

    return {
      policy,
      loans,
      fund: {
        asOf,
        balance: balances.principal,
        cumulative: fundState.cumulative,
        cumulativeAtLastResumption: fundState.cumulativeAtLastResumption,
        enterpriseYearCompensated: used,
      },
      rates,
      recovery,
      segments,
      loanRows: loanRows.length,
      reportRows: reports.length,
    };
  }
}
