import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config/config';
import { BusinessClock } from '../../common/business-clock';
import { openDatabase } from '../data-source';
import { DEFAULT_SCALE, defaultEnterprises, generateScale, scaleProblems, type ScaleOptions } from './scale';

/**
 * `node apps/api/dist/cli.js scale [--loans 200000] [--banks 20] [--guarantors 10]
 *   [--enterprises N] [--business-date YYYY-MM-DD]` — see scale.ts. Runs as the owner
 * (MIGRATION_DATABASE_URL, else DATABASE_URL) on a database that already has the demo.
 */
export function parseScaleArgs(argv: string[], env: NodeJS.ProcessEnv): ScaleOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      loans: { type: 'string' },
      banks: { type: 'string' },
      guarantors: { type: 'string' },
      enterprises: { type: 'string' },
      'business-date': { type: 'string' },
    },
  });
  const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
  const loans = num(values.loans, DEFAULT_SCALE.loans);
  const options: ScaleOptions = {
    loans,
    banks: num(values.banks, DEFAULT_SCALE.banks),
    guarantors: num(values.guarantors, DEFAULT_SCALE.guarantors),
    enterprises: num(values.enterprises, defaultEnterprises(loans)),
    businessDate: values['business-date'] ?? env.BUSINESS_DATE ?? new BusinessClock(false, undefined).today(),
  };
  const problems = scaleProblems(options);
  if (problems.length) throw new ConfigError(problems);
  return options;
}

export async function scaleCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const options = parseScaleArgs(argv, env);
  const config = loadConfig({ ...env, BUSINESS_DATE: undefined }, []);
  if (!config.databaseUrl)
    throw new ConfigError(['DATABASE_URL is required (the scale generator needs a real PostgreSQL)']);
  const ds = await openDatabase({
    url: config.migrationDatabaseUrl ?? config.databaseUrl,
    poolMax: 1,
    appRole: config.dbAppRole,
  });
  try {
    const started = Date.now();
    const result = await ds.transaction((em) => generateScale(em, options));
    // Fresh statistics, so the first plans at the new size are the right ones, and the visibility
    // map a settled database has: without it the index-only aggregates (bankRisks, counts) read the
    // heap — the manager's bankRisks at 200,000 loans took 200 ms instead of 44 ms until autovacuum
    // came by. Sizing a deployment on an unvacuumed copy would overstate it.
    await ds.query('VACUUM ANALYZE');
    const addedRows = Object.entries(result.added)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${n} ${table}`)
      .join(', ');
    return (
      `Scaled to ${result.banks} banks, ${result.guarantors} guarantors, ${result.enterprises} enterprises, ` +
      `${result.loans} loans, ${result.claims} claims (added: ${addedRows || 'nothing'}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`
    );
  } finally {
    await ds.destroy();
  }
}
