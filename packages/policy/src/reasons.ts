/**
 * Why a rule answered as it did: the article of the measures, a stable machine code and a short English message.
 * Every rule result carries a list of these so an official can trace each number to the text.
 */
export interface PolicyReason {
  /** Article of the measures, e.g. 'Art 11' (taken from the policy object, never hard-coded in a rule). */
  readonly article: string;
  /** Stable machine code, e.g. 'PER_LOAN_CAP'. */
  readonly code: string;
  /** Short English explanation, with the numbers involved. */
  readonly message: string;
}

/** A violation found by a validator: same shape as a reason. */
export type PolicyViolation = PolicyReason;

export function reason(article: string, code: string, message: string): PolicyReason {
  return Object.freeze({ article, code, message });
}

/**
 * A typed refusal for inputs the rules cannot evaluate (malformed money or date, an inconsistent agreement).
 * Expected business outcomes are returned as results, never thrown; this is for data that breaks a rule's contract.
 */
export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  readonly code: string;
  readonly article: string | undefined;
  readonly reasons: readonly PolicyReason[];

  constructor(code: string, message: string, article?: string, reasons: readonly PolicyReason[] = []) {
    super(article ? `${message} (${article})` : message);
    this.code = code;
    this.article = article;
    this.reasons = reasons;
  }
}
