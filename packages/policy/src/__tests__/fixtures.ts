import { JIANGBEI_2024, Money, Rate, type CooperationAgreement, type PolicyParameters } from '../index';

export const m = (v: string): Money => Money.of(v);
export const r = (v: string): Rate => Rate.of(v);

/** Default agreements for the worked examples: the tier caps and a 40 % guarantor. */
export const JIANGBEI_AGREEMENT: CooperationAgreement = {
  bankId: 'bank-1',
  effectiveFrom: '2024-04-07',
  fundRateLowTier: r('0.30'),
  fundRateHighTier: r('0.20'),
  guarantorRate: r('0.40'),
};

/**
 * A fictitious second district, every number different from Jiangbei, with its own articles,
 * to show that the rules take all their numbers from the policy object.
 */
export const OTHER_DISTRICT_2025: PolicyParameters = {
  ...JIANGBEI_2024,
  id: 'other-2025',
  name: 'Other district IP pledge risk compensation measures (test fixture)',
  sourceDocument: '某知发〔2025〕3号',
  effectiveFrom: '2025-07-01',
  initialCapital: { value: m('8000000.00'), article: 'Art 4' },
  tierThreshold: { value: m('3000000.00'), article: 'Art 9' },
  lowTierCapRate: { value: r('0.25'), article: 'Art 9' },
  highTierCapRate: { value: r('0.15'), article: 'Art 9' },
  perLoanCap: { value: m('1000000.00'), article: 'Art 9' },
  perEnterpriseYearCap: { value: m('1200000.00'), article: 'Art 10' },
  riskOverdueDays: { value: 30, article: 'Art 13' },
  claimOverdueDays: { value: 90, article: 'Art 15' },
  warningRatio: { value: r('0.04'), article: 'Art 13' },
  suspensionRatio: { value: r('0.10'), article: 'Art 13' },
  minGuarantorRate: { value: r('0.50'), article: 'Art 12' },
  circuitBreakerCumulative: { value: m('4000000.00'), article: 'Art 18' },
  remittanceDays: { value: 15, article: 'Art 16' },
  allowedLoanPurposes: { value: ['RND', 'WORKING_CAPITAL'], article: 'Art 11' },
  allowedCollateralKinds: { value: ['PATENT'], article: 'Art 2' },
  coSigningOffices: { value: ['IP_BUREAU', 'FINANCE_BUREAU'], article: 'Art 15' },
  provisions: {
    ...JIANGBEI_2024.provisions,
    riskSharing: { article: 'Art 9' },
    guarantorSharing: { article: 'Art 12' },
    claimProcedure: { article: 'Art 15' },
    fundSuspension: { article: 'Art 18' },
    recovery: { article: 'Art 16' },
  },
};
