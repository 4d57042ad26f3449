/**
 * Change password (issue 11): every kind of user may change its own password; the current one is
 * required, the new one is checked, every earlier session ends, and the change is on the record.
 */
import { ORG_KINDS } from '@ipfund/shared';
import { DEMO_PASSWORD } from '../../demo/demo-data';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { USER_OF_KIND } from '../../testing/kinds';
import { passwordWeakness } from '../password-strength';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const CHANGE = `mutation($c: String!, $n: String!) {
  changePassword(currentPassword: $c, newPassword: $n) { token expiresAt user { username } }
}`;
const ME = 'query { me { username } viewerPermissions { operations } }';

type Change = { changePassword: { token: string; user: { username: string } } };

describe('changePassword', () => {
  it.each(ORG_KINDS)('%s may change its own password; its earlier sessions end', async (kind) => {
    const username = USER_OF_KIND[kind];
    const first = await app.login(username);
    const second = await app.login(username);
    const next = `Qz8-rotation-${ORG_KINDS.indexOf(kind)}!`;
    const res = await app.gql<Change>(CHANGE, { c: DEMO_PASSWORD, n: next }, first);
    expect(res.errors).toBeUndefined();
    expect(res.data?.changePassword.user.username).toBe(username);

    // Both sessions issued before the change are refused, the fresh token works.
    for (const old of [first, second]) {
      const refused = await app.gql(ME, {}, old);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const fresh = await app.gql<{ me: { username: string } }>(ME, {}, res.data!.changePassword.token);
    expect(fresh.data?.me.username).toBe(username);

    // The old password no longer logs in; the new one does.
    await expect(app.login(username, DEMO_PASSWORD)).rejects.toThrow(/login .* failed/);
    expect(await app.login(username, next)).toEqual(expect.any(String));

    // On the record, without the passwords.
    const [row] = (await app.ds.query(
      `SELECT outcome, detail::text AS detail FROM activity_log a JOIN users u ON u.id = a.user_id
        WHERE u.username = $1 AND a.operation = 'auth.changePassword' ORDER BY a.id DESC LIMIT 1`,
      [username],
    )) as { outcome: string; detail: string }[];
    expect(row.outcome).toBe('OK');
    expect(row.detail).not.toContain(next);
    expect(row.detail).not.toContain(DEMO_PASSWORD);
  });

  it('refuses a wrong current password, and nothing changes', async () => {
    const token = await app.login('bank-b');
    const res = await app.gql(CHANGE, { c: 'not-the-password', n: 'Quite-Strong-2026' }, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      messageKey: 'auth.passwordWrong',
    });
    expect((await app.gql(ME, {}, token)).errors).toBeUndefined();
    expect(await app.login('bank-b')).toEqual(expect.any(String));
  });

  it.each([
    ['Short1!', 'auth.passwordTooShort'],
    ['lowercase12', 'auth.passwordClasses'],
    ['password123', 'auth.passwordCommon'],
    ['Bank-c-Secret-99', 'auth.passwordContainsUsername'],
  ])('refuses the weak password %s (%s)', async (weak, key) => {
    const token = await app.login('bank-c');
    const res = await app.gql(CHANGE, { c: DEMO_PASSWORD, n: weak }, token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: key });
    expect((await app.gql(ME, {}, token)).errors).toBeUndefined();
  });

  it('refuses the current password as the new one', async () => {
    const token = await app.login('guarantor-b');
    const strong = 'Steady-Orchid-2026';
    expect((await app.gql<Change>(CHANGE, { c: DEMO_PASSWORD, n: strong }, token)).errors).toBeUndefined();
    const again = await app.login('guarantor-b', strong);
    const res = await app.gql(CHANGE, { c: strong, n: strong }, again);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'auth.passwordUnchanged',
    });
  });

  it('needs a login', async () => {
    const res = await app.gql(CHANGE, { c: DEMO_PASSWORD, n: 'Whatever-Strong-2026' });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('passwordWeakness', () => {
  it('accepts a long passphrase without classes, and a mixed 10-character password', () => {
    expect(passwordWeakness('correct horse battery staple', 'bank-a')).toBeNull();
    expect(passwordWeakness('Abcdefgh1!', 'bank-a')).toBeNull();
    expect(passwordWeakness('Abcdefghi1', 'bank-a')).toBeNull();
  });
  it('refuses 9 characters and the username inside', () => {
    expect(passwordWeakness('Abcdefg1!', 'bank-a')?.key).toBe('auth.passwordTooShort');
    expect(passwordWeakness('XX-Manager-2026', 'manager')?.key).toBe('auth.passwordContainsUsername');
  });
});
