import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';
import { OrgRefType } from '../org/org.types';

@ObjectType('AuditEngagement', {
  description:
    'An audit firm engaged by the IP bureau (Art 20) for a scope and a window of business dates: its users ' +
    'read the programme, read-only, only while the engagement is active; every read of theirs is logged.',
})
export class AuditEngagementType {
  @Field(() => ID)
  id: string;
  @Field(() => OrgRefType)
  auditor: OrgRefType;
  @Field({ description: 'What is audited (资金使用和管理情况…)' })
  scope: string;
  @Field(() => [String], {
    description: 'The kinds of record the audit concerns (empty: the whole programme)',
  })
  subjects: string[];
  @Field(() => DateScalar)
  startsOn: string;
  @Field(() => DateScalar)
  endsOn: string;
  @Field({ description: 'ACTIVE or ENDED (ended early by the IP bureau)' })
  status: string;
  @Field({ description: 'Active at the business date: the firm may read now' })
  activeToday: boolean;
  @Field(() => DateScalar)
  engagedOn: string;
  @Field(() => DateScalar, { nullable: true })
  endedOn: string | null;
  @Field(() => String, { nullable: true })
  endReason: string | null;
  @Field()
  article: string;
}

@InputType()
export class EngageAuditorInput {
  @Field(() => ID, { description: 'The audit firm (an AUDITOR organisation)' })
  auditorOrgId: string;
  @Field({ description: 'What is audited' })
  @MaxLength(TEXT_LIMITS.comment)
  scope: string;
  @Field(() => [String], {
    nullable: true,
    description: 'Kinds of record concerned (Loan, Claim, LedgerEntry …)',
  })
  @MaxLength(TEXT_LIMITS.label)
  subjects?: string[] | null;
  @Field(() => DateScalar)
  startsOn: string;
  @Field(() => DateScalar)
  endsOn: string;
}
