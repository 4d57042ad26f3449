import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** SQLSTATEs after which the whole transaction can safely run again. */
const RETRYABLE = new Set(['40001' /* serialization_failure */, '40P01' /* deadlock_detected */]);

function sqlState(err: unknown): string | undefined {
  if (err instanceof QueryFailedError) {
    const driverError = (err as QueryFailedError & { driverError?: { code?: string } }).driverError;
    return driverError?.code;
  }
  return (err as { code?: string } | null)?.code;
}

/**
 * Runs one use case as one transaction: everything it writes commits together or not at all.
 * Serialization failures and deadlocks are retried (the use case must be a pure function of the DB).
 *
 * `opening` is a plain statement (no parameters) sent in the same message as the transaction's
 * START — the tenant settings (db/tenant.ts `tenantSettingsSql`) — so the transaction opens already
 * entered, in one round trip instead of TypeORM's START TRANSACTION, SET TRANSACTION and the
 * settings' own statement.
 */
export async function inTransaction<T>(
  ds: DataSource,
  work: (em: EntityManager) => Promise<T>,
  opts: { isolation?: IsolationLevel; retries?: number; opening?: string } = {},
): Promise<T> {
  const isolation = opts.isolation ?? 'READ COMMITTED';
  const retries = opts.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      if (opts.opening !== undefined) return await opened(ds, isolation, opts.opening, work);
      // READ COMMITTED is every pool connection's default (db/data-source.ts): asked for explicitly,
      // TypeORM would spend a round trip on SET TRANSACTION after its START TRANSACTION.
      return await (isolation === 'READ COMMITTED' ? ds.transaction(work) : ds.transaction(isolation, work));
    } catch (err) {
      const state = sqlState(err);
      if (attempt < retries && state && RETRYABLE.has(state)) {
        // Jittered backoff so racing transactions do not collide again in lockstep.
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
        continue;
      }
      throw err;
    }
  }
}

/** The node-pg client under a TypeORM query runner (the part used here). */
interface PgClient {
  query(...args: unknown[]): unknown;
}

/** A transaction a caller opened itself (`openTransaction`), with the results of its opening. */
export interface OpenTransaction {
  manager: EntityManager;
  /** The results of the opening message, one per statement (the BEGIN's first). */
  results: { rows: unknown[] }[];
  /** COMMIT (`ok`) or ROLLBACK, then the connection goes back to the pool; once only. */
  end(ok: boolean): Promise<void>;
}

/**
 * Opens a transaction on a connection of its own in ONE round trip: `begin` (START TRANSACTION … or
 * BEGIN …) and `opening` (a plain statement, no parameters: the tenant settings) travel in one
 * simple-protocol message. The write path below and the read snapshot (authz/access.ts) both open
 * this way. TypeORM did not start the transaction itself, so its runner is told one is open (services
 * and `enterTenant` check) and told again when it ends. `wrap` may wrap the pg client first.
 */
export async function openTransaction(
  ds: DataSource,
  begin: string,
  opening: string,
  wrap: (client: PgClient) => PgClient = (client) => client,
): Promise<OpenTransaction> {
  const runner = ds.createQueryRunner();
  const active = (on: boolean) => ((runner as { isTransactionActive: boolean }).isTransactionActive = on);
  let open = false;
  try {
    const client = wrap((await runner.connect()) as PgClient);
    // Two statements in one message; logged as the two they are.
    ds.logger.logQuery(begin, [], runner);
    ds.logger.logQuery(opening, [], runner);
    const results = (await client.query(`${begin}; ${opening}`)) as { rows: unknown[] }[];
    open = true;
    active(true);
    let ended = false;
    return {
      manager: runner.manager,
      results,
      end: async (ok) => {
        if (ended) return;
        ended = true;
        try {
          // After a failed COMMIT the transaction is already gone; the ROLLBACK only warns.
          await runner.query(ok ? 'COMMIT' : 'ROLLBACK');
        } finally {
          active(false);
          await runner.release();
        }
      },
    };
  } catch (err) {
    if (open) await runner.query('ROLLBACK').catch(() => undefined);
    active(false);
    await runner.release();
    throw err;
  }
}

/** A use case's transaction opened with `opening` (see `inTransaction`). */
async function opened<T>(
  ds: DataSource,
  isolation: IsolationLevel,
  opening: string,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const tx = await openTransaction(ds, `START TRANSACTION ISOLATION LEVEL ${isolation}`, opening);
  let result: T;
  try {
    result = await work(tx.manager);
  } catch (err) {
    await tx.end(false).catch(() => undefined);
    throw err;
  }
  await tx.end(true);
  return result;
}

export { sqlState };
