import { CombinedGraphQLErrors } from '@apollo/client';
import { loginFailureText } from '../loginFailure';

const answer = (extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message: 'x', extensions }] });

describe('loginFailureText', () => {
  it('does not say which of username and password was wrong', () => {
    expect(loginFailureText(answer({ code: 'UNAUTHENTICATED' }))).toBe('用户名或密码错误');
  });

  it('a throttled attempt says how long to wait', () => {
    expect(loginFailureText(answer({ code: 'RATE_LIMITED', retryAfterSeconds: 840 }))).toContain('14 分钟');
    expect(loginFailureText(answer({ code: 'RATE_LIMITED', retryAfterSeconds: 2 }))).toContain('2 秒');
    expect(loginFailureText(answer({ code: 'RATE_LIMITED' }))).toContain('请稍后再试');
  });

  it('no answer from the server', () => {
    expect(loginFailureText(new Error('network'))).toBe('无法连接服务器，请稍后重试');
  });

  it('in English when the user chose English', () => {
    expect(loginFailureText(answer({ code: 'UNAUTHENTICATED' }), 'en')).toBe('Wrong username or password');
    expect(loginFailureText(answer({ code: 'RATE_LIMITED', retryAfterSeconds: 840 }), 'en')).toContain(
      'try again in 14 min',
    );
  });
});
