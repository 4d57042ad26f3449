import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';

export enum AnnualPlanStatus {
  /** Awaits the offices' approvals. */
  SUBMITTED = 'SUBMITTED',
  /** Returned by an office: awaits the manager's revision. */
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
}
registerEnumType(AnnualPlanStatus, {
  name: 'AnnualPlanStatus',
  description: 'The annual work plan (Art 6.5): SUBMITTED awaits the offices, RETURNED awaits the manager',
});

export enum FundTerminationStatus {
  /** Proposed by an office; awaits the other offices' consent. */
  PROPOSED = 'PROPOSED',
  /** An office declined: the proposal ended. */
  DECLINED = 'DECLINED',
  /** Decided by every office: loans issued from the effective date are not covered; claims under way finish. */
  TERMINATED = 'TERMINATED',
  /** The remaining balance has been returned to the funder. */
  SETTLED = 'SETTLED',
}
registerEnumType(FundTerminationStatus, {
  name: 'FundTerminationStatus',
  description: "The fund's termination (Art 24)",
});

@ObjectType('CapitalContribution', {
  description: 'A capital contribution recorded by the finance bureau (Art 3, 5)',
})
export class CapitalContributionType {
  @Field(() => ID)
  id: string;
  @Field(() => DecimalScalar)
  amount: string;
  @Field(() => DateScalar)
  contributedOn: string;
  @Field({ description: 'The funding document (文号)' })
  documentRef: string;
  @Field(() => String, { nullable: true })
  memo: string | null;
  @Field(() => ID, { description: 'The CAPITAL_INJECTION posting' })
  transactionId: string;
  @Field(() => String, { nullable: true })
  recordedByName: string | null;
  @Field()
  organizationName: string;
  @Field()
  createdAt: Date;
}

@ObjectType('AnnualPlanDecision')
export class AnnualPlanDecisionType {
  @Field(() => Int)
  revision: number;
  @Field()
  orgKind: string;
  @Field({ description: 'APPROVE or RETURN' })
  decision: string;
  @Field(() => String, { nullable: true })
  comment: string | null;
  @Field(() => DateScalar)
  businessDate: string;
  @Field(() => String, { nullable: true })
  userName: string | null;
}

@ObjectType('AnnualWorkPlan', { description: "The fund manager's annual work plan and scheme (Art 6.5)" })
export class AnnualWorkPlanType {
  @Field(() => ID)
  id: string;
  @Field(() => Int)
  year: number;
  @Field(() => Int, { description: 'Revised after each return; the offices approve the current revision' })
  revision: number;
  @Field(() => AnnualPlanStatus)
  status: AnnualPlanStatus;
  @Field()
  title: string;
  @Field()
  summary: string;
  @Field(() => DecimalScalar, { nullable: true, description: '计划新增质押贷款额' })
  plannedLoanVolume: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '计划补偿额度' })
  plannedCompensation: string | null;
  @Field(() => Int, { nullable: true, description: '计划服务企业数' })
  plannedEnterprises: number | null;
  @Field(() => DateScalar)
  submittedOn: string;
  @Field(() => DateScalar, { nullable: true })
  approvedOn: string | null;
  @Field(() => [AnnualPlanDecisionType], { description: 'Every decision of every revision, oldest first' })
  decisions: AnnualPlanDecisionType[];
}

@ObjectType('FundTerminationConsent')
export class FundTerminationConsentType {
  @Field()
  orgKind: string;
  @Field({ description: 'CONSENT or DECLINE' })
  decision: string;
  @Field(() => String, { nullable: true })
  comment: string | null;
  @Field(() => DateScalar)
  businessDate: string;
  @Field(() => String, { nullable: true })
  userName: string | null;
}

@ObjectType('FundTermination', { description: "The offices' joint decision to terminate the fund (Art 24)" })
export class FundTerminationType {
  @Field(() => ID)
  id: string;
  @Field(() => FundTerminationStatus)
  status: FundTerminationStatus;
  @Field()
  reason: string;
  @Field(() => DateScalar, { description: 'Loans issued on or after this date are not covered' })
  effectiveOn: string;
  @Field()
  proposedOrgKind: string;
  @Field(() => DateScalar)
  proposedOn: string;
  @Field(() => DateScalar, { nullable: true })
  decidedOn: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When the balance was returned to the funder' })
  settledOn: string | null;
  @Field(() => [FundTerminationConsentType])
  consents: FundTerminationConsentType[];
}

@InputType('RecordCapitalContributionInput')
export class RecordCapitalContributionInput {
  @Field(() => DecimalScalar)
  amount: string;
  @Field(() => DateScalar)
  contributedOn: string;
  @Field({ description: 'The funding document (文号)' })
  @MaxLength(TEXT_LIMITS.label)
  documentRef: string;
  @Field(() => String, { nullable: true })
  @MaxLength(TEXT_LIMITS.memo)
  memo?: string | null;
  @Field({ description: 'Client-generated; the same key again answers the first contribution' })
  @MaxLength(TEXT_LIMITS.key)
  idempotencyKey: string;
}

@InputType('SubmitAnnualPlanInput')
export class SubmitAnnualPlanInput {
  @Field(() => Int)
  year: number;
  @Field()
  @MaxLength(200)
  title: string;
  @Field()
  @MaxLength(5000)
  summary: string;
  @Field(() => DecimalScalar, { nullable: true })
  plannedLoanVolume?: string | null;
  @Field(() => DecimalScalar, { nullable: true })
  plannedCompensation?: string | null;
  @Field(() => Int, { nullable: true })
  plannedEnterprises?: number | null;
}

@InputType('ProposeFundTerminationInput')
export class ProposeFundTerminationInput {
  @Field()
  @MaxLength(TEXT_LIMITS.comment)
  reason: string;
  @Field(() => DateScalar, { description: 'Loans issued on or after this date are not covered' })
  effectiveOn: string;
}
