import type { FundAccount, FundOutflowPurpose, PolicyParameters } from '@ipfund/policy';

/**
 * The fund's chart of accounts and the only movements the measures allow (R1; Art 3, 7, 10, 18, 24).
 * The migration 1764202000000-Ledger seeds the same accounts and templates into the database, which
 * refuses any posting that does not fit them; a test keeps this file and the database in step. The
 * migration's template rows keep the Jiangbei articles they were seeded with (migrations are history);
 * the code cites the article of the policy in force.
 */

/** Stable account codes (the first digit is the account class: 1 asset, 3 equity, 4 income, 5 expense). */
export const ACCOUNT = {
  /** 专户本金: the special account's principal, cash at the deposit bank (Art 7). */
  PRINCIPAL: '100201',
  /** 利息二级子账户: the interest sub-account of the special account, cash (Art 10). */
  INTEREST: '100202',
  /** 应收追偿返还款: the fund's share of money banks recovered, owed to the fund (Art 18). */
  RECOVERIES_RECEIVABLE: '1221',
  /** 财政出资: the district government's capital (Art 3). */
  FUND_CAPITAL: '3001',
  /** 返还出资人: capital returned to the funder on termination (Art 24), a contra-equity account. */
  RETURNED_TO_FUNDER: '3002',
  /** 追偿返还收入: recoveries (the fund's share, Art 18). */
  RECOVERY_INCOME: '4001',
  /** 利息收入: interest earned on the special account (Art 10). */
  INTEREST_INCOME: '4002',
  /** 风险补偿支出: compensation paid to banks (Art 11, 17). */
  COMPENSATION_PAID: '5001',
  /** 相关成本费用: programme costs, payable from interest only (Art 10). */
  PROGRAMME_COSTS: '5002',
} as const;

export type AccountCode = (typeof ACCOUNT)[keyof typeof ACCOUNT];

export type AccountType = 'ASSET' | 'LIABILITY' | 'EQUITY' | 'INCOME' | 'EXPENSE';
export type NormalSide = 'DEBIT' | 'CREDIT';

export interface AccountDefinition {
  readonly code: AccountCode;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly type: AccountType;
  /** The side that increases the account; balances are reported on this side. */
  readonly normalSide: NormalSide;
  /** Set for the two cash accounts at the deposit bank: which one `checkFundOutflow` sees. */
  readonly fundAccount: FundAccount | null;
}

export const CHART: readonly AccountDefinition[] = [
  {
    code: ACCOUNT.PRINCIPAL,
    nameZh: '专户本金',
    nameEn: 'Special account: principal',
    type: 'ASSET',
    normalSide: 'DEBIT',
    fundAccount: 'PRINCIPAL',
  },
  {
    code: ACCOUNT.INTEREST,
    nameZh: '利息二级子账户',
    nameEn: 'Special account: interest sub-account',
    type: 'ASSET',
    normalSide: 'DEBIT',
    fundAccount: 'INTEREST',
  },
  {
    code: ACCOUNT.RECOVERIES_RECEIVABLE,
    nameZh: '应收追偿返还款',
    nameEn: 'Recoveries receivable from banks',
    type: 'ASSET',
    normalSide: 'DEBIT',
    fundAccount: null,
  },
  {
    code: ACCOUNT.FUND_CAPITAL,
    nameZh: '财政出资',
    nameEn: 'Fund capital (district government)',
    type: 'EQUITY',
    normalSide: 'CREDIT',
    fundAccount: null,
  },
  {
    code: ACCOUNT.RETURNED_TO_FUNDER,
    nameZh: '返还出资人',
    nameEn: 'Returned to the funder on termination',
    type: 'EQUITY',
    normalSide: 'DEBIT',
    fundAccount: null,
  },
  {
    code: ACCOUNT.RECOVERY_INCOME,
    nameZh: '追偿返还收入',
    nameEn: 'Recovery income',
    type: 'INCOME',
    normalSide: 'CREDIT',
    fundAccount: null,
  },
  {
    code: ACCOUNT.INTEREST_INCOME,
    nameZh: '利息收入',
    nameEn: 'Interest income',
    type: 'INCOME',
    normalSide: 'CREDIT',
    fundAccount: null,
  },
  {
    code: ACCOUNT.COMPENSATION_PAID,
    nameZh: '风险补偿支出',
    nameEn: 'Compensation paid',
    type: 'EXPENSE',
    normalSide: 'DEBIT',
    fundAccount: null,
  },
  {
    code: ACCOUNT.PROGRAMME_COSTS,
    nameZh: '相关成本费用',
    nameEn: 'Programme costs',
    type: 'EXPENSE',
    normalSide: 'DEBIT',
    fundAccount: null,
  },
];

