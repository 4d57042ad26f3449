import { articleLabel } from './loanDisplay';

const CODE_LABELS: Record<string, string> = {
  UNAUTHENTICATED: '未登录或登录已过期',
  FORBIDDEN: '无权操作',
  NOT_FOUND: '记录不存在',
  BAD_USER_INPUT: '输入有误',
  POLICY_VIOLATION: '不符合办法规定',
  CONFLICT: '当前状态不允许',
  INTERNAL_SERVER_ERROR: '系统错误',
};

interface GraphQLErrorLike {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

/**
 * One line per GraphQL error of an Apollo error: "[不符合办法规定] 第12条：…" — the code the API sent
 * (apps/api/src/graphql/errors.ts) and, where a rule of the measures refused, its article.
 */
export function apiErrorText(error: unknown): string {
  const errors = (error as { errors?: unknown } | null)?.errors;
  const list: GraphQLErrorLike[] =
    Array.isArray(errors) && errors.length ? (errors as GraphQLErrorLike[]) : [error as GraphQLErrorLike];
  return list
    .map((e) => {
      const code = typeof e?.extensions?.code === 'string' ? e.extensions.code : null;
      const article = typeof e?.extensions?.article === 'string' ? e.extensions.article : null;
      const message = typeof e?.message === 'string' ? e.message : '未知错误';
      const label = code ? `[${CODE_LABELS[code] ?? code}] ` : '';
      return `${label}${article ? `${articleLabel(article)}：` : ''}${message}`;
    })
    .join('；');
}
