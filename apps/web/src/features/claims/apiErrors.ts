import { ERROR_CODES } from '@ipfund/shared';
import { articleLabel } from './policyText';

/**
 * The API reports a refusal as a GraphQL error with `extensions.code` and, where a rule of the measures
 * refused, `extensions.article` (apps/api/src/graphql/errors.ts). Users see both.
 */

const CODE_LABELS: Record<string, string> = {
  [ERROR_CODES.UNAUTHENTICATED]: '未登录或登录已过期',
  [ERROR_CODES.FORBIDDEN]: '无权操作',
  [ERROR_CODES.NOT_FOUND]: '记录不存在',
  [ERROR_CODES.BAD_USER_INPUT]: '输入有误',
  [ERROR_CODES.POLICY_VIOLATION]: '不符合办法规定',
  [ERROR_CODES.CONFLICT]: '当前状态不允许',
  [ERROR_CODES.INTERNAL]: '系统错误',
};

export interface ApiErrorLine {
  code: string | null;
  article: string | null;
  /** "不符合办法规定（POLICY_VIOLATION）" or null without a code. */
  codeText: string | null;
  /** "第17条 / Art 17: 45 days overdue …" */
  text: string;
}

interface FormattedError {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function describeGraphQLError(error: FormattedError): ApiErrorLine {
  const message = stringOrNull(error.message) ?? '未知错误';
  const code = stringOrNull(error.extensions?.code);
  const article = stringOrNull(error.extensions?.article);
  const label = code ? (CODE_LABELS[code] ?? null) : null;
  return {
    code,
    article,
    codeText: code ? (label ? `${label}（${code}）` : code) : null,
    text: article ? `${articleLabel(article)}: ${message}` : message,
  };
}

/**
 * Every GraphQL error of an Apollo error (CombinedGraphQLErrors carries `errors`), or the error's own
 * message for a network failure.
 */
export function describeApiError(error: unknown): ApiErrorLine[] {
  if (typeof error === 'object' && error !== null) {
    const errors = (error as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      return errors.map((e) => describeGraphQLError(typeof e === 'object' && e !== null ? e : {}));
    }
    return [describeGraphQLError({ message: (error as { message?: unknown }).message })];
  }
  return [describeGraphQLError({ message: typeof error === 'string' ? error : undefined })];
}

/** One line for a toast: "[不符合办法规定（POLICY_VIOLATION）] 第17条 / Art 17: …". */
export function apiErrorText(error: unknown): string {
  return describeApiError(error)
    .map((line) => (line.codeText ? `[${line.codeText}] ${line.text}` : line.text))
    .join('；');
}
