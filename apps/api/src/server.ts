import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { langFromAcceptLanguage, type MessageKey, type MessageParams } from '@ipfund/shared';
import type { GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import { AppError } from './common/errors';
import { exportRouter } from './export/http';
import type { GqlContext, SessionCookie } from './graphql/context';
import { languagePlugin, makeFormatError } from './graphql/errors';
import { createRequestChecker, refusalBody, UPLOAD_HEADER, type LimitRefusal } from './graphql/limits';
import { createSchema } from './graphql/schema';
import { operationPlugin } from './graphql/operation';
import { jitGateway } from './graphql/jit';
import { auditTrailPlugin } from './modules/audit/audit-trail.plugin';
import { CLAIM_DOCUMENT_ROUTE, claimDocumentDownload } from './modules/claim/claim-document.download';
import type { Services } from './services';

export async function createApollo(
  services: Services,
  schema?: GraphQLSchema,
  plugins: ApolloServerPlugin<GqlContext>[] = [],
) {
  const production = services.config.env === 'production';
  const apollo = new ApolloServer<GqlContext>({
    // Issue 10: operations execute as compiled code (graphql/jit.ts).
    gateway: jitGateway(schema ?? (await createSchema())),
    formatError: makeFormatError(services.log),
    // Introspection helps the client team; production hides the schema from anonymous probing.
    introspection: !production,
    // Issue 9: "Did you mean …" would spell out the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    // Issue 9 row 9: Apollo's own SIGTERM handler stops the server and re-raises the signal, which
    // killed the process (exit 143) before main's drain could finish. main.ts owns the signals.
    stopOnTerminationSignals: false,
    // Issue 10: one login check, one read transaction per operation (graphql/operation.ts).
    // Issue 11: Accept-Language picks the language of error messages (graphql/errors.ts).
    // Issue 12: every operation of an auditor is on the activity record (Art 20).
    // Issue 10: no HTTP cache hints (every answer is private to its caller), so Apollo's default
    // cache-control plugin is off: its willResolveField hook wrapped every field resolver (~8 % of a
    // page's CPU in the reads bench profile).
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      operationPlugin(),
      languagePlugin<GqlContext>(),
      auditTrailPlugin(),
      ...plugins,
    ],
  });
  return apollo;
}

/**
 * Builds the per-request context. A bad token does not fail the request here: it is kept and
 * reported as UNAUTHENTICATED by every non-public field, so `login` still works with a stale token.
 */
export async function contextFor(
  services: Services,
  authorization: string | undefined,
  clientAddress?: string,
): Promise<GqlContext> {
  try {
    // A login resolved in the last minute comes from memory; graphql/operation.ts re-checks it.
    const actor = await services.auth.authenticate(authorization, { cached: true });
    return { actor, authorization, services, clientAddress };
  } catch (err) {
    if (err instanceof AppError) return { actor: null, authError: err, services, clientAddress };
    throw err;
  }
}

/** The browser's session cookie (issue 9): httpOnly, so an injected script cannot read the token. */
export const SESSION_COOKIE = 'ipfund_session';

/**
 * The caller's credentials: the Authorization header (API clients), else the session cookie (the
 * web client). Cross-site requests carry no cookie (SameSite=Strict), and Apollo's CSRF prevention
 * refuses the simple requests a form or <img> could send, so the cookie adds no CSRF path.
 */
export function authorizationOf(req: IncomingMessage): string | undefined {
  if (req.headers.authorization) return req.headers.authorization;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const token = part.slice(eq + 1).trim();
      return token ? `Bearer ${token}` : undefined;
    }
  }
  return undefined;
}

function sessionCookie(res: Response, services: Services): SessionCookie {
  const options = {
    httpOnly: true,
    sameSite: 'strict' as const,
    // Plain HTTP on localhost in development and tests; production is served over TLS.
    secure: services.config.env === 'production',
    path: '/',
  };
  return {
    set: (token, expiresAt) => res.cookie(SESSION_COOKIE, token, { ...options, expires: expiresAt }),
    clear: () => res.clearCookie(SESSION_COOKIE, options),
  };
}

/**
 * Issue 9 headers. The built client has no inline script (Vite emits module files only), so scripts
 * come from 'self' alone. Ant Design writes its CSS-in-JS as <style> elements at runtime, which CSP
 * can only allow with 'unsafe-inline' for styles; an injected style cannot run code. No framing.
 */
function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Plain HTTP in development and tests; production sits behind TLS, where HSTS belongs to the proxy.
    strictTransportSecurity: false,
  });
}

