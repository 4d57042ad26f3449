/**
 * `pnpm bench`, issue 10: the portal's portfolio reads against raw SQL, at production size.
 *
 * The database is the demo scaled with the project's own generator (apps/api/src/db/scale) to 20
 * banks, 10 guarantors, 50,000 enterprises and 200,000 loans (10,000 per bank). For each read the
 * portal serves, the same answer is computed by one hand-written SQL statement through node-pg on
 * the same database (a prepared statement, as the owner: no ORM, no GraphQL, no RLS), and the two
 * are checked to agree. Then, in interleaved rounds (portal, raw, portal, raw …), each is driven
 * for a few seconds at c=1 and at c=16 — the portal through its real HTTP endpoint by autocannon in
 * a child process (so the load generator does not share the server's event loop), raw SQL by c
 * concurrent node-pg clients — and the medians of the rounds are reported: req/s, p50, p99 and the
 * ratio. Cost growth: the bank page and bankRisks at 1k, 20k and 200k loans. The machine's load
 * (`uptime`) is recorded with the run: the figures are only as quiet as the machine was.
 *
 * Writes its section of docs/benchmarks.md (between the `reads` markers; portal.bench.ts keeps it).
 * Timings live here and in the docs, never in tests.
 */
import { execFileSync, spawn } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { generateScale } from '../../apps/api/src/db/scale/scale';
import { startHttpServer, type HttpServer } from '../../apps/api/src/server';
import { createTestApp, type TestApp } from '../../apps/api/src/testing/test-app';

// node-pg is the API's dependency (test/ has no node_modules of its own).
type PgModule = typeof import('../../apps/api/node_modules/@types/pg');
const { Pool } = createRequire(path.resolve(__dirname, '../../apps/api/package.json'))('pg') as PgModule;
type Pool = InstanceType<PgModule['Pool']>;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const FULL_SCALE = Number(process.env.BENCH_LOANS ?? 200_000);
const BUSINESS_DATE = '2026-11-27';

interface Load {
  rps: number;
  p50: number;
  p99: number;
}

interface Read {
  name: string;
  user: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The same answer as one SQL statement, and how to compare the two. */
  raw: { text: string; values: unknown[] };
  same: (gql: Record<string, unknown>, rows: Record<string, unknown>[]) => void;
}

let app: TestApp;
let http: HttpServer;
let pool: Pool;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const lines: string[] = [];
const growth: string[] = [];
const loads: string[] = [];
const profile: string[] = [];

