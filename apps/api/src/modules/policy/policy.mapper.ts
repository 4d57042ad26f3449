import {
  PROVISION_KEYS,
  type Money,
  type PolicyParam,
  type PolicyParameters,
  type Rate,
} from '@ipfund/policy';
import type {
  PolicyAmountParamType,
  PolicyDaysParamType,
  PolicyKindsParamType,
  PolicyRateParamType,
  PolicyType,
} from './policy.types';

// Amounts and rates leave as exact strings (Money prints two decimals, Rate its decimal fraction),
// never through a JS number.
const amount = (p: PolicyParam<Money>): PolicyAmountParamType => ({
  value: p.value.toString(),
  article: p.article,
  note: p.note ?? null,
});
const rate = (p: PolicyParam<Rate>): PolicyRateParamType => ({
  value: p.value.toString(),
  article: p.article,
  note: p.note ?? null,
});
const days = (p: PolicyParam<number>): PolicyDaysParamType => ({
  value: p.value,
  article: p.article,
  note: p.note ?? null,
});
const kinds = (p: PolicyParam<readonly string[]>): PolicyKindsParamType => ({
  value: [...p.value],
  article: p.article,
  note: p.note ?? null,
});

/** The GraphQL view of one policy version: a whitelist, so a new parameter is exposed on purpose only. */
export function toPolicyType(p: PolicyParameters): PolicyType {
  return {
    id: p.id,
    name: p.name,
    sourceDocument: p.sourceDocument,
    effectiveFrom: p.effectiveFrom,
    initialCapital: amount(p.initialCapital),
    tierThreshold: amount(p.tierThreshold),
    lowTierCapRate: rate(p.lowTierCapRate),
    highTierCapRate: rate(p.highTierCapRate),
    perLoanCap: amount(p.perLoanCap),
    perEnterpriseYearCap: amount(p.perEnterpriseYearCap),
    riskOverdueDays: days(p.riskOverdueDays),
    claimOverdueDays: days(p.claimOverdueDays),
    warningRatio: rate(p.warningRatio),
    suspensionRatio: rate(p.suspensionRatio),
    minGuarantorRate: rate(p.minGuarantorRate),
    circuitBreakerCumulative: amount(p.circuitBreakerCumulative),
    remittanceDays: days(p.remittanceDays),
    allowedLoanPurposes: kinds(p.allowedLoanPurposes),
    allowedCollateralKinds: kinds(p.allowedCollateralKinds),
    coSigningOffices: kinds(p.coSigningOffices),
    resumptionVoters: kinds(p.resumptionVoters),
    provisions: PROVISION_KEYS.map((key) => ({
      key,
      article: p.provisions[key].article,
      note: p.provisions[key].note ?? null,
    })),
  };
}
