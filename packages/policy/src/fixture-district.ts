import { Money, Rate } from './money';
import { deepFreeze, type PolicyParameters } from './policy';

/**
 * A fictitious second district (某知发〔2025〕3号), complete and self-standing: every number, list and
 * article differs from Jiangbei's. It exists so that tests can run the rules, and the whole API by
 * `POLICY=other-2025`, under measures that are not Jiangbei's. It is registered as a fixture, so a
 * production deployment refuses to select it (see `POLICIES`).
 */
export const OTHER_DISTRICT_2025: PolicyParameters = deepFreeze({
  id: 'other-2025',
  name: 'Other district IP pledge risk compensation measures (test fixture)',
  sourceDocument: '某知发〔2025〕3号',
  effectiveFrom: '2025-07-01',
  initialCapital: { value: Money.of('8000000.00'), article: 'Art 4' },
  tierThreshold: { value: Money.of('3000000.00'), article: 'Art 9', note: '< 3,000,000 vs ≥ 3,000,000' },
  lowTierCapRate: { value: Rate.of('0.25'), article: 'Art 9' },
  highTierCapRate: { value: Rate.of('0.15'), article: 'Art 9' },
  perLoanCap: { value: Money.of('1000000.00'), article: 'Art 9' },
  perEnterpriseYearCap: { value: Money.of('1200000.00'), article: 'Art 10' },
  riskOverdueDays: { value: 30, article: 'Art 13', note: '逾期30天以上 (≥ 30)' },
  claimOverdueDays: { value: 90, article: 'Art 15', note: '逾期90天以上 (≥ 90)' },
  warningRatio: { value: Rate.of('0.04'), article: 'Art 13' },
  suspensionRatio: { value: Rate.of('0.10'), article: 'Art 13' },
  minGuarantorRate: { value: Rate.of('0.50'), article: 'Art 12' },
  circuitBreakerCumulative: { value: Money.of('4000000.00'), article: 'Art 18' },
  remittanceDays: { value: 15, article: 'Art 16' },
  allowedLoanPurposes: { value: ['RND', 'WORKING_CAPITAL'], article: 'Art 11' },
  allowedCollateralKinds: { value: ['PATENT'], article: 'Art 2' },
  coSigningOffices: { value: ['IP_BUREAU', 'FINANCE_BUREAU'], article: 'Art 15' },
  resumptionVoters: { value: ['IP_BUREAU', 'FINANCE_BUREAU', 'FUND_MANAGER'], article: 'Art 18' },
  evaluationWeights: {
    value: {
      productInnovation: Rate.of('0.10'),
      creditGranted: Rate.of('0.30'),
      enterpriseReach: Rate.of('0.20'),
      loanEfficiency: Rate.of('0.10'),
      assetQuality: Rate.of('0.20'),
      workEffectiveness: Rate.of('0.10'),
    },
    article: 'Art 22',
  },
  registrationTimelyDays: { value: 5, article: 'Art 22' },
  claimDocuments: {
    value: [
      { kind: 'LOAN_CONTRACT', label: '借款合同', when: 'ALWAYS' },
      { kind: 'OVERDUE_PROOF', label: '逾期证明（逾期90天以上）', when: 'ALWAYS' },
    ],
    article: 'Art 15',
  },
  provisions: {
    programmeGovernance: { article: 'Art 5' },
    managerDuties: { article: 'Art 6' },
    fundAccounting: { article: 'Art 6' },
    operationReports: { article: 'Art 6' },
    enterpriseFinancials: { article: 'Art 20' },
    enterpriseLibrary: { article: 'Art 6' },
    fundUse: { article: 'Art 7' },
    partnerSelection: { article: 'Art 8' },
    interestAccount: { article: 'Art 7' },
    riskSharing: { article: 'Art 9' },
    loanReporting: { article: 'Art 13' },
    bankSupervision: { article: 'Art 13' },
    bankSuspension: { article: 'Art 13' },
    guarantorSharing: { article: 'Art 12' },
    partnerRetirement: { article: 'Art 14' },
    earlyWarning: { article: 'Art 14' },
    claimProcedure: { article: 'Art 15' },
    recovery: { article: 'Art 16' },
    fundSuspension: { article: 'Art 18' },
    audit: { article: 'Art 19' },
    partnerEvaluation: { article: 'Art 22' },
    blacklist: { article: 'Art 20' },
    termination: { article: 'Art 21' },
    fraudExclusion: { article: 'Art 22' },
    partnerDisqualification: { article: 'Art 22' },
    applicability: { article: 'Art 23' },
    capitalContribution: { article: 'Art 3' },
    annualWorkPlan: { article: 'Art 6' },
  },
});
