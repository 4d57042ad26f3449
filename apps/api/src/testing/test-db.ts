import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../db/embedded';

export interface TestDatabase {
  url: string;
  poolMax: number;
  kind: 'postgres' | 'embedded';
  drop(): Promise<void>;
}

/**
 * Where tests get their database: test/run-tests.mjs sets IPFUND_TEST_DB to a PostgreSQL admin URL
 * (TEST_DATABASE_URL or the local server) or to "embedded" when no server is reachable.
 */
export function testDatabaseTarget(): string {
  return (
    process.env.IPFUND_TEST_DB ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

/**
 * How a test file's database is prepared (migrations, demo seed). On PostgreSQL it runs once per
 * `key` and source version into a template database; every file then gets its own copy
 * (`CREATE DATABASE … TEMPLATE`, well under a second) instead of migrating and seeding again.
 */
export interface DatabasePreparation {
  /** What distinguishes one preparation from another (seeded or not, business date, policy). */
  key: string;
  /** Brings an empty database at `url` to the prepared state, and closes every connection to it. */
  prepare(url: string): Promise<void>;
}

/** A fresh database for one test file, prepared as asked: created here, dropped by `drop()`. */
export async function createTestDatabase(preparation?: DatabasePreparation): Promise<TestDatabase> {
  const target = testDatabaseTarget();
  if (target === 'embedded') return createEmbeddedTestDatabase(preparation);
  const template = preparation ? await ensureTemplate(target, preparation) : undefined;
  const name = `ipfund_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(target, async (admin) => {
    if (template && (await claimSpare(admin, template, name))) return;
    await retryWhileTemplateBusy(() =>
      admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`),
    );
  });
  // The next file's copy is made while this one runs (copying is disk work, the tests are CPU work).
  const refill = template ? makeSpare(target, template) : Promise.resolve();
  return {
    url: urlFor(target, name),
    poolMax: 40,
    kind: 'postgres',
    async drop() {
      await refill;
      await withAdmin(target, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/**
 * PGlite has no CREATE DATABASE: each file starts its own instance. A preparation's result is kept as
 * a data-directory image in the machine's temporary directory, keyed like the PostgreSQL templates
 * (source version and key) and by PGlite's version: the first file migrates and seeds (~5 s here),
 * the next ones load the image (~1 s). An image that cannot be loaded is replaced.
 */
async function createEmbeddedTestDatabase(preparation?: DatabasePreparation): Promise<TestDatabase> {
  // The test app's pool takes 8; the rest is room for what a test opens beside it (a second API
  // instance, its own clients), which the server would otherwise refuse.
  const start = (loadDataDir?: Blob) => startEmbeddedDatabase({ maxConnections: 16, loadDataDir });
  const image = preparation ? embeddedImagePath(preparation.key) : undefined;
  const saved = image ? await readFile(image).catch(() => undefined) : undefined;
  if (image && saved) {
    const db = await start(new Blob([saved])).catch(() => undefined);
    if (db) return embedded(db);
    await unlink(image).catch(() => undefined);
  }
  const db = await start();
  try {
    if (preparation) {
      await preparation.prepare(db.url);
      if (image) await saveImage(image, await db.dumpDataDir());
    }
  } catch (err) {
    await db.stop();
    throw err;
  }
  return embedded(db);
}

const embedded = (db: EmbeddedDatabase): TestDatabase => ({
  url: db.url,
  poolMax: 8,
  kind: 'embedded',
  drop: () => db.stop(),
});

const IMAGE_DIR = path.join(os.tmpdir(), 'ipfund-test-images');

/** Where the embedded database's image of a preparation at this source and PGlite version is kept. */
export function embeddedImagePath(key: string): string {
  return path.join(IMAGE_DIR, `pglite-${pgliteVersion()}-${templateNameFor(key)}.tar`);
}

/** Written under a name of its own and renamed into place: a reader never sees half an image. */
async function saveImage(image: string, data: Blob): Promise<void> {
  const partial = `${image}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await mkdir(IMAGE_DIR, { recursive: true });
    await dropStaleImages(image);
    await writeFile(partial, Buffer.from(await data.arrayBuffer()));
    await rename(partial, image);
  } catch {
    // Only an optimisation: the next file prepares its own.
    await unlink(partial).catch(() => undefined);
  }
}

/** Other images (and partial writes) over six hours old: older source versions, or crashed writers. */
async function dropStaleImages(current: string): Promise<void> {
  const cutoff = Date.now() - 6 * 3600_000;
  for (const name of await readdir(IMAGE_DIR)) {
    const file = path.join(IMAGE_DIR, name);
    if (file === current) continue;
    const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: Infinity }));
    if (mtimeMs < cutoff) await unlink(file).catch(() => undefined);
  }
}

let pglite: string | undefined;
/** PGlite's version, from its package.json (not among the package's exports, so found by walking up). */
function pgliteVersion(): string {
  if (pglite) return pglite;
  for (let dir = path.dirname(require.resolve('@electric-sql/pglite')); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (name === '@electric-sql/pglite' && version) return (pglite = version);
    }
    if (path.dirname(dir) === dir) throw new Error('cannot find the version of @electric-sql/pglite');
  }
}

/**
 * Spare copies of a template, made ahead (`CREATE DATABASE … TEMPLATE` takes ~0.6 s of disk work on
 * this machine, most of a test file's set-up). A copy becomes visible to others only once complete
 * (its catalog row commits with it); a file claims one by renaming it to its own name, which exactly
 * one renamer can do. Each file leaves one spare behind for the next, so a run keeps about one per
 * jest worker; those left at the end serve the next run of the same sources, and are dropped with
 * their template once it is stale.
 */
export function sparePrefix(template: string): string {
  return `ipfund_spare_${template.slice('ipfund_tpl_'.length)}_`;
}

async function claimSpare(admin: Client, template: string, name: string): Promise<boolean> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY random()`,
    [sparePrefix(template)],
  );
  for (const { datname } of rows) {
    try {
      await admin.query(`ALTER DATABASE "${datname}" RENAME TO "${name}"`);
      return true;
    } catch (err) {
      // Another file took it first (3D000: it no longer exists under that name).
      if ((err as { code?: string }).code !== '3D000') throw err;
    }
  }
  return false;
}

async function makeSpare(target: string, template: string): Promise<void> {
  const spare = `${sparePrefix(template)}${randomBytes(4).toString('hex')}`;
  try {
    await withAdmin(target, (admin) =>
      retryWhileTemplateBusy(() => admin.query(`CREATE DATABASE "${spare}" TEMPLATE "${template}"`)),
    );
  } catch {
    // Only an optimisation: the next file makes its own copy.
  }
}

function urlFor(target: string, database: string): string {
  const url = new URL(target);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(target: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: target });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * The template for a preparation, built at most once per source version across every jest worker
 * and every concurrent run on this server: an advisory lock serialises the builders, and the build
 * goes into a scratch database renamed into place only when complete, so a crashed build never
 * leaves a half-prepared template behind.
 */
async function ensureTemplate(target: string, preparation: DatabasePreparation): Promise<string> {
  const template = templateNameFor(preparation.key);
  return withAdmin(target, async (admin) => {
    await admin.query(`SELECT pg_advisory_lock(hashtext($1))`, [template]);
    try {
      const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
      if (exists.rowCount) return template;
      await dropStaleTemplates(admin);
      const scratch = `ipfund_tplbuild_${process.pid}_${randomBytes(4).toString('hex')}`;
      await admin.query(`CREATE DATABASE "${scratch}"`);
      try {
        await preparation.prepare(urlFor(target, scratch));
        await admin.query(`ALTER DATABASE "${scratch}" RENAME TO "${template}"`);
      } catch (err) {
        await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
        throw err;
      }
      // When it was built, for the clean-up of templates of older source versions.
      await admin.query(`COMMENT ON DATABASE "${template}" IS '${new Date().toISOString()}'`);
      return template;
    } finally {
      await admin.query(`SELECT pg_advisory_unlock(hashtext($1))`, [template]);
    }
  });
}

/** The template database of a preparation at this source version. */
export function templateNameFor(key: string): string {
  const digest = createHash('sha256').update(sourceFingerprint()).update(key).digest('hex');
  return `ipfund_tpl_${digest.slice(0, 20)}`;
}

/** Templates of earlier source versions, built over six hours ago (an old run may still copy a newer one). */
async function dropStaleTemplates(admin: Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT d.datname FROM pg_database d
      WHERE d.datname LIKE 'ipfund\\_tpl\\_%'
        AND coalesce(shobj_description(d.oid, 'pg_database'), '') < to_char(now() - interval '6 hours', 'YYYY-MM-DD"T"HH24:MI:SS')`,
  );
  for (const { datname } of rows) {
    // Without FORCE: a template some run is copying right now stays.
    await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
  }
  // Spare copies whose template is gone (claimSpare).
  const orphans = await admin.query<{ datname: string }>(
    `SELECT s.datname FROM pg_database s
      WHERE s.datname LIKE 'ipfund\\_spare\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_database t
                         WHERE t.datname = 'ipfund_tpl_' || split_part(s.datname, '_', 3))`,
  );
  for (const { datname } of orphans.rows) {
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
}

/** CREATE DATABASE … TEMPLATE fails while any session is connected to the template (e.g. a builder closing). */
async function retryWhileTemplateBusy<T>(create: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await create();
    } catch (err) {
      const busy = (err as { code?: string }).code === '55006'; // object_in_use
      if (!busy || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

let fingerprint: string | undefined;
/**
 * A digest of every source file that can change what a prepared database holds (migrations, the
 * services that seed, the policy), so a template is never reused across code changes. Tests are left
 * out: editing a test does not change the demo.
 */
function sourceFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = path.resolve(__dirname, '../../../..');
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__tests__' && entry.name !== 'node_modules') walk(full);
      } else if (/\.(ts|json|sql)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
        hash.update(path.relative(root, full)).update('\0').update(readFileSync(full)).update('\0');
      }
    }
  };
  walk(path.join(root, 'apps/api/src'));
  for (const pkg of readdirSync(path.join(root, 'packages')).sort()) {
    const src = path.join(root, 'packages', pkg, 'src');
    if (existsSync(src)) walk(src);
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/**
 * Real concurrency needs a real server: the embedded fallback (PGlite) runs one connection's
 * transaction at a time and caps connections. Race tests use these, and are skipped there — loudly.
 */
export const onRealPostgres = testDatabaseTarget() !== 'embedded';
export function itOnRealPostgres(area: string): jest.It {
  if (!onRealPostgres) console.warn(`SKIPPED ${area} concurrency tests: they need a real PostgreSQL server`);
  return onRealPostgres ? it : it.skip;
}
