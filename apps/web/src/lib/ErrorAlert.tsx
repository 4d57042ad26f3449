import type { ReactNode } from 'react';
import { Alert } from 'antd';
import { formatArticle, renderMessage, type Lang, type MessageParams } from '@ipfund/shared';
import { currentLang, i18n } from '../i18n';

/**
 * The one way the web shows a failed request (issue 11; it replaces four formatters). The API sends
 * each error with `extensions.code`, a stable `messageKey` with `params` and, where a rule of the
 * measures refused, the `article` (apps/api/src/graphql/errors.ts). The text is rendered here from the
 * key in the user's language (the server's `message` when the key is unknown, e.g. a newer server);
 * the article in the one format of that language (第十七条 / Art 17).
 */
export interface ErrorLine {
  code: string | null;
  /** "不符合办法规定" / "Refused by the measures", or null without a code. */
  codeText: string | null;
  article: string | null;
  /** "第十七条：…" — the article (if any) and the message. */
  text: string;
}

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function isGraphQLErrorList(value: unknown): value is GraphQLErrorLike[] {
  return Array.isArray(value) && value.length > 0;
}

function lineOf(error: GraphQLErrorLike, lang: Lang): ErrorLine {
  const ext = error.extensions ?? {};
  const code = stringOrNull(ext.code);
  const article = stringOrNull(ext.article);
  const key = stringOrNull(ext.messageKey);
  const params = (typeof ext.params === 'object' && ext.params !== null ? ext.params : {}) as MessageParams;
  const message =
    (key ? renderMessage(key, params, lang) : null) ??
    stringOrNull(error.message) ??
    i18n.t('errors.unknown', { lng: lang });
  const codeKey = `errors.code.${code}`;
  return {
    code,
    codeText: code ? (i18n.exists(codeKey) ? i18n.t(codeKey, { lng: lang }) : code) : null,
    article,
    text: article
      ? i18n.t('lib.error.withArticle', { lng: lang, article: formatArticle(article, lang), message })
      : message,
  };
}

/**
 * Every GraphQL error of a failed request (Apollo's CombinedGraphQLErrors carries `errors`), or one line
 * for a failure that never reached the API (network, proxy).
 */
export function errorLines(error: unknown, lang: Lang = currentLang()): ErrorLine[] {
  const errors = (error as { errors?: unknown } | null)?.errors;
  if (isGraphQLErrorList(errors)) return errors.map((e) => lineOf(typeof e === 'object' && e ? e : {}, lang));
  if (error === null || error === undefined) return [lineOf({}, lang)];
  // A request that got no GraphQL answer: say so in words, not fetch's "Failed to fetch".
  const message = stringOrNull((error as { message?: unknown }).message);
  const network = message !== null && /fetch|network|load failed/i.test(message);
  return [lineOf({ message: network ? i18n.t('errors.network', { lng: lang }) : message }, lang)];
}

/** One line for a toast: "[不符合办法规定] 第十七条：…"; several errors joined by "；" / "; ". */
export function errorText(error: unknown, lang: Lang = currentLang()): string {
  return errorLines(error, lang)
    .map((line) => (line.codeText ? `[${line.codeText}] ${line.text}` : line.text))
    .join(i18n.t('lib.error.separator', { lng: lang }));
}

/**
 * A failed load or request above the content it concerns: an error alert with a gap below. Give the
 * `error` itself (its lines are rendered here) or, for a failure that is not a request, a `description`.
 */
export function ErrorAlert({
  title,
  error,
  description,
}: {
  title: string;
  error?: unknown;
  description?: ReactNode;
}) {
  const lines = error === undefined ? [] : errorLines(error);
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={
        error === undefined ? (
          description
        ) : (
          <>
            {lines.map((line, i) => (
              <div key={i}>
                {line.codeText && <strong>[{line.codeText}] </strong>}
                {line.text}
              </div>
            ))}
          </>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
