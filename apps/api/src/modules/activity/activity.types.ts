import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';
import { PageInfoType } from '../loan/loan.types';

export enum ActivityOutcome {
  OK = 'OK',
  REFUSED = 'REFUSED',
}
registerEnumType(ActivityOutcome, {
  name: 'ActivityOutcome',
  description:
    'OK: the operation was taken; REFUSED: it was attempted and refused (the reason is in the detail)',
});

@ObjectType('ActivityRecord', {
  description:
    'One entry of the append-only, hash-chained activity log (Art 20): who, for which organisation, when, ' +
    'which operation on which record, the outcome and the article. Readable by the offices, the fund manager ' +
    'and an engaged auditor only.',
})
export class ActivityRecordType {
  @Field(() => ID)
  id: string;
  @Field({ description: 'When it was written (server time)' })
  occurredAt: Date;
  @Field(() => DateScalar, { description: 'The business date it was written on' })
  businessDate: string;
  @Field(() => ID, { nullable: true })
  userId: string | null;
  @Field(() => String, { nullable: true, description: 'The acting user, by display name' })
  userName: string | null;
  @Field(() => ID, { nullable: true })
  organizationId: string | null;
  @Field(() => String, { nullable: true })
  organizationName: string | null;
  @Field(() => String, { nullable: true })
  orgKind: string | null;
  @Field()
  operation: string;
  @Field(() => String, { nullable: true })
  targetType: string | null;
  @Field(() => String, { nullable: true })
  targetId: string | null;
  @Field(() => ActivityOutcome)
  outcome: ActivityOutcome;
  @Field(() => String, { nullable: true, description: 'The article that gave the power or refused it' })
  article: string | null;
  @Field({ description: 'The recorded facts as JSON (bounded: long texts cut, at most 4 KB)' })
  detail: string;
  @Field({ description: "sha256 of this record's canonical form and the previous record's hash" })
  rowHash: string;
}

@ObjectType('ActivityEdge')
export class ActivityEdgeType {
  @Field()
  cursor: string;
  @Field(() => ActivityRecordType)
  node: ActivityRecordType;
}

@ObjectType('ActivityConnection')
export class ActivityConnectionType {
  @Field(() => [ActivityEdgeType])
  edges: ActivityEdgeType[];
  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}

@InputType({ description: 'Filters of the activity log browser; every one optional, all combined with AND' })
export class ActivityFilterInput {
  @Field(() => ID, { nullable: true, description: 'The acting user' })
  userId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The acting organisation' })
  organizationId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "An operation name ('claim.approve'), or a prefix ending with a dot ('claim.')",
  })
  @MaxLength(TEXT_LIMITS.label)
  operation?: string | null;
  @Field(() => ActivityOutcome, { nullable: true })
  outcome?: ActivityOutcome | null;
  @Field(() => String, { nullable: true, description: "An article, e.g. 'Art 17'" })
  @MaxLength(TEXT_LIMITS.label)
  article?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Business date from (inclusive)' })
  fromDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Business date to (inclusive)' })
  toDate?: string | null;
  @Field(() => String, { nullable: true, description: 'The record acted on (a claim, loan, user … id)' })
  @MaxLength(TEXT_LIMITS.id)
  subjectId?: string | null;
}

@ObjectType('ActivityChainStatus', {
  description:
    'The activity log checked end to end: every record hash recomputed and every link to its predecessor ' +
    'checked; firstBrokenId names the first record that does not match (altered, or after a removed one).',
})
export class ActivityChainStatusType {
  @Field()
  ok: boolean;
  @Field(() => Int)
  checked: number;
  @Field(() => ID, { nullable: true })
  firstBrokenId: string | null;
}
