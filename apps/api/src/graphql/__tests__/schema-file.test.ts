import { readFileSync, writeFileSync } from 'node:fs';
import { SCHEMA_FILE, schemaSdl } from '../emit-schema';

/**
 * apps/api/schema.graphql is what the web's generated types are built from (issue 11): it must be the
 * schema the resolvers build. After changing the schema: `pnpm schema` (or
 * `UPDATE_SCHEMA=1 node node_modules/jest/bin/jest.js apps/api/src/graphql/__tests__/schema-file.test.ts`),
 * then `pnpm codegen` for the web.
 */
it('apps/api/schema.graphql is the schema the resolvers build', async () => {
  const sdl = await schemaSdl();
  if (process.env.UPDATE_SCHEMA === '1') {
    writeFileSync(SCHEMA_FILE, sdl);
    return;
  }
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(sdl);
});
