import { CombinedGraphQLErrors } from '@apollo/client';

/**
 * A failed login in one Chinese line. Which of username and password was wrong is never disclosed;
 * a throttled attempt (issue 9: too many failures for this username or this address) says how long to
 * wait, from `extensions.retryAfterSeconds`.
 */
export function loginFailureText(error: unknown): string {
  if (!CombinedGraphQLErrors.is(error)) return '无法连接服务器，请稍后重试';
  const ext = error.errors[0]?.extensions;
  if (ext?.code === 'RATE_LIMITED') {
    const seconds = typeof ext.retryAfterSeconds === 'number' ? ext.retryAfterSeconds : undefined;
    return `登录失败次数过多，请${waitText(seconds)}后再试；如需立即解除，请联系管理机构`;
  }
  return '用户名或密码错误';
}

function waitText(seconds: number | undefined): string {
  if (seconds === undefined) return '稍';
  if (seconds < 60) return ` ${Math.max(1, Math.ceil(seconds))} 秒`;
  return ` ${Math.ceil(seconds / 60)} 分钟`;
}
