import Decimal from 'decimal.js';
import {
  evaluatePartners,
  halfYear,
  halfYearOf,
  parseJudgedScore,
  weightsSumToOne,
  type JudgedScores,
  type PartnerIndicators,
} from '../evaluation';
import { Money, Rate } from '../money';
import { JIANGBEI_2024, validatePolicy, type PolicyParameters } from '../policy';
import { OTHER_DISTRICT_2025 } from '../fixture-district';

const bank = (id: string, over: Partial<PartnerIndicators> = {}): PartnerIndicators => ({
  partnerId: id,
  kind: 'LENDING_BANK',
  loansGranted: 10,
  amountGranted: Money.of('20000000.00'),
  enterprises: 8,
  firstTimeBorrowers: 4,
  loanShare: Rate.of('0.5'),
  registrationTimeliness: Rate.of('0.9'),
  remittanceTimeliness: Rate.of('1'),
  overdueRate: Rate.of('0.04'),
  compensationRate: Rate.of('0.01'),
  ...over,
});
const judged = (p: string, w: string): JudgedScores => ({
  productInnovation: new Decimal(p),
  workEffectiveness: new Decimal(w),
});
const str = (d: Decimal | null) => (d === null ? null : d.toFixed(2));

describe('half years (Art 23: every half year)', () => {
  it('parses and derives halves', () => {
    expect(halfYear('2026-H2')).toEqual({ half: '2026-H2', from: '2026-07-01', to: '2026-12-31' });
    expect(halfYear('2026-H1')).toEqual({ half: '2026-H1', from: '2026-01-01', to: '2026-06-30' });
    expect(halfYearOf('2026-06-30').half).toBe('2026-H1');
    expect(halfYearOf('2026-07-01').half).toBe('2026-H2');
    expect(() => halfYear('2026-H3')).toThrow(/half year/);
    expect(() => halfYear('2026H2')).toThrow(/half year/);
  });
});

