import { Money, checkFundOutflow, type FundOutflowPurpose, type PolicyParameters } from '@ipfund/policy';
import { badInput, policyViolation } from '../../common/errors';
import {
  POSTING_TEMPLATES,
  accountOf,
  isAccountCode,
  type AccountCode,
  type PostingKind,
  type PostingTemplate,
} from './ledger.chart';

/**
 * The pure half of posting: shape of the lines, the allowed movements (Art 7), mirrors and
 * comparisons. No I/O; LedgerService does the locking and writing.
 */

/** One line as a caller writes it: exactly one of debit and credit, a positive Money. */
export interface LedgerLineInput {
  account: AccountCode;
  debit?: Money;
  credit?: Money;
}

/** One line as stored: both sides present, one of them zero. */
export interface LedgerLine {
  account: AccountCode;
  debit: Money;
  credit: Money;
}

const isMoney = (m: unknown): m is Money => m instanceof Money;

/** Validates and normalises the lines: debits first (so a posting raises balances before lowering them). */
export function normalizeLines(lines: readonly LedgerLineInput[]): LedgerLine[] {
  if (!Array.isArray(lines) || lines.length < 2) {
    throw badInput('ledger.twoLines', {});
  }
  const out: LedgerLine[] = [];
  for (const [i, line] of lines.entries()) {
    if (!isAccountCode(String(line.account)))
      throw badInput('ledger.lineAccount', { line: i + 1, account: line.account });
    const debit = line.debit ?? Money.zero();
    const credit = line.credit ?? Money.zero();
    if (!isMoney(debit) || !isMoney(credit)) throw badInput('ledger.lineMoney', { line: i + 1 });
    if (debit.isNegative() || credit.isNegative()) throw badInput('ledger.lineNegative', { line: i + 1 });
    if (debit.isPositive() === credit.isPositive()) {
      throw badInput('ledger.lineOneSide', { line: i + 1 });
    }
    out.push({ account: line.account, debit, credit });
  }
  const debits = Money.sum(out.map((l) => l.debit));
  const credits = Money.sum(out.map((l) => l.credit));
  if (!debits.eq(credits)) {
    throw badInput('ledger.unbalanced', { debits: debits.toString(), credits: credits.toString() });
  }
  return [...out.filter((l) => l.debit.isPositive()), ...out.filter((l) => l.credit.isPositive())];
}

/** What an outflow of this kind is, in `checkFundOutflow`'s words; anything else is OTHER (Art 7). */
const OUTFLOW_PURPOSE: Readonly<Partial<Record<PostingKind, FundOutflowPurpose>>> = {
  COMPENSATION_PAYOUT: 'COMPENSATION',
  PROGRAMME_COST: 'PROGRAMME_COST',
  TERMINATION_RETURN: 'TERMINATION_RETURN',
};

/**
 * Refuses a line that no template of the kind allows. Money leaving a cash account is put to the
 * policy's `checkFundOutflow`, so the refusal cites the article the measures give for it (Art 7 for the
 * principal, Art 10 for the interest sub-account).
 */
export function checkTemplates(
  kind: PostingKind,
  lines: readonly LedgerLine[],
  policy: PolicyParameters,
): void {
  const templates: readonly PostingTemplate[] | undefined = POSTING_TEMPLATES[kind];
  if (!templates) throw badInput('ledger.unknownKind', { kind });
  for (const line of lines) {
    const isDebit = line.debit.isPositive();
    const fits = templates.some((t) => (isDebit ? t.debit : t.credit) === line.account);
    if (fits) continue;
    const account = accountOf(line.account);
    if (!isDebit && account.fundAccount) {
      const check = checkFundOutflow(
        {
          account: account.fundAccount,
          purpose: OUTFLOW_PURPOSE[kind] ?? 'OTHER',
          amount: line.credit,
          // The movement is refused whatever the balance; its lawfulness alone is asked here.
          balance: line.credit,
        },
        policy,
      );
      if (!check.ok) {
        throw policyViolation(
          'ledger.outflowRefused',
          { kind, account: account.code, rule: check.code, reason: check.reasons[0]?.message ?? check.code },
          check.article,
          { code: check.code, account: account.code },
        );
      }
    }
    throw policyViolation(
      'ledger.movementRefused',
      { kind, side: isDebit ? 'debit' : 'credit', account: account.code },
      templates[0]?.article(policy) ?? policy.provisions.fundUse.article,
      { code: 'MOVEMENT_NOT_ALLOWED', account: account.code },
    );
  }
}

/** The template a credit line on a cash account follows (for the outflow check), if any. */
export function outflowTemplate(kind: PostingKind, account: AccountCode): PostingTemplate | undefined {
  return POSTING_TEMPLATES[kind].find((t) => t.credit === account && t.outflow);
}

/** The lines of a reversal: each line of the original with debit and credit swapped. */
export function mirrorLines(lines: readonly LedgerLine[]): LedgerLine[] {
  return normalizeLines(lines.map((l) => ({ account: l.account, debit: l.credit, credit: l.debit })));
}

function lineKey(l: LedgerLine): string {
  return `${l.account}|${l.debit.toString()}|${l.credit.toString()}`;
}

/** Same lines, in any order (the idempotency comparison). */
export function sameLines(a: readonly LedgerLine[], b: readonly LedgerLine[]): boolean {
  if (a.length !== b.length) return false;
  const x = a.map(lineKey).sort();
  const y = b.map(lineKey).sort();
  return x.every((k, i) => k === y[i]);
}

/** Net change of each account's balance on its normal side. */
export function netChanges(lines: readonly LedgerLine[]): Map<AccountCode, Money> {
  const out = new Map<AccountCode, Money>();
  for (const l of lines) {
    const side = accountOf(l.account).normalSide;
    const delta = side === 'DEBIT' ? l.debit.minus(l.credit) : l.credit.minus(l.debit);
    out.set(l.account, (out.get(l.account) ?? Money.zero()).plus(delta));
  }
  return out;
}
