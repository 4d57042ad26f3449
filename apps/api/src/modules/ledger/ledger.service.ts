import {
  Money,
  checkFundOutflow,
  compareDates,
  isIsoDate,
  type IsoDate,
  type PolicyParameters,
} from '@ipfund/policy';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, conflict, forbidden, notFound, policyViolation } from '../../common/errors';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination';
import type { PolicyBook } from '../../common/policy-book';
import type { UseCaseRunner } from '../../common/use-case';
import { ActivityRecorder } from '../activity/activity.recorder';
import type { FundCompensationStatusProvider } from './fund-status';
import {
  ACCOUNT,
  CHART,
  accountOf,
  isAccountCode,
  type AccountCode,
  type AccountType,
  type NormalSide,
  type PostingKind,
  type TransactionKind,
} from './ledger.chart';
import { decodeSortCursor, encodeSortCursor, keysetSql, type SortColumn } from '../../common/keyset';
import { SortDirection } from '../../graphql/sorting';
import { paramCollector } from '../loan/loan-list';
import {
  LedgerEntrySortField,
  type LedgerEntryFilterInput,
  type LedgerEntryOrderInput,
} from './ledger-list.types';
import {
  checkTemplates,
  mirrorLines,
  netChanges,
  normalizeLines,
  outflowTemplate,
  sameLines,
  type LedgerLine,
  type LedgerLineInput,
} from './ledger.posting';
import { isUuid } from '../../common/ids';

export type { LedgerLine, LedgerLineInput } from './ledger.posting';

/** What a posting is about, e.g. `{ type: 'Claim', id: claim.id }`. */
export interface LedgerReference {
  type: string;
  id: string;
}

export interface PostingInput {
  kind: PostingKind;
  lines: readonly LedgerLineInput[];
  memo?: string;
  reference?: LedgerReference | null;
  /**
   * The client's key (TigerBeetle): the same key again returns the first posting and posts nothing;
   * the same key with a different kind, lines, reference or business date is a CONFLICT.
   * Make it deterministic from the business event, e.g. `claim:<id>:payout`.
   */
  idempotencyKey: string;
  /** Who posts; null only for the system's own set-up posting. */
  actor: Actor | null;
  /** Default: the business date today. Never in the future. */
  businessDate?: IsoDate;
}

export interface PostedTransaction {
  id: string;
  /** Posting order (a bigint as a string). */
  seq: string;
  kind: TransactionKind;
  memo: string;
  reference: LedgerReference | null;
  idempotencyKey: string;
  businessDate: IsoDate;
  postedAt: Date;
  reversesTransactionId: string | null;
  createdByUserId: string | null;
  createdByOrgId: string | null;
  /** Debits first, in posting order. */
  lines: LedgerLine[];
  /** True when the idempotency key had been used before: this call posted nothing. */
  replayed: boolean;
}

/** A transaction as the journal shows it. */
export interface LedgerTransactionView extends Omit<PostedTransaction, 'replayed'> {
  reversedByTransactionId: string | null;
  createdByName: string | null;
  createdByOrgName: string | null;
}

/** Input of the claim-side helpers (payout, receivable, remittance). */
export interface ClaimMovementInput {
  claimId: string;
  amount: Money;
  idempotencyKey: string;
  actor: Actor | null;
  businessDate?: IsoDate;
  memo?: string;
  /** Default `{ type: 'Claim', id: claimId }`; e.g. `{ type: 'Recovery', id }` for a recovery record. */
  reference?: LedgerReference;
}

export interface ReversalInput {
  transactionId: string;
  reason: string;
  idempotencyKey: string;
  actor: Actor | null;
  businessDate?: IsoDate;
}

export interface FundBalances {
  /** 专户本金 (cash). */
  principal: Money;
  /** 利息二级子账户 (cash). */
  interest: Money;
  recoveriesReceivable: Money;
  /** Every account, on its normal side. */
  byAccount: Record<AccountCode, Money>;
}

export interface TrialBalanceLine {
  code: AccountCode;
  nameZh: string;
  nameEn: string;
  type: AccountType;
  normalSide: NormalSide;
  debitTotal: Money;
  creditTotal: Money;
  /** On the normal side. */
  balance: Money;
  depositBank: string | null;
  depositAccountNo: string | null;
}

export interface TrialBalance {
  asOf: IsoDate | null;
  lines: TrialBalanceLine[];
  debitTotal: Money;
  creditTotal: Money;
  balanced: boolean;
}

export interface LedgerEntryRow {
  id: string;
  account: AccountCode;
  debit: Money;
  credit: Money;
  transaction: LedgerTransactionView;
}

export interface LedgerEntryListArgs {
  first?: number | null;
  after?: string | null;
  /** The older single filter, kept for existing clients; `filter.accountCode` wins. */
  accountCode?: string | null;
  filter?: LedgerEntryFilterInput | null;
  orderBy?: LedgerEntryOrderInput | null;
}

export interface LedgerEntryPage {
  totalCount: number;
  rows: LedgerEntryRow[];
  hasNextPage: boolean;
  cursorOf(row: LedgerEntryRow): string;
}

/**
 * A transaction of the programme's operator, outside any caller's tenant: the fund's set-up at boot
 * (createServices builds it on the data source the services were built with).
 */
export type OperatorTransaction = <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>;

