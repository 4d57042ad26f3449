#!/usr/bin/env node
// The README's test command. Finds a PostgreSQL for the integration suites (TEST_DATABASE_URL,
// else the local server at 127.0.0.1:5432), falls back to the embedded database when none answers,
// runs every jest project, and ends with one plain line "N passed, N failed".
// With --bench it runs the benchmarks instead (jest.bench.config.js, one at a time), which write docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
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

/**
 * Where the run's CPU went, for the suite's time (issue 10; docs/PERFORMANCE.md § The test suite's
 * time). Linux only (it reads /proc); elsewhere it says nothing. Three parts: the test processes
 * (jest and its workers, reaped by this process, so counted to its children), the local PostgreSQL
 * server (its postmaster, its reaped backends and its live ones), and the rest of the machine's busy
 * time. The rest is mostly Chromium: its renderers' CPU is never counted to the worker that launched
 * the browser (a renderer kept busy for 3 s added 0.7 s to its launcher's reaped children), so
 * without this line a browser-heavy run looks idle when the machine is saturated.
 */
const TICKS = 100; // USER_HZ: 100 on every Linux ABI Node runs on
function procStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}
function machineBusy() {
  try {
    const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .map(Number);
    return (user + nice + system + irq + softirq + steal) / TICKS;
  } catch {
    return null;
  }
}
async function postmasterOf(url) {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)) return null;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
    return procStat(rows[0].pid)?.ppid ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}
function serverCpu(postmaster) {
  const main = postmaster && procStat(postmaster);
  if (!main) return null;
  let ticks = main.own + main.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = procStat(entry);
    if (child?.ppid === postmaster) ticks += child.own;
  }
  return ticks / TICKS;
}
const ownChildren = () => procStat('self')?.reaped / TICKS;
const postmaster = target === 'embedded' ? null : await postmasterOf(target);
const before = { wall: Date.now(), busy: machineBusy(), server: serverCpu(postmaster), tests: ownChildren() };

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

/**
 * jest only warns when it had to kill a worker that did not exit once the run was over ("A worker
 * process has failed to exit gracefully"): a handle some test left open (a timer, a socket, a pool).
 * Issue 10 asks for none, so the run fails when jest says so. jest waits `workerGracefulExitTimeout`
 * (jest.config.js) first: a worker that only takes time to release its memory is not killed.
 */
const FORCED_EXIT = 'A worker process has failed to exit gracefully';
let forcedExit = false;
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, {
    cwd: root,
    // jest's report goes to stderr: read on its way through for the forced exit above.
    stdio: ['inherit', 'inherit', 'pipe'],
    env: {
      ...process.env,
      IPFUND_TEST_DB: target,
      NODE_ENV: 'test',
      // PGlite loads its WASM parts with dynamic import(), which jest's VM allows only with this flag.
      NODE_OPTIONS:
        `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --disable-warning=ExperimentalWarning`.trim(),
    },
  });
  let tail = '';
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    // The tail keeps a message split across two chunks whole.
    tail = (tail + chunk.toString('utf8')).slice(-(FORCED_EXIT.length + 4096));
    if (tail.includes(FORCED_EXIT)) forcedExit = true;
  });
  // 'close', not 'exit': every byte of stderr has been read by then.
  child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
});

const after = { wall: Date.now(), busy: machineBusy(), server: serverCpu(postmaster), tests: ownChildren() };
if (before.busy !== null && after.busy !== null && Number.isFinite(after.tests - before.tests)) {
  const s = (x) => `${Math.round(x)} s`;
  const busy = after.busy - before.busy;
  const tests = after.tests - before.tests;
  const server = before.server !== null && after.server !== null ? after.server - before.server : null;
  const rest = busy - tests - (server ?? 0);
  console.log(
    `CPU: ${s(busy)} busy over ${s((after.wall - before.wall) / 1000)} of wall time on ${os.availableParallelism()} cores — ` +
      `test processes ${s(tests)}, ` +
      (server === null ? '' : `PostgreSQL ${s(server)}, `) +
      `the rest ${s(rest)} (Chromium's renderers, which are not counted to the test processes, and whatever else ran)`,
  );
}

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
if (forcedExit) {
  console.log(
    'A jest worker was killed at the end of the run: a test leaves a handle open (counted as a failure).',
  );
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(code !== 0 || failed > 0 ? 1 : 0);