describe('evaluatePartners', () => {
  it('scores each criterion, weighs them by the policy and ranks within the kind', () => {
    const [a, b] = evaluatePartners(
      [
        bank('a'),
        bank('b', { loansGranted: 5, amountGranted: Money.of('10000000.00'), overdueRate: Rate.of('0.08') }),
      ],
      new Map([
        ['a', judged('80', '90')],
        ['b', judged('80', '90')],
      ]),
      JIANGBEI_2024,
    );
    // a is the best of its kind in loans and amount: 100; b half of both: 50.
    expect(str(a.scores.creditGranted)).toBe('100.00');
    expect(str(b.scores.creditGranted)).toBe('50.00');
    // enterprises 8/8, first-time 4/4, share 50 % → (100 + 100 + 50) / 3
    expect(str(a.scores.enterpriseReach)).toBe('83.33');
    // registration 90 %, remittance 100 %
    expect(str(a.scores.loanEfficiency)).toBe('95.00');
    // overdue 4 % of the 8 % suspension ratio → 50; compensation 1 % of the 5 % warning ratio → 80
    expect(str(a.scores.assetQuality)).toBe('65.00');
    // b at the suspension ratio scores 0 on overdue: (0 + 80) / 2
    expect(str(b.scores.assetQuality)).toBe('40.00');
    // 0.15·80 + 0.25·100 + 0.20·83.33 + 0.15·95 + 0.10·65 + 0.15·90 = 87.916 → 87.92
    expect(str(a.total)).toBe('87.92');
    expect(a.rank).toBe(1);
    expect(b.rank).toBe(2);
  });

  it('leaves out a criterion without data and scales the other weights up (a guarantor registers no loans)', () => {
    const [g] = evaluatePartners(
      [
        {
          ...bank('g'),
          kind: 'GUARANTOR',
          loanShare: null,
          registrationTimeliness: null,
          remittanceTimeliness: null,
        },
      ],
      new Map([['g', judged('60', '70')]]),
      JIANGBEI_2024,
    );
    expect(g.scores.loanEfficiency).toBeNull();
    expect(str(g.scores.enterpriseReach)).toBe('100.00');
    // (0.15·60 + 0.25·100 + 0.20·100 + 0.10·65 + 0.15·70) / 0.85 = 71 / 0.85 = 83.529… → 83.53
    expect(str(g.total)).toBe('83.53');
    expect(g.rank).toBe(1);
  });

  it('has no total or rank until the manager has scored both judged criteria; ties share a rank', () => {
    const out = evaluatePartners(
      [bank('a'), bank('b'), bank('c')],
      new Map([
        ['a', judged('70', '70')],
        ['b', judged('70', '70')],
        ['c', { productInnovation: new Decimal(50), workEffectiveness: null }],
      ]),
      JIANGBEI_2024,
    );
    expect(out.map((e) => e.rank)).toEqual([1, 1, null]);
    expect(out[2].total).toBeNull();
  });

  it('ranks banks and guarantors separately', () => {
    const out = evaluatePartners(
      [bank('a', { loansGranted: 1 }), { ...bank('g'), kind: 'GUARANTOR' }],
      new Map([
        ['a', judged('10', '10')],
        ['g', judged('10', '10')],
      ]),
      JIANGBEI_2024,
    );
    expect(out.map((e) => e.rank)).toEqual([1, 1]);
  });

  it('weighs by the policy in force: another district ranks the same figures differently', () => {
    const figures = [
      bank('innovative', { loansGranted: 2, amountGranted: Money.of('2000000.00') }),
      bank('big', { loansGranted: 10 }),
    ];
    const scores = new Map([
      ['innovative', judged('100', '60')],
      ['big', judged('40', '60')],
    ]);
    const heavyInnovation: PolicyParameters = {
      ...JIANGBEI_2024,
      evaluationWeights: {
        ...JIANGBEI_2024.evaluationWeights,
        value: {
          productInnovation: Rate.of('0.70'),
          creditGranted: Rate.of('0.10'),
          enterpriseReach: Rate.of('0.05'),
          loanEfficiency: Rate.of('0.05'),
          assetQuality: Rate.of('0.05'),
          workEffectiveness: Rate.of('0.05'),
        },
      },
    };
    const rank = (p: PolicyParameters) =>
      Object.fromEntries(evaluatePartners(figures, scores, p).map((e) => [e.partnerId, e.rank]));
    expect(rank(JIANGBEI_2024)).toEqual({ big: 1, innovative: 2 });
    expect(rank(heavyInnovation)).toEqual({ innovative: 1, big: 2 });
  });
});

describe('the evaluation parameters (R11)', () => {
  it('are in both districts with their article, and the weights add up to 1', () => {
    expect(JIANGBEI_2024.evaluationWeights.article).toBe('Art 23');
    expect(JIANGBEI_2024.provisions.partnerEvaluation.article).toBe('Art 23');
    expect(weightsSumToOne(JIANGBEI_2024.evaluationWeights.value)).toBe(true);
    expect(weightsSumToOne(OTHER_DISTRICT_2025.evaluationWeights.value)).toBe(true);
    expect(validatePolicy(JIANGBEI_2024)).toEqual([]);
  });

  it('refuses weights that do not add up to 1', () => {
    const bad: PolicyParameters = {
      ...JIANGBEI_2024,
      evaluationWeights: {
        ...JIANGBEI_2024.evaluationWeights,
        value: { ...JIANGBEI_2024.evaluationWeights.value, creditGranted: Rate.of('0.30') },
      },
    };
    expect(validatePolicy(bad)).toEqual([
      expect.objectContaining({ code: 'WEIGHTS_NOT_ONE', article: 'Art 23' }),
    ]);
  });

  it('reads a judged score of 0–100 with at most two decimals', () => {
    expect(parseJudgedScore('85.5')?.toString()).toBe('85.5');
    expect(parseJudgedScore('100')?.toString()).toBe('100');
    expect(parseJudgedScore('100.01')).toBeNull();
    expect(parseJudgedScore('-1')).toBeNull();
    expect(parseJudgedScore('1e2')).toBeNull();
    expect(parseJudgedScore('70.123')).toBeNull();
  });
});