/** A refusal outside GraphQL, in the caller's language (Accept-Language), with its message key. */
function jsonError(
  req: Request,
  status: number,
  code: LimitRefusal['code'] | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR',
  messageKey: MessageKey,
  params: MessageParams = {},
) {
  const lang = langFromAcceptLanguage(req.headers['accept-language']);
  return { status, body: refusalBody({ code, messageKey, params }, lang) };
}

/**
 * Body parser errors and anything else thrown outside GraphQL answer JSON, never Express's HTML page
 * (which shows a stack trace with server paths in development).
 */
function errorHandler(services: Services): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const e = (err ?? {}) as { type?: unknown; status?: unknown; statusCode?: unknown };
    const status =
      typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
    const answer =
      e.type === 'entity.parse.failed'
        ? jsonError(req, 400, 'BAD_REQUEST', 'request.malformedJson')
        : e.type === 'entity.too.large'
          ? jsonError(req, 413, 'PAYLOAD_TOO_LARGE', 'request.bodyTooLarge')
          : status >= 400 && status < 500
            ? jsonError(req, status, 'BAD_REQUEST', 'request.bad')
            : jsonError(req, 500, 'INTERNAL_SERVER_ERROR', 'common.internal');
    if (answer.status === 500) services.log.error({ err }, 'unexpected HTTP error');
    // A refused body is not read to its end: close the connection rather than drain megabytes.
    if (e.type === 'entity.too.large') res.set('Connection', 'close');
    res.status(answer.status).json(answer.body);
  };
}

const bodyBytes = new WeakMap<IncomingMessage, number>();

/**
 * Issue 9 body limits. The loan tape and claim documents still travel as base64 in GraphQL variables,
 * so those two mutations need more than the 1 MB every other operation gets. The larger limit must be
 * asked for before the body is read — header `UPLOAD_HEADER` (the web client sends it with the two
 * upload mutations) and a valid token (checked by signature only, no database); every other request
 * is cut off at the small limit while it is read, without decoding or parsing anything. A body over
 * the small limit must then be an operation of upload mutations alone. The query document itself is
 * bounded separately (characters, tokens).
 */
function bodyParser(services: Services): RequestHandler {
  const limits = services.config.graphqlLimits;
  const verify = (req: IncomingMessage, _res: unknown, buf: Buffer) => {
    bodyBytes.set(req, buf.length);
  };
  const small = express.json({ limit: limits.bodyBytes, verify });
  const large = express.json({ limit: limits.uploadBodyBytes, verify });
  return (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorizationOf(req)?.trim() ?? '')?.[1];
    if (!bearer || req.headers[UPLOAD_HEADER] !== '1') return small(req, res, next);
    services.tokens.verify(bearer).then(
      (claims) => (claims ? large : small)(req, res, next),
      (err: unknown) => next(err),
    );
  };
}

/** Refuses a request over the limits before Apollo builds a context or runs anything (graphql/limits.ts). */
function requestLimits(services: Services, schema: GraphQLSchema): RequestHandler {
  const limits = services.config.graphqlLimits;
  const check = createRequestChecker(schema, limits);
  return (req, res, next) => {
    const params: unknown = req.method === 'GET' ? req.query : req.body;
    // A batch (an array) is refused by Apollo itself: batching is off.
    if (!params || typeof params !== 'object' || Array.isArray(params)) return next();
    const p = params as { query?: unknown; variables?: unknown; operationName?: unknown };
    let variables = p.variables;
    if (typeof variables === 'string') {
      try {
        variables = JSON.parse(variables) as unknown;
      } catch {
        variables = undefined; // Apollo answers the malformed variables itself
      }
    }
    const result = check({ query: p.query, variables, operationName: p.operationName });
    if ('code' in result) {
      const answer = jsonError(req, result.status, result.code, result.messageKey, result.params);
      res.status(answer.status).json(answer.body);
      return;
    }
    if ((bodyBytes.get(req) ?? 0) > limits.bodyBytes && !result.uploadOnly) {
      const answer = jsonError(req, 413, 'PAYLOAD_TOO_LARGE', 'request.uploadOnly', {
        limit: limits.bodyBytes,
        header: UPLOAD_HEADER,
      });
      res.status(answer.status).json(answer.body);
      return;
    }
    next();
  };
}

export interface HttpServerOptions {
  /** /readyz: rejects when the database does not answer. */
  checkDatabase?: () => Promise<unknown>;
}

export interface HttpServer {
  server: Server;
  url: string;
  /** Stops accepting, lets requests in flight finish (up to SHUTDOWN_TIMEOUT_MS), then closes the rest. */
  stop(): Promise<void>;
}

