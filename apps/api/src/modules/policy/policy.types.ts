import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';

/*
 * The measures in force, as the web reads them (issue 8 §7): every threshold, list and article comes
 * from here, so the web hard-codes no district rule. Each parameter carries the article it comes from.
 */

@ObjectType('PolicyDaysParam', { description: 'A number of calendar days of the measures, with its article' })
export class PolicyDaysParamType {
  @Field(() => Int)
  value: number;

  @Field({ description: 'e.g. "Art 17"' })
  article: string;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('PolicyRateParam', { description: 'A rate of the measures, with its article' })
export class PolicyRateParamType {
  @Field({ description: 'A decimal fraction as a string, e.g. "0.08" for 8 % (never a float)' })
  value: string;

  @Field({ description: 'e.g. "Art 12"' })
  article: string;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('PolicyAmountParam', { description: 'An amount in yuan of the measures, with its article' })
export class PolicyAmountParamType {
  @Field(() => DecimalScalar)
  value: string;

  @Field({ description: 'e.g. "Art 11"' })
  article: string;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('PolicyKindsParam', {
  description:
    'A list of organisation kinds the measures name (co-signers, resumption voters), with its article',
})
export class PolicyKindsParamType {
  @Field(() => [String], { description: 'Organisation kinds, e.g. "IP_BUREAU"' })
  value: string[];

  @Field({ description: 'e.g. "Art 17"' })
  article: string;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('PolicyProvisionInfo', { description: 'An article that sets a rule without a number' })
export class PolicyProvisionInfoType {
  @Field({ description: 'The provision, e.g. "earlyWarning", "bankSupervision", "applicability"' })
  key: string;

  @Field({ description: 'e.g. "Art 16"' })
  article: string;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('Policy', {
  description:
    "The district's measures in force on the business date (configured by POLICY); every rule cites it",
})
export class PolicyType {
  @Field({ description: 'The version id, e.g. "jiangbei-2024"' })
  id: string;

  @Field()
  name: string;

  @Field({ description: 'Document number, e.g. "江北知发〔2024〕8号"' })
  sourceDocument: string;

  @Field(() => DateScalar, { description: 'The date this version took effect' })
  effectiveFrom: string;

  @Field(() => PolicyAmountParamType, { description: 'Initial capital of the fund' })
  initialCapital: PolicyAmountParamType;

  @Field(() => PolicyAmountParamType, {
    description: 'IP-pledged principal below it: low tier; at or above it: high tier',
  })
  tierThreshold: PolicyAmountParamType;

  @Field(() => PolicyRateParamType, { description: "Cap of the fund's share, low tier" })
  lowTierCapRate: PolicyRateParamType;

  @Field(() => PolicyRateParamType, { description: "Cap of the fund's share, high tier" })
  highTierCapRate: PolicyRateParamType;

  @Field(() => PolicyAmountParamType, { description: 'Most compensation per loan' })
  perLoanCap: PolicyAmountParamType;

  @Field(() => PolicyAmountParamType, { description: 'Most compensation per enterprise and calendar year' })
  perEnterpriseYearCap: PolicyAmountParamType;

  @Field(() => PolicyDaysParamType, {
    description: "Days overdue (≥) from which a loan counts in a bank's risk ratio",
  })
  riskOverdueDays: PolicyDaysParamType;

  @Field(() => PolicyDaysParamType, { description: 'Days overdue (≥) from which a claim may be filed' })
  claimOverdueDays: PolicyDaysParamType;

  @Field(() => PolicyRateParamType, { description: 'Risk ratio (≥) at which the manager warns a bank' })
  warningRatio: PolicyRateParamType;

  @Field(() => PolicyRateParamType, { description: 'Risk ratio (≥) at which suspension is proposed' })
  suspensionRatio: PolicyRateParamType;

  @Field(() => PolicyRateParamType, {
    description: "Least guarantor's share of the loss on three-party loans",
  })
  minGuarantorRate: PolicyRateParamType;

  @Field(() => PolicyAmountParamType, {
    description: 'Cumulative finally-approved compensation (≥) at which new compensation stops',
  })
  circuitBreakerCumulative: PolicyAmountParamType;

  @Field(() => PolicyDaysParamType, {
    description: "Days a bank has to remit the fund's share of a recovery",
  })
  remittanceDays: PolicyDaysParamType;

  @Field(() => PolicyKindsParamType, {
    description:
      'Purposes a covered loan may serve (IP_OPERATION, RND, TECH_UPGRADE, INDUSTRIALISATION, WORKING_CAPITAL in Jiangbei)',
  })
  allowedLoanPurposes: PolicyKindsParamType;

  @Field(() => PolicyKindsParamType, {
    description: 'Kinds of IP that make a loan covered (PATENT, TRADEMARK)',
  })
  allowedCollateralKinds: PolicyKindsParamType;

  @Field(() => PolicyKindsParamType, { description: 'Offices that must all approve a claim, each once' })
  coSigningOffices: PolicyKindsParamType;

  @Field(() => PolicyKindsParamType, {
    description: 'Who must all consent to resume the fund after the breaker',
  })
  resumptionVoters: PolicyKindsParamType;

  @Field(() => [PolicyProvisionInfoType], { description: 'The articles of the rules without a number' })
  provisions: PolicyProvisionInfoType[];
}
