import pino from 'pino';
import type { ApolloServer } from '@apollo/server';
import { openAppDatabase, type AppDatabase } from '../../db/data-source';
import type { GqlContext } from '../../graphql/context';
import { contextFor, createApollo } from '../../server';
import { createServices, type Services } from '../../services';
import { createTestApp, type GqlResult, type TestApp } from '../../testing/test-app';
import { USER_OF_KIND, tokensByKind } from '../../testing/kinds';
import { LOGIN_THROTTLE } from '../throttle';
import { DEMO_PASSWORD } from '../../demo/demo-data';
import type { OrgKind } from '@ipfund/shared';

/**
 * Login throttling (issue 9) on real PostgreSQL: counts per username and per client address, held
 * in the database so that every API instance sees them; lock-outs seen and cleared by the offices
 * and the fund manager only.
 */
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const LOCKOUTS = 'query { loginLockouts { kind subject failures blockedUntil } }';
const CLEAR = 'mutation($u: String!) { clearLoginLockout(username: $u) }';

let app: TestApp;
let tokens: Record<OrgKind, string>;
beforeAll(async () => {
  app = await createTestApp();
  tokens = await tokensByKind(app);
});
afterAll(() => app.close());

/** One API instance: its own services and Apollo on a given database pool. */
interface Instance {
  services: Services;
  apollo: ApolloServer<GqlContext>;
}

