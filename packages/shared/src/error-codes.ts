/**
 * Every expected failure the API reports, as GraphQL `extensions.code`.
 * The web client switches on these; a rule refusal also carries `extensions.article`.
 */
export const ERROR_CODES = {
  /** No or invalid credentials / token. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Authenticated, but the organisation kind may not take this action. */
  FORBIDDEN: 'FORBIDDEN',
  /** Does not exist, or the caller may not see it: one answer for both (DOMAIN.md §2). */
  NOT_FOUND: 'NOT_FOUND',
  /** Malformed input: a field that does not parse or is out of range. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A rule of the measures refused the action; `extensions.article` names the article. */
  POLICY_VIOLATION: 'POLICY_VIOLATION',
  /** The action does not fit the current state (e.g. a claim already decided). */
  CONFLICT: 'CONFLICT',
  /** Too many failed logins for this username or address; `extensions.retryAfterSeconds` says when to retry. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** Unexpected failure; details are logged, never sent. */
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
