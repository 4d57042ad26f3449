import { compareDates, isIsoDate, type IsoDate } from './dates';
import { Money, Rate } from './money';
import { EVALUATION_CRITERIA, weightsSumToOne, type EvaluationWeights } from './evaluation';
import { CLAIM_DOCUMENT_KINDS, type ClaimDocumentRequirement } from './claim-documents';
import { PolicyError, reason, type PolicyViolation } from './reasons';
import {
  COLLATERAL_KINDS,
  LOAN_PURPOSES,
  OFFICE_KINDS,
  PROGRAMME_KINDS,
  type CollateralKind,
  type LoanPurpose,
  type OfficeKind,
  type ProgrammeKind,
} from './types';

/** One number (or list) of the measures with the article it comes from. */
export interface PolicyParam<T> {
  readonly value: T;
  readonly article: string;
  readonly note?: string;
}

/** An article that sets a rule without a number (who signs, what is excluded), kept for the reasons. */
export interface PolicyProvision {
  readonly article: string;
  readonly note?: string;
}

/**
 * A district's measures as data (R11). Rules read every threshold, rate, cap and article from here;
 * none is a literal in a rule.
 */
export interface PolicyParameters {
  readonly id: string;
  readonly name: string;
  /** Document number, e.g. '江北知发〔2024〕8号'. */
  readonly sourceDocument: string;
  readonly effectiveFrom: IsoDate;

  readonly initialCapital: PolicyParam<Money>;
  /** IP-pledged principal below this → low tier; equal or above → high tier. */
  readonly tierThreshold: PolicyParam<Money>;
  readonly lowTierCapRate: PolicyParam<Rate>;
  readonly highTierCapRate: PolicyParam<Rate>;
  readonly perLoanCap: PolicyParam<Money>;
  readonly perEnterpriseYearCap: PolicyParam<Money>;
  /** Days overdue from which a loan counts in the bank's risk ratio (≥). */
  readonly riskOverdueDays: PolicyParam<number>;
  /** Days overdue from which a claim may be filed (≥). */
  readonly claimOverdueDays: PolicyParam<number>;
  readonly warningRatio: PolicyParam<Rate>;
  readonly suspensionRatio: PolicyParam<Rate>;
  readonly minGuarantorRate: PolicyParam<Rate>;
  /** Cumulative finally-approved compensation at which new compensation stops (≥). */
  readonly circuitBreakerCumulative: PolicyParam<Money>;
  readonly remittanceDays: PolicyParam<number>;
  readonly allowedLoanPurposes: PolicyParam<readonly LoanPurpose[]>;
  readonly allowedCollateralKinds: PolicyParam<readonly CollateralKind[]>;
  /** Offices whose approvals are all required, each once, any order. */
  readonly coSigningOffices: PolicyParam<readonly OfficeKind[]>;
  /** Who decide jointly to resume the fund after the circuit breaker: all of them must consent. */
  readonly resumptionVoters: PolicyParam<readonly ProgrammeKind[]>;
  /** Weights of the semi-annual partner evaluation's criteria (Art 23 names them; the scheme weighs them). */
  readonly evaluationWeights: PolicyParam<EvaluationWeights>;
  /** Days after issue within which a loan's registration counts as timely in the evaluation (Art 23). */
  readonly registrationTimelyDays: PolicyParam<number>;
  /** The materials a compensation claim must carry before the manager verifies it (claim-documents.ts). */
  readonly claimDocuments: PolicyParam<readonly ClaimDocumentRequirement[]>;

