import { Money } from './money';
import type { PolicyParameters } from './policy';
import { PolicyError, reason, type PolicyReason } from './reasons';

export interface FundCumulative {
  /** Σ F of every claim that received its final approval, paid or not. Recoveries never lower it. */
  readonly cumulative: Money;
  /**
   * The cumulative figure when the offices last recorded a resumption (absent: never suspended/resumed).
   * Reading: after a resumption the count restarts from there, otherwise a resumption could resume nothing.
   */
  readonly cumulativeAtLastResumption?: Money;
}

function sinceResumption(state: FundCumulative): Money {
  const base = state.cumulativeAtLastResumption ?? Money.zero();
  if (base.isNegative() || base.gt(state.cumulative)) {
    throw new PolicyError(
      'INVALID_CUMULATIVE',
      `Resumption baseline ${base.toString()} must be in [0, ${state.cumulative.toString()}]`,
    );
  }
  return state.cumulative.minus(base);
}

/** R7: the fund is suspended once the cumulative figure (since the last resumption) reaches the threshold. */
export function isFundSuspended(state: FundCumulative, policy: PolicyParameters): boolean {
  return sinceResumption(state).gte(policy.circuitBreakerCumulative.value);
}

export interface CircuitBreakerInput {
  readonly cumulativeBefore: Money;
  readonly claimFundShare: Money;
  readonly cumulativeAtLastResumption?: Money;
}

export interface CircuitBreakerResult {
  /** False while suspended: the claim waits with all its signatures (Art 19 in Jiangbei). */
  readonly finalApprovalAllowed: boolean;
  readonly suspendedBefore: boolean;
  /** cumulativeBefore + F when allowed, else unchanged. */
  readonly cumulativeAfter: Money;
  readonly suspendedAfter: boolean;
  /** This approval is the one that reaches the threshold: it is honoured, the next is held. */
  readonly crossesThreshold: boolean;
  readonly reasons: readonly PolicyReason[];
}

/** R7: may this claim receive its final approval, and what is the fund's state afterwards? */
export function circuitBreaker(input: CircuitBreakerInput, policy: PolicyParameters): CircuitBreakerResult {
  const breaker = policy.circuitBreakerCumulative;
  if (input.claimFundShare.isNegative() || input.cumulativeBefore.isNegative()) {
    throw new PolicyError('INVALID_CUMULATIVE', 'Amounts must not be negative', breaker.article);
  }
  const before = {
    cumulative: input.cumulativeBefore,
    cumulativeAtLastResumption: input.cumulativeAtLastResumption,
  };
  if (isFundSuspended(before, policy)) {
    return {
      finalApprovalAllowed: false,
      suspendedBefore: true,
      cumulativeAfter: input.cumulativeBefore,
      suspendedAfter: true,
      crossesThreshold: false,
      reasons: [
        reason(
          breaker.article,
          'FUND_SUSPENDED',
          `Cumulative compensation ${input.cumulativeBefore.toString()} has reached ${breaker.value.toString()}: no final approval until a resumption is recorded`,
        ),
      ],
    };
  }
  const cumulativeAfter = input.cumulativeBefore.plus(input.claimFundShare);
  const suspendedAfter = isFundSuspended(
    { cumulative: cumulativeAfter, cumulativeAtLastResumption: input.cumulativeAtLastResumption },
    policy,
  );
  return {
    finalApprovalAllowed: true,
    suspendedBefore: false,
    cumulativeAfter,
    suspendedAfter,
    crossesThreshold: suspendedAfter,
    reasons: [
      suspendedAfter
        ? reason(
            breaker.article,
            'THRESHOLD_REACHED',
            `Cumulative ${cumulativeAfter.toString()} reaches ${breaker.value.toString()}: this approval is honoured, new compensation stops`,
          )
        : reason(
            breaker.article,
            'BELOW_THRESHOLD',
            `Cumulative ${cumulativeAfter.toString()} stays below ${breaker.value.toString()}`,
          ),
    ],
  };
}
