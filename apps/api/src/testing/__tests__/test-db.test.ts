import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import {
  createTestDatabase,
  embeddedImagePath,
  sparePrefix,
  templateNameFor,
  testDatabaseTarget,
  type TestDatabase,
} from '../test-db';

const onRealPostgres = testDatabaseTarget() !== 'embedded';

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, values)).rows as T[];
  } finally {
    await c.end();
  }
}

const nameOf = (db: TestDatabase) => new URL(db.url).pathname.slice(1);

// This suite's own preparation (a marker table), so its template and spares are its own.
const key = `test-db-suite-${randomBytes(4).toString('hex')}`;
const preparation = {
  key,
  async prepare(url: string) {
    await query(url, `CREATE TABLE marker (key text)`);
    await query(url, `INSERT INTO marker VALUES ($1)`, [key]);
  },
};

async function databases(): Promise<string[]> {
  return (await query<{ datname: string }>(testDatabaseTarget(), `SELECT datname FROM pg_database`)).map(
    (r) => r.datname,
  );
}

const spares = async () => (await databases()).filter((d) => d.startsWith(sparePrefix(templateNameFor(key))));

(onRealPostgres ? describe : describe.skip)('test databases: one template, spare copies made ahead', () => {
  afterAll(async () => {
    for (const d of [...(await spares()), templateNameFor(key)])
      await query(testDatabaseTarget(), `DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
  });

  it('makes the next file’s copy while a file runs, and the next file takes it instead of copying', async () => {
    const a = await createTestDatabase(preparation);
    await a.drop(); // waits for the spare a's creation started
    const [spare, ...more] = await spares();
    expect(spare).toBeDefined();
    expect(more).toEqual([]);

    const b = await createTestDatabase(preparation);
    // b is the spare, renamed: the spare is gone, b holds the prepared data.
    expect(await databases()).not.toContain(spare);
    expect(await query<{ key: string }>(b.url, `SELECT key FROM marker`)).toEqual([{ key }]);
    await b.drop();
    expect(await databases()).not.toContain(nameOf(b));
    const after = await spares();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(spare);
  });

  it('gives files starting together distinct prepared copies', async () => {
    const dbs = await Promise.all(Array.from({ length: 4 }, () => createTestDatabase(preparation)));
    try {
      expect(new Set(dbs.map(nameOf)).size).toBe(4);
      for (const db of dbs)
        expect(await query<{ key: string }>(db.url, `SELECT key FROM marker`)).toEqual([{ key }]);
    } finally {
      for (const db of dbs) await db.drop();
    }
    for (const db of dbs) expect(await databases()).not.toContain(nameOf(db));
  });
});

// Whatever the suite's target: the embedded database is what a machine without PostgreSQL runs.
describe('test databases on the embedded database: one prepared image', () => {
  const imageKey = `test-db-image-${randomBytes(4).toString('hex')}`;
  let prepared = 0;
  const counted = {
    key: imageKey,
    async prepare(url: string) {
      prepared++;
      await query(url, `CREATE TABLE marker (key text)`);
      await query(url, `INSERT INTO marker VALUES ($1)`, [imageKey]);
    },
  };
  const image = embeddedImagePath(imageKey);
  /** The prepared marker a database holds; the database is dropped after. */
  const markerOf = async (db: TestDatabase) => {
    try {
      return await query<{ key: string }>(db.url, `SELECT key FROM marker`);
    } finally {
      await db.drop();
    }
  };
  const target = process.env.IPFUND_TEST_DB;
  beforeAll(() => void (process.env.IPFUND_TEST_DB = 'embedded'));
  afterAll(async () => {
    if (target === undefined) delete process.env.IPFUND_TEST_DB;
    else process.env.IPFUND_TEST_DB = target;
    await unlink(image).catch(() => undefined);
  });

  it('replaces an image it cannot load, and the next file starts from the image without preparing', async () => {
    // A broken image (a crashed disk, another PGlite's format) is prepared anew, not trusted.
    await mkdir(path.dirname(image), { recursive: true });
    await writeFile(image, 'not a data directory');
    expect(await markerOf(await createTestDatabase(counted))).toEqual([{ key: imageKey }]);
    expect(prepared).toBe(1);
    expect(existsSync(image)).toBe(true);

    expect(await markerOf(await createTestDatabase(counted))).toEqual([{ key: imageKey }]);
    expect(prepared).toBe(1);
  }, 120_000);
});
