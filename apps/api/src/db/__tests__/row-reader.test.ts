import { ClaimEntity } from '../../modules/claim/claim.entity';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { ENTITIES } from '../entities';
import { rowReader } from '../row-reader';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

describe('row reader (lean list reads, issue 10)', () => {
  it('reads every demo claim exactly as TypeORM hydrates it (same class, same values and types)', async () => {
    const reader = rowReader(app.ds, ClaimEntity);
    const rows = (await app.ds.query(`SELECT ${reader.columns('c')} FROM claims c ORDER BY c.seq`)) as Record<
      string,
      unknown
    >[];
    const typeorm = await app.ds.getRepository(ClaimEntity).find({ order: { seq: 'ASC' } });
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.map(reader.read)).toStrictEqual(typeorm);
  });

  it('agrees with TypeORM on every entity it accepts, and names the column it cannot read on the others', async () => {
    let compared = 0;
    for (const entity of ENTITIES) {
      const metadata = app.ds.getMetadata(entity);
      let reader;
      try {
        reader = rowReader(app.ds, entity);
      } catch (err) {
        expect(String(err)).toMatch(new RegExp(`^Error: ${metadata.name}(\\.| |:)`));
        continue;
      }
      if (metadata.primaryColumns.length !== 1) continue;
      const key = metadata.primaryColumns[0];
      const rows = (await app.ds.query(
        `SELECT ${reader.columns('t')} FROM ${metadata.tablePath} t ORDER BY t.${key.databaseName} LIMIT 100`,
      )) as Record<string, unknown>[];
      const typeorm = await app.ds
        .getRepository(entity)
        .find({ order: { [key.propertyName]: 'ASC' } as never, take: 100 });
      expect({ entity: metadata.name, rows: rows.map(reader.read) }).toStrictEqual({
        entity: metadata.name,
        rows: typeorm,
      });
      compared += rows.length ? 1 : 0;
    }
    expect(compared).toBeGreaterThan(10);
  });
});

describe('Scope.query on the serving pool', () => {
  // PostgreSQL only: the embedded database's connections share one session and run it unnamed
  // (embedded-statements.test.ts).
  (process.env.IPFUND_TEST_DB === 'embedded' ? it.skip : it)(
    'runs its statement prepared, under its text’s name, from the first use',
    async () => {
      const actor = await app.actor('manager');
      const text = `SELECT count(*)::int AS n FROM claims claim WHERE claim.status <> :status`;
      const prepared = await app.services.access.read(actor, async (scope) => {
        await scope.query(text, { status: 'NONE_SUCH' });
        return scope.query<{ name: string; statement: string }>(
          `SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE :pattern`,
          { pattern: 'SELECT count(*)::int AS n FROM claims claim WHERE claim.status <> %' },
        );
      });
      expect(prepared).toHaveLength(1);
      expect(prepared[0].name).toMatch(/^ipq_/);
    },
  );
});
