import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { PageInfoType } from '../loan/loan.types';
import type { AccountType, NormalSide, TransactionKind } from './ledger.chart';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';

export const LedgerTransactionKindEnum = {
  CAPITAL_INJECTION: 'CAPITAL_INJECTION',
  COMPENSATION_PAYOUT: 'COMPENSATION_PAYOUT',
  RECOVERY_RECEIVABLE: 'RECOVERY_RECEIVABLE',
  REMITTANCE_RECEIVED: 'REMITTANCE_RECEIVED',
  INTEREST_INCOME: 'INTEREST_INCOME',
  PROGRAMME_COST: 'PROGRAMME_COST',
  TERMINATION_RETURN: 'TERMINATION_RETURN',
  REVERSAL: 'REVERSAL',
} as const satisfies { [K in TransactionKind]: K };
registerEnumType(LedgerTransactionKindEnum, {
  name: 'LedgerTransactionKind',
  description: 'The movements the measures allow (Art 3, 7, 10, 18, 24), and reversals of them',
});

export const LedgerAccountTypeEnum = {
  ASSET: 'ASSET',
  LIABILITY: 'LIABILITY',
  EQUITY: 'EQUITY',
  INCOME: 'INCOME',
  EXPENSE: 'EXPENSE',
} as const satisfies { [K in AccountType]: K };
registerEnumType(LedgerAccountTypeEnum, { name: 'LedgerAccountType' });

export const LedgerNormalSideEnum = { DEBIT: 'DEBIT', CREDIT: 'CREDIT' } as const satisfies {
  [K in NormalSide]: K;
};
registerEnumType(LedgerNormalSideEnum, {
  name: 'LedgerNormalSide',
  description: 'The side that increases the account; balances are reported on it',
});

@ObjectType('LedgerLine', {
  description: 'One line of a posting: exactly one of debit and credit is positive',
})
export class LedgerLineType {
  @Field()
  accountCode: string;

  @Field()
  accountName: string;

  @Field(() => DecimalScalar)
  debit: string;

  @Field(() => DecimalScalar)
  credit: string;
}

@ObjectType('LedgerTransaction', { description: 'A balanced, append-only posting (R1)' })
export class LedgerTransactionType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Posting order (voucher number)' })
  seq: string;

  @Field(() => LedgerTransactionKindEnum)
  kind: TransactionKind;

  @Field()
  memo: string;

  @Field(() => String, { nullable: true, description: 'e.g. "Claim" for a payout' })
  referenceType: string | null;

  @Field(() => String, { nullable: true })
  referenceId: string | null;

  @Field(() => DateScalar)
  businessDate: string;

  @Field()
  postedAt: Date;

  @Field()
  idempotencyKey: string;

  @Field(() => ID, { nullable: true, description: 'Set on a REVERSAL: the transaction it mirrors' })
  reversesTransactionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The REVERSAL that corrected this transaction, if any' })
  reversedByTransactionId: string | null;

  @Field(() => String, { nullable: true, description: 'null: posted by the system at set-up' })
  createdBy: string | null;

  @Field(() => String, { nullable: true })
  createdByOrganization: string | null;

  @Field(() => [LedgerLineType])
  lines: LedgerLineType[];
}

@ObjectType('LedgerEntry', { description: 'One journal line with its transaction' })
export class LedgerEntryType {
  @Field(() => ID)
  id: string;

  @Field()
  accountCode: string;

  @Field()
  accountName: string;

  @Field(() => DecimalScalar)
  debit: string;

  @Field(() => DecimalScalar)
  credit: string;

  @Field(() => LedgerTransactionType)
  transaction: LedgerTransactionType;
}

@ObjectType('LedgerEntryEdge')
export class LedgerEntryEdgeType {
  @Field()
  cursor: string;

  @Field(() => LedgerEntryType)
  node: LedgerEntryType;
}

@ObjectType('LedgerEntryConnection')
export class LedgerEntryConnectionType {
  @Field(() => Int)
  totalCount: number;

  @Field(() => [LedgerEntryEdgeType])
  edges: LedgerEntryEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}

@ObjectType('TrialBalanceLine')
export class TrialBalanceLineType {
  @Field()
  accountCode: string;

  @Field({ description: 'Chinese account name' })
  name: string;