  /**
   * Articles that set a rule without a number. Every article the API cites comes from here or from a
   * parameter above, so another district's measures cite their own articles.
   */
  readonly provisions: {
    /** Fund's share of the principal loss, the rest split by agreement; what a combination loan's IP part is. */
    readonly riskSharing: PolicyProvision;
    /** Partner banks and guarantors chosen by the offices. */
    readonly partnerSelection: PolicyProvision;
    /** A suspended bank's new loans are not covered; earlier ones stay covered. */
    readonly bankSuspension: PolicyProvision;
    /** Guarantor shares the loss and confirms its share. */
    readonly guarantorSharing: PolicyProvision;
    /** Claim filed by the bank, verified by the manager, approved by the offices. */
    readonly claimProcedure: PolicyProvision;
    /** Final approvals stop while the fund is suspended. */
    readonly fundSuspension: PolicyProvision;
    /** Recovered money returned in proportion to the compensation. */
    readonly recovery: PolicyProvision;
    /** Enterprises refusing to repay lose eligibility. */
    readonly blacklist: PolicyProvision;
    /** Fraud: enterprise no longer covered, partner loses status. */
    readonly fraudExclusion: PolicyProvision;
    /** The principal account pays compensation only. */
    readonly fundUse: PolicyProvision;
    /** Interest goes to a sub-account for programme costs. */
    readonly interestAccount: PolicyProvision;
    /** On termination the balance returns to the funder. */
    readonly termination: PolicyProvision;
    /** The offices jointly run the fund: deposit bank, partners, agreements, the manager. */
    readonly programmeGovernance: PolicyProvision;
    /** The fund manager's duties: daily operation, post-loan tracking, handling claims, plans and reports. */
    readonly managerDuties: PolicyProvision;
    /** The fund manager keeps the fund's accounts (the ledger). */
    readonly fundAccounting: PolicyProvision;
    /** The fund manager reports the fund's operation quarterly and yearly to the offices. */
    readonly operationReports: PolicyProvision;
    /** The fund manager collects the borrowers' quarterly financial statements and use of funds for the offices. */
    readonly enterpriseFinancials: PolicyProvision;
    /** The fund manager keeps the library of borrowing enterprises. */
    readonly enterpriseLibrary: PolicyProvision;
    /** Banks register their IP-pledge loans and report repayment status (the risk ratio's data). */
    readonly loanReporting: PolicyProvision;
    /** The manager warns a bank and proposes its suspension; the consenting office decides and lifts. */
    readonly bankSupervision: PolicyProvision;
    /** A partner bank leaves the programme (new partners may be added). */
    readonly partnerRetirement: PolicyProvision;
    /** Bank or guarantor report a risk before default; joint verification and measures. */
    readonly earlyWarning: PolicyProvision;
    /** Audits of the fund's use commissioned by the lead office. */
    readonly audit: PolicyProvision;
    /** The manager evaluates the partner banks and guarantors every half year and reports to the offices. */
    readonly partnerEvaluation: PolicyProvision;
    /** A partner that defrauds or misappropriates the fund loses partner status. */
    readonly partnerDisqualification: PolicyProvision;
    /** When and where the measures apply: nothing before the effective date is covered. */
    readonly applicability: PolicyProvision;
    /** The funder's capital: raised by the district government, its funding arranged by the finance bureau. */
    readonly capitalContribution: PolicyProvision;
    /** The manager proposes the fund's annual work plan and implementation scheme (to the offices). */
    readonly annualWorkPlan: PolicyProvision;
  };
}

/**
 * 重庆市江北区知识产权质押融资风险补偿资金管理办法, 江北知发〔2024〕8号, in force from 2024-04-07 (Art 26).
 * The default policy.
 */
