import type { OrgKind } from '@ipfund/shared';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok, orgIdOf, refusal, tokensByKind } from '../../../testing/kinds';

const FORECAST = `query($input: FundForecastInput!) { fundForecast(input: $input) {
  asOf horizonMonths paths seed balance cumulativeSinceResumption breakerThreshold coveredPrincipal leverage loans runMode
  headline { withinMonths probability low high }
  tripProbability { withinMonths probability low high }
  scenarios { key tripProbability { withinMonths probability low high } tripCurve
    balance { month date mean p5 p50 p95 } payouts { quarter mean p5 p95 } expectedTotalPayout
    leverage { month coveredPrincipal expectedBalance leverage }
    topBanks { bankId bankName expectedPayout share } topSegments { key ipOnly threeParty expectedPayout share }
    expectedClaimsApproved expectedClaimsHeld replayLoans growthLoans }
  segments { key bankId bankName ipOnly threeParty loans outstandingPrincipal
    toOverdue { estimate exposures events priorMean effectiveSampleSize }
    toClaim { estimate exposures events priorMean effectiveSampleSize }
    cure { estimate exposures events priorMean effectiveSampleSize } }
  recovery { estimate exposures events effectiveSampleSize }
  assumptions { key value source }
} }`;

interface Trip {
  withinMonths: number;
  probability: number;
  low: number;
  high: number;
}
interface Scenario {
  key: string;
  tripProbability: Trip[];
  tripCurve: number[];
  balance: { month: number; date: string; mean: string; p5: string; p50: string; p95: string }[];
  payouts: { quarter: number; mean: string; p5: string; p95: string }[];
  expectedTotalPayout: string;
  topBanks: { bankId: string; bankName: string; expectedPayout: string; share: number }[];
  growthLoans: number;
}
interface Forecast {
  asOf: string;
  balance: string;
  loans: number;
  runMode: string;
  headline: Trip;
  tripProbability: Trip[];
  scenarios: Scenario[];
  segments: {
    key: string;
    bankId: string;
    loans: number;
    toOverdue: { estimate: number; exposures: number; events: number; effectiveSampleSize: number };
  }[];
  assumptions: { key: string; value: string; source: string }[];
}

const BASE_INPUT = { horizonMonths: 36, paths: 300, seed: 20261127 };

let app: TestApp;
let tokens: Record<OrgKind, string>;
const forecast = (token: string, input: Record<string, unknown> = BASE_INPUT) =>
  app.gql<{ fundForecast: Forecast }>(FORECAST, { input }, token);

beforeAll(async () => {
  app = await createTestApp({ seed: true });
  tokens = await tokensByKind(app);
}, 120_000);
afterAll(() => app?.close());

