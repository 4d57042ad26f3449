import { mkdirSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { BatchSessionQueue } from './embedded-session';

/**
 * What PostgreSQL answers a connection over `max_connections`: an ErrorResponse (FATAL, 53300), so
 * the client reports "too many clients" rather than a broken connection.
 */
const TOO_MANY_CLIENTS = (() => {
  const fields = Buffer.from('SFATAL\0VFATAL\0C53300\0Msorry, too many clients already\0\0', 'utf8');
  const head = Buffer.alloc(5);
  head.write('E', 0, 'latin1');
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
})();

export interface EmbeddedDatabase {
  url: string;
  /** The pg pool must not open more connections than the server accepts. */
  maxConnections: number;
  /**
   * The whole data directory as a tarball, for `loadDataDir` (the tests keep a prepared database so).
   * Taken with no connection open: it checkpoints on the session directly.
   */
  dumpDataDir(): Promise<Blob>;
  stop(): Promise<void>;
}

/**
 * PostgreSQL for a user who has none: PGlite (Postgres compiled to WASM) served over the
 * wire protocol, so the API talks to it through the same `pg` driver as to a real server.
 * `dataDir` undefined → in memory (tests). `loadDataDir`: start from a tarball `dumpDataDir()` made,
 * instead of an empty cluster (initdb).
 *
 * The connections are `pglite-socket`'s handlers (framing, SSL refusal, cancel requests), served by
 * our own small listener so that they share the session through `BatchSessionQueue`: the library's
 * server hands the session over per message and interleaves concurrent connections' statements
 * (embedded-session.ts says how).
 */
export async function startEmbeddedDatabase(opts: {
  dataDir?: string;
  loadDataDir?: Blob;
  maxConnections: number;
  port?: number;
}): Promise<EmbeddedDatabase> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  // The handler's option is typed as the library's own (unexported) queue class; ours has the same
  // public methods, which is all the handler calls.
  const queryQueue = new BatchSessionQueue(db) as unknown as PGLiteSocketHandlerOptions['queryQueue'];
  const handlers = new Set<PGLiteSocketHandler>();

  const accept = (socket: Socket): void => {
    if (handlers.size >= opts.maxConnections) {
      // Closed once written: a client that keeps its end open must not keep `stop()` waiting.
      socket.end(TOO_MANY_CLIENTS, () => socket.destroy());
      return;
    }
    const handler = new PGLiteSocketHandler({ queryQueue, closeOnDetach: true });
    handlers.add(handler);
    const forget = (): void => void handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => {
      forget();
      socket.destroy();
    });
  };

  const server: Server = createServer(accept);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (err) {
    // E.g. the port is taken: the database is closed rather than left open behind the error.
    await db.close();
    throw err;
  }
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('the embedded database has no port');

  return {
    url: `postgres://postgres@127.0.0.1:${address.port}/postgres`,
    maxConnections: opts.maxConnections,
    async dumpDataDir() {
      // A checkpoint first, so that a database started from the tarball has no WAL to replay.
      await db.exec('CHECKPOINT');
      return db.dumpDataDir('none');
    },
    async stop() {
      await Promise.all([...handlers].map((h) => h.detach(true)));
      handlers.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