export const JIANGBEI_2024: PolicyParameters = deepFreeze({
  id: 'jiangbei-2024',
  name: '重庆市江北区知识产权质押融资风险补偿资金管理办法',
  sourceDocument: '江北知发〔2024〕8号',
  effectiveFrom: '2024-04-07',
  initialCapital: { value: Money.of('10000000.00'), article: 'Art 3', note: '初始资金总额1000万元' },
  tierThreshold: {
    value: Money.of('5000000.00'),
    article: 'Art 11',
    note: '单笔500万以下 (< 5,000,000) vs 500万及以上 (≥ 5,000,000)',
  },
  lowTierCapRate: { value: Rate.of('0.30'), article: 'Art 11', note: '不高于30%' },
  highTierCapRate: { value: Rate.of('0.20'), article: 'Art 11', note: '不高于20%' },
  perLoanCap: { value: Money.of('1500000.00'), article: 'Art 11', note: '每笔补偿金额不高于150万元' },
  perEnterpriseYearCap: {
    value: Money.of('1500000.00'),
    article: 'Art 11',
    note: '一个年度内对同一企业的贷款损失补偿最高不超过150万元 (calendar year of final approval)',
  },
  riskOverdueDays: { value: 15, article: 'Art 12', note: '逾期15天以上 (≥ 15)' },
  claimOverdueDays: { value: 60, article: 'Art 17', note: '逾期60天以上 (≥ 60)' },
  warningRatio: { value: Rate.of('0.05'), article: 'Art 12', note: '达到5%: warning notice' },
  suspensionRatio: {
    value: Rate.of('0.08'),
    article: 'Art 12',
    note: '达到8%: suspension, with the IP bureau consenting',
  },
  minGuarantorRate: { value: Rate.of('0.40'), article: 'Art 14', note: '按不低于40%的部分给予风险分担' },
  circuitBreakerCumulative: {
    value: Money.of('6000000.00'),
    article: 'Art 19',
    note: '累计补偿金额达到600万以上（含600万）',
  },
  remittanceDays: { value: 30, article: 'Art 18', note: '在30天内返还' },
  allowedLoanPurposes: {
    value: ['IP_OPERATION', 'RND', 'TECH_UPGRADE', 'INDUSTRIALISATION', 'WORKING_CAPITAL'],
    article: 'Art 13',
  },
  allowedCollateralKinds: { value: ['PATENT', 'TRADEMARK'], article: 'Art 2, 4', note: '专利权、商标专用权' },
  coSigningOffices: {
    value: ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE'],
    article: 'Art 17',
    note: '报区知识产权局、区财政局、区金融办同意',
  },
  resumptionVoters: {
    value: ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER'],
    article: 'Art 19',
    note: '区知识产权局、区财政局、区金融办会同资金管理人…再行恢复风险补偿业务',
  },
  evaluationWeights: {
    value: {
      productInnovation: Rate.of('0.15'),
      creditGranted: Rate.of('0.25'),
      enterpriseReach: Rate.of('0.20'),
      loanEfficiency: Rate.of('0.15'),
      assetQuality: Rate.of('0.10'),
      workEffectiveness: Rate.of('0.15'),
    },
    article: 'Art 23',
    note:
      '第二十三条列明考核内容（产品创新、贷款授信额度、获贷企业比例、贷款效率、工作成效），未定权重；' +
      '此为资金管理人考核方案的权重（来源：本平台默认方案，可随办法修订另立版本）',
  },
  registrationTimelyDays: {
    value: 10,
    article: 'Art 23',
    note: '贷款效率：放款后10日内在平台登记视为及时（考核方案取值，办法未定期限）',
  },
  claimDocuments: {
    value: [
      { kind: 'LOAN_CONTRACT', label: '借款合同及质押合同', when: 'ALWAYS' },
      { kind: 'PLEDGE_REGISTRATION', label: '知识产权质押登记证明', when: 'ALWAYS' },
      { kind: 'OVERDUE_PROOF', label: '贷款逾期证明（逾期60天以上）', when: 'ALWAYS' },
      { kind: 'COLLECTION_RECORD', label: '催收记录', when: 'ALWAYS' },
      { kind: 'GUARANTOR_CONFIRMATION', label: '担保机构代偿确认函', when: 'THREE_PARTY' },
    ],
    article: 'Art 17',
    note:
      '第十七条：合作贷款银行提出补偿申请，经资金管理人核实；办法未列明材料清单，此为资金管理人核实所需材料' +
      '（本平台默认方案，可随办法修订另立版本）',
  },

  provisions: {
    riskSharing: { article: 'Art 11' },
    partnerSelection: { article: 'Art 8' },
    bankSuspension: { article: 'Art 12' },
    guarantorSharing: { article: 'Art 14' },
    claimProcedure: { article: 'Art 17' },
    fundSuspension: { article: 'Art 19' },
    recovery: { article: 'Art 18' },
    blacklist: { article: 'Art 21' },
    fraudExclusion: { article: 'Art 25' },
    fundUse: { article: 'Art 7' },
    interestAccount: { article: 'Art 10' },
    termination: { article: 'Art 24' },
    programmeGovernance: { article: 'Art 5', note: '共同负责风险补偿基金的使用管理和组织实施' },
    managerDuties: { article: 'Art 6' },
    fundAccounting: { article: 'Art 6.2', note: '负责风险补偿资金的核算管理' },
    operationReports: { article: 'Art 6.6', note: '提交资金季度和年度运营情况报告' },
    enterpriseFinancials: { article: 'Art 22', note: '收集并整理贷款企业的季度财务报表、项目资金使用状况' },
    enterpriseLibrary: { article: 'Art 6.3', note: '建立并维护风险补偿资金贷款企业库' },
    loanReporting: { article: 'Art 12' },
    bankSupervision: { article: 'Art 12', note: '资金管理人征得江北区知识产权局同意后发出通知' },
    partnerRetirement: { article: 'Art 15', note: '合作贷款银行退出' },
    earlyWarning: { article: 'Art 16' },
    audit: { article: 'Art 20' },
    partnerEvaluation: { article: 'Art 23', note: '每半年进行绩效评价和考核，并将考核结果报三部门' },
    partnerDisqualification: { article: 'Art 25', note: '取消相关单位合作资格' },
    applicability: { article: 'Art 26', note: '本办法自发布之日起执行，仅适用于本区行政规划区域内' },
    capitalContribution: {
      article: 'Art 3, 5',
      note: '由江北区政府从财政资金中筹集安排；江北区财政局负责资金统筹',
    },
    annualWorkPlan: {
      article: 'Art 6.5',
      note: '资金管理人提出风险补偿资金年度工作计划和实施方案（报三部门审定：Art 5 共同负责使用管理）',
    },
  },
});

