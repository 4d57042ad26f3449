import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { SortDirection } from '../../graphql/sorting';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';
import { LoanStatus } from './loan.types';

/**
 * The loan list's server-side search, filters and sort (issue 11), the same for `loans(...)` and
 * `GET /export/loans.xlsx?…`. Every filter narrows what the caller may see already: it is ANDed
 * with the caller's scope in SQL, never a way around it.
 */
@InputType('LoanFilter')
export class LoanFilterInput {
  @Field(() => ID, { nullable: true, description: 'The lending bank' })
  bankId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The guarantor (three-party loans)' })
  guarantorId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Part of the enterprise's name, or the start of its credit code",
  })
  @MaxLength(TEXT_LIMITS.search)
  enterprise?: string | null;

  @Field(() => [LoanStatus], {
    nullable: true,
    description: 'Any of these statuses (OVERDUE as derived, R3)',
  })
  status?: LoanStatus[] | null;

  @Field(() => Int, { nullable: true, description: 'At least this many days overdue at the business date' })
  overdueDaysMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this many days overdue at the business date' })
  overdueDaysMax?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Issued on or after' })
  issuedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Issued on or before' })
  issuedTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the contract number' })
  @MaxLength(TEXT_LIMITS.code)
  contractNo?: string | null;
}

export enum LoanSortField {
  ISSUED_ON = 'ISSUED_ON',
  MATURES_ON = 'MATURES_ON',
  PRINCIPAL = 'PRINCIPAL',
  OUTSTANDING_PRINCIPAL = 'OUTSTANDING_PRINCIPAL',
  EARLIEST_UNPAID_DUE_DATE = 'EARLIEST_UNPAID_DUE_DATE',
}
registerEnumType(LoanSortField, {
  name: 'LoanSortField',
  description: 'Money and date columns; EARLIEST_UNPAID_DUE_DATE ascending lists the longest overdue first',
});

@InputType('LoanOrder')
export class LoanOrderInput {
  @Field(() => LoanSortField)
  field: LoanSortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection;
}
