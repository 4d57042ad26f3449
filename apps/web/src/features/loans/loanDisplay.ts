import { formatArticle } from '@ipfund/shared';
import { currentLang, i18n } from '../../i18n';
import type { OverdueThresholds } from '../../app/policy';
import { zh } from './i18n';
import type { KnownLoanStatus } from './loans.graphql';

const STATUS_COLORS: Record<KnownLoanStatus, string> = {
  ACTIVE: 'green',
  OVERDUE: 'red',
  IN_CLAIM: 'purple',
  COMPENSATED: 'geekblue',
  CLOSED: 'default',
};

/**
 * A text of one of this feature's label groups (loans.<group>.<value> of ./i18n.ts) in the current
 * language, looked up when called so a rendering component follows a language switch; an unknown
 * value (a newer API) is shown as sent.
 */
type Group = 'status' | 'purpose' | 'reason' | 'tapeError';

function lookup(group: Group, value: string): string | null {
  return Object.hasOwn(zh[group], value) ? i18n.t(`loans.${group}.${value}`) : null;
}

function isKnownStatus(status: string): status is KnownLoanStatus {
  return Object.hasOwn(STATUS_COLORS, status);
}

/** The label of a LoanStatus in the current language; an unknown value (a newer API) is shown as sent. */
export function loanStatusLabel(status: string): string {
  return lookup('status', status) ?? status;
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
 * The LoanPurpose values (Art 13), named in ./i18n.ts. Only a label list: which purposes a covered loan
 * may serve is the policy's (`policy.allowedLoanPurposes`), never decided here.
 */
const PURPOSES = Object.keys(zh.purpose);

export function purposeLabel(purpose: string): string {
  return lookup('purpose', purpose) ?? purpose;
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
 * purpose, marked "不予补偿" (not covered) — such a loan is registered but not covered. Before the policy has
 * arrived (`allowed` undefined) every known purpose is offered unmarked.
 */
export function purposeOptions(allowed: readonly string[] | undefined): PurposeOption[] {
  if (!allowed) {
    return PURPOSES.map((value) => ({
      value,
      label: purposeLabel(value),
      allowed: undefined,
    }));
  }
  const first = [...new Set(allowed)];
  const rest = PURPOSES.filter((value) => !first.includes(value));
  return [
    ...first.map((value) => ({ value, label: purposeLabel(value), allowed: true })),
    ...rest.map((value) => ({
      value,
      label: i18n.t('loans.purposeNotCovered', { purpose: purposeLabel(value) }),
      allowed: false,
    })),
  ];
}

/** An article of the measures in the one format of the current language (第十二条 / Art 12). */
export function articleLabel(article: string): string {
  return formatArticle(article, currentLang());
}

/** The wording of the coverage reason codes (R2); an unknown code falls back to the API's message. */
export function reasonLabel(reason: { code: string; message: string }): string {
  return lookup('reason', reason.code) ?? reason.message;
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

/** Loan tape error codes (apps/api loan-tape) in the current language; unknown ones show the API's reason. */
export function tapeErrorLabel(code: string): string | null {
  return lookup('tapeError', code);
}
