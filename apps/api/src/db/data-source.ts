import { types } from 'pg';
import { DataSource, type Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the host's time zone.
types.setTypeParser(types.builtins.DATE, (v) => v);

export interface DataSourceOptions {
  url: string;
  poolMax: number;
  /** Receives every SQL statement (tests count them to prove there is no N+1). */
  logger?: Logger;
}

export function createDataSource(opts: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: opts.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    // The schema is owned by migrations alone.
    synchronize: false,
    migrationsRun: false,
    logging: opts.logger ? ['query', 'error'] : ['error'],
    logger: opts.logger,
    extra: { max: opts.poolMax },
  });
}

/** Opens the data source and applies pending migrations, each in its own transaction. */
export async function openDatabase(opts: DataSourceOptions): Promise<DataSource> {
  const ds = createDataSource(opts);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
