/** Labels and small rules of the 资金账簿 page; pure, so they are unit-tested (apps/web jest project). */
import { formatArticle, type Lang } from '@ipfund/shared';
import { currentLang, i18n } from '../../i18n';

/** The text of `ledger.<group>.<code>`, or the code as sent when there is none (a newer API). */
function coded(group: string, code: string): string {
  const key = `ledger.${group}.${code}`;
  return /^[A-Z_]+$/.test(code) && i18n.exists(key) ? i18n.t(key) : code;
}

const KIND_COLORS: Record<string, string> = {
  CAPITAL_INJECTION: 'blue',
  COMPENSATION_PAYOUT: 'red',
  RECOVERY_RECEIVABLE: 'purple',
  REMITTANCE_RECEIVED: 'cyan',
  INTEREST_INCOME: 'green',
  PROGRAMME_COST: 'orange',
  TERMINATION_RETURN: 'magenta',
  REVERSAL: 'default',
};

/** A LedgerTransactionKind in the current language; an unknown value (a newer API) is shown as sent. */
export function kindLabel(kind: string): string {
  return coded('kind', kind);
}

export function kindColor(kind: string): string {
  return Object.hasOwn(KIND_COLORS, kind) ? KIND_COLORS[kind] : 'default';
}

export function accountTypeLabel(type: string): string {
  return coded('accountType', type);
}

/** 借 / 贷 (Dr / Cr): the side a balance is reported on. */
export function normalSideLabel(side: string): string {
  return coded('side', side);
}

const AMOUNT = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

/**
 * A typed amount as the API's Decimal string ("1,500" → "1500.00"), or null when it is not a positive
 * yuan amount with at most two decimals. String work only: no JS number ever holds the amount.
 */
export function normalizeAmount(input: string): string | null {
  const s = input.trim().replace(/[,，\s]/g, '');
  if (!AMOUNT.test(s)) return null;
  const [intPart, frac = ''] = s.split('.');
  if (/^0*$/.test(intPart + frac)) return null;
  return `${intPart}.${frac.padEnd(2, '0')}`;
}

export interface ReversibleTransaction {
  kind: string;
  referenceType: string | null;
  reversedByTransactionId: string | null;
}

/**
 * Whether the manager may reverse it from this page: not yet reversed, not itself a reversal, and not a
 * claim's posting (a payout, receivable or remittance is corrected through its claim).
 */
export function canReverse(t: ReversibleTransaction): boolean {
  return (
    t.reversedByTransactionId === null &&
    t.kind !== 'REVERSAL' &&
    (t.referenceType === null || t.referenceType === 'Policy')
  );
}

/**
 * A fresh idempotency key for one form submission: a double click or a retry after a timeout sends the
 * same key, so the ledger posts once. getRandomValues works outside secure contexts too (plain-HTTP LAN).
 */
export function newIdempotencyKey(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `web:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An article of the measures in the one format of the current language (第十条 / Art 10). */
export function articleLabel(article: string): string {
  return formatArticle(article, currentLang());
}

/** "（第七条、第二十四条）" / " (Art 7, Art 24)" for the articles given; nothing when there is none. */
export function cite(lang: Lang, ...articles: (string | null | undefined)[]): string {
  const present = articles.filter((a): a is string => !!a).map((a) => formatArticle(a, lang));
  const t = i18n.getFixedT(lang);
  return present.length ? t('ledger.cite', { articles: present.join(t('ledger.articleSeparator')) }) : '';
}
