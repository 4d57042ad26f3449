/**
 * One PGlite session shared by every connection of the pool, handed to one connection at a time.
 *
 * PGlite is a single backend: every connection of `pglite-socket` talks to the same session. The
 * library's own queue (0.2.17) hands that session over per protocol *message*, and pins it to one
 * connection only while an SQL transaction is open. Two things follow, both seen here and filed
 * upstream (electric-sql/pglite#1046, #977):
 *
 * - An extended-protocol batch (Parse, Bind, Describe, Execute, Sync) is not a transaction, so two
 *   connections' batches interleave: one connection's Parse replaces the other's unnamed statement,
 *   which then fails with "unnamed prepared statement does not exist" (26000) or, when the shapes
 *   agree, binds the other's statement. And a connection whose message slipped in right after another
 *   one's BEGIN is pinned instead of it, so the transaction's owner waits for good.
 * - One message that throws inside PGlite leaves the queue marked busy: every connection waits for
 *   good.
 *
 * Here the session is handed over per *batch*: a connection keeps it from its first message until a
 * message that ends a batch (Sync, a simple Query, the startup message, Terminate) leaves the session
 * outside a transaction. A message that throws fails only its own connection's wait, and the queue
 * goes on.
 */

/** What this queue needs of PGlite (the `PGlite` class has it); a fake in the tests. */
export interface SharedSession {
  isInTransaction(): boolean;
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRawStream(
    message: Uint8Array,
    options: { onRawData: (data: Uint8Array) => void },
  ): Promise<void>;
  exec(sql: string): Promise<unknown>;
}

interface Pending {
  handlerId: number;
  /** A message to run, or `release`: end the departed connection's batch and transaction. */
  message: Uint8Array | 'release';
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
/** Sync: ends an extended-protocol batch, so the backend leaves "skip until Sync" after an error. */
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

/**
 * Whether the message ends a batch. The startup message has no type byte: it begins with its length,
 * whose first byte is 0 for any startup packet, and it is answered with ReadyForQuery.
 */
export function endsBatch(message: Uint8Array): boolean {
  const type = message[0];
  return type === SYNC || type === QUERY || type === TERMINATE || type === 0;
}

/**
 * The queue `PGLiteSocketHandler` calls (`enqueue`, `clearQueueForHandler`,
 * `clearTransactionIfNeeded`), in place of the library's.
 */
export class BatchSessionQueue {
  private readonly queue: Pending[] = [];
  private processing = false;
  /** The connection that holds the session: mid-batch, or inside a transaction. */
  private owner: number | null = null;

  constructor(private readonly db: SharedSession) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** A connection went away: its waiting messages are refused. */
  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId !== handlerId) continue;
      const [gone] = this.queue.splice(i, 1);
      gone.reject(new Error('connection closed'));
    }
  }

  /**
   * A connection that held the session went away mid-batch or inside a transaction: end its batch
   * and roll its transaction back, so the next connection starts clean.
   */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    // Through the queue, first in line: the connection's message may be running right now, and the
    // session is released only after it (the owner changes only in `process`).
    await new Promise<number>((resolve, reject) => {
      this.queue.unshift({ handlerId, message: 'release', onData: () => undefined, resolve, reject });
      void this.process();
    });
  }

  /** Ends a departed connection's batch (Sync) and rolls back its transaction. */
  private release(): Promise<void> {
    return this.db.runExclusive(async () => {
      await this.db.execProtocolRawStream(SYNC_MESSAGE, { onRawData: () => undefined });
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    });
  }

  private next(): Pending | undefined {
    if (this.owner === null) return this.queue.shift();
    const at = this.queue.findIndex((p) => p.handlerId === this.owner);
    return at === -1 ? undefined : this.queue.splice(at, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        // Whoever runs holds the session, so a connection that leaves meanwhile is released after it.
        this.owner = item.handlerId;
        if (item.message === 'release') {
          await this.release().catch(() => undefined);
          this.owner = null;
          item.resolve(0);
          continue;
        }
        const message = item.message;
        const onData = item.onData;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(message, {
              onRawData: (data) => {
                bytes += data.length;
                onData(data);
              },
            }),
          );
        } catch (error) {
          // The message failed inside PGlite, not as SQL (an SQL error is an answer): the
          // connection is told (its handler then detaches it and releases the session).
          item.reject(error instanceof Error ? error : new Error(String(error)));
          continue;
        }
        if (endsBatch(message) && !this.db.isInTransaction()) this.owner = null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}