/** Runs an operation as over HTTP from the given client address. */
async function gqlFrom<T = Record<string, unknown>>(
  inst: Instance,
  address: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GqlResult<T>> {
  const contextValue = await contextFor(inst.services, token ? `Bearer ${token}` : undefined, address);
  const res = await inst.apollo.executeOperation<T>({ query, variables }, { contextValue });
  if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
  return res.body.singleResult as GqlResult<T>;
}

const here = (): Instance => ({ services: app.services, apollo: app.apollo });
let nextAddress = 1;
/** A fresh client address per test, so address counts do not leak between tests. */
const freshAddress = () => `198.51.100.${nextAddress++}`;

const codeOf = (res: GqlResult) => res.errors?.[0]?.extensions?.code;

/** Ten failed attempts, returning the codes answered (UNAUTHENTICATED, then RATE_LIMITED under back-off). */
async function tenFailures(inst: Instance, username: string, address: string): Promise<unknown[]> {
  const codes: unknown[] = [];
  for (let i = 0; i < LOGIN_THROTTLE.userLock; i++) {
    codes.push(codeOf(await gqlFrom(inst, address, LOGIN, { u: username, p: 'wrong-password' })));
  }
  return codes;
}

describe('login throttling', () => {
  it('10 wrong passwords, then the right one is refused RATE_LIMITED with a retry-after', async () => {
    const address = freshAddress();
    const codes = await tenFailures(here(), 'bank-b', address);
    expect(codes.slice(0, LOGIN_THROTTLE.userFree)).toEqual(
      Array(LOGIN_THROTTLE.userFree).fill('UNAUTHENTICATED'),
    );
    expect(codes.every((c) => c === 'UNAUTHENTICATED' || c === 'RATE_LIMITED')).toBe(true);

    const right = await gqlFrom(here(), address, LOGIN, { u: 'bank-b', p: DEMO_PASSWORD });
    expect(right.data).toBeNull();
    expect(codeOf(right)).toBe('RATE_LIMITED');
    const retryAfter = right.errors![0].extensions!.retryAfterSeconds as number;
    // Locked for the rest of the 15-minute window, not just a back-off step.
    expect(retryAfter).toBeGreaterThan(LOGIN_THROTTLE.windowSeconds - 120);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_THROTTLE.windowSeconds);
    // From another address too: the lock is the username's.
    const elsewhere = await gqlFrom(here(), freshAddress(), LOGIN, { u: 'bank-b', p: DEMO_PASSWORD });
    expect(codeOf(elsewhere)).toBe('RATE_LIMITED');
  });

  it('an unknown username answers exactly as a known one with wrong passwords', async () => {
    const known = await tenFailures(here(), 'guarantor-b', freshAddress());
    const unknown = await tenFailures(here(), 'no-such-user', freshAddress());
    // The free attempts answer alike; whether a later one falls inside a back-off depends only on
    // how fast they come, never on whether the user exists.
    const free = LOGIN_THROTTLE.userFree;
    expect(unknown.slice(0, free)).toEqual(known.slice(0, free));
    const a = await gqlFrom(here(), freshAddress(), LOGIN, { u: 'guarantor-b', p: DEMO_PASSWORD });
    const b = await gqlFrom(here(), freshAddress(), LOGIN, { u: 'no-such-user', p: DEMO_PASSWORD });
    const shape = (r: GqlResult) => ({
      data: r.data,
      message: r.errors![0].message.replace(/\d+/g, 'N'),
      extensions: Object.keys(r.errors![0].extensions!).sort(),
      code: codeOf(r),
    });
    expect(shape(a)).toEqual(shape(b));
    expect(codeOf(a)).toBe('RATE_LIMITED');
  });

  it('a successful login resets the count', async () => {
    const address = freshAddress();
    for (let i = 0; i < LOGIN_THROTTLE.userFree - 1; i++) {
      await gqlFrom(here(), address, LOGIN, { u: 'finance', p: 'wrong-password' });
    }
    expect(codeOf(await gqlFrom(here(), address, LOGIN, { u: 'finance', p: DEMO_PASSWORD }))).toBeUndefined();
    // After the reset, as many free failures again, none refused.
    const codes: unknown[] = [];
    for (let i = 0; i < LOGIN_THROTTLE.userFree; i++) {
      codes.push(codeOf(await gqlFrom(here(), address, LOGIN, { u: 'finance', p: 'wrong-password' })));
    }
    expect(codes).toEqual(Array(LOGIN_THROTTLE.userFree).fill('UNAUTHENTICATED'));
  });

  it('two API instances on one database share the count', async () => {
    // A second instance: its own serving pool and services on the same database.
    const db: AppDatabase = await openAppDatabase({
      url: app.db.url,
      appRole: app.services.config.dbAppRole,
      serveAsAppRole: true,
      poolMax: 2,
      ownerPoolMax: 1,
    });
    try {
      const services = createServices(app.services.config, db.ds, pino({ level: 'silent' }));
      const apollo = await createApollo(services);
      await apollo.start();
      const other: Instance = { services, apollo };
      try {
        const address = freshAddress();
        // Alternate the instances: each sees the failures the other counted.
        for (let i = 0; i < LOGIN_THROTTLE.userLock; i++) {
          await gqlFrom(i % 2 ? other : here(), address, LOGIN, { u: 'guarantor-a', p: 'wrong-password' });
        }
        for (const inst of [here(), other]) {
          const res = await gqlFrom(inst, freshAddress(), LOGIN, { u: 'guarantor-a', p: DEMO_PASSWORD });
          expect(codeOf(res)).toBe('RATE_LIMITED');
        }
      } finally {
        await apollo.stop();
      }
    } finally {
      await db.close();
    }
  });

  it('one client address trying many usernames is throttled, other addresses are not', async () => {
    const address = freshAddress();
    const codes: unknown[] = [];
    for (let i = 0; i < LOGIN_THROTTLE.addressFree + 2; i++) {
      codes.push(codeOf(await gqlFrom(here(), address, LOGIN, { u: `spray-${i}`, p: 'wrong-password' })));
    }
    expect(codes.slice(0, LOGIN_THROTTLE.addressFree)).toEqual(
      Array(LOGIN_THROTTLE.addressFree).fill('UNAUTHENTICATED'),
    );
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    // A real user behind that address waits too; from another address it logs in.
    const blocked = await gqlFrom(here(), address, LOGIN, { u: 'fo', p: DEMO_PASSWORD });
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    const fine = await gqlFrom(here(), freshAddress(), LOGIN, { u: 'fo', p: DEMO_PASSWORD });
    expect(codeOf(fine)).toBeUndefined();
  });
});