  @Field()
  nameEn: string;

  @Field(() => LedgerAccountTypeEnum)
  type: AccountType;

  @Field(() => LedgerNormalSideEnum)
  normalSide: NormalSide;

  @Field(() => DecimalScalar)
  debitTotal: string;

  @Field(() => DecimalScalar)
  creditTotal: string;

  @Field(() => DecimalScalar, { description: 'On the normal side' })
  balance: string;

  @Field(() => String, { nullable: true, description: 'Art 7: the deposit bank (cash accounts only)' })
  depositBank: string | null;

  @Field(() => String, { nullable: true })
  depositAccountNo: string | null;
}

@ObjectType('TrialBalance')
export class TrialBalanceType {
  @Field(() => DateScalar, { nullable: true, description: 'Up to this business date; null = everything' })
  asOf: string | null;

  @Field(() => [TrialBalanceLineType])
  lines: TrialBalanceLineType[];

  @Field(() => DecimalScalar)
  debitTotal: string;

  @Field(() => DecimalScalar)
  creditTotal: string;

  @Field({ description: 'Σ debit = Σ credit' })
  balanced: boolean;
}

@ObjectType('FundStatus', {
  description:
    'Everyone logged in sees `suspended` (DOMAIN.md §2: a bank sees the fund\u2019s public status). ' +
    'The amounts are null for a bank, guarantor or enterprise.',
})
export class FundStatusType {
  @Field(() => DecimalScalar, { nullable: true, description: '专户本金 balance (ledger)' })
  principalBalance: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: '利息二级子账户 balance (ledger)' })
  interestBalance: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'R7: Σ F of finally approved claims, paid or not (from the claims module)',
  })
  cumulativeCompensation: string | null;

  @Field({ description: 'R7 circuit breaker (Art 19): new compensation business stopped' })
  suspended: boolean;

  @Field(() => ID, {
    nullable: true,
    description:
      'The current suspension episode (null while the fund runs); resumption consents belong to it',
  })
  suspensionId: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The business date the current suspension began' })
  suspendedSince: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Σ F of claims finally approved but not yet paid: already committed out of the principal (Art 7)',
  })
  committedCompensation: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'principalBalance − committedCompensation: a final approval whose F exceeds this is refused (Art 7)',
  })
  availableForCompensation: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'The cumulative figure at the last resumption: the breaker counts from here (Art 19)',
  })
  cumulativeAtLastResumption: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'cumulativeCompensation − cumulativeAtLastResumption: what the breaker compares with its threshold',
  })
  cumulativeSinceResumption: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Σ capital contributions recorded by the finance bureau, beyond the initial capital (Art 3, 5)',
  })
  totalContributions: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'TERMINATED or SETTLED once the offices decided to terminate the fund (Art 24); null while it runs. Public.',
  })
  terminationStatus: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Loans issued on or after this date are not covered (Art 24). Public.',
  })
  terminationEffectiveOn: string | null;
}

@InputType('RecordInterestIncomeInput')
export class RecordInterestIncomeInput {
  @Field(() => DecimalScalar)
  amount: string;

  @Field(() => DateScalar)
  receivedOn: string;

  @Field(() => String, { nullable: true })
  @MaxLength(TEXT_LIMITS.memo)
  memo?: string | null;

  @Field({ description: 'Client-generated; the same key again returns the first posting' })
  @MaxLength(TEXT_LIMITS.key)
  idempotencyKey: string;
}

@InputType('RecordProgrammeCostInput')
export class RecordProgrammeCostInput {
  @Field(() => DecimalScalar)
  amount: string;

  @Field(() => DateScalar)
  paidOn: string;

  @Field({ description: 'What the cost was for' })
  @MaxLength(TEXT_LIMITS.memo)
  memo: string;

  @Field({ description: 'Client-generated; the same key again returns the first posting' })
  @MaxLength(TEXT_LIMITS.key)
  idempotencyKey: string;
}

@InputType('SetFundDepositBankInput')
export class SetFundDepositBankInput {
  @Field()
  @MaxLength(TEXT_LIMITS.name)
  bankName: string;

  @Field()
  @MaxLength(TEXT_LIMITS.code)
  principalAccountNo: string;

  @Field()
  @MaxLength(TEXT_LIMITS.code)
  interestAccountNo: string;
}
