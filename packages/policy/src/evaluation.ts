import Decimal from 'decimal.js';
import { isIsoDate, type IsoDate } from './dates';
import { Money, Rate } from './money';
import { PolicyError } from './reasons';
import type { PolicyParameters } from './policy';

/**
 * Semi-annual performance evaluation of the partner banks and guarantors (Art 23 in Jiangbei: 产品创新、
 * 贷款授信额度、获贷企业比例、贷款效率、工作成效, every half year, reported to the three offices).
 *
 * The measures name the criteria, not how they are scored. Here each criterion is scored 0–100:
 * the measured ones from the programme's data (figures the API loads), the two qualitative ones
 * (product innovation, work effectiveness) by the fund manager. The total is the weighted mean of
 * the criteria that apply to the partner, with the weights of the policy in force
 * (`evaluationWeights`); a criterion without data for a partner (a guarantor registers no loans)
 * drops out and the others' weights are scaled up, so banks and guarantors are each ranked on what
 * they do. Ranks are within each kind.
 */

export const EVALUATION_CRITERIA = [
  'productInnovation',
  'creditGranted',
  'enterpriseReach',
  'loanEfficiency',
  'assetQuality',
  'workEffectiveness',
] as const;
export type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number];
export type EvaluationWeights = Readonly<Record<EvaluationCriterion, Rate>>;

/** The criteria the manager scores by judgement; the others are computed. */
export const JUDGED_CRITERIA = ['productInnovation', 'workEffectiveness'] as const;
export type JudgedCriterion = (typeof JUDGED_CRITERIA)[number];

