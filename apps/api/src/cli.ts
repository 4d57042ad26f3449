import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ORG_KINDS } from '@ipfund/shared';
import { hashPassword } from './auth/password';
import { ConfigError, loadConfig } from './config/config';
import { openDatabase } from './db/data-source';
import { scaleCommand } from './db/scale/command';

/**
 * Operator commands for a real deployment, where no demo data exists:
 *
 *   IPFUND_PASSWORD='…' node apps/api/dist/cli.js create-user \
 *     --org-kind FUND_MANAGER --org-name '重庆江北知识产权运营服务有限公司' --username manager --display-name '陈经理'
 *
 * creates the organisation if it does not exist and a user in it. Only the government offices,
 * the fund manager and the auditor are set up here; banks and guarantors are admitted in the portal
 * (Art 8), where the offices and the manager create their users.
 *
 *   DATABASE_URL=… node apps/api/dist/cli.js scale --loans 200000
 *
 * tops a database that has the demo up to a production-sized portfolio (db/scale/scale.ts).
 */
const BOOTSTRAP_KINDS = ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'AUDITOR'];

export async function createUser(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'org-kind': { type: 'string' },
      'org-name': { type: 'string' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
    },
  });
  const kind = values['org-kind'] ?? '';
  const orgName = values['org-name']?.trim() ?? '';
  const username = values.username?.trim().toLowerCase() ?? '';
  const displayName = values['display-name']?.trim() || username;
  const password = env.IPFUND_PASSWORD ?? '';
  const problems: string[] = [];
  if (!BOOTSTRAP_KINDS.includes(kind))
    problems.push(`--org-kind must be one of ${BOOTSTRAP_KINDS.join(', ')}`);
  if (!(ORG_KINDS as readonly string[]).includes(kind)) problems.push('unknown organisation kind');
  if (!orgName) problems.push('--org-name is required');
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) problems.push('--username: 2–64 of a-z 0-9 . _ -');
  if (password.length < 12) problems.push('IPFUND_PASSWORD must be set, at least 12 characters');
  if (problems.length) throw new ConfigError(problems);

  const config = loadConfig(env, []);
  if (!config.databaseUrl)
    throw new ConfigError(['DATABASE_URL is required (the embedded database is for demos)']);
  // An operator at the console acts as the owner: the first users exist before any tenant does.
  const ds = await openDatabase({
    url: config.migrationDatabaseUrl ?? config.databaseUrl,
    poolMax: 2,
    appRole: config.dbAppRole,
  });
  try {
    const passwordHash = await hashPassword(password);
    await ds.transaction(async (em) => {
      const [org] = await em.query(
        `INSERT INTO organizations (kind, name, short_name) VALUES ($1, $2, $2)
         ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id, kind`,
        [kind, orgName],
      );
      if (org.kind !== kind) throw new ConfigError([`"${orgName}" exists with kind ${org.kind}`]);
      const [user] = await em.query(
        `INSERT INTO users (organization_id, username, display_name, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
        [org.id, username, displayName, passwordHash],
      );
      // On the activity record like any other change, with no user acting (an operator at the console).
      await em.query(
        `INSERT INTO activity_log (business_date, operation, target_type, target_id, outcome, detail)
         VALUES ((now() AT TIME ZONE 'Asia/Shanghai')::date, 'cli.create-user', 'User', $1, 'OK', $2::jsonb)`,
        [user.id, JSON.stringify({ username, organization: orgName, kind })],
      );
    });
    return `Created ${username} in ${orgName} (${kind}).`;
  } finally {
    await ds.destroy();
  }
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'create-user') {
    console.log(await createUser(rest));
    return;
  }
  if (command === 'scale') {
    console.log(await scaleCommand(rest));
    return;
  }
  console.error(
    'Usage: IPFUND_PASSWORD=… node apps/api/dist/cli.js create-user --org-kind KIND --org-name NAME --username USER [--display-name NAME]\n' +
      '       DATABASE_URL=… node apps/api/dist/cli.js scale [--loans 200000] [--banks 20] [--guarantors 10] [--enterprises N] [--business-date YYYY-MM-DD]',
  );
  process.exit(2);
}

if (require.main === module)
  void main().catch((err: unknown) => {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
