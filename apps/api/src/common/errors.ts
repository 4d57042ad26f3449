import {
  ERROR_CODES,
  renderMessage,
  type ErrorCode,
  type Lang,
  type MessageKey,
  type MessageParams,
  type MessageParamsOf,
} from '@ipfund/shared';

/**
 * An expected failure with a stable code (GraphQL `extensions.code`), a stable message key with its
 * params (`extensions.messageKey`, `extensions.params`: the text of every language is rendered from
 * them, packages/shared/src/messages.ts) and, when a rule of the measures refused the action, the
 * article that did (`extensions.article`). `message` is the English text, for logs and API clients.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
    readonly article?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(renderMessage(messageKey, params, 'en') ?? messageKey);
    this.name = 'AppError';
  }

  /** The message in a language (the error formatter picks it from Accept-Language). */
  messageIn(lang: Lang): string {
    return renderMessage(this.messageKey, this.params, lang) ?? this.message;
  }
}

/** Why a request has no caller: none of these texts has params. */
type NoCaller = 'auth.notLoggedIn' | 'auth.loginFailed' | 'auth.badAuthorizationHeader' | 'auth.invalidToken';

export const unauthenticated = (key: NoCaller = 'auth.notLoggedIn') =>
  new AppError(ERROR_CODES.UNAUTHENTICATED, key);

/** The caller's organisation may not do this; `article` names the one that gives the power to others. */
export const forbidden = <K extends MessageKey>(key: K, params: MessageParamsOf<K>, article?: string) =>
  new AppError(ERROR_CODES.FORBIDDEN, key, params, article);

/** The things a lookup can miss; each has its word in TERMS (packages/shared/src/messages.ts). */
export type Missing =
  | 'Loan'
  | 'Claim'
  | 'Enterprise'
  | 'Bank'
  | 'Partner'
  | 'User'
  | 'Recovery'
  | 'Risk event'
  | 'Suspension proposal'
  | 'Blacklist proposal'
  | 'Ledger transaction'
  | 'Claim document'
  | 'Organization'
  | 'Annual work plan';

/** Same answer for "does not exist" and "you may not see it" (DOMAIN.md §2). */
export const notFound = (what: Missing) => new AppError(ERROR_CODES.NOT_FOUND, 'common.notFound', { what });

/**
 * Too many failed logins for a username or a client address (issue 9): refused before the password is
 * checked, with the seconds until the next attempt may be made (`extensions.retryAfterSeconds`).
 */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(ERROR_CODES.RATE_LIMITED, 'auth.rateLimited', { seconds: retryAfterSeconds });
  }
}

export const badInput = <K extends MessageKey>(
  key: K,
  params: MessageParamsOf<K>,
  details?: Record<string, unknown>,
) => new AppError(ERROR_CODES.BAD_USER_INPUT, key, params, undefined, details);

export const policyViolation = <K extends MessageKey>(
  key: K,
  params: MessageParamsOf<K>,
  article: string,
  details?: Record<string, unknown>,
) => new AppError(ERROR_CODES.POLICY_VIOLATION, key, params, article, details);

export const conflict = <K extends MessageKey>(key: K, params: MessageParamsOf<K>, article?: string) =>
  new AppError(ERROR_CODES.CONFLICT, key, params, article);
