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
 */
export async function inTransaction<T>(
  ds: DataSource,
  work: (em: EntityManager) => Promise<T>,
  opts: { isolation?: IsolationLevel; retries?: number } = {},
): Promise<T> {
  const isolation = opts.isolation ?? 'READ COMMITTED';
  const retries = opts.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
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

export { sqlState };
