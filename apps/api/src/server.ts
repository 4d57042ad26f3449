import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { AppError } from './common/errors';
import type { GqlContext } from './graphql/context';
import { makeFormatError } from './graphql/errors';
import { createSchema } from './graphql/schema';
import type { Services } from './services';

export async function createApollo(
  services: Services,
  schema?: GraphQLSchema,
  plugins: ApolloServerPlugin<GqlContext>[] = [],
) {
  const apollo = new ApolloServer<GqlContext>({
    schema: schema ?? (await createSchema()),
    formatError: makeFormatError(services.log),
    // Introspection helps the client team; production hides the schema from anonymous probing.
    introspection: services.config.env !== 'production',
    includeStacktraceInErrorResponses: false,
    plugins,
  });
  return apollo;
}

/**
 * Builds the per-request context. A bad token does not fail the request here: it is kept and
 * reported as UNAUTHENTICATED by every non-public field, so `login` still works with a stale token.
 */
export async function contextFor(services: Services, authorization: string | undefined): Promise<GqlContext> {
  try {
    return { actor: await services.auth.authenticate(authorization), services };
  } catch (err) {
    if (err instanceof AppError) return { actor: null, authError: err, services };
    throw err;
  }
}

/** One port: GraphQL at /graphql and the built web client at /. */
export async function startHttpServer(
  services: Services,
): Promise<{ server: Server; url: string; stop(): Promise<void> }> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const apollo = await createApollo(services, undefined, [ApolloServerPluginDrainHttpServer({ httpServer })]);
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, businessDate: services.clock.today() });
  });
  app.use(
    '/graphql',
    express.json({ limit: '16mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => contextFor(services, req.headers.authorization),
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

  await new Promise<void>((resolve) =>
    httpServer.listen(services.config.port, services.config.host, resolve),
  );
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : services.config.port;
  return {
    server: httpServer,
    url: `http://localhost:${port}/`,
    async stop() {
      await apollo.stop();
    },
  };
}
