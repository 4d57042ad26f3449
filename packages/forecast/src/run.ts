import { capForEnterpriseYear, remittanceFen } from './claim-terms';
import { STATE_15, STATE_60, STATE_CURRENT, type PreparedModel } from './model';
import { Rng } from './rng';

// Module-level bindings for the hot loops: a global such as Math is reached through the realm's global
// object on every use, which is slow in a vm context (jest runs tests and benchmarks in one).
const { floor: _floor, pow: _pow, log1p: _log1p, log: _log } = Math;

/** One thing that happened in a path (kept only when asked for: tests read it). */
export interface TraceEvent {
  readonly path: number;
  readonly month: number;
  readonly kind:
    'APPROVED' | 'HELD' | 'REFUSED_YEAR_CAP' | 'PAID' | 'REMITTED' | 'TRIPPED' | 'RESUMED' | 'TOP_UP';
  /** Index of the loan in the model (−1 for fund events). */
  readonly loan: number;
  readonly amountFen: number;
  /** Calendar year index (0 = the forecast date's year) of an approval. */
  readonly year: number;
  readonly cumulativeFen: number;
  readonly balanceFen: number;
  readonly suspended: boolean;
}

/** What one parameter draw group's paths produced. Typed arrays: they cross back from a worker by transfer. */
export interface GroupResult {
  readonly group: number;
  readonly paths: number;
  /** The rates drawn for this group: per segment, [current→15+, 15+→60+, cure]. */
  readonly drawnRates: Float64Array;
  /** Principal account balance at the end of each month (0 = the forecast date), per path: paths × (H + 1). */
  readonly balanceFen: Float64Array;
  /** Compensation paid per quarter, per path: paths × ⌈H ÷ 3⌉. */
  readonly payoutQuarterFen: Float64Array;
  /** Month in which the breaker tripped (0: already at the forecast date), −1 if it did not. */
  readonly tripMonth: Int16Array;
  /** Σ over the paths of the compensation paid on each segment's loans. */
  readonly segmentPaidFen: Float64Array;
  /** Expected outstanding principal of the loans still running at each month's end, under the drawn rates. */
  readonly aliveOutstandingFen: Float64Array;
  /** Σ over the paths: claims finally approved; held by the breaker at the horizon; refused by the year cap. */
  readonly approved: number;
  readonly held: number;
  readonly refusedYearCap: number;
  readonly trace?: TraceEvent[];
}

export function groupPaths(model: PreparedModel, group: number): number {
  const base = _floor(model.paths / model.groups);
  return base + (group < model.paths % model.groups ? 1 : 0);
}

function drawRate(rng: Rng, alpha: number, beta: number): number {
  return beta < 0 ? alpha : rng.beta(alpha, beta);
}

/**
 * Runs the paths of groups [from, to). Each group draws its own rates from the posterior (the
 * estimation's uncertainty) and then its paths (the portfolio's randomness), from its own stream of the
 * seed: the answer does not depend on which worker runs which group.
 */
export function runGroups(
  model: PreparedModel,
  from: number,
  to: number,
  opts: { trace?: boolean } = {},
): GroupResult[] {
  const out: GroupResult[] = [];
  for (let g = from; g < to; g++) out.push(runGroup(model, g, opts.trace ?? false));
  return out;
}

