import { formatArticle } from '@ipfund/shared';
import { currentLang } from '../../i18n';
import type { OverdueThresholds } from '../../app/policy';
import type { KnownLoanStatus } from './loans.graphql';

const STATUS_LABELS: Record<KnownLoanStatus, string> = {
  ACTIVE: '正常',
  OVERDUE: '逾期',
  IN_CLAIM: '补偿申请中',
  COMPENSATED: '已补偿',
  CLOSED: '已结清',
};

const STATUS_COLORS: Record<KnownLoanStatus, string> = {
  ACTIVE: 'green',
  OVERDUE: 'red',
  IN_CLAIM: 'purple',
  COMPENSATED: 'geekblue',
  CLOSED: 'default',
};

function isKnownStatus(status: string): status is KnownLoanStatus {
  return Object.hasOwn(STATUS_LABELS, status);
}

/** Chinese label of a LoanStatus; an unknown value (a newer API) is shown as sent. */
export function loanStatusLabel(status: string): string {
  return isKnownStatus(status) ? STATUS_LABELS[status] : status;
}

export function loanStatusColor(status: string): string {
  return isKnownStatus(status) ? STATUS_COLORS[status] : 'default';
}

/**
 * Tag colour for overdue days under the policy in force (R3, both thresholds included): red once
 * claimable, orange once it counts towards the bank's risk ratio, none below or before the policy is known.
 */
export function overdueColor(
  days: number,
  thresholds: OverdueThresholds | undefined,
): 'red' | 'orange' | undefined {
  if (!thresholds) return undefined;
  if (days >= thresholds.claim) return 'red';
  if (days >= thresholds.risk) return 'orange';
  return undefined;
}

/**
 * Chinese names of the LoanPurpose values (Art 13). Only a label map: which purposes a covered loan may
 * serve is the policy's (`policy.allowedLoanPurposes`), never decided here.
 */
const PURPOSE_LABELS: Readonly<Record<string, string>> = {
  IP_OPERATION: '知识产权运营管理',
  RND: '技术研发',
  TECH_UPGRADE: '技术改造',
  INDUSTRIALISATION: '项目产业化',
  WORKING_CAPITAL: '流动资金周转',
  EQUITY_INVESTMENT: '股本权益性投资',
  SECURITIES: '有价证券投资',
  FUNDS: '基金投资',
  FUTURES: '期货投资',
  OTHER_PROHIBITED: '其他禁止用途',
};

export function purposeLabel(purpose: string): string {
  return Object.hasOwn(PURPOSE_LABELS, purpose) ? PURPOSE_LABELS[purpose] : purpose;
}

export interface PurposeOption {
  value: string;
  label: string;
  /** Whether the measures in force allow it for a covered loan; undefined before the policy is known. */
  allowed: boolean | undefined;
}

/**
 * The purposes a bank may enter when registering a loan: those the policy in force allows first, in
 * the policy's order (a value this client has no label for is shown as sent), then every other known
 * purpose, marked "不予补偿" — such a loan is registered but not covered. Before the policy has
 * arrived (`allowed` undefined) every known purpose is offered unmarked.
 */
export function purposeOptions(allowed: readonly string[] | undefined): PurposeOption[] {
  if (!allowed) {
    return Object.keys(PURPOSE_LABELS).map((value) => ({
      value,
      label: purposeLabel(value),
      allowed: undefined,
    }));
  }
  const first = [...new Set(allowed)];
  const rest = Object.keys(PURPOSE_LABELS).filter((value) => !first.includes(value));
  return [
    ...first.map((value) => ({ value, label: purposeLabel(value), allowed: true })),
    ...rest.map((value) => ({ value, label: `${purposeLabel(value)}（不予补偿）`, allowed: false })),
  ];
}

/** An article of the measures in the one format of the current language (第十二条 / Art 12). */
export function articleLabel(article: string): string {
  return formatArticle(article, currentLang());
}

