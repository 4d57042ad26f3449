import { types } from 'pg';
import { DataSource, MigrationExecutor, type Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { prepareRepeatedStatements } from './prepared';

// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the host's time zone.
types.setTypeParser(types.builtins.DATE, (v) => v);

/** The serving role when config names none (config DB_APP_ROLE has the same default). */
export const DEFAULT_APP_ROLE = 'ipfund_app';

export interface DataSourceOptions {
  url: string;
  poolMax: number;
  /** Receives every SQL statement (tests count them to prove there is no N+1). */
  logger?: Logger;
  /** The serving role the migrations create and grant to (DB_APP_ROLE); default `ipfund_app`. */
  appRole?: string;
  /** Told when a pooled connection dies (issue 9); the pool drops it and opens a new one on demand. */
  onConnectionError?: (err: Error) => void;
}

/**
 * Issue 9: a connection the server terminates (restart, failover, pg_terminate_backend) emits
 * 'error' on its pg client, and an 'error' event without a listener ends the process. pg-pool only
 * listens while a client is idle and TypeORM only while a query runner holds it; in between (and
 * after either let go) nobody does. So every client gets a listener for its whole life: the request
 * using the connection fails, the pool discards it, and the next request gets a fresh one.
 */
function connectionErrorHandlers(onError: ((err: Error) => void) | undefined, prepare: boolean) {
  const handle = (err: Error) => onError?.(err);
  return {
    poolErrorHandler: handle,
    onConnect: (client: {
      on(event: 'error', listener: (err: Error) => void): unknown;
      query: (...args: unknown[]) => unknown;
    }) => {
      client.on('error', handle);
      // pg-pool awaits this before handing the connection out. READ COMMITTED is the session's
      // default, whatever the server's configuration says, so a use case's transaction opens with a
      // plain START TRANSACTION (db/transaction.ts): TypeORM sends the isolation level as a second
      // round trip of its own.
      const setup = client.query(`SET default_transaction_isolation = 'read committed'`) as Promise<unknown>;
      return prepare ? setup.then(() => prepareRepeatedStatements(client)) : setup;
    },
  };
}

export function createDataSource(
  opts: DataSourceOptions & { sessionRole?: string; prepareStatements?: boolean },
): DataSource {
  const { poolErrorHandler, onConnect } = connectionErrorHandlers(
    opts.onConnectionError,
    opts.prepareStatements ?? false,
  );
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    // The schema is owned by migrations alone.
    synchronize: false,
    migrationsRun: false,
    logging: opts.logger ? ['query', 'error'] : ['error'],
    logger: opts.logger,
    poolErrorHandler,
    extra: {
      max: opts.poolMax,
      onConnect,
      // Set at connection start, so the role is the session default: a later RESET ROLE returns to
      // it, not to the login, and a login that may not become the role is refused at connect.
      ...(opts.sessionRole ? { options: `-c role=${opts.sessionRole}` } : {}),
    },
  });
}

/**
 * Applies pending migrations, each in its own transaction, on one connection that carries the
 * serving role's name as the session setting `ipfund.app_role` (the SecondWall migration reads it:
 * migration classes get no config).
 */
async function migrate(ds: DataSource, appRole: string): Promise<void> {
  const runner = ds.createQueryRunner();
  try {
    await runner.query(`SELECT set_config('ipfund.app_role', $1, false)`, [appRole]);
    const executor = new MigrationExecutor(ds, runner);
    executor.transaction = 'each';
    await executor.executePendingMigrations();
    // Database-level privileges live in pg_database, outside the schema the migrations built: a
    // database restored from a dump or copied from a template starts with PUBLIC's defaults again,
    // TEMPORARY included (a temp table could shadow a ledger table). Re-assert it on every start.
    await runner.query(`DO $$ BEGIN
      EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    END $$`);
  } finally {
    // The embedded database shares one session between connections: leave nothing behind.
    await runner.query(`RESET ipfund.app_role`).catch(() => undefined);
    await runner.release();
  }
}

/** Opens the data source as the owner and applies pending migrations, each in its own transaction. */
export async function openDatabase(opts: DataSourceOptions): Promise<DataSource> {
  const ds = createDataSource(opts);
  await ds.initialize();
  try {
    await migrate(ds, opts.appRole ?? DEFAULT_APP_ROLE);
  } catch (err) {
    await ds.destroy();
    throw err;
  }
  return ds;
}

