/**
 * The work queue (issue 11): every demo login finds work, each item is the caller's own, a whole claim
 * is carried from filing to payout by finding every step in `myTasks` only, and the query costs a
 * bounded number of statements.
 */
import { DEMO_ORGS } from '../../../demo/demo-data';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok } from '../../../testing/kinds';
import { ClaimDriver, makeLoan } from '../../claim/__tests__/fixtures';

let app: TestApp;
let d: ClaimDriver;

beforeAll(async () => {
  app = await createTestApp();
  d = new ClaimDriver(app);
});
afterAll(() => app.close());

const MY_TASKS = `query($first: Int, $after: String) {
  myTasks(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id kind title dueOn article operation
      subject {
        __typename
        ... on Claim { id claimStatus: status }
        ... on Loan { id contractNo }
        ... on Recovery { id dueOn }
        ... on SuspensionProposal { id }
        ... on BlacklistProposal { id }
        ... on BankRisk { bank { id } level }
        ... on RiskEvent { id verified }
        ... on FundStatus { suspended }
      }
    }
  }
}`;

interface TaskNode {
  id: string;
  kind: string;
  title: string;
  dueOn: string;
  article: string;
  operation: string;
  subject: { __typename: string; id?: string; claimStatus?: string };
}
interface TasksData {
  myTasks: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: TaskNode[];
  };
}

async function tasksOf(user: string, first = 100): Promise<TaskNode[]> {
  const data = ok(await app.gql<TasksData>(MY_TASKS, { first }, await d.token(user)));
  return data.myTasks.nodes;
}

// The demo logins that act: the parties' and the eight enterprises' (ent-1 … ent-8, with their loans).
// The auditor is the one login with nothing to do by design: it takes no operation at all (Art 20,
// read-only), so no rule can give it a task — tested below.
const ALL_LOGINS = [
  ...DEMO_ORGS.flatMap((o) => o.users.map((u) => u.username)).filter((u) => u !== 'auditor'),
  ...Array.from({ length: 8 }, (_, i) => `ent-${i + 1}`),
];

describe('myTasks on the demo', () => {
  it.each(ALL_LOGINS)('%s has at least one task, each with an article and a subject', async (user) => {
    const tasks = await tasksOf(user);
    expect(tasks.length).toBeGreaterThan(0);
    for (const t of tasks) {
      expect(t.article).toMatch(/^Art \d+/);
      expect(t.title.length).toBeGreaterThan(2);
      expect(t.subject.__typename).toBeTruthy();
    }
  });

  it('the auditor, who takes no operation (Art 20), has an empty queue', async () => {
    const data = ok(await app.gql<TasksData>(MY_TASKS, { first: 10 }, await d.token('auditor')));
    expect(data.myTasks.totalCount).toBe(0);
  });

  it('is ordered by due date then id, and pages by keyset without gaps or repeats', async () => {
    const all = await tasksOf('manager');
    const sorted = [...all].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || (a.id < b.id ? -1 : 1));
    expect(all.map((t) => t.id)).toEqual(sorted.map((t) => t.id));
    const token = await d.token('manager');
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: TasksData = ok(await app.gql<TasksData>(MY_TASKS, { first: 2, after }, token));
      expect(page.myTasks.totalCount).toBe(all.length);
      seen.push(...page.myTasks.nodes.map((t) => t.id));
      if (!page.myTasks.pageInfo.hasNextPage) break;
      after = page.myTasks.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((t) => t.id));
  });

  it('refuses a forged cursor as bad input', async () => {
    const res = await app.gql(MY_TASKS, { first: 2, after: 'not-a-cursor' }, await d.token('manager'));
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('costs a bounded number of statements, whatever the queue holds', async () => {
    const token = await d.token('manager');
    const before = await app.queries.measure(() => app.gql(MY_TASKS, { first: 100 }, token));
    // More work for the manager: three more claims filed.
    for (let i = 0; i < 3; i++) {
      const loan = await makeLoan(app, {
        bank: 'bank-c',
        principal: '900000.00',
        outstanding: '900000.00',
        overdueDays: 80,
      });
      await d.submit('bank-c', loan.id);
    }
    const after = await app.queries.measure(() => app.gql(MY_TASKS, { first: 100 }, token));
    expect(after.statements.length).toBeLessThanOrEqual(before.statements.length);
    // Claims, their steps, the fund's state, loans, recoveries, proposals, events, the banks' ratios
    // (two), the fund status and the consent check: no statement per record.
    expect(after.statements.length).toBeLessThanOrEqual(16);
  });
});

