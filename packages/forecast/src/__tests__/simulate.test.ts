import fc from 'fast-check';
import {
  JIANGBEI_2024,
  Money,
  circuitBreaker,
  computeCompensation,
  tierCapRate,
  tierOf,
} from '@ipfund/policy';
import {
  forecastScenario,
  fromFen,
  knownRate,
  prepare,
  runGroups,
  toFen,
  type ForecastLoan,
  type TraceEvent,
} from '..';
import { PLAIN, input, knownRates, loan } from './helpers';

describe('fund foresight simulator', () => {
  test('same seed → same answer; another seed → another sample', () => {
    const loans = Array.from({ length: 60 }, () => loan());
    const a = forecastScenario(input(loans, { seed: 11 }));
    const b = forecastScenario(input(loans, { seed: 11 }));
    const c = forecastScenario(input(loans, { seed: 12 }));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.balance)).not.toBe(JSON.stringify(c.balance));
  });

  test('the answer does not depend on how the groups are split between threads', () => {
    const loans = Array.from({ length: 40 }, () => loan());
    const model = prepare(input(loans, { paths: 100 }));
    const whole = runGroups(model, 0, model.groups);
    const split = [...runGroups(model, 0, 7), ...runGroups(model, 7, model.groups)];
    expect(split.map((g) => Array.from(g.balanceFen))).toEqual(whole.map((g) => Array.from(g.balanceFen)));
  });

  test('a portfolio with no defaults never trips, pays nothing and keeps the balance', () => {
    const loans = Array.from({ length: 300 }, () => loan({ principal: Money.of('4000000.00') }));
    const r = forecastScenario(input(loans, { rates: knownRates(loans, 0, 0, 0), paths: 500 }));
    for (const t of r.tripProbability) {
      expect(t.probability).toBe(0);
      expect(t.low).toBe(0);
    }
    expect(r.tripCurve.every((p) => p === 0)).toBe(true);
    expect(r.expectedTotalPayout.toString()).toBe('0.00');
    expect(
      r.balance.every((b) => b.p5.toString() === '10000000.00' && b.p95.toString() === '10000000.00'),
    ).toBe(true);
    expect(r.expectedClaimsApproved).toBe(0);
  });

  test('when every loan defaults the breaker trips exactly when the rules say (Art 17, 19)', () => {
    // 12 loans 15+ days behind reach 60 days in month 1 and are approved in month 3 (two months of
    // procedure); 10 current loans reach 60 days in month 2 and are approved in month 4.
    const behind = Array.from({ length: 12 }, () => loan({ state: 'OVERDUE_15' }));
    const current = Array.from({ length: 10 }, () => loan());
    const loans: ForecastLoan[] = [...behind, ...current];
    const r = forecastScenario(
      input(loans, { rates: knownRates(loans, 1, 1, 0), paths: 50, horizonMonths: 12 }),
    );

    // What the rules say, with the policy functions, in approval order.
    let cumulative = Money.zero();
    let approvedBeforeTrip = 0;
    let tripAt = -1;
    const order = [...behind.map((l) => [l, 3] as const), ...current.map((l) => [l, 4] as const)];
    for (const [l, month] of order) {
      const f = computeCompensation(
        { ...l, enterpriseYearCompensatedSoFar: Money.zero() },
        JIANGBEI_2024,
      ).fundShare;
      const cb = circuitBreaker({ cumulativeBefore: cumulative, claimFundShare: f }, JIANGBEI_2024);
      if (!cb.finalApprovalAllowed) break;
      cumulative = cb.cumulativeAfter;
      approvedBeforeTrip++;
      if (cb.crossesThreshold) {
        tripAt = month;
        break;
      }
    }
    // 12 × 300,000 = 3.6M in month 3; the 8th loan of month 4 brings it to exactly 6.0M (≥, Art 19).
    expect(approvedBeforeTrip).toBe(20);
    expect(tripAt).toBe(4);
    expect(r.tripCurve[3]).toBe(0);
    expect(r.tripCurve[4]).toBe(1);
    expect(r.tripProbability[0]).toMatchObject({ withinMonths: 12, probability: 1 });
    expect(r.expectedClaimsApproved).toBe(20);
    expect(r.expectedClaimsHeld).toBe(2);
    expect(r.expectedTotalPayout.toString()).toBe(cumulative.toString());
    expect(r.balance[12].mean.toString()).toBe('4000000.00');
  });

  test('a fund already suspended pays nothing new until a modelled resumption (Art 19)', () => {
    const loans = Array.from({ length: 30 }, () => loan({ state: 'OVERDUE_60' }));
    const held = forecastScenario(input(loans, { cumulative: '6000000.00', paths: 20, horizonMonths: 12 }));
    expect(held.tripCurve[0]).toBe(1);
    expect(held.expectedClaimsApproved).toBe(0);
    expect(held.expectedClaimsHeld).toBe(30);

    const resumed = forecastScenario(
      input(loans, {
        cumulative: '6000000.00',
        paths: 20,
        horizonMonths: 11,
        assumptions: { ...PLAIN, resumptionAfterMonths: { value: 6, source: 'test' } },
      }),
    );
    // Resumed in month 6: 20 claims of 300,000 until the breaker trips again (the next resumption would
    // be in month 12, past the horizon); the other 10 wait.
    expect(resumed.payouts[0].mean.toString()).toBe('0.00');
    expect(resumed.expectedClaimsApproved).toBe(20);
    expect(resumed.payouts[1].mean.toString()).toBe('6000000.00');
    expect(resumed.expectedClaimsHeld).toBe(10);
  });

  test('a top-up raises the balance; stressed defaults raise the trip probability', () => {
    const loans = Array.from({ length: 150 }, () => loan());
    const base = forecastScenario(input(loans, { paths: 400 }));
    const topUp = forecastScenario(input(loans, { paths: 400, levers: { topUp: Money.of('5000000.00') } }));
    const stressed = forecastScenario(input(loans, { paths: 400, levers: { defaultStress: 3 } }));
    expect(toFen(topUp.balance[36].mean) - toFen(base.balance[36].mean)).toBe(500_000_000);
    expect(stressed.tripProbability[2].probability).toBeGreaterThan(base.tripProbability[2].probability);
  });

  test('paths and horizon are limited', () => {
    const loans = [loan()];
    expect(() => prepare(input(loans, { paths: 10_001 }))).toThrow(/paths/);
    expect(() => prepare(input(loans, { horizonMonths: 61 }))).toThrow(/horizonMonths/);
    expect(() => prepare(input(loans, { horizonMonths: 0 }))).toThrow(/horizonMonths/);
  });
});