export interface AppDatabaseOptions {
  /** The serving login (DATABASE_URL, or the embedded server). */
  url: string;
  /** The owner login that applies migrations (MIGRATION_DATABASE_URL); undefined → `url`. */
  migrationUrl?: string;
  /** The role requests are served under (DB_APP_ROLE). */
  appRole: string;
  /**
   * Every serving connection runs as `appRole` from its start (default true): every request reads
   * through a tenant transaction (authz/access.ts), and outside one the serving role sees no tenant
   * rows. `enterTenant` switches the role per transaction either way. False only for tests that
   * compare the two setups.
   */
  serveAsAppRole?: boolean;
  poolMax: number;
  /** Pool of the owner's data source when it is a separate one (default 2). */
  ownerPoolMax?: number;
  logger?: Logger;
  /** Told once when the engine cannot do what was asked (the embedded database). */
  warn?: (message: string) => void;
  /** Told when a pooled connection of either pool dies; the pools reconnect by themselves. */
  onConnectionError?: (err: Error) => void;
}

export interface AppDatabase {
  /** Serves requests. */
  ds: DataSource;
  /**
   * The owner login: migrations, the demo seed, operator commands, tests' raw SQL. The same object
   * as `ds` when one pool does both.
   */
  ownerDs: DataSource;
  /** For `enterTenant`. */
  appRole: string;
  /** Whether every connection of `ds` runs as `appRole` (not only tenant transactions). */
  servesAsAppRole: boolean;
  close(): Promise<void>;
}

/**
 * Migrations as the owner, then the serving pool (issue 8: two roles). With `serveAsAppRole`, each
 * serving connection starts as `appRole`, and the pool is checked to really run as it.
 *
 * The embedded database (PGlite) multiplexes every client connection onto ONE backend session, so
 * a connection-level role would switch the owner's connection too. There the serving pool stays
 * the owner's, the degradation is reported once through `warn`, and the wall holds inside tenant
 * transactions only (`enterTenant` sets the role per transaction, which PGlite supports).
 */
export async function openAppDatabase(options: AppDatabaseOptions): Promise<AppDatabase> {
  const opts = { ...options, serveAsAppRole: options.serveAsAppRole ?? true };
  const separateOwner = opts.migrationUrl !== undefined && opts.migrationUrl !== opts.url;
  const ownerDs = await openDatabase({
    url: opts.migrationUrl ?? opts.url,
    poolMax: separateOwner || opts.serveAsAppRole ? (opts.ownerPoolMax ?? 2) : opts.poolMax,
    logger: separateOwner || opts.serveAsAppRole ? undefined : opts.logger,
    appRole: opts.appRole,
    onConnectionError: opts.onConnectionError,
  });
  const single = (only: DataSource): AppDatabase => ({
    ds: only,
    ownerDs: only,
    appRole: opts.appRole,
    servesAsAppRole: false,
    close: () => only.destroy(),
  });
  if (!separateOwner && !opts.serveAsAppRole) return single(ownerDs);

  const [{ version }] = (await ownerDs.query(`SELECT version() AS version`)) as { version: string }[];
  if (/PGlite/i.test(version)) {
    opts.warn?.(
      `embedded database: one shared session, so requests are not served as ${opts.appRole} per ` +
        `connection; the row-level security wall holds inside tenant transactions only`,
    );
    // The owner's data source serves here, so it is reopened as the serving pool was asked for: its
    // size, and the logger (the tests' statement counter), which an owner's pool does not get.
    await ownerDs.destroy();
    return single(
      await openDatabase({
        url: opts.url,
        poolMax: opts.poolMax,
        logger: opts.logger,
        appRole: opts.appRole,
        onConnectionError: opts.onConnectionError,
      }),
    );
  }

  const ds = createDataSource({
    url: opts.url,
    poolMax: opts.poolMax,
    logger: opts.logger,
    sessionRole: opts.serveAsAppRole ? opts.appRole : undefined,
    onConnectionError: opts.onConnectionError,
    // The serving pool only: the owner's runs migrations and one-off operator statements.
    prepareStatements: true,
  });
  let role: string;
  try {
    await ds.initialize();
    [{ role }] = (await ds.query(`SELECT current_user AS role`)) as { role: string }[];
    // Fail closed: a proxy that drops startup options would otherwise serve as the owner.
    if (opts.serveAsAppRole && role !== opts.appRole) {
      throw new Error(`serving connections run as ${role}, not ${opts.appRole}`);
    }
  } catch (err) {
    if (ds.isInitialized) await ds.destroy();
    await ownerDs.destroy();
    throw err;
  }
  return {
    ds,
    ownerDs,
    appRole: opts.appRole,
    // Also true when DATABASE_URL is a separate login of that name (the production setup).
    servesAsAppRole: role === opts.appRole,
    async close() {
      await ds.destroy();
      if (ownerDs.isInitialized) await ownerDs.destroy();
    },
  };
}