describe('lock-outs: seen and cleared by the offices and the fund manager (auth.clearLockout)', () => {
  it('the manager sees a locked username, clears it, and the user logs in', async () => {
    await tenFailures(here(), 'auditor', freshAddress());
    expect(codeOf(await gqlFrom(here(), freshAddress(), LOGIN, { u: 'auditor', p: DEMO_PASSWORD }))).toBe(
      'RATE_LIMITED',
    );
    const seen = await app.gql<{ loginLockouts: { kind: string; subject: string; failures: number }[] }>(
      LOCKOUTS,
      {},
      tokens.FUND_MANAGER,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.loginLockouts).toContainEqual(
      expect.objectContaining({ kind: 'USERNAME', subject: 'auditor' }),
    );

    const cleared = await app.gql<{ clearLoginLockout: boolean }>(
      CLEAR,
      { u: 'Auditor ' },
      tokens.FUND_MANAGER,
    );
    expect(cleared.data).toEqual({ clearLoginLockout: true });
    const [logged] = (await app.ds.query(
      `SELECT outcome, detail FROM activity_log WHERE operation = 'auth.clearLockout' AND target_id = 'auditor'`,
    )) as { outcome: string; detail: { cleared: boolean } }[];
    expect(logged).toMatchObject({ outcome: 'OK', detail: { cleared: true } });

    const login = await gqlFrom(here(), freshAddress(), LOGIN, { u: 'auditor', p: DEMO_PASSWORD });
    expect(codeOf(login)).toBeUndefined();
    const after = await app.gql<{ loginLockouts: { subject: string }[] }>(LOCKOUTS, {}, tokens.IP_BUREAU);
    expect(after.data!.loginLockouts.map((l) => l.subject)).not.toContain('auditor');
  });

  it.each(['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER'] as OrgKind[])(
    '%s has auth.clearLockout in viewerPermissions and may list lock-outs',
    async (kind) => {
      const perms = await app.gql<{ viewerPermissions: { operations: string[] } }>(
        'query { viewerPermissions { operations } }',
        {},
        tokens[kind],
      );
      expect(perms.data!.viewerPermissions.operations).toContain('auth.clearLockout');
      expect((await app.gql(LOCKOUTS, {}, tokens[kind])).errors).toBeUndefined();
    },
  );

  it.each(['LENDING_BANK', 'GUARANTOR', 'ENTERPRISE', 'AUDITOR'] as OrgKind[])(
    '%s can neither see nor clear lock-outs (FORBIDDEN, the refusal recorded)',
    async (kind) => {
      await tenFailures(here(), 'ipb', freshAddress());
      const list = await app.gql(LOCKOUTS, {}, tokens[kind]);
      expect(codeOf(list)).toBe('FORBIDDEN');
      expect(list.errors![0].extensions!.article).toBe('Art 5');
      const clear = await app.gql(CLEAR, { u: 'ipb' }, tokens[kind]);
      expect(codeOf(clear)).toBe('FORBIDDEN');
      const refused = (await app.ds.query(
        `SELECT 1 FROM activity_log a JOIN users u ON u.id = a.user_id
          WHERE a.operation = 'auth.clearLockout' AND a.outcome = 'REFUSED' AND u.username = $1`,
        [USER_OF_KIND[kind]],
      )) as unknown[];
      expect(refused).toHaveLength(1);
      // Still locked.
      const login = await gqlFrom(here(), freshAddress(), LOGIN, { u: 'ipb', p: DEMO_PASSWORD });
      expect(codeOf(login)).toBe('RATE_LIMITED');
    },
  );

  it('the serving role cannot read the throttle table, and the listing answers nothing without a keeper tenant', async () => {
    const role = app.services.config.dbAppRole;
    const rows = (await app.ds.query(
      `SELECT has_table_privilege($1, 'login_throttle', 'SELECT') AS sel,
              has_table_privilege($1, 'login_throttle', 'UPDATE') AS upd`,
      [role],
    )) as { sel: boolean; upd: boolean }[];
    expect(rows[0]).toEqual({ sel: false, upd: false });
    const none = (await app.ds.query(`SELECT count(*)::int AS n FROM ipfund_login_lockouts()`)) as {
      n: number;
    }[];
    expect(none[0].n).toBe(0);
  });
});
