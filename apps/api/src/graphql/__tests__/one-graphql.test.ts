/**
 * Every library that builds, checks or runs the schema must use the API's one copy of graphql-js: a
 * type made by one copy is not an `instanceof` of another's, and the schema breaks in ways that are
 * hard to read. graphql-js's development build checks this on every `instanceof`; the suites and the
 * deployed API run its production build (test/production-libraries.js), so this test keeps the check.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';

const LIBRARIES = [
  '@apollo/server',
  'type-graphql',
  'graphql-jit',
  'graphql-scalars',
  'graphql-parse-resolve-info',
  '@escape.tech/graphql-armor',
];

/** The directory of a package as the API resolves it (its entry point, up to the folder named after it). */
function packageDir(name: string): string {
  const entry = realpathSync(require.resolve(name));
  const marker = `${path.sep}node_modules${path.sep}${name.split('/').join(path.sep)}${path.sep}`;
  const at = entry.lastIndexOf(marker);
  if (at < 0) throw new Error(`${name} resolves outside node_modules: ${entry}`);
  return entry.slice(0, at + marker.length);
}

it('gives every GraphQL library the API’s own copy of graphql', () => {
  const own = realpathSync(require.resolve('graphql'));
  for (const name of LIBRARIES) {
    const theirs = realpathSync(require.resolve('graphql', { paths: [packageDir(name)] }));
    expect({ name, graphql: theirs }).toEqual({ name, graphql: own });
  }
});