const ms = (x: number | undefined) =>
  x === undefined || Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const uptime = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`;
  }
};

/** autocannon in its own process, POSTing one GraphQL request for `seconds` at `connections`. */
const CANNON = `
const autocannon = require(process.argv[1]);
const [url, token, body, c, seconds] = process.argv.slice(2);
autocannon({ url, method: 'POST', connections: Number(c), duration: Number(seconds), body,
  headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token } }, (err, r) => {
  if (err) { console.error(err); process.exit(1); }
  process.stdout.write(JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99,
    errors: r.errors + r.non2xx, total: r.requests.total }));
});`;

function cannon(user: string, body: string, c: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-e',
        CANNON,
        require.resolve('autocannon'),
        `${http.url}graphql`,
        tokens[user],
        body,
        String(c),
        String(SECONDS),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out) as Load & { errors: number; total: number };
      if (r.errors > 0) return reject(new Error(`${r.errors} of ${r.total} portal requests failed`));
      resolve(r);
    });
  });
}

/** c node-pg clients running the prepared statement back to back for SECONDS. */
async function rawLoad(read: Read, c: number): Promise<Load> {
  const latencies: number[] = [];
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < until) {
          const t = performance.now();
          await client.query({ name: `bench-${read.name}`, text: read.raw.text, values: read.raw.values });
          latencies.push(performance.now() - t);
        }
      } finally {
        client.release();
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / wall,
    p50: sorted[Math.floor(sorted.length * 0.5)],
    p99: sorted[Math.floor(sorted.length * 0.99)],
  };
}

async function portalOnce(read: Read): Promise<Record<string, unknown>> {
  const res = await fetch(`${http.url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[read.user]}` },
    body: JSON.stringify({ query: read.query, variables: read.variables ?? {} }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${read.name}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function timedSamples(work: () => Promise<unknown>, n: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await work();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

const LOAN_NODE =
  'id contractNo principal outstandingPrincipal issuedOn overdueDays status bank { name } guarantor { name } enterprise { name }';
const loansQuery = (n: number) =>
  `query($after: String) { loans(first: ${n}, after: $after) { totalCount edges { cursor node { ${LOAN_NODE} } } } }`;
/** The raw page: the same columns, joins, order and count (the count over the bank's loans alone). */
const rawLoans = (where: string, n: number, after = '') => `
  SELECT l.id, l.contract_no, l.principal, l.outstanding_principal, l.issued_on, l.earliest_unpaid_due_date, l.status,
         b.name AS bank, g.name AS guarantor, e.name AS enterprise,
         (SELECT count(*) FROM loans c WHERE ${where.replace(/l\./g, 'c.')}) AS total
    FROM loans l JOIN organizations b ON b.id = l.bank_id LEFT JOIN organizations g ON g.id = l.guarantor_id
    JOIN enterprises e ON e.id = l.enterprise_id
   WHERE ${where} ${after}
   ORDER BY l.issued_on DESC, l.seq DESC LIMIT ${n}`;

function sameLoans(gql: Record<string, unknown>, rows: Record<string, unknown>[]) {
  const page = gql.loans as { totalCount: number; edges: { node: { id: string } }[] };
  if (page.totalCount !== Number(rows[0]?.total ?? 0))
    throw new Error(`count ${page.totalCount} vs ${String(rows[0]?.total)}`);
  const a = page.edges.map((e) => e.node.id).join();
  const b = rows.map((r) => r.id).join();
  if (a !== b) throw new Error('the pages differ');
}

function reads(): Read[] {
  return [
    {
      name: 'bank page (50)',
      user: 'bank-a',
      query: loansQuery(50),
      raw: { text: rawLoans('l.bank_id = $1', 50), values: [ids['bank-a']] },
      same: sameLoans,
    },
    {
      name: 'manager page (100)',
      user: 'manager',
      query: loansQuery(100),
      raw: { text: rawLoans('TRUE', 100).replace('WHERE TRUE', 'WHERE $1::int = 1'), values: [1] },
      same: sameLoans,
    },
    {
      name: `deep page (50, after ${Number(ids.deepOffset).toLocaleString('en')})`,
      user: 'bank-a',
      query: loansQuery(50),
      variables: { after: ids.deepCursor },
      raw: {
        text: rawLoans('l.bank_id = $1', 50, 'AND (l.issued_on, l.seq) < ($2::date, $3::bigint)'),
        values: [ids['bank-a'], ids.deepDate, ids.deepSeq],
      },
      same: sameLoans,
    },
    {
      name: 'claims page (50)',
      user: 'manager',
      query:
        '{ claims(first: 50) { totalCount edges { node { id status filedOn lossBase fundShare guarantorShare bankShare } } } }',
      raw: {
        text: `SELECT c.id, c.status, c.filed_on, c.loss_base, COALESCE(c.final_fund_share, c.fund_share) AS fund_share,
                      (SELECT count(*) FROM claims) AS total
                 FROM claims c WHERE $1::int = 1 ORDER BY c.seq DESC LIMIT 50`,
        values: [1],
      },
      same: (gql, rows) => {
        const page = gql.claims as { totalCount: number; edges: { node: { id: string } }[] };
        if (page.totalCount !== Number(rows[0].total)) throw new Error('claims count');
        if (page.edges.map((e) => e.node.id).join() !== rows.map((r) => r.id).join())
          throw new Error('claims page');
      },
    },
    {
      name: 'bankRisks, all 20 banks',
      user: 'manager',
      query: '{ bankRisks { bank { id name } ratio level numerator denominator coveredLoans atRiskLoans } }',
      raw: {
        text: `SELECT b.id, b.name,
                 COALESCE(sum(l.ip_pledged_principal) FILTER (WHERE l.issued_on <= $1::date), 0) AS denominator,
                 COALESCE(sum(l.ip_pledged_principal) FILTER (WHERE l.issued_on <= $1::date AND l.status <> 'CLOSED'
                   AND (l.status IN ('IN_CLAIM','COMPENSATED') OR l.earliest_unpaid_due_date <= $1::date - 15)), 0) AS numerator
               FROM organizations b LEFT JOIN loans l ON l.bank_id = b.id AND l.covered
              WHERE b.kind = 'LENDING_BANK' GROUP BY b.id, b.name`,
        values: [BUSINESS_DATE],
      },
      same: (gql, rows) => {
        const risks = gql.bankRisks as { bank: { id: string }; numerator: string; denominator: string }[];
        const byId = new Map(rows.map((r) => [r.id as string, r]));
        if (risks.length !== rows.length) throw new Error('bankRisks rows');
        for (const r of risks) {
          const raw = byId.get(r.bank.id)!;
          if (
            Number(r.numerator) !== Number(raw.numerator) ||
            Number(r.denominator) !== Number(raw.denominator)
          ) {
            throw new Error(`bankRisks ${r.bank.id}`);
          }
        }
      },
    },
    {
      name: "bankRisks, a bank's own",
      user: 'bank-a',
      query: '{ bankRisks { bank { id } ratio level numerator denominator } }',
      raw: {
        text: `SELECT COALESCE(sum(l.ip_pledged_principal) FILTER (WHERE l.issued_on <= $2::date), 0) AS denominator,
                 COALESCE(sum(l.ip_pledged_principal) FILTER (WHERE l.issued_on <= $2::date AND l.status <> 'CLOSED'
                   AND (l.status IN ('IN_CLAIM','COMPENSATED') OR l.earliest_unpaid_due_date <= $2::date - 15)), 0) AS numerator
               FROM loans l WHERE l.bank_id = $1 AND l.covered`,
        values: [ids['bank-a'], BUSINESS_DATE],
      },
      same: (gql, rows) => {
        const [own] = gql.bankRisks as { numerator: string; denominator: string }[];
        if (Number(own.denominator) !== Number(rows[0].denominator)) throw new Error('own bankRisks');
      },
    },
    {
      name: 'fundStatus',
      user: 'manager',
      query: '{ fundStatus { suspended principalBalance } }',
      raw: {
        text: `SELECT f.suspended, (SELECT balance FROM ledger_account_balances WHERE account_code = '100201') AS principal
                 FROM fund_state f WHERE f.id = $1`,
        values: [1],
      },
      same: () => undefined,
    },
    {
      name: 'trial balance',
      user: 'manager',
      query: '{ trialBalance { balanced lines { accountCode debitTotal creditTotal balance } } }',
      raw: {
        text: `SELECT a.code, COALESCE(sum(e.debit), 0) AS debit, COALESCE(sum(e.credit), 0) AS credit
                 FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_code = a.code
                WHERE $1::int = 1 GROUP BY a.code ORDER BY a.code`,
        values: [1],
      },
      same: (gql, rows) => {
        const tb = gql.trialBalance as { lines: { accountCode: string; debitTotal: string }[] };
        const byCode = new Map(rows.map((r) => [r.code as string, r]));
        for (const l of tb.lines) {
          if (Number(l.debitTotal) !== Number(byCode.get(l.accountCode)?.debit ?? 0)) {
            throw new Error(`trial balance ${l.accountCode}`);
          }
        }
      },
    },
  ];
}

async function scaleTo(loans: number): Promise<number> {
  const started = performance.now();
  await app.ds.transaction((em) =>
    generateScale(em, {
      loans,
      banks: 20,
      guarantors: 10,
      enterprises: Math.max(10, Math.ceil(loans / 4)),
      businessDate: BUSINESS_DATE,
    }),
  );
  await app.ds.query('VACUUM ANALYZE');
  return (performance.now() - started) / 1000;
}

beforeAll(async () => {
  app = await createTestApp({ businessDate: BUSINESS_DATE });
  http = await startHttpServer({
    ...app.services,
    config: { ...app.services.config, port: 0, host: '127.0.0.1' },
  });
  pool = new Pool({ connectionString: app.db.url, max: 16 });
  for (const u of ['manager', 'bank-a']) tokens[u] = await app.login(u);
  ids['bank-a'] = (
    await app.ds.query(`SELECT organization_id AS id FROM users WHERE username = 'bank-a'`)
  )[0].id;
}, 600_000);

afterAll(async () => {
  await pool?.end();
  await http?.stop();
  await app?.close();
  const file = path.resolve(__dirname, '../../docs/benchmarks.md');
  const section = [
    '<!-- reads:begin -->',
    '## Portfolio reads against raw SQL (issue 10, test/bench/reads.bench.ts)',
    '',
    `Run on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Node ${process.version}, PostgreSQL; ${FULL_SCALE.toLocaleString('en')} loans. ${ROUNDS} interleaved rounds of ` +
      `${SECONDS} s per system and concurrency, medians. The portal over HTTP (autocannon in a child process); raw SQL as one ` +
      'prepared statement per read through node-pg. Machine load during the run:',
    '',
    ...loads.map((l) => `- \`${l}\``),
    '',
    '| read | c | portal req/s | portal p50 ms | portal p99 ms | raw req/s | raw p50 ms | raw p99 ms | req/s vs raw | p50 vs raw |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...lines,
    '',
    ...profile,
    '',
    '### Cost growth (single client, median of 20, ms)',
    '',
    '| loans | bank page (50) | manager page (100) | bankRisks all | bankRisks own | generator s |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...growth,
    '<!-- reads:end -->',
  ].join('\n');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const marked = /<!-- reads:begin -->[\s\S]*<!-- reads:end -->/;
  writeFileSync(
    file,
    marked.test(before) ? before.replace(marked, section) : `${before.trimEnd()}\n\n${section}\n`,
  );
}, 120_000);

