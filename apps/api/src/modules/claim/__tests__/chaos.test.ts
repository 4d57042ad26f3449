import { randomBytes } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { itOnRealPostgres } from '../../../testing/test-db';
import { CLAIM_FIELDS, type ClaimView, attachRequiredDocuments, makeLoan } from './fixtures';

/**
 * Issue 9, resilience: PostgreSQL terminates every connection of the app three times while 16
 * clients run claim workflows (restart, failover, pg_terminate_backend). The process must stay up —
 * a lost connection fails only the requests using it — and the money must stay right: debits equal
 * credits, no claim is paid twice, every stored balance equals the sum of its ledger lines.
 */
const CLIENTS = 16;
const itChaos = itOnRealPostgres('chaos');

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

const tokens = new Map<string, string>();
/** Requests that failed and were tried again: proof the terminations hit work in flight. */
let failures = 0;
async function token(user: string): Promise<string> {
  if (!tokens.has(user)) tokens.set(user, await app.login(user));
  return tokens.get(user)!;
}

/** Runs one step as a client would: retried after a failure, accepted once the claim is past it. */
async function step(
  user: string,
  mutation: string,
  vars: Record<string, unknown>,
  done: (claim: ClaimView | null) => Promise<boolean>,
): Promise<ClaimView | null> {
  for (let attempt = 0; attempt < 20; attempt++) {
    // A request whose connection died answers an error (over HTTP: a 500); the client tries again.
    const res = await app
      .gql<Record<string, ClaimView>>(mutation, vars, await token(user))
      .catch(() => ({ errors: [{ message: 'request failed' }], data: null }));
    if (!res.errors?.length && res.data) return Object.values(res.data)[0];
    failures++;
    // A step that committed before its connection died answers CONFLICT on the retry.
    if (await done(null)) return null;
    await new Promise((r) => setTimeout(r, 20 + attempt * 10));
  }
  throw new Error(`${user} could not complete ${mutation.slice(0, 40)}`);
}

/**
 * The test's own looks and fixtures share the pool the killer empties: each is retried like the
 * clients' requests (every one is a read or an idempotent insert).
 */
async function retried<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

async function statusOf(id: string): Promise<string | undefined> {
  const rows = (await retried(() => app.ds.query(`SELECT status FROM claims WHERE id = $1`, [id]))) as {
    status: string;
  }[];
  return rows[0]?.status;
}

async function workflow(bank: string, loanId: string): Promise<string> {
  const key = `chaos-${randomBytes(6).toString('hex')}`;
  // Idempotent by key: a retry after a lost answer returns the claim filed the first time.
  const filed = await step(
    bank,
    `mutation($i: SubmitClaimInput!) { submitClaim(input: $i) { ${CLAIM_FIELDS} } }`,
    { i: { loanId, idempotencyKey: key } },
    async () => false,
  );
  const id = filed!.id;
  // Art 17: the bank's materials are attached before the manager verifies (claims' document checklist).
  await retried(() => attachRequiredDocuments(app, id));
  const after =
    (...states: string[]) =>
    async () =>
      states.includes((await statusOf(id)) ?? '');
  await step(
    'manager',
    `mutation($c: ID!) { verifyClaim(claimId: $c) { id } }`,
    { c: id },
    after('VERIFIED', 'APPROVED', 'PAID'),
  );
  for (const office of ['ipb', 'finance', 'fo']) {
    await step(office, `mutation($c: ID!) { approveClaim(claimId: $c) { id } }`, { c: id }, async () => {
      const signed = (await retried(() =>
        app.ds.query(
          `SELECT 1 FROM claim_events WHERE claim_id = $1 AND action = 'APPROVE' AND org_kind = $2`,
          [id, { ipb: 'IP_BUREAU', finance: 'FINANCE_BUREAU', fo: 'FINANCIAL_OFFICE' }[office]],
        ),
      )) as unknown[];
      return signed.length > 0;
    });
  }
  const payKey = `pay-${randomBytes(6).toString('hex')}`;
  await step(
    'manager',
    `mutation($c: ID!, $k: String!) { payClaim(claimId: $c, idempotencyKey: $k) { id } }`,
    { c: id, k: payKey },
    after('PAID'),
  );
  return id;
}

describe('connections terminated under load', () => {
  itChaos(
    `${CLIENTS} clients run claim workflows while every app connection is killed three times`,
    async () => {
      const banks = ['bank-a', 'bank-b', 'bank-c'];
      const loans = [];
      for (let i = 0; i < CLIENTS * 2; i++) {
        const bank = banks[i % 3];
        loans.push({
          bank,
          loan: await makeLoan(app, {
            bank,
            principal: '100000.00',
            outstanding: '100000.00',
            overdueDays: 61 + i,
          }),
        });
      }
      for (const u of ['bank-a', 'bank-b', 'bank-c', 'manager', 'ipb', 'finance', 'fo']) await token(u);

      const queue = [...loans];
      let running = true;
      const killer = (async () => {
        for (let round = 0; round < 3 && running; round++) {
          await new Promise((r) => setTimeout(r, 400));
          // Every backend of this database but the one asking (the test's own inspection connection).
          await retried(() =>
            app.ds.query(
              `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid()`,
            ),
          );
        }
      })();
      const paid: string[] = [];
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          for (let it = queue.shift(); it; it = queue.shift()) paid.push(await workflow(it.bank, it.loan.id));
        }),
      );
      running = false;
      await killer;

      expect(failures).toBeGreaterThan(0);
      // The process is alive and answers.
      const alive = await app.gql<{ me: { username: string } }>(
        '{ me { username } }',
        {},
        await token('manager'),
      );
      expect(alive.data?.me.username).toBe('manager');

      expect(paid).toHaveLength(CLIENTS * 2);
      const [balance] = (await app.ds.query(
        `SELECT sum(debit)::text AS debits, sum(credit)::text AS credits FROM ledger_entries`,
      )) as { debits: string; credits: string }[];
      expect(balance.debits).toBe(balance.credits);
      const twice = (await app.ds.query(
        `SELECT reference_id FROM ledger_transactions WHERE kind = 'COMPENSATION_PAYOUT'
        GROUP BY reference_id HAVING count(*) > 1`,
      )) as unknown[];
      expect(twice).toEqual([]);
      const statuses = (await app.ds.query(`SELECT status FROM claims WHERE id = ANY($1::uuid[])`, [
        paid,
      ])) as {
        status: string;
      }[];
      expect(statuses.every((s) => s.status === 'PAID')).toBe(true);
      const drift = (await app.ds.query(`
      SELECT b.account_code FROM ledger_account_balances b JOIN ledger_accounts a ON a.code = b.account_code
        LEFT JOIN ledger_entries e ON e.account_code = b.account_code
       GROUP BY b.account_code, b.balance, a.normal_side
      HAVING b.balance <> (CASE WHEN a.normal_side = 'DEBIT' THEN COALESCE(sum(e.debit - e.credit), 0)
                                ELSE COALESCE(sum(e.credit - e.debit), 0) END)`)) as unknown[];
      expect(drift).toEqual([]);
    },
  );
});
