#!/usr/bin/env node
// The README's test command. Finds a PostgreSQL for the integration suites (TEST_DATABASE_URL,
// else the local server at 127.0.0.1:5432), falls back to the embedded database when none answers,
// runs every jest project, and ends with one plain line "N passed, N failed".
// With --bench it runs the benchmarks instead (jest.bench.config.js, one at a time), which write docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'apps/api/package.json'));
const { Client } = require('pg');

async function reachable(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const candidate = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let target;
if (await reachable(candidate)) {
  target = candidate;
  console.log(
    `Test database: PostgreSQL at ${new URL(candidate).host} (each suite creates and drops its own database)`,
  );
} else {
  target = 'embedded';
  console.log(
    `Test database: no PostgreSQL answered at ${new URL(candidate).host}; falling back to the embedded database (PGlite). ` +
      'Set TEST_DATABASE_URL to use a real server.',
  );
}

const resultsDir = path.join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = path.join(resultsDir, 'jest.json');
const jestBin = path.join(root, 'node_modules/jest/bin/jest.js');
const bench = process.argv.includes('--bench');
const passThrough = process.argv.slice(2).filter((a) => a !== '--bench');
const args = [
  jestBin,
  '--json',
  `--outputFile=${resultsFile}`,
  ...(bench ? ['--config', path.join(root, 'jest.bench.config.js'), '--runInBand'] : ['--maxWorkers=2']),
  ...passThrough,
];

const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      IPFUND_TEST_DB: target,
      NODE_ENV: 'test',
      // PGlite loads its WASM parts with dynamic import(), which jest's VM allows only with this flag.
      NODE_OPTIONS:
        `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --disable-warning=ExperimentalWarning`.trim(),
    },
  });
  child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(resultsFile)) {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = r.numPassedTests;
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
  // A suite that failed to load has no test results; count it as a failure so it cannot hide.
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  if (r.numTotalTests === 0) {
    console.log('No test ran.');
    failed = Math.max(failed, 1);
  }
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code !== 0 || failed > 0 ? 1 : 0);
