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

/** One transaction opened by START … ; `opening` in one message, on a connection of its own. */
async function opened<T>(
  ds: DataSource,
  isolation: IsolationLevel,
  opening: string,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = ds.createQueryRunner();
  // TypeORM did not start this transaction itself: it is told one is open (enterTenant and the
  // services check), and told again when it ends.
  const active = (on: boolean) => ((runner as { isTransactionActive: boolean }).isTransactionActive = on);
  let open = false;
  try {
    const client = (await runner.connect()) as { query(text: string): Promise<unknown> };
    const begin = `START TRANSACTION ISOLATION LEVEL ${isolation}`;
    // Two statements in one message; logged as the two they are.
    ds.logger.logQuery(begin, [], runner);
    ds.logger.logQuery(opening, [], runner);
    await client.query(`${begin}; ${opening}`);
    open = true;
    active(true);
    const result = await work(runner.manager);
    await runner.query('COMMIT');
    open = false;
    return result;
  } catch (err) {
    // After a failed COMMIT the transaction is already gone; the ROLLBACK only warns.
    if (open) await runner.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    active(false);
    await runner.release();
  }
}

export { sqlState };
