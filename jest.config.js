// One jest run over every package. @swc/jest keeps decorator metadata, which
// type-graphql and TypeORM need (tsx/esbuild would drop it).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const path = require('node:path');

// Tests run against the workspace packages' sources, so no build is needed first.
const moduleNameMapper = {
  '^@ipfund/policy$': path.join(__dirname, 'packages/policy/src/index.ts'),
  '^@ipfund/shared$': path.join(__dirname, 'packages/shared/src/index.ts'),
  '^@ipfund/forecast$': path.join(__dirname, 'packages/forecast/src/index.ts'),
};

// type-graphql and TypeORM read decorator metadata; the API's copy serves the cross-app tests too.
const reflectMetadata = require.resolve('reflect-metadata', { paths: [path.join(__dirname, 'apps/api')] });

const dbSuiteSetup = path.join(__dirname, 'apps/api/src/testing/jest.setup.ts');

// The API's suites run the libraries as deployed (NODE_ENV=production; test/production-libraries.js).
const productionLibraries = path.join(__dirname, 'test/production-libraries.js');

// jest's runtime with each worker remembering transforms and compiled code across test files.
const runtime = path.join(__dirname, 'test/jest-runtime.cjs');

// jose 6 ships ESM only; let swc turn it into CommonJS for jest.
const transformIgnorePatterns = ['/node_modules/(?!(\\.pnpm/jose[^/]*/node_modules/)?jose/)'];

const project = (name, dir, extra = {}) => ({
  displayName: name,
  rootDir: dir,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns,
  moduleNameMapper,
  runtime,
  testMatch: ['<rootDir>/**/*.test.ts'],
  ...extra,
});

/** @type {import('jest').Config} */
module.exports = {
  // How long jest waits for a worker to exit once told to, before killing it and warning "A worker
  // process has failed to exit gracefully" (default 500 ms). A worker ends holding 1.7–2.1 GB of
  // resident memory — ~200 MB live, the rest garbage V8 has not collected because memory is
  // plentiful — and its 'exit' event fires within a few ms of jest's request, with no handle open;
  // the kernel then takes ~0.9 s on this machine kind to unmap that memory, so the default warned on
  // every full run. Collecting after every file (`--logHeapUsage --expose-gc`) avoids it too, at
  // 3–10 % more CPU. A worker kept alive by a leaked handle never exits and is still caught: the test
  // line (test/run-tests.mjs) fails the run when jest reports a forced exit.
  workerGracefulExitTimeout: 10_000,
  projects: [
    project('policy', '<rootDir>/packages/policy'),
    project('api', '<rootDir>/apps/api', {
      setupFiles: [reflectMetadata, productionLibraries],
      setupFilesAfterEnv: [dbSuiteSetup],
    }),
    // The web client's pure helpers (formatting, cursors); the UI itself is tested in a browser (test/e2e).
    project('web', '<rootDir>/apps/web'),
    project('e2e', '<rootDir>/test', {
      setupFiles: [reflectMetadata, productionLibraries],
      setupFilesAfterEnv: [dbSuiteSetup],
    }),
    project('forecast', '<rootDir>/packages/forecast'),
  ],
};
