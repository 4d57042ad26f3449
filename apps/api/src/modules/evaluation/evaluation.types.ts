import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';
import { OrgRefType } from '../org/org.types';

@ObjectType('EvaluationIndicators', {
  description: "A partner's measured figures over the half year, up to the round's as-of date (Art 23)",
})
export class EvaluationIndicatorsType {
  @Field(() => Int, { description: 'Covered loans issued in the half (a guarantor: those it guarantees)' })
  loansGranted: number;
  @Field(() => DecimalScalar)
  amountGranted: string;
  @Field(() => Int)
  enterprises: number;
  @Field(() => Int, { description: 'Enterprises whose first programme loan was issued in the half' })
  firstTimeBorrowers: number;
  @Field(() => String, {
    nullable: true,
    description: 'Share of the enterprises the bank brought into the library that obtained a loan from it',
  })
  loanShare: string | null;
  @Field(() => String, { nullable: true, description: 'Share of loans registered within the timely days' })
  registrationTimeliness: string | null;
  @Field(() => String, { nullable: true, description: 'Share of remittances due in the half made on time' })
  remittanceTimeliness: string | null;
  @Field({
    description: "IP-pledged principal overdue ≥ the risk days over its covered lending (Art 12's ratio)",
  })
  overdueRate: string;
  @Field({ description: 'Fund shares finally approved in the half over its covered lending' })
  compensationRate: string;
}

@ObjectType('EvaluationScores', {
  description: 'Score 0–100 per criterion of Art 23 (null: not applicable or not scored)',
})
export class EvaluationScoresType {
  @Field(() => DecimalScalar, { nullable: true, description: '产品创新 (the manager’s judgement)' })
  productInnovation: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '贷款授信额度' })
  creditGranted: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '获贷企业比例' })
  enterpriseReach: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '贷款效率' })
  loanEfficiency: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '资产质量 (overdue and compensation)' })
  assetQuality: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '工作成效 (the manager’s judgement)' })
  workEffectiveness: string | null;
}

@ObjectType('PartnerEvaluation', {
  description: "One bank's or guarantor's entry in a half year's evaluation",
})
export class PartnerEvaluationType {
  @Field(() => ID)
  id: string;
  @Field(() => OrgRefType)
  partner: OrgRefType;
  @Field()
  partnerKind: string;
  @Field(() => EvaluationIndicatorsType)
  indicators: EvaluationIndicatorsType;
  @Field(() => EvaluationScoresType)
  scores: EvaluationScoresType;
  @Field(() => String, { nullable: true })
  scoreComment: string | null;
  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Weighted total (null until both judged criteria are scored)',
  })
  totalScore: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Rank within its kind; only the offices, the manager and the auditor see it',
  })
  rank: number | null;
  @Field(() => [String], { description: 'evaluation.score while the round is a draft, for the manager' })
  viewerCan: string[];
}

@ObjectType('EvaluationWeight')
export class EvaluationWeightType {
  @Field()
  criterion: string;
  @Field()
  weight: string;
}

@ObjectType('EvaluationRound', {
  description:
    "A half year's partner evaluation (Art 23): computed from the data, scored by the manager, submitted to the " +
    'offices and frozen from then on',
})
export class EvaluationRoundType {
  @Field(() => ID)
  id: string;
  @Field({ description: 'e.g. 2026-H2' })
  half: string;
  @Field(() => DateScalar)
  periodFrom: string;
  @Field(() => DateScalar)
  periodTo: string;
  @Field(() => DateScalar, { description: 'The figures are as of this date' })
  asOf: string;
  @Field({ description: 'DRAFT or SUBMITTED' })
  status: string;
  @Field()
  policyId: string;
  @Field(() => [EvaluationWeightType])
  weights: EvaluationWeightType[];
  @Field(() => DateScalar)
  computedOn: string;
  @Field(() => DateScalar, { nullable: true })
  submittedOn: string | null;
  @Field()
  article: string;
  @Field(() => [PartnerEvaluationType])
  entries: PartnerEvaluationType[];
  @Field(() => [String], {
    description: 'evaluation.compute / evaluation.submit while a draft, for the manager',
  })
  viewerCan: string[];
}

@InputType()
export class ScorePartnerInput {
  @Field({ description: '产品创新, 0–100 with at most two decimals' })
  @MaxLength(TEXT_LIMITS.code)
  productInnovation: string;
  @Field({ description: '工作成效, 0–100 with at most two decimals' })
  @MaxLength(TEXT_LIMITS.code)
  workEffectiveness: string;
  @Field(() => String, { nullable: true })
  @MaxLength(TEXT_LIMITS.comment)
  comment?: string | null;
}
