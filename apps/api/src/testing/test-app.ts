import 'reflect-metadata';
import type { ApolloServer } from '@apollo/server';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import type { Actor } from '../authz/actor';
import { loadConfig } from '../config/config';
import { openAppDatabase } from '../db/data-source';
import { seedDemo } from '../demo/seed';
import { DEMO_PASSWORD } from '../demo/demo-data';
import type { GqlContext } from '../graphql/context';
import { contextFor, createApollo } from '../server';
import { createServices, type Services } from '../services';
import { QueryCounter } from './query-counter';
import { createTestDatabase, type TestDatabase } from './test-db';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
}

export interface TestApp {
  db: TestDatabase;
  ds: DataSource;
  services: Services;
  apollo: ApolloServer<GqlContext>;
  queries: QueryCounter;
  /** Runs an operation through the real schema and context (token → actor), as over HTTP. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  /** The actor of an active demo user, for calling services directly. */
  actor(username: string): Promise<Actor>;
  /** Logs a demo user in and returns the bearer token. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real API on its own fresh database (PostgreSQL, or PGlite when none is reachable). `policy` is the
 * POLICY setting (a policy-set id; default: the config's, Jiangbei); the demo data assumes Jiangbei.
 */
export async function createTestApp(
  opts: {
    seed?: boolean;
    businessDate?: string;
    policy?: string;
    serveAsAppRole?: boolean;
    /** The serving pool's size, at most and by default the test database's (40 on PostgreSQL, 8 embedded). */
    poolMax?: number;
  } = {},
): Promise<TestApp> {
  const businessDate = opts.businessDate ?? '2026-11-27';
  const configFor = (url: string) =>
    loadConfig(
      {
        NODE_ENV: 'test',
        DATABASE_URL: url,
        BUSINESS_DATE: businessDate,
        LOG_LEVEL: 'silent',
        ...(opts.policy ? { POLICY: opts.policy } : {}),
      },
      [],
    );
  const seed = opts.seed !== false;
  // Migrations and the demo seed run once per source version into a template; this file gets a copy.
  const db = await createTestDatabase({
    key: JSON.stringify({ seed, businessDate, policy: opts.policy ?? null }),
    async prepare(url) {
      const config = configFor(url);
      // The demo data is the operator's: migrated and seeded as the owner.
      const owner = await openAppDatabase({
        url,
        appRole: config.dbAppRole,
        serveAsAppRole: false,
        poolMax: 4,
      });
      try {
        if (seed)
          await seedDemo(createServices(config, owner.ds, pino({ level: 'silent' })), owner.ds, businessDate);
      } finally {
        await owner.close();
      }
    },
  });
  const config = configFor(db.url);
  const queries = new QueryCounter();
  // Issue 8: `ds` stays the owner's (tests' raw SQL sees every row); the services use the serving
  // pool, which runs every connection as DB_APP_ROLE (unless a test sets `serveAsAppRole: false`).
  const database = await openAppDatabase({
    url: db.url,
    appRole: config.dbAppRole,
    serveAsAppRole: opts.serveAsAppRole ?? true,
    poolMax: Math.min(opts.poolMax ?? db.poolMax, db.poolMax),
    ownerPoolMax: db.poolMax,
    logger: queries,
  });
  const ds = database.ownerDs;
  const services = createServices(config, database.ds, pino({ level: 'silent' }));
  const apollo = await createApollo(services);
  await apollo.start();

  const gql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>> => {
    const contextValue = await contextFor(services, token ? `Bearer ${token}` : undefined);
    const res = await apollo.executeOperation<T>({ query, variables }, { contextValue });
    if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
    return res.body.singleResult as GqlResult<T>;
  };

  return {
    db,
    ds,
    services,
    apollo,
    queries,
    gql,
    actor: (username) => services.auth.actorFor(username),
    async login(username, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { token: string } }>(
        'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        { u: username, p: password },
      );
      if (!res.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    },
    async close() {
      await apollo.stop();
      await database.close();
      await db.drop();
    },
  };
}
