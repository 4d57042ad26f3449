import Decimal from 'decimal.js';
import { addMonths, type RateEstimate, type ScenarioResult, type TripProbability } from '@ipfund/forecast';
import type { FundForecastView } from './forecast.service';
import {
  ForecastScenarioKey,
  type ForecastAssumptionType,
  type ForecastRateEstimateType,
  type ForecastScenarioType,
  type ForecastTripProbabilityType,
  type FundForecastType,
} from './forecast.types';

const trip = (t: TripProbability): ForecastTripProbabilityType => ({ ...t });

function rate(e: RateEstimate): ForecastRateEstimateType {
  return {
    estimate: Math.round(e.mean * 1e6) / 1e6,
    exposures: e.exposures,
    events: e.events,
    priorMean: Math.round((e.prior.alpha / (e.prior.alpha + e.prior.beta)) * 1e6) / 1e6,
    effectiveSampleSize: Number.isFinite(e.effectiveSampleSize)
      ? Math.round(e.effectiveSampleSize * 100) / 100
      : -1,
  };
}

function scenario(key: string, r: ScenarioResult, asOf: FundForecastView['asOf']): ForecastScenarioType {
  return {
    key: key as ForecastScenarioKey,
    tripProbability: r.tripProbability.map(trip),
    tripCurve: [...r.tripCurve],
    balance: r.balance.map((b) => ({
      month: b.month,
      date: addMonths(asOf, b.month),
      mean: b.mean.toString(),
      p5: b.p5.toString(),
      p50: b.p50.toString(),
      p95: b.p95.toString(),
    })),
    payouts: r.payouts.map((p) => ({
      quarter: p.quarter,
      mean: p.mean.toString(),
      p5: p.p5.toString(),
      p95: p.p95.toString(),
    })),
    expectedTotalPayout: r.expectedTotalPayout.toString(),
    leverage: r.leverage.map((l) => ({
      month: l.month,
      coveredPrincipal: l.coveredPrincipal.toString(),
      expectedBalance: l.expectedBalance.toString(),
      leverage: l.leverage,
    })),
    topBanks: r.topBanks.map((c) => ({ ...c, expectedPayout: c.expectedPayout.toString() })),
    topSegments: r.topSegments.map((c) => ({ ...c, expectedPayout: c.expectedPayout.toString() })),
    expectedClaimsApproved: r.expectedClaimsApproved,
    expectedClaimsHeld: r.expectedClaimsHeld,
    expectedClaimsRefusedByYearCap: r.expectedClaimsRefusedByYearCap,
    replayLoans: r.replayLoans,
    growthLoans: r.growthLoans,
  };
}

export function toFundForecastType(v: FundForecastView): FundForecastType {
  const base = v.scenarios[0].result;
  const atHorizon =
    base.tripProbability.find((t) => t.withinMonths === v.horizonMonths) ?? base.tripProbability[0];
  const assumptions: ForecastAssumptionType[] = Object.entries(v.assumptions).map(([key, p]) => ({
    key,
    value:
      typeof p.value === 'object' && p.value !== null
        ? `Beta(${p.value.alpha}, ${p.value.beta})`
        : String(p.value),
    source: p.source,
    note: p.note ?? null,
  }));
  // Leverage is a ratio, but of two amounts: divided in decimal, only the rounded ratio is a float.
  const balance = new Decimal(v.balance.toString());
  return {
    asOf: v.asOf,
    horizonMonths: v.horizonMonths,
    paths: v.paths,
    seed: v.seed,
    balance: v.balance.toString(),
    cumulativeSinceResumption: v.cumulativeSinceResumption.toString(),
    breakerThreshold: v.breakerThreshold.toString(),
    coveredPrincipal: v.coveredPrincipal.toString(),
    leverage: balance.gt(0)
      ? new Decimal(v.coveredPrincipal.toString()).div(balance).toDecimalPlaces(4).toNumber()
      : null,
    loans: v.loans,
    headline: trip(atHorizon),
    tripProbability: base.tripProbability.map(trip),
    scenarios: v.scenarios.map((s) => scenario(s.key, s.result, v.asOf)),
    segments: v.segments.map((s) => ({
      key: s.key,
      bankId: s.bankId,
      bankName: s.bankName,
      ipOnly: s.ipOnly,
      threeParty: s.threeParty,
      loans: s.loans,
      outstandingPrincipal: s.outstandingPrincipal.toString(),
      toOverdue: rate(s.rates.toOverdue),
      toClaim: rate(s.rates.toClaim),
      cure: rate(s.rates.cure),
    })),
    recovery: rate(v.recovery),
    assumptions,
    runMode: v.runMode,
  };
}
