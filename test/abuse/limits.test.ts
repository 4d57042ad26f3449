/**
 * Issue 9, rows 2, 3, 4, 8 and 9: abusive requests against the real HTTP server. Each is refused
 * clearly and cheaply, and the server answers an ordinary request right after.
 */
import { connect } from 'node:net';
import { createTestApp, type TestApp } from '../../apps/api/src/testing/test-app';
import { itOnRealPostgres } from '../../apps/api/src/testing/test-db';
import { gracefulShutdown, startHttpServer, type HttpServer } from '../../apps/api/src/server';
import type { Services } from '../../apps/api/src/services';
import { UPLOAD_HEADER } from '../../apps/api/src/graphql/limits';

interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: {
    data?: Record<string, unknown> | null;
    errors?: {
      message: string;
      extensions?: { code?: string; messageKey?: string; params?: Record<string, unknown> };
    }[];
  };
  ms: number;
}

async function post(
  url: string,
  body: string,
  token?: string,
  extra: Record<string, string> = {},
): Promise<Answer> {
  const began = Date.now();
  const res = await fetch(`${url}graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...extra,
    },
    body,
  });
  const text = await res.text();
  let json: Answer['json'] = {};
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    // asserted by the caller through contentType/text
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text,
    json,
    ms: Date.now() - began,
  };
}

const gql = (
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  extra: Record<string, string> = {},
) => post(url, JSON.stringify({ query, variables }), token, extra);

/** What the web client sends with its two upload mutations (graphql/limits.ts UPLOAD_HEADER). */
const UPLOAD = { [UPLOAD_HEADER]: '1' };

function serve(app: TestApp, config: Partial<Services['config']> = {}): Promise<HttpServer> {
  return startHttpServer(
    { ...app.services, config: { ...app.services.config, port: 0, host: '127.0.0.1', ...config } },
    { checkDatabase: () => app.ds.query('SELECT 1') },
  );
}

describe('abusive requests are refused before any work (issue 9)', () => {
  let app: TestApp;
  let http: HttpServer;
  let url: string;
  let manager: string;
  let bank: string;

  beforeAll(async () => {
    app = await createTestApp();
    // Development mode: Express would answer a body error with an HTML stack trace there.
    http = await serve(app, { env: 'development' });
    url = http.url;
    manager = await app.login('manager');
    bank = await app.login('bank-a');
  }, 120_000);
  afterAll(async () => {
    await http?.stop();
    await app?.close();
  });

  /** The server still answers, anonymously and as a user. */
  async function stillServes(): Promise<void> {
    const anon = await gql(url, '{ __typename }');
    expect(anon.json.data).toEqual({ __typename: 'Query' });
    const me = await gql(url, '{ me { username } }', {}, bank);
    expect(me.json.data).toEqual({ me: { username: 'bank-a' } });
  }

  function expectRefused(a: Answer, status: number, code: string): void {
    expect({ status: a.status, code: a.json.errors?.[0]?.extensions?.code }).toEqual({ status, code });
    expect(a.json.data ?? null).toBeNull();
    expect(a.ms).toBeLessThan(3000);
  }

  it('row 2: an anonymous 15 MB query of __typename is cut off at 1 MB of body', async () => {
    const query = `{ ${'__typename '.repeat(1_400_000)} }`;
    expectRefused(await gql(url, query), 413, 'PAYLOAD_TOO_LARGE');
    await stillServes();
  });

  it('row 2: signed in, the same 15 MB query is cut off at 1 MB too, or, sent as an upload, refused by its size', async () => {
    const query = `{ ${'__typename '.repeat(1_400_000)} }`;
    expectRefused(await gql(url, query, {}, bank), 413, 'PAYLOAD_TOO_LARGE');
    expectRefused(await gql(url, query, {}, bank, UPLOAD), 413, 'QUERY_TOO_LARGE');
    expectRefused(await gql(url, `{ ${'__typename '.repeat(90_000)} }`), 413, 'QUERY_TOO_LARGE');
    await stillServes();
  });

  it('row 2: a 15 MB username on login is refused by the body limit, anonymously', async () => {
    const a = await gql(url, 'mutation($u: String!) { login(username: $u, password: "x") { token } }', {
      u: 'x'.repeat(15_000_000),
    });
    expectRefused(a, 413, 'PAYLOAD_TOO_LARGE');
    await stillServes();
  });

  it('row 3: 1,000 aliases of a page of 100 loans are refused (tokens), and 10 of them by cost', async () => {
    const alias = (i: number) =>
      `a${i}: loans(first: 100) { edges { node { id collateral { id } statusReports { id } } } }`;
    const thousand = `{ ${Array.from({ length: 1000 }, (_, i) => alias(i)).join(' ')} }`;
    expectRefused(await gql(url, thousand, {}, manager), 413, 'QUERY_TOO_LARGE');
    const ten = `{ ${Array.from({ length: 10 }, (_, i) => alias(i)).join(' ')} }`;
    const a = await gql(url, ten, {}, manager);
    expectRefused(a, 400, 'QUERY_TOO_COMPLEX');
    expect(a.json.errors?.[0]?.message).toMatch(/cost \d+ exceeds the limit of 5000/);
    // 16 aliases of anything: the alias limit (15).
    const many = `{ ${Array.from({ length: 16 }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    expectRefused(await gql(url, many, {}, manager), 400, 'QUERY_TOO_COMPLEX');
    await stillServes();
  });

  it('row 3: six aliases of a claim document (heavy) are refused by cost, before any is read', async () => {
    const docs = Array.from({ length: 6 }, (_, i) => `d${i}: claimDocument(id: "${i}") { contentBase64 }`);
    expectRefused(await gql(url, `{ ${docs.join(' ')} }`, {}, bank), 400, 'QUERY_TOO_COMPLEX');
    await stillServes();
  });

  it('deep nesting and a huge first are refused as QUERY_TOO_COMPLEX', async () => {
    const deep = `{ me { ${'organization { '.repeat(20)}id${' }'.repeat(20)} } }`;
    expectRefused(await gql(url, deep, {}, bank), 400, 'QUERY_TOO_COMPLEX');
    const q = 'query($n: Int) { loans(first: $n) { edges { node { id } } } }';
    expectRefused(await gql(url, q, { n: 1_000_000_000 }, manager), 400, 'QUERY_TOO_COMPLEX');
    // The largest page the API serves is still allowed.
    const page = await gql(url, q, { n: 100 }, manager);
    expect(page.json.errors).toBeUndefined();
    await stillServes();
  });

  it('uploads keep their larger body limit; any other operation of the same size is refused', async () => {
    const big = Buffer.alloc(2 * 1024 * 1024, 'a').toString('base64');
    const upload = await gql(
      url,
      'mutation($i: UploadLoanTapeInput!) { uploadLoanTape(input: $i) { totalRows } }',
      { i: { fileName: 'book.csv', contentBase64: big, mode: 'VALIDATE_ONLY' } },
      bank,
      UPLOAD,
    );
    expect(upload.json.errors?.[0]?.extensions?.code).not.toBe('PAYLOAD_TOO_LARGE');
    expect(upload.status).not.toBe(413);
    // Without the header the body is cut off while it is read; with it, the operation must be an upload.
    expectRefused(
      await gql(url, 'query($x: String) { me { id } }', { x: big }, bank),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    const other = await gql(url, 'query($x: String) { me { id } }', { x: big }, bank, UPLOAD);
    expectRefused(other, 413, 'PAYLOAD_TOO_LARGE');
    expect(other.json.errors?.[0]?.message).toMatch(/Only uploadLoanTape and uploadClaimDocument/);
    // An anonymous caller gets no upload limit, header or not.
    const anon = await gql(
      url,
      'mutation($i: UploadLoanTapeInput!) { uploadLoanTape(input: $i) { totalRows } }',
      {
        i: { fileName: 'book.csv', contentBase64: big, mode: 'VALIDATE_ONLY' },
      },
      undefined,
      UPLOAD,
    );
    expectRefused(anon, 413, 'PAYLOAD_TOO_LARGE');
    await stillServes();
  });

  it('row 8: malformed JSON answers a JSON error, never an HTML page with server paths', async () => {
    for (const body of ['{"query": "{ me { id } }"', '{', 'not json at all']) {
      const a = await post(url, body);
      expect(a.status).toBe(400);
      expect(a.contentType).toMatch(/application\/json/);
      expect(a.json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(a.text).not.toMatch(/<html|<pre|node_modules|\/work\/|at .*\.js/i);
    }
    await stillServes();
  });

  it('every refusal before GraphQL carries a message key and speaks the caller’s language (issue 11)', async () => {
    const tooLong = `{ ${'__typename '.repeat(90_000)} }`;
    const en = await gql(url, tooLong, {}, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    const zh = await gql(url, tooLong, {}, undefined, { 'accept-language': 'zh-CN,zh;q=0.9' });
    for (const a of [en, zh]) {
      expect(a.json.errors?.[0]?.extensions).toMatchObject({
        code: 'QUERY_TOO_LARGE',
        messageKey: expect.stringMatching(/^request\./),
        params: { limit: expect.any(Number) },
      });
    }
    expect(en.json.errors?.[0]?.message).toMatch(/^The query document exceeds \d+ (characters|tokens)$/);
    expect(zh.json.errors?.[0]?.message).toMatch(/^查询文本超过 \d+ 个/);
    const bad = await post(url, '{', undefined, { 'accept-language': 'zh-CN' });
    expect(bad.json.errors?.[0]).toEqual({
      message: '请求内容不是有效的 JSON',
      extensions: { code: 'BAD_REQUEST', messageKey: 'request.malformedJson', params: {} },
    });
    // POST: a GET of an unknown path is the web client's (its routes fall back to the app shell).
    const missing = await fetch(`${url}no-such-path.json`, {
      method: 'POST',
      headers: { 'accept-language': 'en' },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      errors: [
        {
          message: 'Not found',
          extensions: { code: 'NOT_FOUND', messageKey: 'request.notFound', params: {} },
        },
      ],
    });
  });

  it('row 8: headers — CSP without inline script, no framing, nosniff, referrer policy', async () => {
    for (const path of ['', 'graphql?query=%7B__typename%7D', 'healthz']) {
      const res = await fetch(`${url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('/healthz and /readyz', async () => {
    const health = await fetch(`${url}healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${url}readyz`);
    expect(await ready.json()).toEqual({ ok: true, database: 'up', migrations: 'current' });
  });

  // The embedded database has one session and no server processes to terminate.
  itOnRealPostgres('connection-loss')(
    'row 4: PostgreSQL terminates every app connection; requests fail at worst once, then all succeed',
    async () => {
      await stillServes();
      for (let round = 0; round < 3; round++) {
        const killed = (await app.ds.query(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )) as { ok: boolean }[];
        expect(killed.length).toBeGreaterThan(0);
        // Requests that held a killed connection may fail; none may take the process down.
        await Promise.all(Array.from({ length: 8 }, () => gql(url, '{ me { username } }', {}, bank)));
        let ok = 0;
        for (let i = 0; i < 10; i++) {
          const me = await gql(url, '{ me { username } }', {}, bank);
          if (me.json.data?.me) ok++;
        }
        expect(ok).toBeGreaterThanOrEqual(9);
      }
      await stillServes();
      expect((await fetch(`${url}readyz`)).status).toBe(200);
    },
  );
});

describe('production mode (issue 9 row 8)', () => {
  let app: TestApp;
  let http: HttpServer;
  beforeAll(async () => {
    app = await createTestApp();
    http = await serve(app, { env: 'production' });
  }, 120_000);
  afterAll(async () => {
    await http?.stop();
    await app?.close();
  });

  it('answers an unknown field without "Did you mean", and still serves', async () => {
    const a = await gql(http.url, '{ claimz }');
    expect(a.status).toBe(400);
    expect(a.json.errors?.[0]?.message).toMatch(/claimz/);
    expect(a.text).not.toMatch(/Did you mean|"claim"/);
    expect((await gql(http.url, '{ __typename }')).json.data).toEqual({ __typename: 'Query' });
  });
});

describe('SIGTERM drains requests in flight (issue 9 row 9)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('stops accepting, finishes the request in flight, closes, logs, and exits 0', async () => {
    const http = await serve(app, { shutdownTimeoutMs: 5000 });
    const port = Number(new URL(http.url).port);
    const body = JSON.stringify({ query: '{ __typename }' });
    // A request in flight: headers and half the body sent before the signal.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let response = '';
    socket.on('data', (d: Buffer) => (response += d.toString()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n` +
        body.slice(0, 5),
    );
    await new Promise((r) => setTimeout(r, 100));

    const logged: string[] = [];
    const log = {
      info: (_o: unknown, m: string) => logged.push(m),
      warn: (_o: unknown, m: string) => logged.push(m),
      error: (_o: unknown, m: string) => logged.push(m),
    } as unknown as Services['log'];
    let exitCode: number | undefined;
    let closedPools = false;
    const exited = new Promise<void>((resolve) => {
      void gracefulShutdown({
        log,
        http,
        timeoutMs: 5000,
        close: async () => {
          closedPools = true;
        },
        exit: (code) => {
          exitCode = code;
          resolve();
        },
      })('SIGTERM');
    });
    await new Promise((r) => setTimeout(r, 100));
    // New connections are refused while the old request is still being served.
    await expect(fetch(`${http.url}healthz`)).rejects.toThrow();
    expect(exitCode).toBeUndefined();
    socket.end(body.slice(5));
    await closed;
    await exited;
    expect(response).toMatch(/^HTTP\/1.1 200/);
    expect(response).toMatch(/"__typename":"Query"/);
    expect(exitCode).toBe(0);
    expect(closedPools).toBe(true);
    expect(logged).toEqual(['shutting down: draining requests in flight', 'shut down cleanly']);
  }, 30_000);
});
