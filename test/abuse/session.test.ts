/**
 * Issue 9: the browser's session is an httpOnly, SameSite=Strict cookie that page scripts cannot
 * read; `logout` clears it; a cross-site form post cannot use it (Apollo's CSRF prevention).
 */
import { createTestApp, type TestApp } from '../../apps/api/src/testing/test-app';
import { SESSION_COOKIE, startHttpServer, type HttpServer } from '../../apps/api/src/server';
import { DEMO_PASSWORD } from '../../apps/api/src/demo/demo-data';

describe('session cookie (issue 9)', () => {
  let app: TestApp;
  let http: HttpServer;
  beforeAll(async () => {
    app = await createTestApp();
    http = await startHttpServer({
      ...app.services,
      config: { ...app.services.config, port: 0, host: '127.0.0.1' },
    });
  }, 120_000);
  afterAll(async () => {
    await http?.stop();
    await app?.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${http.url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('login sets an httpOnly SameSite=Strict cookie that authenticates; logout clears it', async () => {
    const login = await post({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { username } } }',
      variables: { u: 'bank-a', p: DEMO_PASSWORD },
    });
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w.-]+;`));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const cookie = setCookie.split(';')[0];

    const me = await post({ query: '{ me { username } }' }, { cookie });
    expect(await me.json()).toEqual({ data: { me: { username: 'bank-a' } } });

    const logout = await post({ query: 'mutation { logout }' }, { cookie });
    expect(await logout.json()).toEqual({ data: { logout: true } });
    expect(logout.headers.get('set-cookie')).toMatch(
      new RegExp(`^${SESSION_COOKIE}=;.*Expires=Thu, 01 Jan 1970`),
    );

    // Without the cookie the caller is anonymous again.
    const after = await post({ query: '{ me { username } }' });
    const answer = (await after.json()) as { data: unknown; errors?: { extensions: { code: string } }[] };
    expect(answer.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a cross-site form post with the cookie is refused before it runs (CSRF prevention)', async () => {
    const token = await app.login('bank-a');
    const res = await fetch(`${http.url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: `${SESSION_COOKIE}=${token}` },
      body: JSON.stringify({ query: '{ me { username } }' }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/bank-a/);
  });

  it('the Authorization header still serves API clients', async () => {
    const token = await app.login('manager');
    const me = await post({ query: '{ me { username } }' }, { authorization: `Bearer ${token}` });
    expect(await me.json()).toEqual({ data: { me: { username: 'manager' } } });
  });
});
