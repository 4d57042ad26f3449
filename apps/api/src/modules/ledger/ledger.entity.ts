import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { FundAccount, IsoDate } from '@ipfund/policy';
import type { AccountCode, AccountType, NormalSide, TransactionKind } from './ledger.chart';

/**
 * Persistence only. The ledger tables are append-only and guarded by triggers (migration
 * 1764202000000-Ledger): write them through LedgerService, never with `save`/`update`.
 */

@Entity('ledger_accounts')
export class LedgerAccountEntity {
  @PrimaryColumn({ type: 'text' })
  code: AccountCode;

  @Column({ name: 'name_zh', type: 'text' })
  nameZh: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  type: AccountType;

  @Column({ name: 'normal_side', type: 'text' })
  normalSide: NormalSide;

  @Column({ name: 'fund_account', type: 'text', nullable: true })
  fundAccount: FundAccount | null;

  @Column({ name: 'non_negative', type: 'boolean' })
  nonNegative: boolean;

  /** Art 7: the deposit bank (资金存放银行) holding the special account. */
  @Column({ name: 'deposit_bank', type: 'text', nullable: true })
  depositBank: string | null;

  @Column({ name: 'deposit_account_no', type: 'text', nullable: true })
  depositAccountNo: string | null;
}

/** Running totals per account, maintained by trigger; CHECK (balance >= 0) where non_negative. */
@Entity('ledger_account_balances')
export class LedgerAccountBalanceEntity {
  @PrimaryColumn({ name: 'account_code', type: 'text' })
  accountCode: AccountCode;

  @Column({ name: 'debit_total', type: 'numeric', precision: 18, scale: 2 })
  debitTotal: string;

  @Column({ name: 'credit_total', type: 'numeric', precision: 18, scale: 2 })
  creditTotal: string;

  /** On the account's normal side. */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  balance: string;
}

@Entity('ledger_transactions')
export class LedgerTransactionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Posting order; pg returns bigint as a string. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'posted_at', type: 'timestamptz' })
  postedAt: Date;

  @Column({ name: 'business_date', type: 'date' })
  businessDate: IsoDate;

  @Column({ type: 'text' })
  kind: TransactionKind;

  @Column({ type: 'text' })
  memo: string;

  @Column({ name: 'reference_type', type: 'text', nullable: true })
  referenceType: string | null;

  @Column({ name: 'reference_id', type: 'text', nullable: true })
  referenceId: string | null;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ name: 'reverses_transaction_id', type: 'uuid', nullable: true })
  reversesTransactionId: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @Column({ name: 'created_by_org_id', type: 'uuid', nullable: true })
  createdByOrgId: string | null;
}

@Entity('ledger_entries')
export class LedgerEntryEntity {
  /** Insertion order; pg returns bigint as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'transaction_id', type: 'uuid' })
  transactionId: string;

  @Column({ name: 'account_code', type: 'text' })
  accountCode: AccountCode;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  debit: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  credit: string;
}