/** Freezes a policy and everything in it, so no rule or caller can change the measures at run time. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) {
      deepFreeze(v);
    }
  }
  return value;
}

/**
 * The policy in force on a date: the latest `effectiveFrom` on or before it. Undefined before the first one.
 * Two versions with the same `effectiveFrom` are a configuration error.
 */
export function selectPolicy(
  policies: readonly PolicyParameters[],
  onDate: IsoDate,
): PolicyParameters | undefined {
  let chosen: PolicyParameters | undefined;
  for (const p of policies) {
    if (compareDates(p.effectiveFrom, onDate) > 0) continue;
    if (!chosen || compareDates(p.effectiveFrom, chosen.effectiveFrom) > 0) {
      chosen = p;
    } else if (compareDates(p.effectiveFrom, chosen.effectiveFrom) === 0) {
      throw new PolicyError(
        'AMBIGUOUS_POLICY',
        `Policies ${chosen.id} and ${p.id} both take effect on ${p.effectiveFrom}`,
      );
    }
  }
  return chosen;
}

function rateInUnitInterval(
  name: string,
  param: PolicyParam<Rate>,
  out: PolicyViolation[],
  code = 'RATE_OUT_OF_RANGE',
): void {
  if (!param.value.isPositive() || param.value.gt(Rate.one())) {
    out.push(reason(param.article, code, `${name} ${param.value.toString()} must be in (0, 1]`));
  }
}

function positiveMoney(name: string, param: PolicyParam<Money>, out: PolicyViolation[]): void {
  if (!param.value.isPositive()) {
    out.push(
      reason(param.article, 'AMOUNT_NOT_POSITIVE', `${name} ${param.value.toString()} must be positive`),
    );
  }
}

