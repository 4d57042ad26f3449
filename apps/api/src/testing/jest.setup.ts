// A suite's first hook builds a fresh database with migrations and the demo seed: a second or
// two on PostgreSQL, much longer on the embedded fallback (PGlite in WebAssembly) on a busy machine.
jest.setTimeout(120_000);
