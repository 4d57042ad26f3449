import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { LoanPurpose } from '@ipfund/policy';
import { RuleReasonType } from '../../graphql/rule-reason.type';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { LoanPurposeEnum } from './loan.types';

export enum CoverageVerdict {
  COVERED = 'COVERED',
  NOT_COVERED = 'NOT_COVERED',
}
registerEnumType(CoverageVerdict, {
  name: 'CoverageVerdict',
  description: 'COVERED 纳入补偿 / NOT_COVERED 不予补偿',
});

@InputType('PreviewLoanCoverageInput', {
  description: 'What registerLoan would be given (the contract number and maturity do not decide coverage)',
})
export class PreviewLoanCoverageInput {
  @Field(() => ID)
  enterpriseId: string;
  @Field(() => DecimalScalar)
  principal: string;
  @Field(() => DecimalScalar)
  ipPledgedPrincipal: string;
  @Field(() => ID, { nullable: true })
  guarantorId?: string | null;
  @Field(() => DateScalar)
  issuedOn: string;
  @Field(() => LoanPurposeEnum)
  purpose: LoanPurpose;
  @Field(() => [ID])
  collateralIds: string[];
}

@ObjectType('LoanCoveragePreview', {
  description:
    'The coverage registerLoan would decide now (R2), with its reasons and the tier (Art 11); nothing stored',
})
export class LoanCoveragePreviewType {
  @Field(() => CoverageVerdict)
  verdict: CoverageVerdict;
  @Field({ description: '纳入补偿 or 不予补偿' })
  verdictLabel: string;
  @Field(() => [RuleReasonType], { description: 'Every condition met or failed, each with its article' })
  reasons: RuleReasonType[];
  @Field({ description: 'LOW (IP part below the threshold) or HIGH (from it), Art 11' })
  tier: string;
  @Field({ description: 'The tier\u2019s cap on the fund\u2019s rate, e.g. "0.30"' })
  tierCapRate: string;
  @Field(() => String, { nullable: true, description: 'PURE_IP or COMBINATION when covered' })
  loanKind: string | null;
  @Field()
  threeParty: boolean;
  @Field({ description: 'The measures applied (those in force on the issue date)' })
  policyId: string;
}
