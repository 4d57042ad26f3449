import type { Money } from '@ipfund/policy';
import { fromFen, meanFen } from './money-fen';
import type { PreparedModel } from './model';
import type { GroupResult } from './run';

export interface TripProbability {
  readonly withinMonths: number;
  /** Share of the paths in which the breaker (Art 19) trips within the months. */
  readonly probability: number;
  /** 90 % interval: the spread between parameter draws (estimation uncertainty) and the Monte Carlo error. */
  readonly low: number;
  readonly high: number;
}

export interface BalancePoint {
  readonly month: number;
  readonly mean: Money;
  readonly p5: Money;
  readonly p50: Money;
  readonly p95: Money;
}

export interface QuarterPayout {
  readonly quarter: number;
  readonly mean: Money;
  readonly p5: Money;
  readonly p95: Money;
}

export interface LeveragePoint {
  readonly month: number;
  /** Expected outstanding principal of the covered loans still running. */
  readonly coveredPrincipal: Money;
  readonly expectedBalance: Money;
  /** coveredPrincipal ÷ expectedBalance; null when the balance is zero. */
  readonly leverage: number | null;
}

export interface Contribution {
  readonly key: string;
  readonly bankId: string;
  readonly bankName: string;
  /** Null for a bank's total. */
  readonly ipOnly: boolean | null;
  readonly threeParty: boolean | null;
  readonly expectedPayout: Money;
  /** Share of the expected compensation paid over the horizon (0 when nothing is paid). */
  readonly share: number;
}

export interface ScenarioResult {
  readonly paths: number;
  readonly horizonMonths: number;
  readonly seed: number;
  readonly tripProbability: readonly TripProbability[];
  /** P(tripped by the end of month m), m = 0..H. */
  readonly tripCurve: readonly number[];
  readonly balance: readonly BalancePoint[];
  readonly payouts: readonly QuarterPayout[];
  readonly expectedTotalPayout: Money;
  readonly leverage: readonly LeveragePoint[];
  readonly topBanks: readonly Contribution[];
  readonly topSegments: readonly Contribution[];
  readonly expectedClaimsApproved: number;
  /** Claims that reach final approval time within the horizon but wait for a resumption (Art 19). */
  readonly expectedClaimsHeld: number;
  /** Claims the enterprise-year cap leaves at zero (Art 11). */
  readonly expectedClaimsRefusedByYearCap: number;
  readonly loans: number;
  readonly replayLoans: number;
  readonly growthLoans: number;
}

/** Two-sided 90 % Student t quantile for df degrees of freedom (the spread of a few parameter draws). */
function t90(df: number): number {
  const table = [
    6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753,
    1.746, 1.74, 1.734, 1.729, 1.725,
  ];
  return df < 1 ? 1.645 : df <= table.length ? table[df - 1] : 1.645 + 1.6 / df;
}

