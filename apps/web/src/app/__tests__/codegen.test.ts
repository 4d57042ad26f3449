/// <reference types="node" />
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The committed src/gql is what graphql-codegen makes of apps/api/schema.graphql and the `graphql(…)`
 * documents now (issue 11): a changed schema or query that was not regenerated fails here. Fix with
 * `pnpm codegen` at the repository root. (The schema file itself is checked against the resolvers by
 * apps/api/src/graphql/__tests__/schema-file.test.ts.) The generator runs in its own process: it is
 * ESM inside, which jest's CommonJS runtime cannot load.
 */
const ROOT = path.resolve(__dirname, '../../../../..');
const COMMITTED = path.join(ROOT, 'apps/web/src/gql');

it('src/gql is up to date with the schema and the documents', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'ipfund-gql-'));
  try {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js'),
        '--config',
        'apps/web/codegen.ts',
        '--silent',
      ],
      { cwd: ROOT, env: { ...process.env, CODEGEN_OUT: `${out}/` }, stdio: 'pipe' },
    );
    const names = (dir: string) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .sort();
    expect(names(COMMITTED)).toEqual(names(out));
    for (const name of names(out)) {
      const committed = readFileSync(path.join(COMMITTED, name), 'utf8');
      // One file at a time, so a failure names the file that drifted.
      expect({ file: name, content: committed }).toEqual({
        file: name,
        content: readFileSync(path.join(out, name), 'utf8'),
      });
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
