import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from './schema';

/**
 * The API's schema as SDL, committed as apps/api/schema.graphql: the web's types are generated from it
 * (apps/web/codegen.ts), and a test fails when the file and the resolvers differ. Sorted, so the file
 * changes only when the schema does, not when resolvers are registered in another order.
 */
export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

const HEADER =
  '# Generated from the resolvers by apps/api/src/graphql/emit-schema.ts (`pnpm schema`); do not edit.\n\n';

export async function schemaSdl(): Promise<string> {
  return `${HEADER}${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}

// `pnpm schema` (after the build): node apps/api/dist/graphql/emit-schema.js
if (require.main === module) {
  schemaSdl().then(
    (sdl) => {
      writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
