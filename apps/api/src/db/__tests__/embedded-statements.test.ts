/**
 * The embedded database (PGlite) multiplexes every connection of the pool onto one session. A
 * statement one connection prepared under a name is "already exists" (42P05) when another connection
 * prepares it again, so there the hand-built list reads (`Scope.query`) must go unnamed. And the session
 * serves one connection at a time (db/embedded-session.ts): a request that held a transaction while it
 * waited for another connection would wait for good. Run on the embedded database whatever the suite's
 * target: it is what the README's start line serves.
 */
import { createTestApp, type TestApp } from '../../testing/test-app';

let app: TestApp;

beforeAll(async () => {
  const target = process.env.IPFUND_TEST_DB;
  process.env.IPFUND_TEST_DB = 'embedded';
  try {
    app = await createTestApp();
  } finally {
    if (target === undefined) delete process.env.IPFUND_TEST_DB;
    else process.env.IPFUND_TEST_DB = target;
  }
}, 120_000);
afterAll(() => app.close());

const PAGES = `{ loans(first: 5) { totalCount edges { node { id contractNo } } }
  claims(first: 5) { totalCount edges { node { id status } } } }`;

it('serves the same list reads on several connections at once', async () => {
  const tokens = await Promise.all(['manager', 'bank-a', 'ipb', 'finance'].map((u) => app.login(u)));
  // Each concurrent request holds its own connection for its read snapshot; twice, so every
  // connection the pool opened runs the statements a second time too.
  for (let round = 0; round < 2; round++) {
    const answers = await Promise.all(tokens.map((t) => app.gql(PAGES, {}, t)));
    for (const a of answers) expect(a.errors).toBeUndefined();
    const manager = answers[0].data as { loans: { totalCount: number } };
    expect(manager.loans.totalCount).toBeGreaterThan(0);
  }
});

it('answers an auditor’s reads one after another: the activity record is written before the read opens', async () => {
  // An auditor's operation writes its activity record on a connection of its own. Were the read's
  // snapshot already open, the embedded session (held by that snapshot) could never serve the write.
  const token = await app.login('auditor');
  for (const query of [
    '{ dashboard { asOf } }',
    '{ loans(first: 3) { totalCount } }',
    '{ claims(first: 3) { totalCount } }',
  ]) {
    const answer = await app.gql(query, {}, token);
    expect(answer.errors).toBeUndefined();
  }
}, 30_000);
