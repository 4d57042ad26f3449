/**
 * The embedded database's shared session: handed to one connection per batch, never per message, and
 * never left stuck by a message that throws inside PGlite.
 */
import { connect, type Socket } from 'node:net';
import { Client } from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../embedded';
import { BatchSessionQueue, endsBatch, type SharedSession } from '../embedded-session';

const message = (type: string, body = ''): Uint8Array => {
  const bytes = Buffer.alloc(5 + body.length);
  bytes.write(type, 0, 'latin1');
  bytes.writeInt32BE(4 + body.length, 1);
  bytes.write(body, 5, 'latin1');
  return new Uint8Array(bytes);
};

/** A session that records which connection's message ran, and can be told to throw or to open a transaction. */
function fakeSession() {
  const ran: string[] = [];
  let inTransaction = false;
  let failNext = false;
  let chain = Promise.resolve();
  const session: SharedSession = {
    isInTransaction: () => inTransaction,
    runExclusive<T>(fn: () => Promise<T>): Promise<T> {
      const run = chain.then(fn);
      chain = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    async execProtocolRawStream(msg, { onRawData }) {
      await new Promise((r) => setImmediate(r));
      if (failNext) {
        failNext = false;
        throw new Error('inside PGlite');
      }
      const text = Buffer.from(msg.subarray(5)).toString('latin1');
      ran.push(`${String.fromCharCode(msg[0])}${text}`);
      if (text === 'BEGIN') inTransaction = true;
      if (text === 'COMMIT') inTransaction = false;
      onRawData(new Uint8Array([1]));
    },
    async exec(sql) {
      ran.push(`exec ${sql}`);
      if (sql === 'ROLLBACK') inTransaction = false;
    },
  };
  return { session, ran, failOnce: () => (failNext = true) };
}

describe('BatchSessionQueue', () => {
  it('runs a batch to its Sync before another connection’s messages', async () => {
    const { session, ran } = fakeSession();
    const queue = new BatchSessionQueue(session);
    // Enqueued interleaved, as two connections' sockets deliver them.
    await Promise.all([
      queue.enqueue(1, message('P', 'a'), () => undefined),
      queue.enqueue(2, message('P', 'b'), () => undefined),
      queue.enqueue(1, message('B', 'a'), () => undefined),
      queue.enqueue(2, message('B', 'b'), () => undefined),
      queue.enqueue(1, message('S'), () => undefined),
      queue.enqueue(2, message('S'), () => undefined),
    ]);
    expect(ran).toEqual(['Pa', 'Ba', 'S', 'Pb', 'Bb', 'S']);
  });

  it('keeps the session with a connection inside a transaction until it commits', async () => {
    const { session, ran } = fakeSession();
    const queue = new BatchSessionQueue(session);
    await queue.enqueue(1, message('Q', 'BEGIN'), () => undefined);
    const other = queue.enqueue(2, message('Q', 'SELECT 2'), () => undefined);
    await queue.enqueue(1, message('Q', 'SELECT 1'), () => undefined);
    expect(ran).toEqual(['QBEGIN', 'QSELECT 1']);
    await queue.enqueue(1, message('Q', 'COMMIT'), () => undefined);
    await other;
    expect(ran).toEqual(['QBEGIN', 'QSELECT 1', 'QCOMMIT', 'QSELECT 2']);
  });

  it('fails only the connection whose message threw, and serves the others after it leaves', async () => {
    const { session, ran, failOnce } = fakeSession();
    const queue = new BatchSessionQueue(session);
    failOnce();
    const failed = queue.enqueue(1, message('P', 'a'), () => undefined);
    const waiting = queue.enqueue(2, message('Q', 'SELECT 2'), () => undefined);
    await expect(failed).rejects.toThrow('inside PGlite');
    // The handler detaches a connection whose message threw: its batch is ended, the session freed.
    queue.clearQueueForHandler(1);
    await queue.clearTransactionIfNeeded(1);
    await expect(waiting).resolves.toBe(1);
    expect(ran).toEqual(['S', 'QSELECT 2']);
  });

  it('releases a connection that leaves while its first message runs', async () => {
    const { session, ran } = fakeSession();
    const queue = new BatchSessionQueue(session);
    const running = queue.enqueue(1, message('P', 'a'), () => undefined);
    const waiting = queue.enqueue(2, message('Q', 'SELECT 2'), () => undefined);
    // The socket closes while Parse runs: the handler clears its queue and releases the session.
    queue.clearQueueForHandler(1);
    const released = queue.clearTransactionIfNeeded(1);
    await running;
    await released;
    await expect(waiting).resolves.toBe(1);
    expect(ran).toEqual(['Pa', 'S', 'QSELECT 2']);
  });

  it('rolls back a transaction left open by a connection that went away', async () => {
    const { session, ran } = fakeSession();
    const queue = new BatchSessionQueue(session);
    await queue.enqueue(1, message('Q', 'BEGIN'), () => undefined);
    const waiting = queue.enqueue(2, message('Q', 'SELECT 2'), () => undefined);
    queue.clearQueueForHandler(1);
    await queue.clearTransactionIfNeeded(1);
    await waiting;
    expect(ran).toEqual(['QBEGIN', 'S', 'exec ROLLBACK', 'QSELECT 2']);
    expect(session.isInTransaction()).toBe(false);
  });

  it('knows the messages that end a batch', () => {
    expect(['S', 'Q', 'X'].map((t) => endsBatch(message(t)))).toEqual([true, true, true]);
    expect(['P', 'B', 'D', 'E', 'H'].map((t) => endsBatch(message(t)))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    const startup = Buffer.alloc(8);
    startup.writeInt32BE(8, 0);
    startup.writeInt32BE(196608, 4);
    expect(endsBatch(new Uint8Array(startup))).toBe(true);
  });
});

describe('the embedded database over the wire', () => {
  let db: EmbeddedDatabase;
  const clients: Client[] = [];
  beforeAll(async () => {
    db = await startEmbeddedDatabase({ maxConnections: 5 }); // the four clients and a raw one
    for (let i = 0; i < 4; i++) {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      clients.push(client);
    }
  }, 60_000);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await db.stop();
  });

  it('answers every connection’s parameterised statements with its own rows', async () => {
    // Each connection's statement has its own shape; an interleaved Parse binds another's statement.
    const rounds = await Promise.all(
      clients.map(async (client, i) => {
        const seen: unknown[] = [];
        for (let n = 0; n < 40; n++) {
          const sql = `SELECT $1::int AS n, '${'x'.repeat(i)}'::text AS tag${i}`;
          const { rows } = await client.query(sql, [n]);
          seen.push(rows[0]);
        }
        return seen;
      }),
    );
    rounds.forEach((seen, i) =>
      expect(seen).toEqual(Array.from({ length: 40 }, (_, n) => ({ n, [`tag${i}`]: 'x'.repeat(i) }))),
    );
  });

  it('keeps a batch sent in two parts whole while another connection runs its own', async () => {
    const raw = await RawConnection.open(db.url);
    try {
      // Parse and Bind now, Execute and Sync later: the unnamed statement and portal must still be ours.
      raw.send(parse('SELECT $1::text AS mine'), bind(['raw']));
      const other = clients[0].query('SELECT $1::int AS theirs, 7 AS seven', [5]);
      await new Promise((r) => setTimeout(r, 50));
      raw.send(execute(), sync());
      const answer = await raw.untilReady();
      expect(answer.errors).toEqual([]);
      expect(answer.rows).toEqual([['raw']]);
      expect((await other).rows).toEqual([{ theirs: 5, seven: 7 }]);
    } finally {
      raw.close();
    }
  });

  it('lets a connection’s transaction finish while the others wait', async () => {
    const [a, b] = clients;
    await a.query('CREATE TABLE IF NOT EXISTS counter (n int)');
    await a.query('BEGIN');
    await a.query('INSERT INTO counter VALUES ($1)', [1]);
    const reading = b.query<{ count: string }>('SELECT count(*) FROM counter WHERE n = $1', [1]);
    await a.query('INSERT INTO counter VALUES ($1)', [1]);
    await a.query('COMMIT');
    // b's statement ran after a's commit, not inside a's transaction.
    expect((await reading).rows[0].count).toBe('2');
  });
});