/** FundStatus: totals are null for callers who may not read the ledger (DOMAIN.md §2). */
export interface FundStatusView {
  principalBalance: Money | null;
  interestBalance: Money | null;
  cumulativeCompensation: Money | null;
  suspended: boolean;
  /** The current suspension episode's id and start (public, like `suspended`). */
  suspensionId: string | null;
  suspendedSince: IsoDate | null;
  /** Σ F approved but not yet paid (Art 7): ledger readers only. */
  committedCompensation: Money | null;
  /** principal − committed: the most a further final approval may commit (Art 7). */
  availableForCompensation: Money | null;
  /** The breaker's base and what it counts from there (Art 19). */
  cumulativeAtLastResumption: Money | null;
  cumulativeSinceResumption: Money | null;
  /** Σ capital contributions beyond the initial capital (Art 3, 5): ledger readers only. */
  totalContributions: Money | null;
  /** The termination decision (public, like `suspended`: it decides coverage, Art 24). */
  terminationStatus: string | null;
  terminationEffectiveOn: IsoDate | null;
}

const AMOUNT_TEXT = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

/** The idempotency key of the initial capital posting (Art 3). */
export const SETUP_CAPITAL_KEY = 'setup:capital';

interface TransactionRow {
  id: string;
  seq: string;
  posted_at: Date;
  business_date: IsoDate;
  kind: TransactionKind;
  memo: string;
  reference_type: string | null;
  reference_id: string | null;
  idempotency_key: string;
  reverses_transaction_id: string | null;
  created_by_user_id: string | null;
  created_by_org_id: string | null;
  reversed_by_id: string | null;
  created_by_name: string | null;
  created_by_org_name: string | null;
  /** The transaction's lines in posting order, amounts as exact decimal text. */
  lines: { account: AccountCode; debit: string; credit: string }[];
}

interface EntryRow {
  id: string;
  transaction_id: string;
  account_code: AccountCode;
  debit: string;
  credit: string;
}

const TRANSACTION_SELECT = `
  SELECT t.id, t.seq, t.posted_at, t.business_date, t.kind, t.memo, t.reference_type, t.reference_id,
         t.idempotency_key, t.reverses_transaction_id, t.created_by_user_id, t.created_by_org_id,
         r.id AS reversed_by_id, u.display_name AS created_by_name, o.name AS created_by_org_name,
         (SELECT json_agg(json_build_object('account', e.account_code, 'debit', e.debit::text,
                                            'credit', e.credit::text) ORDER BY e.id)
            FROM ledger_entries e WHERE e.transaction_id = t.id) AS lines
    FROM ledger_transactions t
    LEFT JOIN ledger_transactions r ON r.reverses_transaction_id = t.id
    LEFT JOIN user_names u ON u.id = t.created_by_user_id
    LEFT JOIN organizations o ON o.id = t.created_by_org_id`;

function sqlError(err: unknown): { code?: string; constraint?: string; message: string } | null {
  if (!(err instanceof QueryFailedError)) return null;
  const driver = (err as QueryFailedError & { driverError?: { code?: string; constraint?: string } })
    .driverError;
  return { code: driver?.code, constraint: driver?.constraint, message: err.message };
}

/**
 * The fund ledger (R1; Art 3, 7, 10, 18, 24).
 *
 * Posting API for other modules — call it inside YOUR use case's transaction, with its `em`:
 * `post`, `postCompensationPayout`, `postRecoveryReceivable`, `postRemittanceReceived`, `reverse`,
 * `balances`, `transactionById`, `transactionsByReference`. Each posting locks the balances of the
 * accounts it touches (in code order) until the caller's transaction ends, checks the policy
 * (`checkFundOutflow`) against those locked balances, and writes; the database re-checks everything
 * at commit. A refusal is an AppError (POLICY_VIOLATION with the article, CONFLICT, BAD_USER_INPUT).
 *
 * Manager use cases (`recordInterestIncome`, `recordProgrammeCost`, `reverseLedgerTransaction`,
 * `setDepositBank`) go through the use-case runner, which checks the operations table first; the
 * ledger queries read in the actor's scope and only for those who may read the ledger.
 */