const BY_CODE = new Map<string, AccountDefinition>(CHART.map((a) => [a.code, a]));

export function isAccountCode(code: string): code is AccountCode {
  return BY_CODE.has(code);
}

export function accountOf(code: AccountCode): AccountDefinition {
  const account = BY_CODE.get(code);
  if (!account) throw new Error(`unknown account ${code}`);
  return account;
}

/** The kinds of posting; REVERSAL mirrors an earlier posting and is made by `LedgerService.reverse` only. */
export const POSTING_KINDS = [
  'CAPITAL_INJECTION',
  'COMPENSATION_PAYOUT',
  'RECOVERY_RECEIVABLE',
  'REMITTANCE_RECEIVED',
  'INTEREST_INCOME',
  'PROGRAMME_COST',
  'TERMINATION_RETURN',
] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

export const TRANSACTION_KINDS = [...POSTING_KINDS, 'REVERSAL'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

export interface PostingTemplate {
  readonly debit: AccountCode;
  readonly credit: AccountCode;
  /** The article that allows the movement, in the policy in force (another district numbers them otherwise). */
  readonly article: (policy: PolicyParameters) => string;
  /** When money leaves a cash account: what `checkFundOutflow` is asked (Art 7, 10, 24). */
  readonly outflow?: { readonly account: FundAccount; readonly purpose: FundOutflowPurpose };
}

/**
 * Every movement the measures allow, as (debit, credit) pairs. Nothing else can be posted: the
 * principal pays compensation and, on termination, returns to the funder (Art 7, 24); interest enters
 * the sub-account and pays programme costs only (Art 10); banks' remittances return to the special
 * account (Art 18). Art 24 returns the whole remaining balance, so the interest sub-account may also
 * go back to the funder (as `checkFundOutflow` allows).
 */
export const POSTING_TEMPLATES: Readonly<Record<PostingKind, readonly PostingTemplate[]>> = {
  CAPITAL_INJECTION: [
    { debit: ACCOUNT.PRINCIPAL, credit: ACCOUNT.FUND_CAPITAL, article: (p) => p.initialCapital.article },
  ],
  COMPENSATION_PAYOUT: [
    {
      debit: ACCOUNT.COMPENSATION_PAID,
      credit: ACCOUNT.PRINCIPAL,
      article: (p) => p.provisions.fundUse.article,
      outflow: { account: 'PRINCIPAL', purpose: 'COMPENSATION' },
    },
  ],
  RECOVERY_RECEIVABLE: [
    {
      debit: ACCOUNT.RECOVERIES_RECEIVABLE,
      credit: ACCOUNT.RECOVERY_INCOME,
      article: (p) => p.provisions.recovery.article,
    },
  ],
  REMITTANCE_RECEIVED: [
    {
      debit: ACCOUNT.PRINCIPAL,
      credit: ACCOUNT.RECOVERIES_RECEIVABLE,
      article: (p) => p.provisions.recovery.article,
    },
  ],
  INTEREST_INCOME: [
    {
      debit: ACCOUNT.INTEREST,
      credit: ACCOUNT.INTEREST_INCOME,
      article: (p) => p.provisions.interestAccount.article,
    },
  ],
  PROGRAMME_COST: [
    {
      debit: ACCOUNT.PROGRAMME_COSTS,
      credit: ACCOUNT.INTEREST,
      article: (p) => p.provisions.interestAccount.article,
      outflow: { account: 'INTEREST', purpose: 'PROGRAMME_COST' },
    },
  ],
  TERMINATION_RETURN: [
    {
      debit: ACCOUNT.RETURNED_TO_FUNDER,
      credit: ACCOUNT.PRINCIPAL,
      article: (p) => p.provisions.termination.article,
      outflow: { account: 'PRINCIPAL', purpose: 'TERMINATION_RETURN' },
    },
    {
      debit: ACCOUNT.RETURNED_TO_FUNDER,
      credit: ACCOUNT.INTEREST,
      article: (p) => p.provisions.termination.article,
      outflow: { account: 'INTEREST', purpose: 'TERMINATION_RETURN' },
    },
  ],
};

/** Chinese labels for the kinds (the web client has its own copy for display). */
export const KIND_LABELS_ZH: Readonly<Record<TransactionKind, string>> = {
  CAPITAL_INJECTION: '财政出资注入',
  COMPENSATION_PAYOUT: '风险补偿支付',
  RECOVERY_RECEIVABLE: '确认追偿返还应收',
  REMITTANCE_RECEIVED: '收到追偿返还款',
  INTEREST_INCOME: '利息收入',
  PROGRAMME_COST: '成本费用支出',
  TERMINATION_RETURN: '终止返还出资人',
  REVERSAL: '冲销',
};
