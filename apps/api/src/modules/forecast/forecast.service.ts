import {
  DEFAULT_ASSUMPTIONS,
  FORECAST_LIMITS,
  ForecastInputError,
  NO_DAY,
  START_STATES,
  addMonths,
  agreementId,
  dayNumber,
  estimateRecovery,
  estimateTransitionsColumns,
  fromFen,
  prepare,
  scenariosOf,
  segmentKey,
  summarize,
  type ForecastAssumptions,
  type FundPosition,
  type Levers,
  type LoanColumns,
  type LoanStartState,
  type RateEstimate,
  type ScenarioResult,
  type SegmentRates,
} from '@ipfund/forecast';
import { Money, Rate, type CooperationAgreement, type IsoDate, type PolicyParameters } from '@ipfund/policy';
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
import {
  CLAIM_APPROVED,
  CLAIM_OPEN,
  CLAIM_PAID,
  readPortfolio,
  withClaims,
  type PortfolioRead,
} from './forecast.read';

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

interface ClaimRow {
  loan_seq: string | null;
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

const START_CODE = new Map<LoanStartState, number>(START_STATES.map((s, k) => [s, k]));

/** What the read gives the forecast. */
interface ForecastData {
  policy: PolicyParameters;
  /** The loans the forecast runs on, in portfolio order. */
  columns: LoanColumns;
  /** Banks with loans in the forecast (a lever must name one of them). */
  runBanks: ReadonlySet<string>;
  /** Outstanding principal of the loans not yet in a claim. */
  coveredPrincipal: Money;
  fund: FundPosition;
  rates: Map<string, SegmentRates>;
  recovery: RateEstimate;
  segments: SegmentView[];
  loanRows: number;
  reportRows: number;
}

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
    for (const g of levers?.bankGrowth ?? []) this.requireBank(data.runBanks, g.bankId);
    for (const b of levers?.suspendedBanks ?? []) this.requireBank(data.runBanks, b);

