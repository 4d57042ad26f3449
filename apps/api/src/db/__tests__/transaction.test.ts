import { Client } from 'pg';
import type { DataSource, Logger } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db';
import { createDataSource } from '../data-source';
import { inTransaction } from '../transaction';

const onRealPostgres = process.env.IPFUND_TEST_DB !== 'embedded';

/** Records every statement a data source sends. */
function recorder() {
  const sent: string[] = [];
  const logger: Logger = {
    logQuery: (q) => void sent.push(q),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  return { sent, logger };
}

/** A data source on this suite's database that records what it sends, closed after `use`. */
async function withDataSource(use: (ds: DataSource, sent: string[]) => Promise<void>): Promise<void> {
  const { sent, logger } = recorder();
  const ds = createDataSource({ url: db.url, poolMax: 2, logger });
  await ds.initialize();
  try {
    await use(ds, sent);
  } finally {
    await ds.destroy();
  }
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  if (db.kind === 'postgres') {
    // A server whose default isolation is stricter: the portal's use cases must still read committed.
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(
      `ALTER DATABASE "${new URL(db.url).pathname.slice(1)}" SET default_transaction_isolation = 'serializable'`,
    );
    await admin.end();
  }
});
afterAll(() => db?.drop());

describe('a use case transaction (db/transaction.ts)', () => {
  (onRealPostgres ? it : it.skip)(
    'runs READ COMMITTED in one round trip to open it, whatever the server default; other levels as asked',
    () =>
      withDataSource(async (ds, sent) => {
        const level = async (isolation?: 'READ COMMITTED' | 'SERIALIZABLE') =>
          inTransaction(
            ds,
            async (em) =>
              ((await em.query(`SHOW transaction_isolation`)) as { transaction_isolation: string }[])[0]
                .transaction_isolation,
            isolation ? { isolation } : {},
          );
        sent.length = 0;
        expect(await level()).toBe('read committed');
        expect(sent).toEqual(['START TRANSACTION', 'SHOW transaction_isolation', 'COMMIT']);
        expect(await level('READ COMMITTED')).toBe('read committed');
        expect(await level('SERIALIZABLE')).toBe('serializable');
        // A plain transaction outside the runner gets the portal's default too.
        expect(
          await ds.transaction(
            async (em) => (await em.query(`SHOW transaction_isolation`))[0].transaction_isolation,
          ),
        ).toBe('read committed');
      }),
  );

  (onRealPostgres ? it : it.skip)(
    'opens with the given statement in the same message, commits the work, and rolls it all back on a throw',
    () =>
      withDataSource(async (ds, sent) => {
        await ds.query(`CREATE TABLE IF NOT EXISTS opened_t (v text)`);
        const opening = `SELECT set_config('app.opened', 'yes', true)`;
        sent.length = 0;
        const seen = await inTransaction(
          ds,
          async (em) => {
            await em.query(`INSERT INTO opened_t VALUES ('kept')`);
            const [row] = (await em.query(
              `SELECT current_setting('app.opened') AS v, current_setting('transaction_isolation') AS iso`,
            )) as { v: string; iso: string }[];
            return row;
          },
          { opening },
        );
        expect(seen).toEqual({ v: 'yes', iso: 'read committed' });
        expect(sent[0]).toBe('START TRANSACTION ISOLATION LEVEL READ COMMITTED');
        expect(sent[1]).toBe(opening);
        expect(sent.at(-1)).toBe('COMMIT');
        await expect(
          inTransaction(
            ds,
            async (em) => {
              await em.query(`INSERT INTO opened_t VALUES ('gone')`);
              throw new Error('refused');
            },
            { opening },
          ),
        ).rejects.toThrow('refused');
        const rows = (await ds.query(`SELECT v FROM opened_t ORDER BY v`)) as { v: string }[];
        expect(rows).toEqual([{ v: 'kept' }]);
        // The setting was the transaction's own.
        const [after] = (await ds.query(`SELECT current_setting('app.opened', true) AS v`)) as {
          v: string | null;
        }[];
        expect(after.v ?? '').toBe('');
      }),
  );
});
