import 'reflect-metadata';
import path from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { openAppDatabase } from './db/data-source';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { seedDemo } from './demo/seed';
import { DEMO_PASSWORD } from './demo/demo-data';
import { createLogger } from './logger';
import { gracefulShutdown, startHttpServer } from './server';
import { createServices } from './services';
import { LogTransport, NotificationMailer, smtpTransport } from './modules/notification/mailer';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config);

  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  let poolMax = config.dbPoolMax;
  if (!url) {
    const dataDir = path.resolve(config.dataDir);
    embedded = await startEmbeddedDatabase({ dataDir, maxConnections: config.embeddedMaxConnections });
    url = embedded.url;
    poolMax = embedded.maxConnections;
    log.info({ dataDir }, 'embedded PostgreSQL (PGlite) started');
  }

  // Issue 8, two roles: migrations as the owner (MIGRATION_DATABASE_URL, else DATABASE_URL); the
  // serving pool is DATABASE_URL, and tenant transactions run as DB_APP_ROLE (db/tenant.ts).
  const db = await openAppDatabase({
    url,
    migrationUrl: config.migrationDatabaseUrl,
    appRole: config.dbAppRole,
    poolMax,
    warn: (message) => log.warn(message),
    // Issue 9: a terminated connection fails the requests using it; the pool opens a new one.
    onConnectionError: (err) =>
      log.warn({ err: err.message }, 'database connection lost; the pool reconnects'),
  });
  const services = createServices(config, db.ds, log);
  // The fund's set-up posting and the demo data are the operator's: written as the owner.
  const setup = db.ownerDs === db.ds ? services : createServices(config, db.ownerDs, log);
  // Art 3: any fresh database gets the initial capital once (idempotent, key 'setup:capital').
  const capital = await setup.ledger.ensureFundSetUp();
  if (!capital.replayed) log.info({ transaction: capital.id }, 'fund set up with its initial capital');

  let logins: { username: string; organization: string }[] = [];
  if (config.demo) {
    const seeded = await seedDemo(setup, db.ownerDs, services.clock.today());
    logins = seeded.logins;
    log.info({ created: seeded.created }, 'demo data ready');
  }
  // Serving needs no owner connection.
  if (db.ownerDs !== db.ds) await db.ownerDs.destroy();

  // Issue 12: the notification outbox goes out by SMTP when configured, else to the log.
  const mailer = new NotificationMailer(
    db.ds,
    config.smtpUrl ? await smtpTransport(config.smtpUrl, config.smtpFrom) : new LogTransport(log),
    log,
  );
  mailer.start(config.mailerIntervalMs);

  const http = await startHttpServer(services, { checkDatabase: () => db.ds.query('SELECT 1') });

  const lines = [
    '',
    `  IP Fund Portal is running: ${http.url}`,
    `  GraphQL: ${http.url}graphql`,
    `  Database: ${embedded ? `embedded PGlite (${path.resolve(config.dataDir)})` : 'PostgreSQL (DATABASE_URL)'}`,
    `  Business date: ${services.clock.today()} (Asia/Shanghai)`,
  ];
  if (config.demo) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}):`);
    for (const l of logins) lines.push(`    ${l.username.padEnd(12)} ${l.organization}`);
  }
  console.log(lines.join('\n') + '\n');

  const shutdown = gracefulShutdown({
    log,
    http,
    timeoutMs: config.shutdownTimeoutMs,
    async close() {
      await mailer.stop();
      await db.close();
      await embedded?.stop();
    },
    exit: (code) => process.exit(code),
  });
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('IP Fund Portal failed to start:', err);
  process.exit(1);
});
