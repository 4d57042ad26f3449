import { Field, InputType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { SortDirection } from '../../graphql/sorting';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';

/** The journal's server-side filters (issue 11), the same for `ledgerEntries(...)` and the xlsx export. */
@InputType('LedgerEntryFilter')
export class LedgerEntryFilterInput {
  @Field(() => DateScalar, { nullable: true, description: 'Business date on or after' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Business date on or before' })
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'One account of the chart (e.g. 100201)' })
  @MaxLength(TEXT_LIMITS.code)
  accountCode?: string | null;

  @Field(() => String, { nullable: true, description: "Part of the transaction's memo" })
  @MaxLength(TEXT_LIMITS.search)
  memo?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The line moves at least this amount (debit or credit)',
  })
  minAmount?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The line moves at most this amount' })
  maxAmount?: string | null;
}

export enum LedgerEntrySortField {
  POSTED = 'POSTED',
  BUSINESS_DATE = 'BUSINESS_DATE',
  AMOUNT = 'AMOUNT',
}
registerEnumType(LedgerEntrySortField, {
  name: 'LedgerEntrySortField',
  description: 'POSTED (default): newest transaction first, its lines in posting order',
});

@InputType('LedgerEntryOrder')
export class LedgerEntryOrderInput {
  @Field(() => LedgerEntrySortField)
  field: LedgerEntrySortField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC })
  direction: SortDirection;
}