/** "2026-H2" → the half's first and last day. */
export interface HalfYear {
  readonly half: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

const HALF = /^(\d{4})-H([12])$/;

export function isHalfYear(value: string): boolean {
  return HALF.test(value);
}

export function halfYear(value: string): HalfYear {
  const m = HALF.exec(value);
  if (!m) throw new PolicyError('HALF_YEAR_INVALID', `"${value}" is not a half year like 2026-H2`);
  const year = Number(m[1]);
  return m[2] === '1'
    ? { half: value, from: `${year}-01-01`, to: `${year}-06-30` }
    : { half: value, from: `${year}-07-01`, to: `${year}-12-31` };
}

/** The half year a date falls in. */
export function halfYearOf(date: IsoDate): HalfYear {
  if (!isIsoDate(date)) throw new PolicyError('DATE_INVALID', `"${date}" is not a date`);
  const month = Number(date.slice(5, 7));
  return halfYear(`${date.slice(0, 4)}-H${month <= 6 ? 1 : 2}`);
}

/** What the data says about one partner over one half year (loaded by the API, as of a date). */
export interface PartnerIndicators {
  readonly partnerId: string;
  readonly kind: 'LENDING_BANK' | 'GUARANTOR';
  /** Covered loans issued in the half (a guarantor: those it guarantees). */
  readonly loansGranted: number;
  readonly amountGranted: Money;
  /** Distinct enterprises of those loans. */
  readonly enterprises: number;
  /** Of them, enterprises whose first loan in the programme (any bank) was issued in the half. */
  readonly firstTimeBorrowers: number;
  /** Of the enterprises the bank brought into the library, the share that obtained a loan from it (null: none, or a guarantor). */
  readonly loanShare: Rate | null;
  /** Of the loans issued in the half whose registration is on record, the share registered in time (null: none). */
  readonly registrationTimeliness: Rate | null;
  /** Of the remittances due in the half (up to the as-of date), the share remitted by the due date (null: none due). */
  readonly remittanceTimeliness: Rate | null;
  /** IP-pledged principal ≥ the risk overdue days late at the as-of date over its covered IP-pledged lending (Art 12's ratio). */
  readonly overdueRate: Rate;
  /** Fund shares finally approved in the half on its loans over its covered IP-pledged lending. */
  readonly compensationRate: Rate;
}

/** The manager's judgement on the qualitative criteria, 0–100 (null: not scored yet). */
export interface JudgedScores {
  readonly productInnovation: Decimal | null;
  readonly workEffectiveness: Decimal | null;
}

export interface PartnerEvaluation {
  readonly partnerId: string;
  readonly kind: 'LENDING_BANK' | 'GUARANTOR';
  /** Score 0–100 per criterion, two decimals; null where the criterion does not apply or is not scored yet. */
  readonly scores: Readonly<Record<EvaluationCriterion, Decimal | null>>;
  /** Weighted mean over the criteria with a score (null until both judged criteria are scored). */
  readonly total: Decimal | null;
  /** 1 = best within its kind (ties share a rank); null while the total is. */
  readonly rank: number | null;
}

const HUNDRED = new Decimal(100);

function pct(d: Decimal): Decimal {
  return Decimal.max(0, Decimal.min(HUNDRED, d)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

function relative(value: Decimal, max: Decimal): Decimal {
  return max.isZero() ? new Decimal(0) : value.div(max).times(HUNDRED);
}

function mean(values: readonly (Decimal | null)[]): Decimal | null {
  const present = values.filter((v): v is Decimal => v !== null);
  if (!present.length) return null;
  return present.reduce((a, b) => a.plus(b), new Decimal(0)).div(present.length);
}

/** 100 at a rate of 0, falling linearly to 0 at `scale` (and below 0 never). */
function lowerIsBetter(rate: Rate, scale: Rate): Decimal {
  const s = scale.toDecimal();
  return HUNDRED.times(new Decimal(1).minus(Decimal.min(1, rate.toDecimal().div(s))));
}

/**
 * The measured criteria of every partner (compared with the best of its own kind in the round),
 * the judged ones as the manager gave them, the weighted total and the rank within its kind.
 */
export function evaluatePartners(
  indicators: readonly PartnerIndicators[],
  judged: ReadonlyMap<string, JudgedScores>,
  policy: PolicyParameters,
): PartnerEvaluation[] {
  const weights = policy.evaluationWeights.value;
  const maxOf = (kind: string, f: (i: PartnerIndicators) => Decimal) =>
    indicators.filter((i) => i.kind === kind).reduce((m, i) => Decimal.max(m, f(i)), new Decimal(0));

  const scored = indicators.map((i): PartnerEvaluation => {
    const loans = (x: PartnerIndicators) => new Decimal(x.loansGranted);
    const amount = (x: PartnerIndicators) => x.amountGranted.toDecimal();
    const ents = (x: PartnerIndicators) => new Decimal(x.enterprises);
    const first = (x: PartnerIndicators) => new Decimal(x.firstTimeBorrowers);
    const judgedScores = judged.get(i.partnerId);
    const scores: Record<EvaluationCriterion, Decimal | null> = {
      // 贷款授信额度: how many loans and how much, against the best of its kind.
      creditGranted: pct(
        mean([relative(loans(i), maxOf(i.kind, loans)), relative(amount(i), maxOf(i.kind, amount))])!,
      ),
      // 获贷企业比例: enterprises reached, first-time borrowers, and the share of its library entries that borrowed.
      enterpriseReach: pct(
        mean([
          relative(ents(i), maxOf(i.kind, ents)),
          relative(first(i), maxOf(i.kind, first)),
          i.loanShare ? i.loanShare.toDecimal().times(HUNDRED) : null,
        ])!,
      ),
      // 贷款效率: registration and remittance on time.
      loanEfficiency: (() => {
        const m = mean([
          i.registrationTimeliness ? i.registrationTimeliness.toDecimal().times(HUNDRED) : null,
          i.remittanceTimeliness ? i.remittanceTimeliness.toDecimal().times(HUNDRED) : null,
        ]);
        return m === null ? null : pct(m);
      })(),
      // 工作成效 in figures: overdue at the suspension ratio scores 0 (Art 12), and fund-paid losses
      // at the warning ratio of its lending score 0.
      assetQuality: pct(
        mean([
          lowerIsBetter(i.overdueRate, policy.suspensionRatio.value),
          lowerIsBetter(i.compensationRate, policy.warningRatio.value),
        ])!,
      ),
      productInnovation: judgedScores?.productInnovation ? pct(judgedScores.productInnovation) : null,
      workEffectiveness: judgedScores?.workEffectiveness ? pct(judgedScores.workEffectiveness) : null,
    };
    const complete = JUDGED_CRITERIA.every((c) => scores[c] !== null);
    let total: Decimal | null = null;
    if (complete) {
      let sum = new Decimal(0);
      let weight = new Decimal(0);
      for (const c of EVALUATION_CRITERIA) {
        const s = scores[c];
        if (s === null) continue;
        sum = sum.plus(s.times(weights[c].toDecimal()));
        weight = weight.plus(weights[c].toDecimal());
      }
      total = weight.isZero() ? new Decimal(0) : sum.div(weight).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    }
    return { partnerId: i.partnerId, kind: i.kind, scores, total, rank: null };
  });

  // Competition ranking within each kind ("1224"): a tie shares the better rank.
  return scored.map((e) => {
    if (e.total === null) return e;
    const better = scored.filter((o) => o.kind === e.kind && o.total !== null && o.total.gt(e.total!));
    return { ...e, rank: better.length + 1 };
  });
}

/** A judged score as the manager enters it: 0–100 with at most two decimals. */
export function parseJudgedScore(value: string): Decimal | null {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value)) return null;
  const d = new Decimal(value);
  return d.gt(HUNDRED) ? null : d;
}

/** The weights must be rates in [0, 1] summing to exactly 1 (R11: a parameter the rules trust). */
export function weightsSumToOne(weights: EvaluationWeights): boolean {
  return EVALUATION_CRITERIA.reduce((s, c) => s.plus(weights[c].toDecimal()), new Decimal(0)).eq(1);
}