/** Wilson score interval at 90 %. */
function wilson(p: number, n: number): [number, number] {
  const z = 1.6449;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx];
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The answer of one scenario from its groups' paths. */
export function summarize(model: PreparedModel, results: readonly GroupResult[]): ScenarioResult {
  const H = model.horizon;
  const Q = Math.ceil(H / 3);
  const total = results.reduce((s, r) => s + r.paths, 0);
  const ordered = [...results].sort((a, b) => a.group - b.group);

  // Trip probabilities.
  const tripCounts = new Float64Array(H + 1);
  const groupTrips = ordered.map((r) => {
    const byMonth = new Float64Array(H + 1);
    for (const t of r.tripMonth) if (t >= 0) byMonth[t]++;
    for (let t = 1; t <= H; t++) byMonth[t] += byMonth[t - 1];
    for (let t = 0; t <= H; t++) tripCounts[t] += byMonth[t];
    return byMonth;
  });
  const tripCurve = Array.from(tripCounts, (c) => round4(c / total));
  const windows = [...new Set([12, 24, 36, H].filter((w) => w <= H))].sort((a, b) => a - b);
  const tripProbability = windows.map((w): TripProbability => {
    const p = tripCounts[w] / total;
    // The groups differ by their draw of the rates (the estimate's uncertainty) and by their own Monte
    // Carlo noise. The spread of P over the rates is the groups' variance less their average binomial
    // noise (method of moments); the interval adds the Monte Carlo error of the overall share.
    const ps = ordered.map((r, i) => groupTrips[i][w] / r.paths);
    const mean = ps.reduce((s, x) => s + x, 0) / ps.length;
    const between = ps.length > 1 ? ps.reduce((s, x) => s + (x - mean) ** 2, 0) / (ps.length - 1) : 0;
    const noise =
      ordered.reduce((s, r, i) => s + (r.paths > 1 ? (ps[i] * (1 - ps[i])) / (r.paths - 1) : 0), 0) /
      ordered.length;
    const spread = Math.max(0, between - noise);
    // The spread is estimated from a few groups, less their noise: its degrees of freedom shrink with the
    // share of the groups' variance that is noise (Satterthwaite), and the t quantile widens to match.
    const df =
      between > 0 ? Math.max(1, Math.floor((ps.length - 1) * (spread / between) ** 2)) : ps.length - 1;
    const half = t90(df) * Math.sqrt(spread + (p * (1 - p)) / total);
    const [wl, wh] = wilson(p, total);
    return {
      withinMonths: w,
      probability: round4(p),
      low: round4(Math.max(0, Math.min(wl, p - half))),
      high: round4(Math.min(1, Math.max(wh, p + half))),
    };
  });

  // Balance fan.
  const column = new Float64Array(total);
  const balance: BalancePoint[] = [];
  for (let t = 0; t <= H; t++) {
    let k = 0;
    let sum = 0;
    for (const r of ordered) {
      for (let p = 0; p < r.paths; p++) {
        const v = r.balanceFen[p * (H + 1) + t];
        column[k++] = v;
        sum += v;
      }
    }
    column.sort();
    balance.push({
      month: t,
      mean: meanFen(sum, total),
      p5: fromFen(quantile(column, 0.05)),
      p50: fromFen(quantile(column, 0.5)),
      p95: fromFen(quantile(column, 0.95)),
    });
  }

  // Payouts per quarter.
  const payouts: QuarterPayout[] = [];
  let allPaid = 0;
  for (let q = 0; q < Q; q++) {
    let k = 0;
    let sum = 0;
    for (const r of ordered) {
      for (let p = 0; p < r.paths; p++) {
        const v = r.payoutQuarterFen[p * Q + q];
        column[k++] = v;
        sum += v;
      }
    }
    column.sort();
    allPaid += sum;
    payouts.push({
      quarter: q + 1,
      mean: meanFen(sum, total),
      p5: fromFen(quantile(column, 0.05)),
      p95: fromFen(quantile(column, 0.95)),
    });
  }

  // Leverage per quarter end: expected covered principal (under each group's rates) ÷ expected balance.
  const leverage: LeveragePoint[] = [];
  for (let t = 0; t <= H; t += 3) {
    let coveredSum = 0;
    for (const r of ordered) coveredSum += r.aliveOutstandingFen[t] * r.paths;
    const covered = coveredSum / total;
    const bal = balance[t].mean;
    const balNum = Number(bal.toString());
    leverage.push({
      month: t,
      coveredPrincipal: meanFen(Math.round(coveredSum / total), 1),
      expectedBalance: bal,
      leverage: balNum > 0 ? round4(covered / 100 / balNum) : null,
    });
  }

  // Contributions.
  const S = model.segments.length;
  const segPaid = new Float64Array(S);
  for (const r of ordered) for (let s = 0; s < S; s++) segPaid[s] += r.segmentPaidFen[s];
  const share = (fen: number) => (allPaid > 0 ? round4(fen / allPaid) : 0);
  const topSegments: Contribution[] = model.segments
    .map((seg, s) => ({
      key: seg.key,
      bankId: seg.bankId,
      bankName: seg.bankName,
      ipOnly: seg.ipOnly,
      threeParty: seg.threeParty,
      fen: segPaid[s],
    }))
    .sort((a, b) => b.fen - a.fen || a.key.localeCompare(b.key))
    .slice(0, 10)
    .map(({ fen, ...c }) => ({ ...c, expectedPayout: meanFen(fen, total), share: share(fen) }));
  const byBank = new Map<string, { bankName: string; fen: number }>();
  model.segments.forEach((seg, s) => {
    const b = byBank.get(seg.bankId) ?? { bankName: seg.bankName, fen: 0 };
    b.fen += segPaid[s];
    byBank.set(seg.bankId, b);
  });
  const topBanks: Contribution[] = [...byBank]
    .sort((a, b) => b[1].fen - a[1].fen || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([bankId, b]) => ({
      key: bankId,
      bankId,
      bankName: b.bankName,
      ipOnly: null,
      threeParty: null,
      expectedPayout: meanFen(b.fen, total),
      share: share(b.fen),
    }));

  const sumOf = (f: (r: GroupResult) => number) => ordered.reduce((s, r) => s + f(r), 0);
  return {
    paths: total,
    horizonMonths: H,
    seed: model.seed,
    tripProbability,
    tripCurve,
    balance,
    payouts,
    expectedTotalPayout: meanFen(allPaid, total),
    leverage,
    topBanks,
    topSegments,
    expectedClaimsApproved: round4(sumOf((r) => r.approved) / total),
    expectedClaimsHeld: round4(sumOf((r) => r.held) / total),
    expectedClaimsRefusedByYearCap: round4(sumOf((r) => r.refusedYearCap) / total),
    loans: model.loanCount - model.replayLoans - model.growthLoans,
    replayLoans: model.replayLoans,
    growthLoans: model.growthLoans,
  };
}
