import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Issue 10: list reads without TypeORM's query builder. The builder aliases every column
 * (`"c"."id" AS "c_id"`), regex-rewrites the statement on each call and hydrates rows through a
 * generic transformer; a page of 50 claims spent more in that than in PostgreSQL. A reader selects
 * an entity's columns under their own names and copies them onto an entity instance, so the
 * statement can go through `Scope.query` (named, prepared, the caller's scope) and the result is the
 * entity the rest of the code expects.
 *
 * It knows the column types the schema uses, each arriving from node-pg as TypeORM would hydrate it
 * (strings for numeric, bigint and date — data-source.ts keeps dates as strings — Date for timestamps,
 * objects for jsonb) and refuses, when built, an entity with any other type, an embedded or a value
 * transformer: those would need TypeORM's own conversions. `row-reader.test.ts` checks the result
 * against TypeORM's for every row of the demo.
 */
export interface RowReader<T> {
  /**
   * The select list as `alias.column`: every selectable column of the entity, or those of the
   * `only` properties, always in the entity's column order (one statement text per set).
   */
  columns(alias: string, only?: ReadonlySet<string>): string;
  /**
   * A row selected with `columns` (extra keys ignored) as an entity. A column the row does not carry
   * (not selected) leaves its property unset; node-pg gives SQL NULL as null, never undefined.
   */
  read(row: Record<string, unknown>): T;
}

const PASSED_AS_IS = new Set([
  'uuid',
  'text',
  'varchar',
  'char',
  'int',
  'integer',
  'bigint',
  'numeric',
  'jsonb',
  'date',
]);

const readers = new WeakMap<object, RowReader<unknown>>();

export function rowReader<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>): RowReader<T> {
  const metadata = ds.getMetadata(entity);
  const cached = readers.get(metadata);
  if (cached) return cached as RowReader<T>;
  if (metadata.embeddeds.length)
    throw new Error(`${metadata.name}: embedded columns need TypeORM's hydration`);
  const columns = metadata.columns.filter((c) => c.isSelect);
  const convert = columns.map((c) => converter(metadata.name, c));
  const reader: RowReader<T> = {
    columns: (alias, only) =>
      columns
        .filter((c) => !only || only.has(c.propertyName))
        .map((c) => `${alias}.${c.databaseName}`)
        .join(', '),
    read: (row) => {
      const e = metadata.create() as Record<string, unknown>;
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i];
        const value = row[c.databaseName];
        if (value !== undefined) e[c.propertyName] = convert[i](value);
      }
      return e as T;
    },
  };
  readers.set(metadata, reader as RowReader<unknown>);
  return reader;
}

function converter(entity: string, c: ColumnMetadata): (value: unknown) => unknown {
  if (c.transformer)
    throw new Error(`${entity}.${c.propertyName}: a value transformer needs TypeORM's hydration`);
  const type = typeof c.type === 'string' ? c.type : '';
  if (PASSED_AS_IS.has(type)) return (v) => v ?? null;
  if (type === 'boolean') return (v) => (v === null || v === undefined ? null : Boolean(v));
  if (type === 'timestamptz' || type === 'timestamp with time zone')
    return (v) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
  throw new Error(
    `${entity}.${c.propertyName}: column type ${String(c.type)} is not read by db/row-reader.ts`,
  );
}