describe('a whole claim, each step found only in myTasks', () => {
  async function findTask(user: string, kind: string, claimId: string): Promise<TaskNode | undefined> {
    return (await tasksOf(user)).find((t) => t.kind === kind && t.subject.id === claimId);
  }

  it('bank → guarantor → manager → three offices → manager; each task disappears when done', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-b',
      guarantor: 'guarantor-a',
      principal: '2000000.00',
      outstanding: '1500000.00',
      overdueDays: 75,
    });
    // The bank finds the loan it may claim on.
    const file = (await tasksOf('bank-b')).find((t) => t.kind === 'CLAIM_FILE' && t.subject.id === loan.id);
    expect(file).toMatchObject({ operation: 'claim.submit', article: 'Art 17' });
    const claim = await d.submit('bank-b', loan.id);
    expect((await tasksOf('bank-b')).some((t) => t.subject.id === loan.id)).toBe(false);

    // Only the guarantor of the loan has the confirmation; the manager waits for it (Art 14).
    const confirm = await findTask('guarantor-a', 'CLAIM_CONFIRM_SHARE', claim.id);
    expect(confirm).toMatchObject({ operation: 'claim.confirmGuarantorShare', article: 'Art 14' });
    expect(await findTask('guarantor-b', 'CLAIM_CONFIRM_SHARE', claim.id)).toBeUndefined();
    expect(await findTask('manager', 'CLAIM_VERIFY', claim.id)).toBeDefined();
    await d.confirm('guarantor-a', claim.id);
    expect(await findTask('guarantor-a', 'CLAIM_CONFIRM_SHARE', claim.id)).toBeUndefined();

    expect(await findTask('manager', 'CLAIM_VERIFY', claim.id)).toMatchObject({ operation: 'claim.verify' });
    await d.verify(claim.id);
    expect(await findTask('manager', 'CLAIM_VERIFY', claim.id)).toBeUndefined();

    for (const office of ['ipb', 'finance', 'fo']) {
      const sign = await findTask(office, 'CLAIM_CO_SIGN', claim.id);
      expect(sign).toMatchObject({ operation: 'claim.approve' });
      await d.approve(office, claim.id);
      // Signed: gone for this office (and never again for it on this claim).
      expect(await findTask(office, 'CLAIM_CO_SIGN', claim.id)).toBeUndefined();
    }
    expect(await findTask('manager', 'CLAIM_PAY', claim.id)).toMatchObject({ operation: 'claim.pay' });
    await d.pay(claim.id);
    expect(await findTask('manager', 'CLAIM_PAY', claim.id)).toBeUndefined();
    for (const user of ['bank-b', 'guarantor-a', 'manager', 'ipb', 'finance', 'fo']) {
      expect((await tasksOf(user)).some((t) => t.subject.id === claim.id)).toBe(false);
    }
  });

  it('a returned claim is the bank\u2019s task, and the manager verifies the new filing as a new task', async () => {
    const loan = await makeLoan(app, {
      bank: 'bank-a',
      principal: '1000000.00',
      outstanding: '800000.00',
      overdueDays: 90,
    });
    const claim = await d.submit('bank-a', loan.id);
    const first = await findTask('manager', 'CLAIM_VERIFY', claim.id);
    expect(first).toBeDefined();
    ok(
      await app.gql(
        'mutation($c: ID!) { returnClaim(claimId: $c, comment: "请补充催收记录") { id } }',
        { c: claim.id },
        await d.token('manager'),
      ),
    );
    expect(await findTask('bank-a', 'CLAIM_RESUBMIT', claim.id)).toMatchObject({
      operation: 'claim.resubmit',
    });
    expect(await findTask('bank-b', 'CLAIM_RESUBMIT', claim.id)).toBeUndefined();
    ok(
      await app.gql(
        'mutation($c: ID!) { resubmitClaim(claimId: $c) { id } }',
        { c: claim.id },
        await d.token('bank-a'),
      ),
    );
    const again = await findTask('manager', 'CLAIM_VERIFY', claim.id);
    expect(again).toBeDefined();
    expect(again!.id).not.toBe(first!.id);
  });
});