function positiveDays(name: string, param: PolicyParam<number>, out: PolicyViolation[]): void {
  if (!Number.isInteger(param.value) || param.value < 1) {
    out.push(
      reason(param.article, 'DAYS_INVALID', `${name} ${param.value} must be a whole number of days ≥ 1`),
    );
  }
}

function nonEmptyUnique<T extends string>(
  name: string,
  param: PolicyParam<readonly T[]>,
  known: readonly string[],
  out: PolicyViolation[],
): void {
  if (param.value.length === 0) {
    out.push(reason(param.article, 'LIST_EMPTY', `${name} must not be empty`));
  }
  if (new Set(param.value).size !== param.value.length) {
    out.push(reason(param.article, 'LIST_DUPLICATE', `${name} has duplicates`));
  }
  for (const v of param.value) {
    if (!known.includes(v)) {
      out.push(reason(param.article, 'LIST_UNKNOWN_VALUE', `${name} has an unknown value "${v}"`));
    }
  }
}

/** Refuses an inconsistent policy; each violation names the article of the parameter at fault. */
export function validatePolicy(policy: PolicyParameters): PolicyViolation[] {
  const out: PolicyViolation[] = [];
  if (!policy.id.trim()) out.push(reason('R11', 'POLICY_ID_MISSING', 'Policy id must not be empty'));
  if (!isIsoDate(policy.effectiveFrom)) {
    out.push(
      reason('R11', 'EFFECTIVE_FROM_INVALID', `effectiveFrom "${policy.effectiveFrom}" is not a date`),
    );
  }
  positiveMoney('initialCapital', policy.initialCapital, out);
  positiveMoney('tierThreshold', policy.tierThreshold, out);
  positiveMoney('perLoanCap', policy.perLoanCap, out);
  positiveMoney('perEnterpriseYearCap', policy.perEnterpriseYearCap, out);
  positiveMoney('circuitBreakerCumulative', policy.circuitBreakerCumulative, out);
  rateInUnitInterval('lowTierCapRate', policy.lowTierCapRate, out);
  rateInUnitInterval('highTierCapRate', policy.highTierCapRate, out);
  rateInUnitInterval('warningRatio', policy.warningRatio, out);
  rateInUnitInterval('suspensionRatio', policy.suspensionRatio, out);
  rateInUnitInterval('minGuarantorRate', policy.minGuarantorRate, out);
  if (!policy.warningRatio.value.lt(policy.suspensionRatio.value)) {
    out.push(
      reason(
        policy.suspensionRatio.article,
        'WARNING_NOT_BELOW_SUSPENSION',
        `warningRatio ${policy.warningRatio.value.toString()} must be below suspensionRatio ${policy.suspensionRatio.value.toString()}`,
      ),
    );
  }
  if (policy.circuitBreakerCumulative.value.gt(policy.initialCapital.value)) {
    out.push(
      reason(
        policy.circuitBreakerCumulative.article,
        'BREAKER_ABOVE_CAPITAL',
        `circuitBreakerCumulative ${policy.circuitBreakerCumulative.value.toString()} exceeds initialCapital ${policy.initialCapital.value.toString()}`,
      ),
    );
  }
  positiveDays('riskOverdueDays', policy.riskOverdueDays, out);
  positiveDays('claimOverdueDays', policy.claimOverdueDays, out);
  positiveDays('remittanceDays', policy.remittanceDays, out);
  nonEmptyUnique('allowedLoanPurposes', policy.allowedLoanPurposes, LOAN_PURPOSES, out);
  nonEmptyUnique('allowedCollateralKinds', policy.allowedCollateralKinds, COLLATERAL_KINDS, out);
  nonEmptyUnique('coSigningOffices', policy.coSigningOffices, OFFICE_KINDS, out);
  nonEmptyUnique('resumptionVoters', policy.resumptionVoters, PROGRAMME_KINDS, out);
  positiveDays('registrationTimelyDays', policy.registrationTimelyDays, out);
  nonEmptyUnique(
    'claimDocuments',
    { ...policy.claimDocuments, value: policy.claimDocuments.value.map((d) => d.kind) },
    CLAIM_DOCUMENT_KINDS,
    out,
  );
  evaluationWeightsValid(policy.evaluationWeights, out);
  citesArticles(policy, out);
  return out;
}

