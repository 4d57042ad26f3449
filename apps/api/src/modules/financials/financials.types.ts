import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { MaxLength } from '../../graphql/text';

/** GraphQL shapes of the borrowers' quarterly statements (Art 22); the service's rows, field by field. */

@ObjectType('FinancialStatement', {
  description: "One version of an enterprise's quarterly statement (Art 22)",
})
export class FinancialStatementType {
  @Field(() => ID) id: string;
  @Field(() => ID) enterpriseId: string;
  @Field() enterpriseName: string;
  @Field({ description: 'e.g. "2026-Q3"' }) quarter: string;
  @Field(() => Int) version: number;
  @Field(() => String, { description: 'Yuan, two decimals' }) revenue: string;
  @Field(() => String, { description: 'Yuan, two decimals; may be negative (a loss)' }) netProfit: string;
  @Field(() => String) totalAssets: string;
  @Field(() => String) totalLiabilities: string;
  @Field(() => String, { description: 'R&D spending' }) rndSpending: string;
  @Field({ description: 'How the loan was used' }) loanUse: string;
  @Field(() => String, { nullable: true, description: 'Why this version corrects the previous one' })
  correctionReason: string | null;
  @Field(() => DateScalar) submittedOn: string;
  @Field() submittedByName: string;
  @Field({ description: 'ENTERPRISE, or FUND_MANAGER entering it on its behalf' }) submittedOrgKind: string;
  @Field() submittedAt: Date;
}

@ObjectType('FinancialStatementCollectionRow', {
  description: 'An enterprise that owes a statement for the quarter: an outstanding covered loan at its end',
})
export class CollectionRowType {
  @Field(() => ID) enterpriseId: string;
  @Field() enterpriseName: string;
  @Field() creditCode: string;
  @Field(() => Int) loans: number;
  @Field(() => DecimalScalar) outstanding: string;
  @Field(() => FinancialStatementType, { nullable: true, description: 'The latest version; null: missing' })
  statement: FinancialStatementType | null;
  @Field(() => Int) reminders: number;
  @Field(() => DateScalar, { nullable: true }) lastRemindedOn: string | null;
  @Field(() => [String], { description: 'financials.remind when the caller may remind now' })
  viewerCan: string[];
}

@ObjectType('FinancialStatementCollection')
export class CollectionType {
  @Field() quarter: string;
  @Field() label: string;
  @Field(() => Int) expected: number;
  @Field(() => Int) submitted: number;
  @Field(() => Int) missing: number;
  @Field(() => [CollectionRowType]) rows: CollectionRowType[];
}

@ObjectType('FinancialStatementReminder', { description: "The manager's reminder of a missing statement" })
export class ReminderType {
  @Field(() => ID) id: string;
  @Field(() => ID) enterpriseId: string;
  @Field() enterpriseName: string;
  @Field() quarter: string;
  @Field() message: string;
  @Field(() => DateScalar) remindedOn: string;
  @Field() remindedByName: string;
}

@InputType('FinancialStatementInput', {
  description: 'Amounts in yuan as strings with at most two decimals, e.g. "1250000.00"',
})
export class FinancialStatementInput {
  @Field(() => ID) enterpriseId: string;
  @Field() @MaxLength(16) quarter: string;
  @Field() @MaxLength(24) revenue: string;
  @Field() @MaxLength(24) netProfit: string;
  @Field() @MaxLength(24) totalAssets: string;
  @Field() @MaxLength(24) totalLiabilities: string;
  @Field() @MaxLength(24) rndSpending: string;
  @Field() @MaxLength(4000) loanUse: string;
}