/** Chinese wording of the coverage reason codes (R2); an unknown code falls back to the API's message. */
const REASON_LABELS: Record<string, string> = {
  IP_COLLATERAL_PRESENT: '以借款企业的专利权或商标专用权质押',
  NO_IP_COLLATERAL: '无借款企业自有的专利权或商标专用权质押',
  PURPOSE_ALLOWED: '贷款用途符合规定',
  PURPOSE_FORBIDDEN: '贷款用途属禁止用途',
  PARTNER_BANK: '由合作贷款银行发放',
  NOT_PARTNER_BANK: '贷款银行不是合作银行',
  BANK_ACTIVE_AT_ISSUE: '放款日银行未被中止',
  BANK_SUSPENDED_AT_ISSUE: '放款日银行已被中止发放知识产权质押贷款',
  ENTERPRISE_ELIGIBLE: '企业未被取消资格',
  ENTERPRISE_BLACKLISTED: '企业已被取消享受风险补偿资格（黑名单）',
  ENTERPRISE_EXCLUDED_FRAUD: '企业因骗取资金被排除',
  PURE_IP: '纯知识产权质押贷款',
  COMBINATION: '组合贷款（按知识产权质押部分补偿）',
  AMOUNT_NOT_POSITIVE: '金额必须为正数',
  IP_PART_EXCEEDS_PRINCIPAL: '质押部分超过贷款本金',
};

export function reasonLabel(reason: { code: string; message: string }): string {
  return REASON_LABELS[reason.code] ?? reason.message;
}

/** "第2、4条 以借款企业的专利权或商标专用权质押". */
export function reasonText(reason: { article: string; code: string; message: string }): string {
  return `${articleLabel(reason.article)} ${reasonLabel(reason)}`;
}

const YUAN = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

/**
 * A typed amount in yuan as the API's Decimal string ("1,500,000" → "1500000.00"), or null when it is
 * not one (negative, more than two decimals, not a number). String manipulation only: no JS number.
 */
export function normalizeYuan(input: string): string | null {
  const s = input
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/[,，\s]/g, '');
  if (!YUAN.test(s)) return null;
  const [int, frac = ''] = s.split('.');
  return `${int}.${frac.padEnd(2, '0')}`;
}

/** Compares two normalized amounts ("12.30" vs "9.99") without converting to numbers. */
export function compareYuan(a: string, b: string): number {
  const [ai, af] = a.split('.');
  const [bi, bf] = b.split('.');
  if (ai.length !== bi.length) return ai.length < bi.length ? -1 : 1;
  const x = ai + af;
  const y = bi + bf;
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Loan tape error codes (apps/api loan-tape), in Chinese; unknown ones show the API's reason. */
const TAPE_ERROR_LABELS: Record<string, string> = {
  MISSING_COLUMN: '缺少必填列',
  DUPLICATE_COLUMN: '列重复',
  EMPTY_FILE: '文件为空',
  UNREADABLE_FILE: '无法读取文件',
  TOO_MANY_ROWS: '行数超过上限',
  MISSING_VALUE: '缺少必填值',
  INVALID_DATE: '日期格式错误',
  INVALID_AMOUNT: '金额格式错误',
  DUPLICATE_CONTRACT: '合同编号在文件中重复',
  CONTRACT_NOT_FOUND: '未找到该合同编号的贷款',
  LOAN_NOT_ACTIVE: '贷款已结清或处于补偿程序，不能报告状态',
  AS_OF_AFTER_BUSINESS_DATE: '报告日期晚于业务日期',
  AS_OF_BEFORE_ISSUE: '报告日期早于放款日',
  AS_OF_BEFORE_LAST_REPORT: '报告日期早于上次报告',
  OUTSTANDING_EXCEEDS_PRINCIPAL: '贷款余额超过本金',
  REPAID_WITH_UNPAID_DUE_DATE: '余额为零时不应有未还到期日',
  DUE_DATE_BEFORE_ISSUE: '未还到期日早于放款日',
  DUE_DATE_AFTER_MATURITY: '未还到期日晚于到期日',
  MORE_ERRORS: '更多错误未列出',
};

export function tapeErrorLabel(code: string): string | null {
  return TAPE_ERROR_LABELS[code] ?? null;
}
