import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  ERROR_CODES,
  articleNumbers,
  langFromAcceptLanguage,
  renderMessage,
  type MessageParams,
} from '@ipfund/shared';
import type { Logger } from 'pino';
import { AppError, RateLimitedError } from '../common/errors';
import { UntranslatableRuleError } from '../authz/ability-to-sql';

/**
 * The one place errors become GraphQL answers: an AppError keeps its code, its message key and
 * params (the text of either language is rendered from them) and its article, also as numbers;
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
          messageKey: err.messageKey,
          params: err.params,
          ...(err.article ? { article: err.article, articleNumbers: articleNumbers(err.article) } : {}),
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
        // GraphQL's own text (a misspelt field…) is for developers: it is sent as it is, under one key.
        extensions: { code, messageKey: 'common.invalidRequest', params: { detail: formatted.message } },
      };
    }
    log.error({ err, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal error',
      path: formatted.path,
      extensions: { code: ERROR_CODES.INTERNAL, messageKey: 'common.internal', params: {} },
    };
  };
}

/**
 * `Accept-Language` picks the language of server text: each error's message is rendered again from
 * its key and params in that language (English without the header, as before languages existed).
 * Runs after formatError, on the answer about to be sent, so the formatter stays language-free.
 */
export function languagePlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ request }) {
      const lang = langFromAcceptLanguage(request.http?.headers.get('accept-language'));
      if (lang === 'en') return {};
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors?.length) return;
          response.body.singleResult.errors = errors.map((e) => {
            const key = e.extensions?.messageKey;
            const params = e.extensions?.params as MessageParams | undefined;
            const text = typeof key === 'string' ? renderMessage(key, params, lang) : null;
            return text === null ? e : { ...e, message: text };
          });
        },
      };
    },
  };
}