function evaluationWeightsValid(param: PolicyParam<EvaluationWeights>, out: PolicyViolation[]): void {
  const w = param?.value;
  if (!w || EVALUATION_CRITERIA.some((c) => !(w[c] instanceof Rate))) {
    out.push(
      reason(param?.article ?? 'R11', 'WEIGHTS_INCOMPLETE', 'evaluationWeights must weigh every criterion'),
    );
    return;
  }
  for (const c of EVALUATION_CRITERIA) {
    if (w[c].toDecimal().isNegative() || w[c].gt(Rate.one())) {
      out.push(reason(param.article, 'RATE_OUT_OF_RANGE', `evaluationWeights.${c} must be in [0, 1]`));
    }
  }
  if (!weightsSumToOne(w)) {
    out.push(reason(param.article, 'WEIGHTS_NOT_ONE', 'evaluationWeights must add up to 1'));
  }
}

/** The parameters that carry a number or a list (everything but the identity fields and the provisions). */
export const PARAMETER_KEYS = [
  'initialCapital',
  'tierThreshold',
  'lowTierCapRate',
  'highTierCapRate',
  'perLoanCap',
  'perEnterpriseYearCap',
  'riskOverdueDays',
  'claimOverdueDays',
  'warningRatio',
  'suspensionRatio',
  'minGuarantorRate',
  'circuitBreakerCumulative',
  'remittanceDays',
  'allowedLoanPurposes',
  'allowedCollateralKinds',
  'coSigningOffices',
  'resumptionVoters',
  'evaluationWeights',
  'registrationTimelyDays',
  'claimDocuments',
] as const satisfies readonly (keyof PolicyParameters)[];

export type ProvisionKey = keyof PolicyParameters['provisions'];

/** Every provision, in the order of the Jiangbei measures' articles (how the portal lists them). */
export const PROVISION_KEYS = [
  'capitalContribution',
  'programmeGovernance',
  'managerDuties',
  'fundAccounting',
  'operationReports',
  'enterpriseLibrary',
  'annualWorkPlan',
  'fundUse',
  'partnerSelection',
  'interestAccount',
  'riskSharing',
  'loanReporting',
  'bankSupervision',
  'bankSuspension',
  'guarantorSharing',
  'partnerRetirement',
  'earlyWarning',
  'claimProcedure',
  'recovery',
  'fundSuspension',
  'audit',
  'blacklist',
  'partnerEvaluation',
  'enterpriseFinancials',
  'termination',
  'fraudExclusion',
  'partnerDisqualification',
  'applicability',
] as const satisfies readonly ProvisionKey[];

// Compile-time check that PROVISION_KEYS lists every provision: a new one must be added above.
type MissingProvisionKey = Exclude<ProvisionKey, (typeof PROVISION_KEYS)[number]>;
const provisionKeysComplete: [MissingProvisionKey] extends [never] ? true : MissingProvisionKey = true;
void provisionKeysComplete;

/**
 * Every parameter and provision must name its article: the API cites nothing else, so a blank or
 * missing one would leave a refusal that no official can trace (R11).
 */
function citesArticles(policy: PolicyParameters, out: PolicyViolation[]): void {
  const cited: [string, { readonly article?: unknown } | undefined][] = [
    ...PARAMETER_KEYS.map((k): [string, { readonly article?: unknown } | undefined] => [k, policy[k]]),
    ...PROVISION_KEYS.map((k): [string, { readonly article?: unknown } | undefined] => [
      `provisions.${k}`,
      (policy.provisions as Partial<PolicyParameters['provisions']> | undefined)?.[k],
    ]),
  ];
  for (const [name, p] of cited) {
    if (typeof p?.article !== 'string' || !p.article.trim()) {
      out.push(reason('R11', 'ARTICLE_MISSING', `${name} must name the article it comes from`));
    }
  }
}

