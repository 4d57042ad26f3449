/**
 * Art 19 in the work queue: while the fund is suspended, each voter that has not consented has a
 * resumption vote to cast; its consent takes it off its queue only; the resumption ends them all.
 */
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok } from '../../../testing/kinds';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const TASKS = 'query { myTasks(first: 100) { nodes { id kind operation article subject { __typename } } } }';
type Tasks = { myTasks: { nodes: { id: string; kind: string; operation: string; article: string }[] } };

async function votesOf(user: string, token: string) {
  const nodes = ok(await app.gql<Tasks>(TASKS, {}, token)).myTasks.nodes;
  return nodes.filter((t) => t.kind === 'FUND_RESUMPTION_VOTE').map((t) => ({ ...t, user }));
}

it('each voter votes once; the consent and the resumption take the task away', async () => {
  // The breaker tripped today (as a final approval would record it, fund-state.ts).
  await app.ds.query(
    `WITH s AS (INSERT INTO fund_suspensions (suspended_on) VALUES ('2026-11-27') RETURNING id)
     UPDATE fund_state SET suspended = true, suspended_since = '2026-11-27', suspension_id = (SELECT id FROM s) WHERE id = 1`,
  );
  const voters = ['ipb', 'finance', 'fo', 'manager'];
  const tokens = Object.fromEntries(
    await Promise.all(voters.map(async (u) => [u, await app.login(u)] as const)),
  );
  for (const u of voters) {
    expect(await votesOf(u, tokens[u])).toEqual([
      expect.objectContaining({ operation: 'fund.consentToResume', article: 'Art 19' }),
    ]);
  }
  for (const u of ['bank-a', 'guarantor-a', 'auditor']) {
    expect(await votesOf(u, await app.login(u))).toEqual([]);
  }
  const CONSENT = 'mutation { consentToResumeFund(comment: "完善风险管理制度后恢复") { resumed votes } }';
  ok(await app.gql(CONSENT, {}, tokens.ipb));
  expect(await votesOf('ipb', tokens.ipb)).toEqual([]);
  expect(await votesOf('finance', tokens.finance)).toHaveLength(1);
  for (const u of ['finance', 'fo', 'manager']) ok(await app.gql(CONSENT, {}, tokens[u]));
  for (const u of voters) expect(await votesOf(u, tokens[u])).toEqual([]);
});
