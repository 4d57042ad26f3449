import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedDatabase } from '../db/embedded';

export interface TestDatabase {
  url: string;
  poolMax: number;
  kind: 'postgres' | 'embedded';
  drop(): Promise<void>;
}

/**
 * Where tests get their database: test/run-tests.mjs sets IPFUND_TEST_DB to a PostgreSQL admin URL
 * (TEST_DATABASE_URL or the local server) or to "embedded" when no server is reachable.
 */
export function testDatabaseTarget(): string {
  return (
    process.env.IPFUND_TEST_DB ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

/** A fresh, empty database for one test file: created here, dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const target = testDatabaseTarget();
  if (target === 'embedded') {
    const db = await startEmbeddedDatabase({ maxConnections: 8 });
    return { url: db.url, poolMax: db.maxConnections, kind: 'embedded', drop: () => db.stop() };
  }
  const name = `ipfund_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: target });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(target);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    poolMax: 40,
    kind: 'postgres',
    async drop() {
      const c = new Client({ connectionString: target });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * Real concurrency needs a real server: the embedded fallback (PGlite) runs one connection's
 * transaction at a time and caps connections. Race tests use these, and are skipped there — loudly.
 */
export const onRealPostgres = testDatabaseTarget() !== 'embedded';
export function itOnRealPostgres(area: string): jest.It {
  if (!onRealPostgres) console.warn(`SKIPPED ${area} concurrency tests: they need a real PostgreSQL server`);
  return onRealPostgres ? it : it.skip;
}