/**
 * A cooperation agreement (Art 8, 11, 14): the fund's rate per tier (≤ the tier cap; default: the cap) and,
 * for three-party loans, the guarantor's rate (≥ the minimum).
 */
export interface CooperationAgreement {
  readonly bankId?: string;
  readonly guarantorId?: string;
  readonly effectiveFrom: IsoDate;
  readonly fundRateLowTier?: Rate;
  readonly fundRateHighTier?: Rate;
  readonly guarantorRate?: Rate;
}

export type Tier = 'LOW' | 'HIGH';

/** Art 11 in Jiangbei: IP-pledged principal < threshold → LOW tier, ≥ threshold → HIGH tier. */
export function tierOf(ipPledgedPrincipal: Money, policy: PolicyParameters): Tier {
  return ipPledgedPrincipal.lt(policy.tierThreshold.value) ? 'LOW' : 'HIGH';
}

export function tierCapRate(tier: Tier, policy: PolicyParameters): PolicyParam<Rate> {
  return tier === 'LOW' ? policy.lowTierCapRate : policy.highTierCapRate;
}

/** The agreed fund rate for a tier; the tier cap when the agreement is silent. */
export function agreedFundRate(agreement: CooperationAgreement, tier: Tier, policy: PolicyParameters): Rate {
  const agreed = tier === 'LOW' ? agreement.fundRateLowTier : agreement.fundRateHighTier;
  return agreed ?? tierCapRate(tier, policy).value;
}

/** Refuses an agreement the measures do not allow; each violation names the article. */
export function validateAgreement(
  agreement: CooperationAgreement,
  policy: PolicyParameters,
): PolicyViolation[] {
  const out: PolicyViolation[] = [];
  const sharing = policy.provisions.riskSharing.article;
  if (!isIsoDate(agreement.effectiveFrom)) {
    out.push(
      reason(sharing, 'EFFECTIVE_FROM_INVALID', `effectiveFrom "${agreement.effectiveFrom}" is not a date`),
    );
  }
  for (const tier of ['LOW', 'HIGH'] as const) {
    const cap = tierCapRate(tier, policy);
    const f = agreedFundRate(agreement, tier, policy);
    const label = tier === 'LOW' ? 'fundRateLowTier' : 'fundRateHighTier';
    if (!f.isPositive()) {
      out.push(reason(cap.article, 'FUND_RATE_NOT_POSITIVE', `${label} ${f.toString()} must be positive`));
    }
    if (f.gt(cap.value)) {
      out.push(
        reason(
          cap.article,
          'FUND_RATE_ABOVE_TIER_CAP',
          `${label} ${f.toPercentString()} exceeds the ${tier.toLowerCase()}-tier cap ${cap.value.toPercentString()}`,
        ),
      );
    }
    const g = agreement.guarantorRate;
    if (g && f.plus(g).gt(Rate.one())) {
      out.push(
        reason(
          sharing,
          'RATES_EXCEED_WHOLE_LOSS',
          `${label} ${f.toPercentString()} + guarantorRate ${g.toPercentString()} exceed 100% of the loss (R5.8)`,
        ),
      );
    }
  }
  const g = agreement.guarantorRate;
  if (g) {
    const min = policy.minGuarantorRate;
    if (g.lt(min.value)) {
      out.push(
        reason(
          min.article,
          'GUARANTOR_RATE_BELOW_MINIMUM',
          `guarantorRate ${g.toPercentString()} is below the minimum ${min.value.toPercentString()}`,
        ),
      );
    }
    if (g.gt(Rate.one())) {
      out.push(reason(min.article, 'RATE_OUT_OF_RANGE', `guarantorRate ${g.toString()} must be at most 1`));
    }
  }
  return out;
}