it('cost growth from 1k to full scale', async () => {
  for (const size of [...new Set([1_000, 20_000, FULL_SCALE])]
    .filter((x) => x <= FULL_SCALE)
    .sort((a, b) => a - b)) {
    const took = await scaleTo(size);
    loads.push(`${size} loans: ${uptime()}`);
    const [bank, manager, risksAll, risksOwn] = reads();
    const t = async (r: Read) => {
      for (let i = 0; i < 3; i++) await portalOnce(r);
      return timedSamples(() => portalOnce(r), 20);
    };
    growth.push(
      `| ${size.toLocaleString('en')} | ${ms(await t(bank))} | ${ms(await t(manager))} | ${ms(await t(risksAll))} | ${ms(await t(risksOwn))} | ${took.toFixed(0)} |`,
    );
  }
}, 3_600_000);

it('each read: the same answer as raw SQL, then req/s, p50 and p99 at c=1 and c=16, interleaved', async () => {
  // The deep page starts after bank-a's 5,000th loan in list order (half its book on a smaller run).
  const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM loans WHERE bank_id = $1`, [
    ids['bank-a'],
  ]);
  ids.deepOffset = String(Math.min(5000, Math.floor(n / 2)));
  const [deep] = await app.ds.query(
    `SELECT issued_on::text AS d, seq::text AS s FROM loans WHERE bank_id = $1
      ORDER BY issued_on DESC, seq DESC OFFSET $2 - 1 LIMIT 1`,
    [ids['bank-a'], Number(ids.deepOffset)],
  );
  ids.deepDate = deep.d;
  ids.deepSeq = deep.s;
  ids.deepCursor = Buffer.from(JSON.stringify(['ISSUED_ON', deep.d, deep.s])).toString('base64url');
  for (const read of reads()) {
    const gql = await portalOnce(read);
    const { rows } = await pool.query({
      name: `bench-${read.name}`,
      text: read.raw.text,
      values: read.raw.values,
    });
    read.same(gql, rows as Record<string, unknown>[]);
    const body = JSON.stringify({ query: read.query, variables: read.variables ?? {} });
    for (const c of [1, 16]) {
      await cannon(read.user, body, c); // warm-up: plans, caches, connections
      const portal: Load[] = [];
      const raw: Load[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        portal.push(await cannon(read.user, body, c));
        raw.push(await rawLoad(read, c));
      }
      const p = {
        rps: median(portal.map((x) => x.rps)),
        p50: median(portal.map((x) => x.p50)),
        p99: median(portal.map((x) => x.p99)),
      };
      const r = {
        rps: median(raw.map((x) => x.rps)),
        p50: median(raw.map((x) => x.p50)),
        p99: median(raw.map((x) => x.p99)),
      };
      lines.push(
        `| ${read.name} | ${c} | ${p.rps.toFixed(0)} | ${ms(p.p50)} | ${ms(p.p99)} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ` +
          `${ms(r.p99)} | ${(p.rps / r.rps).toFixed(2)}× | ${(p.p50 / r.p50).toFixed(1)}× |`,
      );
    }
  }
  loads.push(`after the matrix: ${uptime()}`);
}, 3_600_000);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

/** Where a sample's time goes: by the package (or our source) of the function it is in. */
function categoryOf(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)' || fn === '(program)') return fn;
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes('/apps/api/src/')) return 'portal code (apps/api/src)';
  if (url.startsWith('node:') || url === '') return 'node internals';
  return 'other';
}

it('where the time goes: a CPU profile of the server under the bank page at c=16', async () => {
  const read = reads()[0];
  const body = JSON.stringify({ query: read.query, variables: {} });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const load = await cannon(read.user, body, 16);
  const { profile: cpu } = (await session.post('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[] };
  };
  session.disconnect();
  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of cpu.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    total += hits;
    const cat = categoryOf(node.callFrame.url, node.callFrame.functionName);
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + hits);
    const fn = `${node.callFrame.functionName || '(anonymous)'} — ${cat}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits);
  }
  const pct = (n: number) => `${((100 * n) / total).toFixed(1)} %`;
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  profile.push(
    '',
    `### CPU profile of the API process (bank page, c=16, ${SECONDS} s, ${load.rps.toFixed(0)} req/s; self time)`,
    '',
    'The bench process hosts the API (autocannon runs in a child process); "(idle)" is time the event loop waited.',
    '',
    '| where | share |',
    '| --- | ---: |',
    ...top(byCategory, 12).map(([k, v]) => `| ${k} | ${pct(v)} |`),
    '',
    '| hottest functions | share |',
    '| --- | ---: |',
    ...top(byFunction, 15).map(([k, v]) => `| \`${k.replace(/\|/g, '\\|')}\` | ${pct(v)} |`),
  );
}, 600_000);