describe('fundForecast (issue 13)', () => {
  const readers: OrgKind[] = ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'AUDITOR'];
  const refused: OrgKind[] = ['LENDING_BANK', 'GUARANTOR', 'ENTERPRISE'];

  it.each(readers)('%s reads the forecast of the whole programme', async (kind) => {
    const f = ok(await forecast(tokens[kind], { ...BASE_INPUT, paths: 100 })).fundForecast;
    expect(f.loans).toBeGreaterThan(0);
    expect(f.scenarios.map((s) => s.key)).toEqual(['BASE']);
    expect(f.tripProbability.map((t) => t.withinMonths)).toEqual([12, 24, 36]);
    for (const t of f.tripProbability) {
      expect(t.probability).toBeGreaterThanOrEqual(0);
      expect(t.probability).toBeLessThanOrEqual(1);
      expect(t.low).toBeLessThanOrEqual(t.probability);
      expect(t.high).toBeGreaterThanOrEqual(t.probability);
    }
    // Every bank of the programme with covered loans has its segments, each with what its rates rest on.
    expect(new Set(f.segments.map((s) => s.bankId)).size).toBeGreaterThan(1);
    for (const s of f.segments) {
      expect(s.toOverdue.effectiveSampleSize).toBeGreaterThanOrEqual(s.toOverdue.exposures);
      expect(s.toOverdue.events).toBeLessThanOrEqual(s.toOverdue.exposures);
    }
    expect(f.assumptions.every((a) => a.source.length > 10)).toBe(true);
  });

  it.each(refused)('%s is refused: the forecast ranks every bank’s risk (DOMAIN §2)', async (kind) => {
    const res = await forecast(tokens[kind], { ...BASE_INPUT, paths: 10 });
    expect(res.data).toBeNull();
    expect(refusal(res)).toEqual({ code: 'FORBIDDEN', article: 'Art 5' });
  });

  it('the same seed gives the same answer; the balance starts at the principal account', async () => {
    const a = ok(await forecast(tokens.FUND_MANAGER)).fundForecast;
    const b = ok(await forecast(tokens.IP_BUREAU)).fundForecast;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const base = a.scenarios[0];
    expect(base.balance[0].mean).toBe(a.balance);
    expect(base.balance[0].date).toBe(a.asOf);
    expect(base.balance).toHaveLength(37);
    expect(base.payouts).toHaveLength(12);
    expect(a.headline).toEqual(a.tripProbability[2]);
    // Nothing is paid that the principal account does not hold (Art 7).
    for (const p of base.balance) expect(Number(p.p5)).toBeGreaterThanOrEqual(0);
  });

  it('each lever runs side by side with the base case', async () => {
    const bankA = await orgIdOf(app, 'bank-a');
    const f = ok(
      await forecast(tokens.FUND_MANAGER, {
        ...BASE_INPUT,
        paths: 200,
        levers: {
          topUp: '5000000.00',
          bankGrowth: [{ bankId: bankA, percent: 100 }],
          suspendedBankIds: [bankA],
          tierRate: { tier: 'LOW', rate: '0.20' },
          defaultStress: 2,
        },
      }),
    ).fundForecast;
    const keys = f.scenarios.map((s) => s.key);
    expect(keys).toEqual([
      'BASE',
      'BANK_GROWTH',
      'TIER_RATE',
      'TOP_UP',
      'BANK_SUSPENDED',
      'DEFAULT_STRESS',
      'ALL_LEVERS',
    ]);
    const by = Object.fromEntries(f.scenarios.map((s) => [s.key, s]));
    // The top-up arrives in month 1 and stays: same paths, 5,000,000.00 more at every month's end.
    for (let m = 1; m <= 36; m++) {
      expect(Number(by.TOP_UP.balance[m].mean) - Number(by.BASE.balance[m].mean)).toBeCloseTo(5_000_000, 2);
    }
    expect(by.BANK_GROWTH.growthLoans).toBeGreaterThan(0);
    expect(by.BASE.growthLoans).toBe(0);
    expect(Number(by.TIER_RATE.expectedTotalPayout)).toBeLessThanOrEqual(Number(by.BASE.expectedTotalPayout));
    expect(by.DEFAULT_STRESS.tripProbability[2].probability).toBeGreaterThanOrEqual(
      by.BASE.tripProbability[2].probability,
    );
  });

  it('refuses input that would stall the server or that the measures do not allow', async () => {
    const code = async (input: Record<string, unknown>) =>
      refusal(await forecast(tokens.FUND_MANAGER, input)).code;
    expect(await code({ ...BASE_INPUT, paths: 10_001 })).toBe('BAD_USER_INPUT');
    expect(await code({ ...BASE_INPUT, paths: 0 })).toBe('BAD_USER_INPUT');
    expect(await code({ ...BASE_INPUT, horizonMonths: 61 })).toBe('BAD_USER_INPUT');
    expect(await code({ ...BASE_INPUT, seed: -1 })).toBe('BAD_USER_INPUT');
    // 10,000 paths × (base + two levers + both) = 40,000 is the most; 5 scenarios are too many.
    expect(
      await code({
        ...BASE_INPUT,
        paths: 10_000,
        levers: { defaultStress: 2, topUp: '1.00', tierRate: { tier: 'HIGH', rate: '0.10' } },
      }),
    ).toBe('BAD_USER_INPUT');
    expect(await code({ ...BASE_INPUT, levers: { defaultStress: 11 } })).toBe('BAD_USER_INPUT');
    expect(
      await code({ ...BASE_INPUT, levers: { suspendedBankIds: ['00000000-0000-0000-0000-000000000000'] } }),
    ).toBe('BAD_USER_INPUT');
    // A tier rate above what the agreements' guarantor share leaves (f + g > 100 %, Art 11, 14) is refused with its article.
    const res = await forecast(tokens.FUND_MANAGER, {
      ...BASE_INPUT,
      levers: { tierRate: { tier: 'LOW', rate: '0.90' } },
    });
    expect(refusal(res).code).toBe('BAD_USER_INPUT');
    expect(refusal(res).article).toMatch(/^Art /);
  });
});
