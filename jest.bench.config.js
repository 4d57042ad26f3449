// Benchmarks (`pnpm bench`): timings live here, never in tests. Same transform as the tests.
const base = require('./jest.config.js');

const api = base.projects.find((p) => p.displayName === 'api');

/** @type {import('jest').Config} */
module.exports = {
  ...api,
  displayName: 'bench',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/bench/**/*.bench.ts'],
  testTimeout: 600_000,
};
