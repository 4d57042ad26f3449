import { JIANGBEI_2024 } from '@ipfund/policy';
import {
  DEFAULT_ASSUMPTIONS,
  estimateTransitions,
  forecastScenario,
  knownRate,
  segmentOf,
  syntheticHistory,
  syntheticPortfolio,
  type SegmentRates,
} from '..';
import { AS_OF, PLAIN, input } from './helpers';

/**
 * Validation on a synthetic portfolio whose true monthly rates are known: the estimate is made from a
 * status history drawn under the true rates, and its 90 % interval must cover the trip probability
 * computed with the true rates in at least 85 of 100 seeds.
 */
describe('validation against known rates', () => {
  const truth = { toOverdue: 0.012, toClaim: 0.35, cure: 0.45 };
  const loans = syntheticPortfolio({
    loans: 150,
    banks: 1,
    asOf: AS_OF,
    seed: 3,
    principal: '1000000.00',
    guaranteedShare: 0.5,
    maturityMonths: 48,
  });
  const segments = [...new Set(loans.map(segmentOf))];
  const horizon = 24;

  test('over 100 seeds the 90 % interval covers the true trip probability at least 85 times', () => {
    const trueRates = new Map<string, SegmentRates>(
      segments.map((s) => [
        s,
        {
          toOverdue: knownRate(truth.toOverdue),
          toClaim: knownRate(truth.toClaim),
          cure: knownRate(truth.cure),
        },
      ]),
    );
    const truthRun = forecastScenario(
      input(loans, { rates: trueRates, paths: 10_000, horizonMonths: horizon, seed: 999 }),
    );
    const trueP = truthRun.tripProbability.find((t) => t.withinMonths === horizon)!.probability;
    // Interesting only when neither sure nor impossible.
    expect(trueP).toBeGreaterThan(0.15);
    expect(trueP).toBeLessThan(0.85);

    let covered = 0;
    let width = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const history = syntheticHistory(segments, 400, 36, AS_OF, truth, seed);
      const rates = estimateTransitions(history, AS_OF, JIANGBEI_2024, DEFAULT_ASSUMPTIONS, segments);
      const r = forecastScenario(
        input(loans, { rates, assumptions: PLAIN, paths: 1000, horizonMonths: horizon, seed }),
      );
      const t = r.tripProbability.find((x) => x.withinMonths === horizon)!;
      if (t.low <= trueP && trueP <= t.high) covered++;
      width += t.high - t.low;
    }
    console.info(
      `true P(trip within ${horizon} months) ${trueP}; covered ${covered}/100; mean width ${(width / 100).toFixed(3)}`,
    );
    expect(covered).toBeGreaterThanOrEqual(85);
    // Not covered by being vacuous: the mean interval is well inside [0, 1].
    expect(width / 100).toBeLessThan(0.5);
  });

  test('the estimate of each segment shows its counts and effective sample size', () => {
    const history = syntheticHistory(segments, 150, 24, AS_OF, truth, 1);
    const rates = estimateTransitions(history, AS_OF, JIANGBEI_2024, DEFAULT_ASSUMPTIONS, segments);
    for (const s of segments) {
      const r = rates.get(s)!;
      const prior = DEFAULT_ASSUMPTIONS.priorCurrentTo15.value;
      expect(r.toOverdue.exposures).toBeGreaterThan(3000);
      expect(r.toOverdue.effectiveSampleSize).toBeCloseTo(
        r.toOverdue.exposures + prior.alpha + prior.beta,
        6,
      );
      expect(r.toOverdue.mean).toBeCloseTo(truth.toOverdue, 2);
      expect(r.toClaim.events).toBeLessThanOrEqual(r.toClaim.exposures);
    }
    // A segment with no history is the prior alone, worth only the prior's weight.
    const none = estimateTransitions([], AS_OF, JIANGBEI_2024, DEFAULT_ASSUMPTIONS, [
      'nobody|IP_ONLY|UNGUARANTEED',
    ]);
    const p = none.get('nobody|IP_ONLY|UNGUARANTEED')!.toOverdue;
    expect(p.exposures).toBe(0);
    expect(p.mean).toBeCloseTo(1 / 66.7, 6);
  });
});
