import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { SortDirection } from '../../graphql/sorting';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';
import { ClaimStatus } from './claim.types';

/**
 * The claims list's server-side filters and sort (issue 11), the same for `claims(...)` and
 * `GET /export/claims.xlsx?…`; ANDed with the caller's scope in SQL.
 */
@InputType('ClaimFilter')
export class ClaimFilterInput {
  @Field(() => [ClaimStatus], { nullable: true, description: 'Any of these statuses' })
  status?: ClaimStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'The bank that filed it' })
  bankId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Part of the enterprise's name, or the start of its credit code",
  })
  @MaxLength(TEXT_LIMITS.search)
  enterprise?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only claims with a step awaiting the caller’s own organisation (the rules of myTasks)',
  })
  awaitingMe?: boolean | null;
}

export enum ClaimSortField {
  SUBMITTED = 'SUBMITTED',
  FILED_ON = 'FILED_ON',
  LOSS_BASE = 'LOSS_BASE',
  OUTSTANDING_PRINCIPAL = 'OUTSTANDING_PRINCIPAL',
}
registerEnumType(ClaimSortField, {
  name: 'ClaimSortField',
  description: 'SUBMITTED: the order claims were filed in (the default, newest first)',
});

@InputType('ClaimOrder')
export class ClaimOrderInput {
  @Field(() => ClaimSortField)
  field: ClaimSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection;
}
