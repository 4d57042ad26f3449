// The deployed API runs with NODE_ENV=production (docker/Dockerfile), and libraries read it once, at
// load: graphql-js then uses a plain `instanceof` instead of its development check (28.7 % of the API's
// CPU in a profile taken without this), Express caches views. Benchmarks measure that configuration.
// The portal's own config is still given NODE_ENV=test explicitly (testing/test-app.ts).
process.env.NODE_ENV = 'production';
