import { firstUseName, prepareRepeatedStatements, statementName } from '../prepared';

/** A pg client stand-in that records what it was asked to run. */
function fakeClient() {
  const calls: unknown[][] = [];
  const client = {
    query: (...args: unknown[]) => {
      calls.push(args);
      return Promise.resolve({ rows: [] });
    },
  };
  const setup = prepareRepeatedStatements(client);
  const setupCalls = calls.splice(0);
  return { client, calls, setup, setupCalls };
}

// Each test uses its own statement texts: the process-wide use counts are shared.
describe('the serving pool prepares repeated statements', () => {
  it('names a parameterised statement from its second use on, the same name on every connection', async () => {
    const a = fakeClient();
    const b = fakeClient();
    const text = 'SELECT $1::int AS first_test';
    await a.client.query(text, [1]);
    await a.client.query(text, [2]);
    await b.client.query(text, [3]);
    expect(a.calls[0]).toEqual([text, [1]]);
    const named = a.calls[1][0] as { name: string; text: string; values: unknown[] };
    expect(named).toEqual({ name: expect.stringMatching(/^ipq_/), text, values: [2] });
    expect(b.calls[0][0]).toEqual({ name: named.name, text, values: [3] });
    // Scope.query names its hand-built statements with the same name from their first use.
    expect(statementName(text)).toBe(named.name);
    expect(statementName('SELECT $1::int AS first_test_other')).not.toBe(named.name);
  });

  it('names hand-built statements from their first use only on connections it set up', () => {
    const text = 'SELECT $1::int AS first_use_test';
    expect(firstUseName(fakeClient().client, text)).toBe(statementName(text));
    // A connection of the embedded database's shared session is never set up: unnamed.
    expect(firstUseName({ query: () => Promise.resolve({ rows: [] }) }, text)).toBeUndefined();
  });

  it('sets the connection to plan each prepared statement once (generic plans), before it is handed out', async () => {
    const { setup, setupCalls } = fakeClient();
    await setup;
    expect(setupCalls).toEqual([['SET plan_cache_mode = force_generic_plan']]);
  });

  it('leaves statements without parameters, with a callback or as config objects as they were', async () => {
    const { client, calls } = fakeClient();
    const plain = 'SELECT 1 AS second_test';
    const callback = () => undefined;
    const config = { text: 'SELECT $1 AS second_test_config', values: [1] };
    for (let i = 0; i < 3; i++) {
      await client.query(plain);
      await client.query(plain, []);
      client.query('SELECT $1 AS second_test_cb', [i], callback);
      await client.query(config);
    }
    for (const call of calls) expect(typeof call[0] === 'string' || call[0] === config).toBe(true);
  });

  it('gives different texts different names', async () => {
    const { client, calls } = fakeClient();
    for (const text of [
      'SELECT $1 AS third_a',
      'SELECT $1 AS third_a',
      'SELECT $1 AS third_b',
      'SELECT $1 AS third_b',
    ])
      await client.query(text, [1]);
    const names = calls.map((c) => (c[0] as { name?: string }).name).filter(Boolean);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
  });

  it('prepares at most 500 statements per connection, then runs new texts unnamed', async () => {
    const { client, calls } = fakeClient();
    const texts = Array.from({ length: 520 }, (_, i) => `SELECT $1 AS fourth_${i}`);
    for (const text of texts) await fakeClient().client.query(text, [0]); // first uses, elsewhere
    for (const text of texts) await client.query(text, [1]);
    const named = calls.filter((c) => typeof c[0] === 'object');
    expect(named).toHaveLength(500);
    // A text prepared on this connection keeps its name after the cap.
    await client.query(texts[0], [2]);
    expect(calls.at(-1)![0]).toMatchObject({ text: texts[0] });
    await client.query(texts[519], [2]);
    expect(calls.at(-1)).toEqual([texts[519], [2]]);
  });
});
