import type { ForecastInput, Levers } from './model';
import { prepare } from './model';
import { runGroups } from './run';
import { summarize, type ScenarioResult } from './summarize';

/** A case to run: the base case, or one lever alone, or every lever at once. */
export interface Scenario {
  readonly key:
    'BASE' | 'BANK_GROWTH' | 'TIER_RATE' | 'TOP_UP' | 'BANK_SUSPENDED' | 'DEFAULT_STRESS' | 'ALL_LEVERS';
  readonly levers: Levers;
}

/**
 * The base case and each lever alone, side by side (and all of them together when more than one is
 * set), so that each lever's effect is read against the same base.
 */
export function scenariosOf(levers: Levers | undefined): Scenario[] {
  const out: Scenario[] = [{ key: 'BASE', levers: {} }];
  if (!levers) return out;
  if (levers.bankGrowth?.length) out.push({ key: 'BANK_GROWTH', levers: { bankGrowth: levers.bankGrowth } });
  if (levers.tierRate) out.push({ key: 'TIER_RATE', levers: { tierRate: levers.tierRate } });
  if (levers.topUp && levers.topUp.isPositive()) out.push({ key: 'TOP_UP', levers: { topUp: levers.topUp } });
  if (levers.suspendedBanks?.length) {
    out.push({ key: 'BANK_SUSPENDED', levers: { suspendedBanks: levers.suspendedBanks } });
  }
  if (levers.defaultStress !== undefined && levers.defaultStress !== 1) {
    out.push({ key: 'DEFAULT_STRESS', levers: { defaultStress: levers.defaultStress } });
  }
  if (out.length > 2) out.push({ key: 'ALL_LEVERS', levers });
  return out;
}

/** One scenario on this thread: compile, run every group, summarize. Same seed → same answer. */
export function forecastScenario(input: ForecastInput): ScenarioResult {
  const model = prepare(input);
  return summarize(model, runGroups(model, 0, model.groups));
}