/** One port: GraphQL at /graphql and the built web client at /. */
export async function startHttpServer(services: Services, opts: HttpServerOptions = {}): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  // req.ip for login throttling: the socket's peer unless a proxy in front is trusted (TRUST_PROXY).
  app.set('trust proxy', services.config.trustProxy);
  app.use(securityHeaders());
  const httpServer = createServer(app);
  const schema = await createSchema();
  const apollo = await createApollo(services, schema, [
    ApolloServerPluginDrainHttpServer({
      httpServer,
      stopGracePeriodMillis: services.config.shutdownTimeoutMs,
    }),
  ]);
  await apollo.start();
  let draining = false;

  // Liveness: the process runs its event loop. No database call, so a database outage does not
  // get the process restarted.
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, businessDate: services.clock.today() });
  });
  // Readiness: the database answers. Migrations are applied at boot before the port opens, so a
  // listening process never has one pending. False while draining, so no new traffic is sent here.
  app.get('/readyz', (_req, res) => {
    if (draining) {
      res.status(503).json({ ok: false, reason: 'shutting down' });
      return;
    }
    const check = opts.checkDatabase ?? (() => Promise.resolve());
    const timeout = new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error('database check timed out')), 2000).unref();
    });
    Promise.race([check(), timeout]).then(
      () => res.json({ ok: true, database: 'up', migrations: 'current' }),
      (err: unknown) => {
        services.log.warn({ err }, 'readiness check failed');
        res.status(503).json({ ok: false, reason: 'database unavailable' });
      },
    );
  });
  // Claim documents as plain downloads, authenticated by the same context function as GraphQL.
  app.get(
    CLAIM_DOCUMENT_ROUTE,
    claimDocumentDownload((req) => contextFor(services, authorizationOf(req), req.ip)),
  );
  // File exports (xlsx, PDF) under /export, authenticated by the same context function (export/http.ts).
  app.use(
    '/export',
    exportRouter((req) => contextFor(services, authorizationOf(req), req.ip)),
  );
  app.use(
    '/graphql',
    bodyParser(services),
    requestLimits(services, schema),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        ...(await contextFor(services, authorizationOf(req), req.ip)),
        session: sessionCookie(res, services),
        ...(req.headers['accept-language']
          ? { lang: langFromAcceptLanguage(req.headers['accept-language']) }
          : {}),
      }),
    }),
  );

  const webDist = services.config.webDist ?? path.resolve(__dirname, '../../web/dist');
  if (existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes fall back to the app shell.
    app.get(/^\/(?!graphql).*/, (_req, res) => res.sendFile(path.join(webDist, 'index.html')));
  } else {
    services.log.warn({ webDist }, 'web client not built; serving the API only');
  }
  // Anything else: a JSON 404 under the same security headers (Express's own 404 page would replace
  // the CSP with its own and answer HTML).
  app.use((req, res) => {
    const answer = jsonError(req, 404, 'NOT_FOUND', 'request.notFound');
    res.status(answer.status).json(answer.body);
  });
  app.use(errorHandler(services));

  await new Promise<void>((resolve) =>
    httpServer.listen(services.config.port, services.config.host, resolve),
  );
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : services.config.port;
  return {
    server: httpServer,
    url: `http://localhost:${port}/`,
    async stop() {
      draining = true;
      // The drain plugin closes the listener and idle keep-alive connections at once, waits for the
      // requests in flight up to stopGracePeriodMillis, then closes what is left.
      await apollo.stop();
    },
  };
}

/**
 * SIGTERM/SIGINT (issue 9): stop accepting, finish requests in flight (bounded by the drain), close
 * the pools, log, exit 0. A second signal, or a drain that overruns its bound by 5 s, exits 1.
 */
export function gracefulShutdown(opts: {
  log: Services['log'];
  http: HttpServer;
  close: () => Promise<void>;
  timeoutMs: number;
  exit: (code: number) => void;
}): (signal: string) => Promise<void> {
  let started = false;
  return async (signal: string) => {
    if (started) {
      opts.log.warn({ signal }, 'second signal during shutdown: exiting now');
      opts.exit(1);
      return;
    }
    started = true;
    const began = Date.now();
    opts.log.info({ signal, timeoutMs: opts.timeoutMs }, 'shutting down: draining requests in flight');
    const overrun = setTimeout(() => {
      opts.log.error({ signal }, 'shutdown overran its bound: exiting');
      opts.exit(1);
    }, opts.timeoutMs + 5000);
    overrun.unref();
    try {
      await opts.http.stop();
      await opts.close();
      clearTimeout(overrun);
      opts.log.info({ signal, ms: Date.now() - began }, 'shut down cleanly');
      opts.exit(0);
    } catch (err) {
      clearTimeout(overrun);
      opts.log.error({ err, signal }, 'shutdown failed');
      opts.exit(1);
    }
  };
}
