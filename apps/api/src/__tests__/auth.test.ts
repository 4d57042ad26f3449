import { SignJWT } from 'jose';
import { loadConfig, ConfigError, DEV_TOKEN_SECRET } from '../config/config';
import { TokenService } from '../auth/tokens';
import { createTestApp, type TestApp } from '../testing/test-app';

/** 32 random bytes, hex (openssl rand -hex 32): production refuses a guessable TOKEN_SECRET (issue 9). */
const STRONG_SECRET = '80d45ada89ac8edb3f4ae23778fd5bfa4e1cc276d629d6630cfb22c1824c284b';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const LOGIN =
  'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token user { username } } }';
const ME = 'query { me { username organization { kind } } }';

describe('login', () => {
  it('a right password gives a token that identifies the user', async () => {
    const res = await app.gql<{ login: { token: string } }>(LOGIN, { u: 'manager', p: 'demo1234' });
    expect(res.errors).toBeUndefined();
    const me = await app.gql(ME, {}, res.data!.login.token);
    expect(me.data).toEqual({ me: { username: 'manager', organization: { kind: 'FUND_MANAGER' } } });
  });

  it('wrong password and unknown user give the same error', async () => {
    const wrong = await app.gql(LOGIN, { u: 'manager', p: 'not-the-password' });
    const unknown = await app.gql(LOGIN, { u: 'nobody-here', p: 'demo1234' });
    expect(wrong.data).toBeNull();
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.map((e) => ({ message: e.message, extensions: e.extensions }))).toEqual(
      wrong.errors?.map((e) => ({ message: e.message, extensions: e.extensions })),
    );
  });

  it('passwords are stored as argon2id with at least 19 MiB and t ≥ 2', async () => {
    const [row] = await app.ds.query(`SELECT password_hash FROM users WHERE username = 'bank-a'`);
    const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=\d+\$/.exec(row.password_hash);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(19 * 1024);
    expect(Number(m![2])).toBeGreaterThanOrEqual(2);
  });

  it('a deactivated user can no longer use a token issued before', async () => {
    const token = await app.login('bank-c');
    await app.ds.query(`UPDATE users SET active = false WHERE username = 'bank-c'`);
    try {
      const res = await app.gql(ME, {}, token);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const again = await app.gql(LOGIN, { u: 'bank-c', p: 'demo1234' });
      expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await app.ds.query(`UPDATE users SET active = true WHERE username = 'bank-c'`);
    }
  });
});

describe('tokens', () => {
  const secret = DEV_TOKEN_SECRET;

  it('an expired token is refused', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const tokens = new TokenService(secret, 60, () => now);
    const { token } = await tokens.issue({ userId: 'u', orgId: 'o', orgKind: 'LENDING_BANK' });
    expect(await tokens.verify(token)).toEqual({ userId: 'u', orgId: 'o', orgKind: 'LENDING_BANK' });
    now = new Date('2026-01-01T00:01:01Z');
    expect(await tokens.verify(token)).toBeNull();
  });

  it('a tampered token is refused (payload changed, signature kept)', async () => {
    const tokens = new TokenService(secret, 3600);
    const { token } = await tokens.issue({ userId: 'u', orgId: 'o', orgKind: 'LENDING_BANK' });
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.kind = 'FUND_MANAGER';
    const forged = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
    expect(await tokens.verify(forged)).toBeNull();
  });

  it('a token signed with another key, another audience or alg "none" is refused', async () => {
    const tokens = new TokenService(secret, 3600);
    const otherKey = await new SignJWT({ org: 'o', kind: 'IP_BUREAU' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('ipfund-api')
      .setAudience('ipfund-portal')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(48)));
    expect(await tokens.verify(otherKey)).toBeNull();
    const otherAud = await new SignJWT({ org: 'o', kind: 'IP_BUREAU' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setIssuer('ipfund-api')
      .setAudience('someone-else')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    expect(await tokens.verify(otherAud)).toBeNull();
    const none = [
      Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
      Buffer.from(
        JSON.stringify({
          sub: 'u',
          org: 'o',
          kind: 'IP_BUREAU',
          aud: 'ipfund-portal',
          iss: 'ipfund-api',
          exp: 4e9,
        }),
      ).toString('base64url'),
      '',
    ].join('.');
    expect(await tokens.verify(none)).toBeNull();
  });

  it('through GraphQL a tampered token gets UNAUTHENTICATED, and login still works with it attached', async () => {
    const token = await app.login('bank-a');
    const tampered = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    const res = await app.gql('query { loans { totalCount } }', {}, tampered);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const login = await app.gql(LOGIN, { u: 'bank-a', p: 'demo1234' }, tampered);
    expect(login.errors).toBeUndefined();
  });
});

describe('config is validated once at boot', () => {
  it('production refuses the default secret, demo mode and a fixed business date', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@h/db' }, [])).toThrow(
      ConfigError,
    );
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@h/db', TOKEN_SECRET: STRONG_SECRET }, [
        '--demo',
      ]),
    ).toThrow(/demo/);
    const ok = loadConfig(
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://x@h/db', TOKEN_SECRET: STRONG_SECRET },
      [],
    );
    expect(ok.demo).toBe(false);
  });

  it('names every bad setting', () => {
    try {
      loadConfig({ PORT: 'eighty', TOKEN_SECRET: 'short' }, []);
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.join('\n')).toMatch(/PORT/);
      expect((err as ConfigError).problems.join('\n')).toMatch(/TOKEN_SECRET/);
    }
  });
});