export class LedgerService {
  private readonly activity: ActivityRecorder;

  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
    /** Only for the fund's set-up posting (Art 3); every caller's read or write goes through `access`. */
    private readonly asOperator: OperatorTransaction,
  ) {
    this.activity = new ActivityRecorder(clock);
  }

  // ---------------------------------------------------------------- posting API

  /** Posts one balanced transaction of an allowed kind (see POSTING_TEMPLATES). */
  async post(em: EntityManager, input: PostingInput): Promise<PostedTransaction> {
    if ((input.kind as TransactionKind) === 'REVERSAL') {
      throw badInput('ledger.reversalViaReverse', {});
    }
    const businessDate = this.businessDate(input.businessDate);
    const policy = this.policies.inForce(businessDate);
    const lines = normalizeLines(input.lines);
    checkTemplates(input.kind, lines, policy);
    return this.write(em, {
      kind: input.kind,
      lines,
      memo: input.memo ?? '',
      reference: input.reference ?? null,
      idempotencyKey: input.idempotencyKey,
      actor: input.actor,
      businessDate,
      explicitDate: input.businessDate !== undefined,
      reversesTransactionId: null,
      policy,
    });
  }

  /** R6.6: pays F to the bank out of the principal (Art 7). */
  postCompensationPayout(em: EntityManager, input: ClaimMovementInput): Promise<PostedTransaction> {
    return this.postClaimMovement(
      em,
      input,
      'COMPENSATION_PAYOUT',
      ACCOUNT.COMPENSATION_PAID,
      ACCOUNT.PRINCIPAL,
      '支付风险补偿资金',
    );
  }

  /** R8: a bank recovered R; the fund is owed R × F ÷ B (Art 18). */
  postRecoveryReceivable(em: EntityManager, input: ClaimMovementInput): Promise<PostedTransaction> {
    return this.postClaimMovement(
      em,
      input,
      'RECOVERY_RECEIVABLE',
      ACCOUNT.RECOVERIES_RECEIVABLE,
      ACCOUNT.RECOVERY_INCOME,
      '确认应收追偿返还款',
    );
  }

  /**
   * R8: the bank's remittance arrives in the special account (Art 18). It settles what was booked
   * by `postRecoveryReceivable`: the receivable cannot go below zero (CONFLICT, then the database).
   */
  postRemittanceReceived(em: EntityManager, input: ClaimMovementInput): Promise<PostedTransaction> {
    return this.postClaimMovement(
      em,
      input,
      'REMITTANCE_RECEIVED',
      ACCOUNT.PRINCIPAL,
      ACCOUNT.RECOVERIES_RECEIVABLE,
      '收到追偿返还款',
    );
  }

  /** One amount from one account to another, about a claim (or its recovery). */
  private postClaimMovement(
    em: EntityManager,
    input: ClaimMovementInput,
    kind: PostingKind,
    debitAccount: AccountCode,
    creditAccount: AccountCode,
    defaultMemo: string,
  ): Promise<PostedTransaction> {
    return this.post(em, {
      kind,
      lines: [
        { account: debitAccount, debit: input.amount },
        { account: creditAccount, credit: input.amount },
      ],
      memo: input.memo ?? defaultMemo,
      reference: input.reference ?? { type: 'Claim', id: input.claimId },
      idempotencyKey: input.idempotencyKey,
      actor: input.actor,
      businessDate: input.businessDate,
    });
  }

  /**
   * The correction (Fineract: reversed, never edited): a REVERSAL that mirrors the original, linked
   * to it, at most once per original. A reversal itself is not reversed — post the movement again.
   */
  async reverse(em: EntityManager, input: ReversalInput): Promise<PostedTransaction> {
    if (!isUuid(input.transactionId)) throw notFound('Ledger transaction');
    const reason = input.reason.trim();
    if (!reason) throw badInput('ledger.reversalReason', {});
    const businessDate = this.businessDate(input.businessDate);
    const policy = this.policies.inForce(businessDate);
    // Serialises reversals of one original, so "already reversed" is decided on committed facts. An
    // advisory lock, not a row lock: the serving role may not lock append-only ledger rows (no UPDATE).
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`ledger:reverse:${input.transactionId}`]);
    const original = await this.transactionById(em, input.transactionId);
    if (!original) throw notFound('Ledger transaction');
    const lines = mirrorLines(original.lines);
    const header = {
      kind: 'REVERSAL' as const,
      lines,
      memo: `冲销第 ${original.seq} 号凭证：${reason}`.slice(0, 500),
      reference: original.reference,
      idempotencyKey: input.idempotencyKey,
      actor: input.actor,
      businessDate,
      explicitDate: input.businessDate !== undefined,
      reversesTransactionId: original.id,
      policy,
    };
    // A retry with the same key returns the reversal it made, before "already reversed" is judged.
    const replay = await this.replayOf(em, header);
    if (replay) return replay;
    if (original.kind === 'REVERSAL') {
      throw conflict('ledger.reversalOfReversal', { seq: original.seq });
    }
    const already: { seq: string }[] = await em.query(
      `SELECT seq FROM ledger_transactions WHERE reverses_transaction_id = $1`,
      [original.id],
    );
    if (already.length > 0) {
      throw conflict('ledger.alreadyReversed', { seq: original.seq, by: already[0].seq });
    }
    return this.write(em, header);
  }

  /** Current balances (on each account's normal side), as of everything committed and this `em`'s own writes. */
  async balances(em: EntityManager): Promise<FundBalances> {
    const rows: { account_code: string; balance: string }[] = await em.query(
      `SELECT account_code, balance FROM ledger_account_balances`,
    );
    const byAccount = Object.fromEntries(CHART.map((a) => [a.code, Money.zero()])) as Record<
      AccountCode,
      Money
    >;
    for (const r of rows) if (isAccountCode(r.account_code)) byAccount[r.account_code] = Money.of(r.balance);
    return {
      principal: byAccount[ACCOUNT.PRINCIPAL],
      interest: byAccount[ACCOUNT.INTEREST],
      recoveriesReceivable: byAccount[ACCOUNT.RECOVERIES_RECEIVABLE],
      byAccount,
    };
  }

  async transactionById(em: EntityManager, id: string): Promise<LedgerTransactionView | null> {
    if (!isUuid(id)) return null;
    const [view] = await this.loadTransactions(em, `t.id = $1`, [id]);
    return view ?? null;
  }

  async transactionByKey(em: EntityManager, idempotencyKey: string): Promise<LedgerTransactionView | null> {
    const [view] = await this.loadTransactions(em, `t.idempotency_key = $1`, [idempotencyKey]);
    return view ?? null;
  }

  /** Every posting about one record (e.g. a claim), in posting order. */
  transactionsByReference(em: EntityManager, reference: LedgerReference): Promise<LedgerTransactionView[]> {
    return this.loadTransactions(em, `t.reference_type = $1 AND t.reference_id = $2`, [
      reference.type,
      reference.id,
    ]);
  }

  /**
   * Art 3: the initial capital (policy `initialCapital`) in the principal account, dated the day the
   * measures took effect. Idempotent (key `setup:capital`): main calls it at every start, the demo
   * seed too; a fresh database gets the capital once, an existing one is left as it is. It is the
   * operator's act, not a caller's, so it runs in an operator transaction (no tenant), before any request.
   */
  async ensureFundSetUp(): Promise<PostedTransaction> {
    const policy = this.policies.inForce(this.clock.today());
    return this.asOperator(async (em) => {
      const capital = policy.initialCapital.value;
      const posted = await this.post(em, {
        kind: 'CAPITAL_INJECTION',
        lines: [
          { account: ACCOUNT.PRINCIPAL, debit: capital },
          { account: ACCOUNT.FUND_CAPITAL, credit: capital },
        ],
        memo: `${policy.sourceDocument} ${policy.initialCapital.article}：风险补偿资金初始资金`,
        reference: { type: 'Policy', id: policy.id },
        idempotencyKey: SETUP_CAPITAL_KEY,
        actor: null,
        businessDate: policy.effectiveFrom,
      });
      if (!posted.replayed) {
        await this.activity.ok(em, null, {
          operation: 'ledger.setUp',
          targetType: 'LedgerTransaction',
          targetId: posted.id,
          detail: { capital: capital.toString(), article: policy.initialCapital.article },
        });
      }
      return posted;
    });
  }

  // ---------------------------------------------------------------- manager use cases

  /** Art 10: interest credited by the deposit bank goes to the interest sub-account. */
  recordInterestIncome(
    actor: Actor,
    input: { amount: string; receivedOn: string; memo?: string | null; idempotencyKey: string },
  ): Promise<PostedTransaction> {
    return this.useCases.run(actor, 'ledger.recordInterestIncome', async ({ em, target, detail }) => {
      const amount = this.amount(input.amount);
      const receivedOn = this.inputDate(input.receivedOn, 'receivedOn');
      detail({ amount: amount.toString(), receivedOn, idempotencyKey: input.idempotencyKey });
      const posted = await this.post(em, {
        kind: 'INTEREST_INCOME',
        lines: [
          { account: ACCOUNT.INTEREST, debit: amount },
          { account: ACCOUNT.INTEREST_INCOME, credit: amount },
        ],
        memo: input.memo?.trim() || '专户利息收入',
        idempotencyKey: input.idempotencyKey,
        actor,
        businessDate: receivedOn,
      });
      target('LedgerTransaction', posted.id);
      detail({ seq: posted.seq, replayed: posted.replayed });
      return posted;
    });
  }

  /** Art 10: programme costs are paid from the interest sub-account only, never beyond its balance. */
  recordProgrammeCost(
    actor: Actor,
    input: { amount: string; paidOn: string; memo: string; idempotencyKey: string },
  ): Promise<PostedTransaction> {
    return this.useCases.run(actor, 'ledger.recordProgrammeCost', async ({ em, target, detail }) => {
      const amount = this.amount(input.amount);
      const paidOn = this.inputDate(input.paidOn, 'paidOn');
      const memo = input.memo.trim();
      if (!memo) throw badInput('ledger.costMemo', {});
      detail({ amount: amount.toString(), paidOn, idempotencyKey: input.idempotencyKey });
      const posted = await this.post(em, {
        kind: 'PROGRAMME_COST',
        lines: [
          { account: ACCOUNT.PROGRAMME_COSTS, debit: amount },
          { account: ACCOUNT.INTEREST, credit: amount },
        ],
        memo,
        idempotencyKey: input.idempotencyKey,
        actor,
        businessDate: paidOn,
      });
      target('LedgerTransaction', posted.id);
      detail({ seq: posted.seq, replayed: posted.replayed });
      return posted;
    });
  }

  /**
   * The manager corrects a ledger-only posting. A posting that belongs to another record (a claim's
   * payout, receivable or remittance) is corrected through that record, so the two never disagree.
   */
  reverseLedgerTransaction(
    actor: Actor,
    transactionId: string,
    reason: string,
    idempotencyKey: string,
  ): Promise<PostedTransaction> {
    return this.useCases.run(actor, 'ledger.reverseTransaction', async ({ em, target, detail }) => {
      target('LedgerTransaction', transactionId);
      detail({ reason, idempotencyKey });
      const original = await this.transactionById(em, transactionId);
      if (!original) throw notFound('Ledger transaction');
      const ownRecord = original.reference === null || original.reference.type === 'Policy';
      if (!ownRecord && original.kind !== 'REVERSAL') {
        throw conflict('ledger.correctAtSource', {
          seq: original.seq,
          type: original.reference?.type ?? '',
          ref: original.reference?.id ?? '',
        });
      }
      const posted = await this.reverse(em, { transactionId, reason, idempotencyKey, actor });
      detail({ reversal: posted.id, seq: posted.seq, replayed: posted.replayed });
      return posted;
    });
  }

  /** Art 7: the deposit bank holding the special account (it may change in later years). */
  setDepositBank(
    actor: Actor,
    input: { bankName: string; principalAccountNo: string; interestAccountNo: string },
  ): Promise<void> {
    return this.useCases.run(actor, 'ledger.setDepositBank', async ({ em, target, detail }) => {
      const bankName = input.bankName.trim();
      const principalNo = input.principalAccountNo.trim();
      const interestNo = input.interestAccountNo.trim();
      if (!bankName || bankName.length > 100) throw badInput('ledger.bankName', {});
      for (const no of [principalNo, interestNo]) {
        if (!/^[0-9A-Za-z-]{4,40}$/.test(no)) throw badInput('ledger.accountNo', { value: no });
      }
      target('LedgerAccount', ACCOUNT.PRINCIPAL);
      const before: { deposit_bank: string | null }[] = await em.query(
        `SELECT deposit_bank FROM ledger_accounts WHERE code = $1`,
        [ACCOUNT.PRINCIPAL],
      );
      detail({ from: before[0]?.deposit_bank ?? null, to: bankName, principalNo, interestNo });
      await em.query(
        `UPDATE ledger_accounts SET deposit_bank = $1, deposit_account_no = $2 WHERE code = $3`,
        [bankName, principalNo, ACCOUNT.PRINCIPAL],
      );
      await em.query(
        `UPDATE ledger_accounts SET deposit_bank = $1, deposit_account_no = $2 WHERE code = $3`,
        [bankName, interestNo, ACCOUNT.INTEREST],
      );
    });
  }

  // ---------------------------------------------------------------- queries

  /** Per account: Σ debit, Σ credit, balance; optionally up to a business date. Ledger readers only. */
  trialBalance(actor: Actor, asOf?: string | null): Promise<TrialBalance> {
    return this.access.read(actor, (scope) => this.trialBalanceIn(scope, asOf));
  }

  private async trialBalanceIn(scope: Scope, asOf?: string | null): Promise<TrialBalance> {
    this.requireReader(scope);
    if (asOf !== undefined && asOf !== null && !isIsoDate(asOf))
      throw badInput('common.notADate', { value: asOf });
    const rows: {
      code: AccountCode;
      name_zh: string;
      name_en: string;
      type: AccountType;
      normal_side: NormalSide;
      deposit_bank: string | null;
      deposit_account_no: string | null;
      debit_total: string;
      credit_total: string;
    }[] = await scope.em.query(
      `SELECT a.code, a.name_zh, a.name_en, a.type, a.normal_side, a.deposit_bank, a.deposit_account_no,
              COALESCE(sum(x.debit), 0)::numeric(18,2)::text AS debit_total,
              COALESCE(sum(x.credit), 0)::numeric(18,2)::text AS credit_total
         FROM ledger_accounts a
         LEFT JOIN (SELECT e.account_code, e.debit, e.credit
                      FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
                     WHERE $1::date IS NULL OR t.business_date <= $1::date) x ON x.account_code = a.code
        GROUP BY a.code
        ORDER BY a.code`,
      [asOf ?? null],
    );
    const lines = rows.map((r): TrialBalanceLine => {
      const debitTotal = Money.of(r.debit_total);
      const creditTotal = Money.of(r.credit_total);
      return {
        code: r.code,
        nameZh: r.name_zh,
        nameEn: r.name_en,
        type: r.type,
        normalSide: r.normal_side,
        debitTotal,
        creditTotal,
        balance: r.normal_side === 'DEBIT' ? debitTotal.minus(creditTotal) : creditTotal.minus(debitTotal),
        depositBank: r.deposit_bank,
        depositAccountNo: r.deposit_account_no,
      };
    });
    const debitTotal = Money.sum(lines.map((l) => l.debitTotal));
    const creditTotal = Money.sum(lines.map((l) => l.creditTotal));
    return {
      asOf: (asOf as IsoDate | null | undefined) ?? null,
      lines,
      debitTotal,
      creditTotal,
      balanced: debitTotal.eq(creditTotal),
    };
  }

  /**
   * The journal, one line per row: newest transaction first, its lines in posting order (debits
   * first). Optionally one account's lines. Ledger readers only.
   */
  entries(actor: Actor, args: LedgerEntryListArgs): Promise<LedgerEntryPage> {
    return this.access.read(actor, (scope) => this.entriesIn(scope, args));
  }

  /** Every journal line of the filtered list in its order, `batch` at a time, from one snapshot (exports). */
  async forEachEntry(
    actor: Actor,
    args: Omit<LedgerEntryListArgs, 'first' | 'after'>,
    batch: number,
    each: (rows: LedgerEntryRow[]) => Promise<void> | void,
  ): Promise<void> {
    await this.access.read(actor, async (scope) => {
      let after: string | null = null;
      for (;;) {
        const page = await this.entriesIn(scope, { ...args, after }, { limit: batch, withCount: false });
        if (page.rows.length) await each(page.rows);
        if (!page.hasNextPage) return;
        after = page.cursorOf(page.rows[page.rows.length - 1]);
      }
    });
  }

  /**
   * The journal page: filters, sort and keyset in SQL, the filtered count in the same statement,
   * then the page's transactions (two statements, whatever the page size).
   */
  private async entriesIn(
    scope: Scope,
    args: LedgerEntryListArgs,
    opts: { limit?: number; withCount?: boolean } = {},
  ): Promise<LedgerEntryPage> {
    this.requireReader(scope);
    const limit = opts.limit ?? pageSize(args.first);
    const withCount = opts.withCount ?? true;
    const filter = { ...args.filter, accountCode: args.filter?.accountCode ?? args.accountCode ?? null };
    const account = filter.accountCode;
    if (account !== null && !isAccountCode(account)) throw badInput('ledger.unknownAccount', { account });
    const field = args.orderBy?.field ?? LedgerEntrySortField.POSTED;
    const descending = (args.orderBy?.direction ?? SortDirection.DESC) === SortDirection.DESC;
    const params: Record<string, unknown> = {};
    const param = paramCollector(params, 'j');
    const where: string[] = [];
    if (account) where.push(`e.account_code = ${param(account)}`);
    if (filter.from) where.push(`t.business_date >= ${param(filter.from)}::date`);
    if (filter.to) where.push(`t.business_date <= ${param(filter.to)}::date`);
    const memo = filter.memo?.trim();
    if (memo) where.push(`t.memo ILIKE ${param(`%${memo.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    if (filter.minAmount) where.push(`greatest(e.debit, e.credit) >= ${param(filter.minAmount)}::numeric`);
    if (filter.maxAmount) where.push(`greatest(e.debit, e.credit) <= ${param(filter.maxAmount)}::numeric`);
    const filters = where.length ? where.join(' AND ') : 'TRUE';

    let orderBy: string;
    let keyset: string | null = null;
    let cursorOf: (row: LedgerEntryRow, seq: string) => string;
    if (field === LedgerEntrySortField.POSTED) {
      // Newest transaction first, its lines in posting order: the cursor is (transaction seq, line id).
      const after = args.after ? decodeCursor(args.after, ['seq', 'seq']) : null;
      orderBy = descending ? 't.seq DESC, e.id ASC' : 't.seq ASC, e.id ASC';
      if (after) {
        const [seq, id] = [param(after[0]), param(after[1])];
        keyset = `(t.seq ${descending ? '<' : '>'} ${seq}::bigint OR (t.seq = ${seq}::bigint AND e.id > ${id}::bigint))`;
      }
      cursorOf = (row, seq) => encodeCursor([seq, row.id]);
    } else {
      const column: SortColumn =
        field === LedgerEntrySortField.AMOUNT
          ? { sql: 'greatest(e.debit, e.credit)', kind: 'money' }
          : { sql: 't.business_date', kind: 'date' };
      const after = args.after ? decodeSortCursor(args.after, field, column.kind) : null;
      const k = keysetSql(column, 'e.id', descending, after, param);
      orderBy = k.orderBy;
      keyset = k.after;
      cursorOf = (row) =>
        encodeSortCursor(
          field,
          field === LedgerEntrySortField.AMOUNT
            ? (row.debit.gt(row.credit) ? row.debit : row.credit).toString()
            : row.transaction.businessDate,
          row.id,
        );
    }
    const page = `SELECT e.id, e.transaction_id, e.account_code, e.debit, e.credit, t.seq
        FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
       WHERE ${filters}${keyset ? ` AND ${keyset}` : ''}
       ORDER BY ${orderBy} LIMIT ${limit + 1}`;
    const sql = withCount
      ? `SELECT c.total_count, p.* FROM (SELECT count(*)::int AS total_count
             FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id WHERE ${filters}) c
           LEFT JOIN LATERAL (${page}) p ON true`
      : page;
    const result = await scope.query<EntryRow & { seq: string; total_count?: number }>(sql, params);
    const rows = result.filter((r) => r.id !== null);
    const shown = rows.slice(0, limit);
    const ids = [...new Set(shown.map((r) => r.transaction_id))];
    const views = new Map(
      (ids.length ? await this.loadTransactions(scope.em, `t.id = ANY($1::uuid[])`, [ids]) : []).map((v) => [
        v.id,
        v,
      ]),
    );
    const seqOf = new Map(shown.map((r) => [r.id, r.seq]));
    return {
      totalCount: withCount ? (result[0]?.total_count ?? 0) : -1,
      hasNextPage: rows.length > limit,
      rows: shown.map((r) => ({
        id: r.id,
        account: r.account_code,
        debit: Money.of(r.debit),
        credit: Money.of(r.credit),
        transaction: required(views.get(r.transaction_id), r.transaction_id),
      })),
      cursorOf: (row) => cursorOf(row, seqOf.get(row.id) ?? row.transaction.seq),
    };
  }

  /** A transaction by id, for ledger readers; null when it does not exist or may not be seen. */
  transaction(actor: Actor, id: string): Promise<LedgerTransactionView | null> {
    return this.access.read(actor, (scope) =>
      scope.canRead('LedgerEntry') ? this.transactionById(scope.em, id) : Promise.resolve(null),
    );
  }

  /**
   * Everyone logged in sees whether the fund is suspended (DOMAIN.md §2); the amounts only those who
   * may read the ledger — for a bank, guarantor or enterprise they are null.
   */
  fundStatus(actor: Actor, provider: FundCompensationStatusProvider): Promise<FundStatusView> {
    return this.access.read(actor, (scope) => this.fundStatusIn(scope, provider));
  }

  private async fundStatusIn(
    scope: Scope,
    provider: FundCompensationStatusProvider,
  ): Promise<FundStatusView> {
    const em = scope.em;
    const status = await provider(em, { withBalances: scope.canRead('LedgerEntry') });
    const publicPart = {
      suspended: status.suspended,
      suspensionId: status.suspensionId,
      suspendedSince: status.suspendedSince,
      terminationStatus: status.termination?.status ?? null,
      terminationEffectiveOn: status.termination?.effectiveOn ?? null,
    };
    if (!scope.canRead('LedgerEntry')) {
      return {
        ...publicPart,
        principalBalance: null,
        interestBalance: null,
        cumulativeCompensation: null,
        committedCompensation: null,
        availableForCompensation: null,
        cumulativeAtLastResumption: null,
        cumulativeSinceResumption: null,
        totalContributions: null,
      };
    }
    const principal = status.principalBalance ?? Money.zero();
    return {
      ...publicPart,
      principalBalance: principal,
      interestBalance: status.interestBalance ?? Money.zero(),
      cumulativeCompensation: status.cumulativeCompensation,
      committedCompensation: status.committedCompensation,
      availableForCompensation: principal.minus(status.committedCompensation),
      cumulativeAtLastResumption: status.cumulativeAtLastResumption,
      cumulativeSinceResumption: status.cumulativeCompensation.minus(status.cumulativeAtLastResumption),
      totalContributions: status.totalContributions,
    };
  }

  // ---------------------------------------------------------------- internals

  /** The fund ledger and its totals are the programme's (R1, Art 5, 6, 20); never a bank's, guarantor's or enterprise's. */
  private requireReader(scope: Scope): void {
    if (!scope.canRead('LedgerEntry')) throw forbidden('authz.ledgerReaders', {});
  }

  private businessDate(date: IsoDate | undefined): IsoDate {
    const today = this.clock.today();
    if (date === undefined) return today;
    if (!isIsoDate(date)) throw badInput('common.notADate', { value: String(date) });
    if (compareDates(date, today) > 0) throw badInput('ledger.dateAfterToday', { date, today });
    return date;
  }

  private inputDate(value: string, field: string): IsoDate {
    if (!isIsoDate(value)) throw badInput('common.dateField', { field });
    return value;
  }

  private amount(value: string): Money {
    if (typeof value !== 'string' || !AMOUNT_TEXT.test(value))
      throw badInput('common.notAnAmount', { value: String(value) });
    const m = Money.of(value);
    if (!m.isPositive()) throw badInput('common.amountPositive', {});
    return m;
  }

  private async replayOf(
    em: EntityManager,
    h: {
      kind: TransactionKind;
      lines: LedgerLine[];
      reference: LedgerReference | null;
      idempotencyKey: string;
      businessDate: IsoDate;
      explicitDate: boolean;
      reversesTransactionId: string | null;
    },
  ): Promise<PostedTransaction | null> {
    const existing = await this.transactionByKey(em, h.idempotencyKey);
    if (!existing) return null;
    const same =
      existing.kind === h.kind &&
      existing.reversesTransactionId === h.reversesTransactionId &&
      existing.reference?.type === h.reference?.type &&
      existing.reference?.id === h.reference?.id &&
      (!h.explicitDate || existing.businessDate === h.businessDate) &&
      sameLines(existing.lines, h.lines);
    if (!same) {
      throw conflict('ledger.keyReused', { key: h.idempotencyKey, seq: existing.seq });
    }
    return { ...toPosted(existing), replayed: true };
  }

  /**
   * Writes a checked posting: header first (the idempotency key is the serialisation point), then
   * locks the touched balances in code order, checks them, and inserts the lines.
   */
  private async write(
    em: EntityManager,
    h: {
      kind: TransactionKind;
      lines: LedgerLine[];
      memo: string;
      reference: LedgerReference | null;
      idempotencyKey: string;
      actor: Actor | null;
      businessDate: IsoDate;
      explicitDate: boolean;
      reversesTransactionId: string | null;
      policy: PolicyParameters;
    },
  ): Promise<PostedTransaction> {
    const key = h.idempotencyKey;
    if (typeof key !== 'string' || key.trim() === '' || key.length > 200) {
      throw badInput('ledger.keyLength', {});
    }
    if (h.memo.length > 500) throw badInput('ledger.memoLength', {});
    if (
      h.reference &&
      (!h.reference.type || h.reference.type.length > 50 || !h.reference.id || h.reference.id.length > 100)
    ) {
      throw badInput('ledger.referenceShape', {});
    }

    // ON CONFLICT: a concurrent poster with the same key waits here for the first to commit, then
    // finds its transaction (READ COMMITTED) or is retried (40001 under SERIALIZABLE).
    const inserted: { id: string }[] = await em.query(
      `INSERT INTO ledger_transactions
         (business_date, kind, memo, reference_type, reference_id, idempotency_key, reverses_transaction_id,
          created_by_user_id, created_by_org_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        h.businessDate,
        h.kind,
        h.memo,
        h.reference?.type ?? null,
        h.reference?.id ?? null,
        key,
        h.reversesTransactionId,
        h.actor?.userId ?? null,
        h.actor?.orgId ?? null,
      ],
    );
    if (inserted.length === 0) {
      const replay = await this.replayOf(em, h);
      if (replay) return replay;
      throw new Error(`ledger: idempotency key ${key} conflicted but no transaction holds it`);
    }
    const id = inserted[0].id;

    // Lock every touched balance (sorted: no deadlock between postings), then check the outflows
    // against the locked figures — the same ones the database will check.
    const changes = netChanges(h.lines);
    const codes = [...changes.keys()].sort();
    const locked: { account_code: AccountCode; balance: string; non_negative: boolean }[] = await em.query(
      `SELECT account_code, balance, non_negative FROM ledger_account_balances
        WHERE account_code = ANY($1::text[]) ORDER BY account_code FOR UPDATE`,
      [codes],
    );
    for (const row of locked) {
      const change = changes.get(row.account_code) ?? Money.zero();
      const balance = Money.of(row.balance);
      const account = accountOf(row.account_code);
      const template = h.kind === 'REVERSAL' ? undefined : outflowTemplate(h.kind, row.account_code);
      const decrease = change.isNegative() ? Money.zero().minus(change) : Money.zero();
      if (template?.outflow) {
        const check = checkFundOutflow(
          { account: template.outflow.account, purpose: template.outflow.purpose, amount: decrease, balance },
          h.policy,
        );
        if (!check.ok && check.code !== 'AMOUNT_NOT_POSITIVE') {
          // An overdraft cites the article that makes this account the source (Art 7 principal, Art 10 interest).
          const insufficient = check.code === 'INSUFFICIENT_BALANCE';
          const details = {
            code: check.code,
            account: account.code,
            balance: balance.toString(),
            amount: decrease.toString(),
          };
          throw insufficient
            ? policyViolation(
                'ledger.insufficient',
                {
                  account: account.code,
                  kind: h.kind,
                  amount: decrease.toString(),
                  balance: balance.toString(),
                },
                template.article(h.policy),
                details,
              )
            : policyViolation(
                'policy.refused',
                { rule: check.code, reason: check.reasons[0]?.message ?? check.code },
                check.article,
                details,
              );
        }
      }
      if (row.non_negative && balance.plus(change).isNegative()) {
        // A remittance above what the bank owes breaks the recovery rule (R8, Art 18 in Jiangbei).
        const article = h.kind === 'REMITTANCE_RECEIVED' ? h.policy.provisions.recovery.article : undefined;
        throw conflict(
          'ledger.negativeBalance',
          { account: account.code, kind: h.kind, amount: decrease.toString(), balance: balance.toString() },
          article,
        );
      }
    }

    const values: string[] = [];
    const params: unknown[] = [id];
    for (const l of h.lines) {
      params.push(l.account, l.debit.toString(), l.credit.toString());
      const n = params.length;
      values.push(`($1, $${n - 2}, $${n - 1}::numeric, $${n}::numeric)`);
    }
    try {
      await em.query(
        `INSERT INTO ledger_entries (transaction_id, account_code, debit, credit) VALUES ${values.join(', ')}`,
        params,
      );
    } catch (err) {
      const e = sqlError(err);
      // The database's wall held where the service's check did not (it should not happen): say so cleanly.
      if (e?.constraint === 'ledger_balance_non_negative') {
        throw conflict('ledger.databaseNegative', { detail: e.message });
      }
      throw err;
    }
    const view = await this.transactionById(em, id);
    if (!view) throw new Error(`ledger: transaction ${id} vanished`);
    return { ...toPosted(view), replayed: false };
  }

  private async loadTransactions(
    em: EntityManager,
    where: string,
    params: unknown[],
  ): Promise<LedgerTransactionView[]> {
    const headers: TransactionRow[] = await em.query(
      `${TRANSACTION_SELECT} WHERE ${where} ORDER BY t.seq`,
      params,
    );
    // The lines come with their transaction (one statement for any number of transactions).
    return headers.map((t) => ({
      id: t.id,
      seq: t.seq,
      kind: t.kind,
      memo: t.memo,
      reference: t.reference_type && t.reference_id ? { type: t.reference_type, id: t.reference_id } : null,
      idempotencyKey: t.idempotency_key,
      businessDate: t.business_date,
      postedAt: t.posted_at,
      reversesTransactionId: t.reverses_transaction_id,
      createdByUserId: t.created_by_user_id,
      createdByOrgId: t.created_by_org_id,
      lines: (t.lines ?? []).map((l) => ({
        account: l.account,
        debit: Money.of(l.debit),
        credit: Money.of(l.credit),
      })),
      reversedByTransactionId: t.reversed_by_id,
      createdByName: t.created_by_name,
      createdByOrgName: t.created_by_org_name,
    }));
  }
}

function required<T>(value: T | undefined, id: string): T {
  if (value === undefined) throw new Error(`ledger: transaction ${id} not loaded`);
  return value;
}

function toPosted(view: LedgerTransactionView): Omit<PostedTransaction, 'replayed'> {
  return {
    id: view.id,
    seq: view.seq,
    kind: view.kind,
    memo: view.memo,
    reference: view.reference,
    idempotencyKey: view.idempotencyKey,
    businessDate: view.businessDate,
    postedAt: view.postedAt,
    reversesTransactionId: view.reversesTransactionId,
    createdByUserId: view.createdByUserId,
    createdByOrgId: view.createdByOrgId,
    lines: view.lines,
  };
}
