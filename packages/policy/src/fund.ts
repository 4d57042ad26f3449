import { Money } from './money';
import type { PolicyParameters } from './policy';
import { reason, type PolicyReason } from './reasons';

/** R1: the special account's principal, and its interest sub-account (Art 10 in Jiangbei). */
export type FundAccount = 'PRINCIPAL' | 'INTEREST';

/** Outflows someone may ask for; only three are lawful (Art 7 forbids the rest). */
export const FUND_OUTFLOW_PURPOSES = [
  'COMPENSATION',
  'PROGRAMME_COST',
  'TERMINATION_RETURN',
  'LENDING',
  'INVESTMENT',
  'PLEDGE_OR_GUARANTEE',
  'DONATION',
  'OTHER',
] as const;
export type FundOutflowPurpose = (typeof FUND_OUTFLOW_PURPOSES)[number];

export interface FundOutflowInput {
  readonly account: FundAccount;
  readonly purpose: FundOutflowPurpose;
  readonly amount: Money;
  readonly balance: Money;
}

export type FundOutflowCheck =
  | { readonly ok: true; readonly reasons: readonly PolicyReason[] }
  | {
      readonly ok: false;
      readonly code: string;
      readonly article: string;
      readonly reasons: readonly PolicyReason[];
    };

/**
 * R1: principal pays compensation only; interest pays programme costs only; on termination either balance returns
 * to the funder. Nothing else leaves the fund, and no account goes below zero.
 */
export function checkFundOutflow(input: FundOutflowInput, policy: PolicyParameters): FundOutflowCheck {
  const { fundUse, interestAccount, termination } = policy.provisions;
  const lawful: Record<FundAccount, Partial<Record<FundOutflowPurpose, string>>> = {
    PRINCIPAL: { COMPENSATION: fundUse.article, TERMINATION_RETURN: termination.article },
    INTEREST: { PROGRAMME_COST: interestAccount.article, TERMINATION_RETURN: termination.article },
  };
  const article = lawful[input.account][input.purpose];
  const fail = (a: string, code: string, message: string): FundOutflowCheck => ({
    ok: false,
    code,
    article: a,
    reasons: [reason(a, code, message)],
  });
  if (!article) {
    const a = input.account === 'INTEREST' ? interestAccount.article : fundUse.article;
    return fail(a, 'OUTFLOW_NOT_ALLOWED', `The ${input.account} account may not pay for ${input.purpose}`);
  }
  if (!input.amount.isPositive()) {
    return fail(article, 'AMOUNT_NOT_POSITIVE', `Outflow ${input.amount.toString()} must be positive`);
  }
  if (input.amount.gt(input.balance.max(Money.zero()))) {
    return fail(
      fundUse.article,
      'INSUFFICIENT_BALANCE',
      `Outflow ${input.amount.toString()} exceeds the ${input.account} balance ${input.balance.toString()}`,
    );
  }
  return {
    ok: true,
    reasons: [reason(article, 'OUTFLOW_ALLOWED', `${input.purpose} from the ${input.account} account`)],
  };
}
