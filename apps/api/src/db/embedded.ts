import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDatabase {
  url: string;
  /** The pg pool must not open more connections than the server accepts. */
  maxConnections: number;
  stop(): Promise<void>;
}

/**
 * PostgreSQL for a user who has none: PGlite (Postgres compiled to WASM) served over the
 * wire protocol, so the API talks to it through the same `pg` driver as to a real server.
 * `dataDir` undefined → in memory (tests).
 */
export async function startEmbeddedDatabase(opts: {
  dataDir?: string;
  maxConnections: number;
  port?: number;
}): Promise<EmbeddedDatabase> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create(opts.dataDir);
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: opts.port ?? 0,
    maxConnections: opts.maxConnections,
  });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  return {
    url: `postgres://postgres@${conn}/postgres`,
    maxConnections: opts.maxConnections,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
