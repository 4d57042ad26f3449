import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ERROR_CODES } from '@ipfund/shared';
import type { Logger } from 'pino';
import { AppError, RateLimitedError } from '../common/errors';
import { UntranslatableRuleError } from '../authz/ability-to-sql';

/**
 * The one place errors become GraphQL answers: an AppError keeps its code (and article);
 * GraphQL's own validation errors pass through; anything else is logged and reported as
 * INTERNAL_SERVER_ERROR without a message or stack a client could learn from.
 */
export function makeFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const err = unwrapResolverError(raw);
    if (err instanceof AppError) {
      return {
        message: err.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: err.code,
          ...(err.article ? { article: err.article } : {}),
          ...(err.details ? { details: err.details } : {}),
          ...(err instanceof RateLimitedError ? { retryAfterSeconds: err.retryAfterSeconds } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    const isClientError =
      !(err instanceof UntranslatableRuleError) &&
      (code === 'GRAPHQL_PARSE_FAILED' ||
        code === 'GRAPHQL_VALIDATION_FAILED' ||
        code === 'BAD_USER_INPUT' ||
        code === 'PERSISTED_QUERY_NOT_FOUND' ||
        code === 'OPERATION_RESOLUTION_FAILURE' ||
        code === 'BAD_REQUEST' ||
        (err instanceof GraphQLError && err.extensions?.code === 'BAD_USER_INPUT'));
    if (isClientError) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    log.error({ err, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal error',
      path: formatted.path,
      extensions: { code: ERROR_CODES.INTERNAL },
    };
  };
}
