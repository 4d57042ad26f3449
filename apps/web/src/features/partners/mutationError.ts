import { CombinedGraphQLErrors } from '@apollo/client';
import { refusalText } from './partnerDisplay';

/** A failed mutation in one Chinese line, with the article of the measures when a rule refused it. */
export function mutationErrorText(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : undefined;
    const article = typeof first?.extensions?.article === 'string' ? first.extensions.article : undefined;
    return refusalText(code, first?.message ?? '', article);
  }
  return '无法连接服务器，请稍后重试';
}