    const results: { key: string; result: ScenarioResult }[] = [];
    for (const s of scenarios) {
      let model;
      const p0 = performance.now();
      const pc0 = cpuMs();
      try {
        model = prepare({
          columns: data.columns,
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
      coveredPrincipal: data.coveredPrincipal,
      loans: data.columns.count,
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

  private requireBank(banks: ReadonlySet<string>, bankId: string): void {
    if (!isUuid(bankId) || !banks.has(bankId)) {
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
  private async read(scope: Scope): Promise<ForecastData> {
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
    const asOfDay = dayNumber(asOf);
    const { portfolio, history } = await readPortfolio(scope, ['CLOSED', 'COMPENSATED'], timed);

    const claims = (await timed(
      scope
        .claims()
        .select([
          '(SELECT l.seq FROM loans l WHERE l.id = claim.loan_id)::text AS loan_seq',
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
    // Each loan's live claim and first filing (claims in the order filed, then numbered).
    const p = withClaims(portfolio, claims, {
      rejected: 'REJECTED',
      open: [...OPEN_CLAIM],
      approved: 'APPROVED',
      paid: 'PAID',
    });

    const fundState = await timed(readFundState(scope.em));
    const balances = await timed(this.ledger.balances(scope.em));

    // Agreements in force per bank (Art 8, 11, 14): the terms each claim would be computed under.
    const agreementOfBank: (CooperationAgreement | null)[] = [];
    for (const bankId of p.bankIds) {
      agreementOfBank.push(await timed(this.agreements.findInForce(scope.em, bankId, asOf)));
    }
    const bankNames = new Map(
      (
        await timed(
          scope.query<{ id: string; name: string }>(
            'SELECT bank.id::text AS id, bank.name FROM organizations bank WHERE bank.id = ANY(:ids)',
            { ids: [...p.bankIds] },
          ),
        )
      ).map((r) => [r.id, r.name]),
    );

    // Each covered loan's segment (bank, IP-only or combination, guarantor or not): four per bank.
    const segmentKeys: string[] = [];
    const segmentIdx = new Map<string, number>();
    const loanSegment = new Int32Array(p.count);
    const bankSlots = p.bankIds.map(() => new Int32Array(4).fill(-1));
    for (let j = 0; j < p.count; j++) {
      const b = p.bank[j];
      const ipOnly = p.ipPledgedFen[j] === p.principalFen[j];
      const slot = (ipOnly ? 2 : 0) + p.threeParty[j];
      let s = bankSlots[b][slot];
      if (s < 0) {
        const key = segmentKey(p.bankIds[b], ipOnly, p.threeParty[j] === 1);
        s = segmentIdx.get(key) ?? segmentKeys.length;
        if (s === segmentKeys.length) {
          segmentIdx.set(key, s);
          segmentKeys.push(key);
        }
        bankSlots[b][slot] = s;
      }
      loanSegment[j] = s;
    }

    // The loans the forecast runs on: covered, neither closed nor compensated, with an agreement, no
    // paid claim; each one's start state from its live claim or its overdue days on the forecast date.
    const run: number[] = [];
    const state: number[] = [];
    for (let j = 0; j < p.count; j++) {
      if (p.gone[j] === 1 || !agreementOfBank[p.bank[j]]) continue;
      const claim = p.claim[j];
      if (claim === CLAIM_PAID) continue;
      let s: LoanStartState;
      if (claim === CLAIM_APPROVED) s = 'APPROVED_UNPAID';
      else if (claim === CLAIM_OPEN) s = 'IN_CLAIM';
      else {
        const due = p.dueDay[j];
        const days = due !== NO_DAY && due < asOfDay ? asOfDay - due : 0;
        s =
          days >= policy.claimOverdueDays.value
            ? 'OVERDUE_60'
            : days >= policy.riskOverdueDays.value
              ? 'OVERDUE_15'
              : 'CURRENT';
      }
      run.push(j);
      state.push(START_CODE.get(s)!);
    }
    const columns = this.columnsOf(p, run, state, agreementOfBank, bankNames);

    // The status history of every covered loan, closed and compensated ones included.
    const runSegments = [...new Set(run.map((j) => segmentKeys[loanSegment[j]]))];
    const rates = estimateTransitionsColumns(
      {
        count: p.count,
        segmentKeys,
        segment: loanSegment,
        issuedDay: p.issuedDay,
        claimFiledDay: p.claimFiledDay,
        reportOffset: history.offset,
        reportDay: history.day,
        reportDueDay: history.dueDay,
        reportClosed: history.closed,
      },
      asOf,
      policy,
      DEFAULT_ASSUMPTIONS,
      runSegments,
    );

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

    // Per segment of the forecast's loans: how many, their outstanding principal (fen, summed exactly).
    const segLoans = new Float64Array(segmentKeys.length);
    const segOutstanding = new Float64Array(segmentKeys.length);
    const segFirst = new Int32Array(segmentKeys.length).fill(-1);
    let coveredFen = 0;
    for (let k = 0; k < run.length; k++) {
      const j = run[k];
      const s = loanSegment[j];
      segLoans[s]++;
      segOutstanding[s] += p.outstandingFen[j];
      if (segFirst[s] < 0) segFirst[s] = j;
      if (state[k] <= START_CODE.get('OVERDUE_60')!) coveredFen += p.outstandingFen[j];
    }
    const segments: SegmentView[] = runSegments.map((key) => {
      const s = segmentIdx.get(key)!;
      const first = segFirst[s];
      const bankId = p.bankIds[p.bank[first]];
      return {
        key,
        bankId,
        bankName: bankNames.get(bankId) ?? '',
        ipOnly: p.ipPledgedFen[first] === p.principalFen[first],
        threeParty: p.threeParty[first] === 1,
        loans: segLoans[s],
        outstandingPrincipal: fromFen(segOutstanding[s]),
        rates: rates.get(key)!,
      };
    });
    segments.sort((a, b) => a.bankName.localeCompare(b.bankName, 'zh-CN') || a.key.localeCompare(b.key));

    return {
      policy,
      columns,
      runBanks: new Set(run.map((j) => p.bankIds[p.bank[j]])),
      coveredPrincipal: fromFen(coveredFen),
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
      loanRows: p.count,
      reportRows: history.reports,
    };
  }

  /** The forecast's loans (positions `run` of the portfolio, in its order) as the simulator's columns. */
  private columnsOf(
    p: PortfolioRead,
    run: readonly number[],
    state: readonly number[],
    agreementOfBank: readonly (CooperationAgreement | null)[],
    bankNames: ReadonlyMap<string, string>,
  ): LoanColumns {
    const n = run.length;
    const bank = new Int32Array(n);
    const enterprise = new Int32Array(n);
    const amount = new Int32Array(n);
    const threeParty = new Uint8Array(n);
    const issuedDay = new Int32Array(n);
    const maturesDay = new Int32Array(n);
    const states = Int8Array.from(state);
    const approvedFundShareFen = new Float64Array(n);
    // Amounts repeat across a portfolio (and the outstanding is often the principal): each distinct
    // triple once, so the compiler computes each distinct claim once.
    const pf: number[] = [];
    const ipf: number[] = [];
    const of: number[] = [];
    const amounts = new Map<number, Map<number, Map<number, number>>>();
    const approved = START_CODE.get('APPROVED_UNPAID')!;
    // Banks' agreements with the same rates and date are one (their claims are the same).
    const agreements: CooperationAgreement[] = [];
    const agreementIdx = new Map<string, number>();
    const agreementOf = agreementOfBank.map((a) => {
      if (!a) return -1;
      const id = agreementId(a);
      let k = agreementIdx.get(id);
      if (k === undefined) {
        k = agreements.length;
        agreementIdx.set(id, k);
        agreements.push(a);
      }
      return k;
    });
    const agreement = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const j = run[k];
      bank[k] = p.bank[j];
      agreement[k] = agreementOf[p.bank[j]];
      enterprise[k] = p.enterprise[j];
      threeParty[k] = p.threeParty[j];
      issuedDay[k] = p.issuedDay[j];
      maturesDay[k] = p.maturesDay[j];
      if (states[k] === approved) approvedFundShareFen[k] = p.approvedFundShareFen[j];
      const a = p.principalFen[j];
      const b = p.ipPledgedFen[j];
      const c = p.outstandingFen[j];
      let byIp = amounts.get(a);
      if (!byIp) amounts.set(a, (byIp = new Map()));
      let byO = byIp.get(b);
      if (!byO) byIp.set(b, (byO = new Map()));
      let idx = byO.get(c);
      if (idx === undefined) {
        idx = pf.length;
        byO.set(c, idx);
        pf.push(a);
        ipf.push(b);
        of.push(c);
      }
      amount[k] = idx;
    }
    return {
      count: n,
      banks: p.bankIds.map((id) => ({ id, name: bankNames.get(id) ?? '' })),
      bank,
      agreements,
      agreement,
      enterprises: p.enterpriseIds,
      enterprise,
      principalFen: Float64Array.from(pf),
      ipPledgedFen: Float64Array.from(ipf),
      outstandingFen: Float64Array.from(of),
      amount,
      threeParty,
      issuedDay,
      maturesDay,
      state: states,
      approvedFundShareFen,
      label: (k) => `seq ${p.seq[run[k]]}`,
    };
  }
}
