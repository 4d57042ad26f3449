import { Money, Rate, type CooperationAgreement } from '../index';

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
 * to show that the rules take all their numbers from the policy object. It lives in the package
 * (registered as a fixture) so that the API can run under it by `POLICY=other-2025` alone.
 */
export { OTHER_DISTRICT_2025 } from '../index';