function runGroup(m: PreparedModel, group: number, trace: boolean): GroupResult {
  const H = m.horizon;
  const Q = Math.ceil(H / 3);
  const S = m.segments.length;
  const C = m.cohortCount;
  const paths = groupPaths(m, group);
  const rng = new Rng(m.seed, group);
  const events: TraceEvent[] | undefined = trace ? [] : undefined;

  // The group's draw of the rates.
  const rates = new Float64Array(S * 3);
  for (let s = 0; s < S; s++) {
    for (let t = 0; t < 3; t++) rates[s * 3 + t] = drawRate(rng, m.segAlpha[s * 3 + t], m.segBeta[s * 3 + t]);
    // The stress lever deepens defaults, not cures.
    rates[s * 3] = Math.min(1, rates[s * 3] * m.stress);
    rates[s * 3 + 1] = Math.min(1, rates[s * 3 + 1] * m.stress);
  }
  const pRecovery = drawRate(rng, m.recoveryAlpha, m.recoveryBeta);

  // The chain (current → 15+ → claim, cured back to current) of each profile: a cohort is its profile
  // (segment, start state, months from its start to maturity) started in month `start`, and the rates do
  // not change over the months, so a cohort's chain is its profile's shifted by `start` — run once per
  // profile (thousands), not once per cohort (tens of thousands). Per profile and step τ (months since
  // start): P(running) = current + 15+, the claims of the step, their running sum, and the hazard
  // q(τ) ÷ P(no claim before τ). A claim of step τ is approved `lag` months later.
  const lag = m.lagMonths;
  const P = m.profileCount;
  const W = H + 1;
  const runFrac = new Float64Array(P * W);
  const sumQ = new Float64Array(P * W);
  const hazardP = new Float64Array(P * W);
  for (let p = 0; p < P; p++) {
    const state = m.profileState[p];
    if (state === STATE_60) continue;
    const s = m.profileSeg[p];
    const a = rates[s * 3];
    const b = rates[s * 3 + 1];
    const cure = rates[s * 3 + 2];
    const dur = m.profileDuration[p];
    const row = p * W;
    let cur = state === STATE_CURRENT ? 1 : 0;
    let d15 = state === STATE_15 ? 1 : 0;
    let sum = 0;
    runFrac[row] = 1;
    for (let tau = 1; tau <= H; tau++) {
      const toClaim = d15 * b;
      const nd15 = cur * a + d15 * (1 - b) * (1 - cure);
      let ncur = cur * (1 - a) + d15 * (1 - b) * cure;
      // A current loan at (or past) its maturity is repaid; an overdue one runs on until cured or claimed.
      if (tau >= dur) ncur = 0;
      cur = ncur;
      d15 = nd15;
      runFrac[row + tau] = cur + d15;
      const left = 1 - sum;
      hazardP[row + tau] = toClaim <= 0 ? 0 : left <= toClaim || left <= 1e-12 ? 1 : toClaim / left;
      sum += toClaim;
      sumQ[row + tau] = sum;
    }
  }
  // Month a 60+ cohort's claim is approved (filed on the forecast date, approved after the procedure).
  const month60 = Math.max(1, lag);
  const size = new Int32Array(C);
  for (let c = 0; c < C; c++) size[c] = m.cohortOffset[c + 1] - m.cohortOffset[c];

  // Expected outstanding principal of the loans still running, and the claims expected within the
  // horizon (for the count of claims held by the breaker, an expectation).
  const alive = new Float64Array(W);
  let expectedClaims = m.inClaim.length;
  for (let c = 0; c < C; c++) {
    const out = m.cohortOutstandingFen[c];
    const p = m.cohortProfile[c];
    if (m.profileState[p] === STATE_60) {
      alive[0] += out;
      expectedClaims += (month60 <= H ? 1 : 0) * size[c];
      continue;
    }
    const start = m.cohortStart[c];
    const row = p * W - start;
    alive[start] += out;
    for (let t = start + 1; t <= H; t++) alive[t] += runFrac[row + t] * out;
    const last = H - lag - start;
    expectedClaims += Math.min(1, last >= 1 ? sumQ[p * W + last] : 0) * size[c];
  }

  // Each month a path reaches un-tripped, the cohorts bucketed by their hazard's power of two (bucket k:
  // hazard in (2^-(k+1), 2^-k]); built the first time a path needs the month (a portfolio that trips in
  // month 3 with no resumption to come never builds months 4–H). A path draws a bucket's claiming loans
  // by geometric skips at the bucket's bound 2^-k and keeps each with probability hazard ÷ 2^-k
  // (thinning); a loan already claimed in this path is passed over. Every loan not yet claimed thus
  // claims in month t with its cohort's hazard — the per-loan simulation — at a cost of about the number
  // of claims, not of loans.
  const BUCKETS = 64;
  /** Per month: the cohorts with a hazard in bucket order, their hazards, Σ sizes before each, bucket starts. */
  const monthOrder: Int32Array[] = new Array(W);
  const monthHazard: Float64Array[] = new Array(W);
  const monthFlat: Float64Array[] = new Array(W);
  const bucketFirst: Int32Array[] = new Array(W);
  let builtMonths = 0;
  const counts = new Int32Array(BUCKETS + 1);
  // The bucket from the double's exponent e (h in [2^e, 2^(e+1))): bound 2^(e+1) ≥ h, so at least half the
  // candidates are kept; no logarithm per cohort and month.
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  const hiWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
  const bucketOf = (h: number): number => {
    if (h >= 1) return 0;
    f64[0] = h;
    const e = ((u32[hiWord] >>> 20) & 0x7ff) - 1023;
    const k = -e - 1;
    return k < 0 ? 0 : k > BUCKETS - 1 ? BUCKETS - 1 : k;
  };
  const bucketIdx = new Int8Array(C);
  const hazardNow = new Float64Array(C);
  /** Builds month t (1..H): each cohort's hazard in the month, the buckets. */
  const buildMonth = (t: number): void => {
    counts.fill(0);
    for (let c = 0; c < C; c++) {
      const p = m.cohortProfile[c];
      const tau = t - lag - m.cohortStart[c];
      const h =
        m.profileState[p] === STATE_60 ? (t === month60 ? 1 : 0) : tau >= 1 ? hazardP[p * W + tau] : 0;
      hazardNow[c] = h;
      if (h > 0) {
        const k = bucketOf(h);
        bucketIdx[c] = k;
        counts[k + 1]++;
      }
    }
    for (let k = 1; k <= BUCKETS; k++) counts[k] += counts[k - 1];
    const n = counts[BUCKETS];
    const first = counts.slice();
    const fill = counts.slice();
    const order = new Int32Array(n);
    for (let c = 0; c < C; c++) if (hazardNow[c] > 0) order[fill[bucketIdx[c]]++] = c;
    const haz = new Float64Array(n);
    const flat = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const c = order[i];
      haz[i] = hazardNow[c];
      flat[i + 1] = flat[i] + size[c];
    }
    monthOrder[t] = order;
    monthHazard[t] = haz;
    monthFlat[t] = flat;
    bucketFirst[t] = first;
    builtMonths = t;
  };

  const balanceFen = new Float64Array(paths * (H + 1));
  const payoutQuarterFen = new Float64Array(paths * Q);
  const tripMonth = new Int16Array(paths).fill(-1);
  const segmentPaidFen = new Float64Array(S);
  let approvedTotal = 0;
  let refusedTotal = 0;

  // Scratch reused across paths; stamps avoid clearing the per-enterprise arrays.
  const entStamp = new Int32Array(m.enterpriseCount);
  const entUsed = new Float64Array(m.enterpriseCount);
  const remitByMonth = new Float64Array(H + 2);
  const pickStamp = new Int32Array(m.loanCount);
  let fresh = new Int32Array(1024);
  const years = Math.ceil((m.month0 + H + 1) / 12) + 1;

  for (let p = 0; p < paths; p++) {
    const stamp = p + 1;
    const pathNo = p;
    // 2. The months: resumption, top-up, remittances, approvals under the breaker and the caps, payouts.
    let balance = m.balanceFen;
    let cumulative = m.cumulativeFen;
    let atLast = m.atLastResumptionFen;
    let suspended = cumulative - atLast >= m.breakerFen;
    let resumeAt = -1;
    if (suspended) {
      tripMonth[p] = 0;
      if (m.resumptionAfter > 0) resumeAt = m.resumptionAfter;
    }
    remitByMonth.fill(0);
    balanceFen[p * (H + 1)] = balance;
    // Held claims (loan indexes, in approval order) and approved claims waiting for money.
    const held: number[] = [];
    const payLoan: number[] = [];
    const payAmount: number[] = [];
    let payHead = 0;
    for (let i = 0; i < m.approvedUnpaid.length; i++) {
      payLoan.push(m.approvedUnpaid[i]);
      payAmount.push(m.approvedUnpaidFen[i]);
    }

    const emit = (
      month: number,
      kind: TraceEvent['kind'],
      loan: number,
      amountFen: number,
      year: number,
    ): void => {
      events?.push({
        path: pathNo,
        month,
        kind,
        loan,
        amountFen,
        year,
        cumulativeFen: cumulative,
        balanceFen: balance,
        suspended,
      });
    };

    // Final approval of one claim (R5 step 6, R7): false when the breaker holds it.
    const approve = (loan: number, month: number): boolean => {
      if (suspended) return false;
      const yearIdx = _floor((m.month0 + month) / 12);
      const e = m.loanEnterprise[loan];
      const tag = stamp * years + yearIdx + 1;
      if (entStamp[e] !== tag) {
        entStamp[e] = tag;
        entUsed[e] = yearIdx === 0 ? m.enterpriseUsedFen[e] : 0;
      }
      const f = capForEnterpriseYear(m.fundShareFen[loan], m.yearCapFen, entUsed[e]);
      if (f <= 0) {
        refusedTotal++;
        emit(month, 'REFUSED_YEAR_CAP', loan, 0, yearIdx);
        return true;
      }
      entUsed[e] += f;
      cumulative += f;
      approvedTotal++;
      payLoan.push(loan);
      payAmount.push(f);
      emit(month, 'APPROVED', loan, f, yearIdx);
      if (cumulative - atLast >= m.breakerFen) {
        suspended = true;
        if (tripMonth[p] < 0) tripMonth[p] = month;
        if (m.resumptionAfter > 0) resumeAt = month + m.resumptionAfter;
        emit(month, 'TRIPPED', -1, 0, yearIdx);
      }
      return true;
    };

    const monthClaims: number[] = [];
    for (let t = 1; t <= H; t++) {
      if (suspended && resumeAt === t) {
        suspended = false;
        atLast = cumulative;
        resumeAt = -1;
        emit(t, 'RESUMED', -1, 0, _floor((m.month0 + t) / 12));
      }
      if (t === 1 && m.topUpFen > 0) {
        balance += m.topUpFen;
        emit(t, 'TOP_UP', -1, m.topUpFen, 0);
      }
      if (remitByMonth[t] > 0) {
        balance += remitByMonth[t];
        emit(t, 'REMITTED', -1, remitByMonth[t], 0);
      }
      // Claims held by the breaker go first, in the order they were held.
      if (!suspended && held.length) {
        let h = 0;
        while (h < held.length && approve(held[h], t)) h++;
        held.splice(0, h);
      }
      // This month's claims: filed claims waiting at the forecast date first, then in loan order.
      // Once tripped with no resumption to come, nothing more is approved: the rest is not drawn.
      if (!(suspended && m.resumptionAfter <= 0)) {
        monthClaims.length = 0;
        if (t === 1) for (let i = 0; i < m.inClaim.length; i++) monthClaims.push(m.inClaim[i]);
        let nf = 0;
        while (builtMonths < t) buildMonth(builtMonths + 1);
        const order = monthOrder[t];
        const haz = monthHazard[t];
        const flat = monthFlat[t];
        const firsts = bucketFirst[t];
        for (let k = 0; k < BUCKETS; k++) {
          const first = firsts[k];
          const last = firsts[k + 1];
          if (first === last) continue;
          const bound = _pow(2, -k);
          const logq = bound < 1 ? _log1p(-bound) : 0;
          const endFlat = flat[last];
          let pos = flat[first] - 1;
          let ci = first;
          for (;;) {
            pos += bound < 1 ? 1 + _floor(_log(1 - rng.uniform()) / logq) : 1;
            if (!(pos < endFlat)) break;
            while (flat[ci + 1] <= pos) ci++;
            const h = haz[ci];
            if (h < bound && rng.uniform() * bound >= h) continue;
            const c = order[ci];
            const loan = m.cohortMembers[m.cohortOffset[c] + (pos - flat[ci])];
            if (pickStamp[loan] === stamp) continue;
            pickStamp[loan] = stamp;
            if (nf === fresh.length) {
              const bigger = new Int32Array(nf * 2);
              bigger.set(fresh);
              fresh = bigger;
            }
            fresh[nf++] = loan;
          }
        }
        // In loan order (the order the portfolio was given in): a rule, so the same loans decide the trip.
        const drawn = fresh.subarray(0, nf).sort();
        for (let i = 0; i < nf; i++) monthClaims.push(drawn[i]);
        for (const loan of monthClaims) {
          if (!approve(loan, t)) {
            held.push(loan);
            emit(t, 'HELD', loan, 0, 0);
          }
        }
      }
      // Payouts in approval order while the principal account can pay (it never goes below zero, Art 7).
      while (payHead < payLoan.length && balance >= payAmount[payHead]) {
        const loan = payLoan[payHead];
        const f = payAmount[payHead];
        payHead++;
        balance -= f;
        payoutQuarterFen[p * Q + _floor((t - 1) / 3)] += f;
        segmentPaidFen[m.loanSeg[loan]] += f;
        emit(t, 'PAID', loan, f, 0);
        const back = t + m.recoveryDelayMonths;
        if (back <= H && rng.uniform() < pRecovery) {
          remitByMonth[back] += remittanceFen(m.recoveredFen[loan], f, m.lossBaseFen[loan]);
        }
      }
      balanceFen[p * (H + 1) + t] = balance;
    }
  }
  // Claims due within the horizon that were neither approved nor refused wait for a resumption: in
  // expectation, the claims expected less those the paths decided.
  const heldTotal = Math.max(0, expectedClaims * paths - approvedTotal - refusedTotal);

  return {
    group,
    paths,
    drawnRates: rates,
    balanceFen,
    payoutQuarterFen,
    tripMonth,
    segmentPaidFen,
    aliveOutstandingFen: alive,
    approved: approvedTotal,
    held: heldTotal,
    refusedYearCap: refusedTotal,
    trace: events,
  };
}
