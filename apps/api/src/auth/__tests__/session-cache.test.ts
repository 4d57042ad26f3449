/**
 * The login cache (issue 10): a query answers a recently seen token from memory and re-checks its
 * standing in its first round trip; a mutation re-reads the user and organisation every time but does
 * not verify again the signature of a token this process verified while its entry lives, and no entry
 * outlives its token.
 */
import { createTestApp, type TestApp } from '../../testing/test-app';
import { ActorCache } from '../actor-cache';
import type { Actor } from '../../authz/actor';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const ME = 'query { me { username } }';
const MARK = 'mutation { markNotificationRead(ids: []) }';

function verifications(): jest.SpyInstance {
  const tokens = (app.services.auth as unknown as { tokens: { verify: (t: string) => Promise<unknown> } })
    .tokens;
  return jest.spyOn(tokens, 'verify');
}

describe('a mutation with a token seen before', () => {
  it('re-reads the user (a deactivated one is refused) without verifying the signature again', async () => {
    const token = await app.login('bank-b');
    expect((await app.gql(ME, {}, token)).errors).toBeUndefined();
    const verify = verifications();
    try {
      expect((await app.gql(MARK, {}, token)).errors).toBeUndefined();
      expect(verify).not.toHaveBeenCalled();
      // The standing is read again all the same: the user deactivated in the database is refused at once.
      await app.ds.query(`UPDATE users SET active = false WHERE username = 'bank-b'`);
      const refused = await app.gql(MARK, {}, token);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(verify).not.toHaveBeenCalled();
    } finally {
      verify.mockRestore();
      await app.ds.query(`UPDATE users SET active = true WHERE username = 'bank-b'`);
    }
  });

  it('a token never seen is verified, and a forged one refused', async () => {
    const token = await app.login('bank-c');
    const verify = verifications();
    try {
      expect((await app.gql(MARK, {}, token)).errors).toBeUndefined();
      expect(verify).toHaveBeenCalledTimes(1);
      const [head, body] = token.split('.');
      const forged = await app.gql(MARK, {}, `${head}.${body}.${'A'.repeat(43)}`);
      expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      verify.mockRestore();
    }
  });
});

describe('ActorCache', () => {
  const actor = { userId: 'u', orgId: 'o', orgKind: 'LENDING_BANK' } as Actor;

  it('ends an entry with its token, never later, also when it is written again', () => {
    let now = 1_000_000;
    const cache = new ActorCache(60_000, 10, () => now);
    cache.set('t', actor, now + 5_000);
    expect(cache.peek('t')?.until).toBe(now + 5_000);
    now += 4_000;
    // Written again from the entry (a mutation's re-read): the end stays the token's.
    cache.set('t', actor, cache.peek('t')!.until);
    expect(cache.peek('t')?.until).toBe(1_005_000);
    now += 1_000;
    expect(cache.peek('t')).toBeUndefined();
    expect(cache.get('t')).toBeUndefined();
  });
});
