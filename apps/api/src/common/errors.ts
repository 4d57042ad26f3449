import { ERROR_CODES, type ErrorCode } from '@ipfund/shared';

/**
 * An expected failure with a stable code (GraphQL `extensions.code`) and, when a rule of the
 * measures refused the action, the article that did (`extensions.article`).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly article?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Not logged in or the session has expired') =>
  new AppError(ERROR_CODES.UNAUTHENTICATED, message);

/** The caller's organisation may not do this; `article` names the one that gives the power to others. */
export const forbidden = (message = 'Your organisation may not do this', article?: string) =>
  new AppError(ERROR_CODES.FORBIDDEN, message, article);

/** Same answer for "does not exist" and "you may not see it" (DOMAIN.md §2). */
export const notFound = (what: string) => new AppError(ERROR_CODES.NOT_FOUND, `${what} not found`);

/**
 * Too many failed logins for a username or a client address (issue 9): refused before the password is
 * checked, with the seconds until the next attempt may be made (`extensions.retryAfterSeconds`).
 */
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(ERROR_CODES.RATE_LIMITED, `Too many failed logins; try again in ${retryAfterSeconds} s`);
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError(ERROR_CODES.BAD_USER_INPUT, message, undefined, details);

export const policyViolation = (message: string, article: string, details?: Record<string, unknown>) =>
  new AppError(ERROR_CODES.POLICY_VIOLATION, message, article, details);

export const conflict = (message: string, article?: string) =>
  new AppError(ERROR_CODES.CONFLICT, message, article);