/** Random small portfolios: shared enterprises, big and combination loans, guarantors, a low balance. */
const portfolioArb = fc
  .record({
    loans: fc.array(
      fc.record({
        principal: fc.integer({ min: 1, max: 900 }).map((x) => x * 10_000),
        combination: fc.boolean(),
        threeParty: fc.boolean(),
        enterprise: fc.integer({ min: 0, max: 6 }),
        state: fc.constantFrom('CURRENT', 'OVERDUE_15', 'OVERDUE_60', 'IN_CLAIM') as fc.Arbitrary<
          ForecastLoan['state']
        >,
      }),
      { minLength: 1, maxLength: 40 },
    ),
    toOverdue: fc.double({ min: 0, max: 0.5, noNaN: true }),
    toClaim: fc.double({ min: 0, max: 1, noNaN: true }),
    balance: fc.integer({ min: 0, max: 12_000_000 }),
    cumulative: fc.integer({ min: 0, max: 6_500_000 }),
    resumption: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    recovery: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((r) => {
    const loans = r.loans.map((x, i) => {
      const principal = Money.of(`${x.principal}.00`);
      return loan({
        id: `P${i}`,
        enterpriseId: `ENT${x.enterprise}`,
        principal,
        ipPledgedPrincipal: x.combination
          ? Money.of(`${Math.max(1, Math.floor(x.principal * 0.6))}.00`)
          : principal,
        outstandingPrincipal: principal,
        threeParty: x.threeParty,
        agreement: x.threeParty
          ? { effectiveFrom: '2024-04-07', guarantorRate: JIANGBEI_2024.minGuarantorRate.value }
          : { effectiveFrom: '2024-04-07' },
        state: x.state,
      });
    });
    return {
      loans,
      inp: input(loans, {
        rates: knownRates(loans, r.toOverdue, r.toClaim, 0.3),
        recovery: knownRate(r.recovery),
        balance: `${r.balance}.00`,
        cumulative: `${r.cumulative}.00`,
        paths: 3,
        horizonMonths: 24,
        seed: r.seed,
        assumptions: {
          ...PLAIN,
          resumptionAfterMonths: { value: r.resumption, source: 'test' },
          recoveryDelayMonths: { value: 3, source: 'test' },
        },
      }),
    };
  });

describe('properties of every path', () => {
  test('paid compensation never exceeds the caps (Art 11, 14), never continues past the breaker until a resumption (Art 19), and the balance never goes negative', () => {
    const policy = JIANGBEI_2024;
    const loanCapFen = toFen(policy.perLoanCap.value);
    const yearCapFen = toFen(policy.perEnterpriseYearCap.value);
    const breakerFen = toFen(policy.circuitBreakerCumulative.value);
    fc.assert(
      fc.property(portfolioArb, ({ loans, inp }) => {
        const model = prepare(inp);
        const groups = runGroups(model, 0, model.groups, { trace: true });
        for (const g of groups) {
          expect(Math.min(...g.balanceFen)).toBeGreaterThanOrEqual(0);
          const byPath = new Map<number, TraceEvent[]>();
          for (const e of g.trace ?? []) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
          for (const events of byPath.values()) {
            const yearUsed = new Map<string, number>();
            let suspended = toFen(Money.of(inp.fund.cumulative.toString())) >= breakerFen;
            let approvedSince = 0;
            for (const e of events) {
              expect(e.balanceFen).toBeGreaterThanOrEqual(0);
              if (e.kind === 'RESUMED') {
                suspended = false;
                approvedSince = 0;
              }
              if (e.kind === 'TRIPPED') suspended = true;
              if (e.kind !== 'APPROVED') continue;
              // Never an approval while the breaker holds (the crossing approval is emitted before TRIPPED).
              expect(suspended).toBe(false);
              const l = loans[e.loan];
              const b = toFen(
                computeCompensation({ ...l, enterpriseYearCompensatedSoFar: Money.zero() }, policy).lossBase,
              );
              const tierCap = tierCapRate(tierOf(l.ipPledgedPrincipal, policy), policy).value;
              expect(e.amountFen).toBeLessThanOrEqual(loanCapFen);
              expect(e.amountFen).toBeLessThanOrEqual(toFen(fromFen(b).times(tierCap)));
              const key = `${l.enterpriseId}|${e.year}`;
              const used = yearUsed.get(key) ?? 0;
              // The amount is exactly what the policy function gives with what the enterprise already got.
              const real = computeCompensation(
                { ...l, enterpriseYearCompensatedSoFar: fromFen(used) },
                policy,
              );
              expect(e.amountFen).toBe(toFen(real.fundShare));
              yearUsed.set(key, used + e.amountFen);
              expect(used + e.amountFen).toBeLessThanOrEqual(yearCapFen);
              approvedSince += e.amountFen;
            }
            void approvedSince;
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