describe('the embedded database’s connection limit', () => {
  it('refuses a connection over it as PostgreSQL does (53300)', async () => {
    const db = await startEmbeddedDatabase({ maxConnections: 1 });
    const first = new Client({ connectionString: db.url });
    try {
      await first.connect();
      const second = new Client({ connectionString: db.url });
      await expect(second.connect()).rejects.toMatchObject({ code: '53300' });
      expect((await first.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await first.end();
      await db.stop();
    }
  }, 60_000);
});

// A few frontend messages by hand, for a client that sends one batch in two writes (node-pg never
// does on purpose, but TCP may deliver one write as two reads under load).
const frame = (type: string, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};
const cstring = (s: string): Buffer => Buffer.from(`${s}\0`, 'utf8');
const int16 = (n: number): Buffer => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const parse = (sql: string): Buffer => frame('P', cstring(''), cstring(sql), int16(0));
const bind = (params: string[]): Buffer =>
  frame(
    'B',
    cstring(''),
    cstring(''),
    int16(0),
    int16(params.length),
    ...params.flatMap((p) => [int32(Buffer.byteLength(p)), Buffer.from(p)]),
    int16(0),
  );
const execute = (): Buffer => frame('E', cstring(''), int32(0));
const sync = (): Buffer => frame('S');

class RawConnection {
  private buffer = Buffer.alloc(0);
  private waiter: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiter?.();
    });
  }

  static async open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    await new Promise((r) => socket.once('connect', r));
    const connection = new RawConnection(socket);
    const params = Buffer.concat([
      cstring('user'),
      cstring('postgres'),
      cstring('database'),
      cstring('postgres'),
      cstring(''),
    ]);
    socket.write(Buffer.concat([int32(params.length + 8), int32(196608), params]));
    await connection.untilReady();
    return connection;
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** Reads the backend's messages up to ReadyForQuery: the data rows' text values and any errors. */
  async untilReady(): Promise<{ rows: string[][]; errors: string[] }> {
    const rows: string[][] = [];
    const errors: string[] = [];
    for (;;) {
      while (this.buffer.length >= 5 && this.buffer.length >= 1 + this.buffer.readInt32BE(1)) {
        const type = String.fromCharCode(this.buffer[0]);
        const body = this.buffer.subarray(5, 1 + this.buffer.readInt32BE(1));
        this.buffer = this.buffer.subarray(1 + this.buffer.readInt32BE(1));
        if (type === 'Z') return { rows, errors };
        if (type === 'E') errors.push(body.toString('utf8'));
        if (type === 'D') {
          const row: string[] = [];
          for (let at = 2, n = body.readInt16BE(0); n > 0; n--) {
            const length = body.readInt32BE(at);
            row.push(body.subarray(at + 4, at + 4 + length).toString('utf8'));
            at += 4 + length;
          }
          rows.push(row);
        }
      }
      await new Promise<void>((r) => (this.waiter = r));
      this.waiter = null;
    }
  }

  close(): void {
    this.socket.destroy();
  }
}
