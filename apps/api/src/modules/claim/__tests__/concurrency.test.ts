/**
 * Money safety under concurrency (TigerBeetle's habit: seeded, replayable randomized scenarios).
 * 32 concurrent clients race final approvals and payouts over scenarios placed at the caps — the
 * enterprise-year cap, the 6,000,000 circuit breaker, one claim per loan — and after every
 * scenario the invariants are checked against the database itself. Set CLAIM_RACE_SEED to replay.
 */
import { Money } from '@ipfund/policy';
import { prng, pick } from '../../../demo/prng';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { itOnRealPostgres } from '../../../testing/test-db';
import { ClaimDriver, makeEnterprise, makeLoan } from './fixtures';

const SEED = Number(process.env.CLAIM_RACE_SEED ?? 20261127);
const CLIENTS = 32;
const OFFICES = ['ipb', 'finance', 'fo'] as const;
const BANKS = ['bank-a', 'bank-b', 'bank-c'] as const;
const CAP = Money.of('1500000.00');
const BREAKER = Money.of('6000000.00');

const itRaces = itOnRealPostgres('claim');
let app: TestApp;
let d: ClaimDriver;
let rand: () => number;

// Each scenario starts from the demo fund with the same seed, so it replays the same way alone or
// in any order (the breaker scenario suspends the fund: nothing after it could approve).
beforeEach(async () => {
  rand = prng(SEED);
  app = await createTestApp();
  d = new ClaimDriver(app);
  for (const u of [...OFFICES, ...BANKS, 'manager']) await d.token(u);
  opening = await openingFigures();
});
afterEach(() => app.close());

/** Runs `work` for every item from CLIENTS concurrent workers (a bounded pool, like real clients). */
async function race<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** A claim verified and signed by two random offices, waiting for its last signature. */
async function twoSigned(bank: string, loanSpec: Parameters<typeof makeLoan>[1]) {
  const loan = await makeLoan(app, loanSpec);
  const claim = await d.submit(bank, loan.id);
  await d.verify(claim.id);
  const [first, second, last] = shuffle([...OFFICES]);
  await d.approve(first, claim.id);
  await d.approve(second, claim.id);
  return { claim, last };
}

/** Every invariant the measures and the books impose, read back from PostgreSQL. */
async function checkInvariants() {
  const claims: {
    id: string;
    enterprise_id: string;
    approved_on: string | null;
    final_fund_share: string | null;
    loss_base: string;
    status: string;
  }[] = await app.ds.query(
    `SELECT id, enterprise_id, approved_on::text, final_fund_share::text, loss_base::text, status FROM claims`,
  );
  // Per loan and per enterprise-year (Art 11).
  const byEnterpriseYear = new Map<string, Money>();
  for (const c of claims.filter((c) => c.final_fund_share !== null)) {
    const f = Money.of(c.final_fund_share!);
    expect(f.lte(CAP)).toBe(true);
    expect(f.lte(Money.of(c.loss_base).times(Money.of('0.30').toDecimal()))).toBe(true);
    const key = `${c.enterprise_id}:${c.approved_on!.slice(0, 4)}`;
    byEnterpriseYear.set(key, (byEnterpriseYear.get(key) ?? Money.zero()).plus(f));
  }
  for (const total of byEnterpriseYear.values()) expect(total.lte(CAP)).toBe(true);
  // The circuit breaker (Art 19): no final approval was given once the cumulative figure had reached 6,000,000.
  // In the order the final approvals took effect: the activity log is sealed at commit (in commit
  // order), and final approvals commit in the order they held the fund-state lock. (The claim events
  // are written before that lock is taken, so their ids are not this order.)
  const finals: { fund_share: string }[] = await app.ds.query(
    `SELECT detail->>'fundShare' AS fund_share FROM activity_log
      WHERE operation = 'claim.approve' AND outcome = 'OK' AND detail->>'finalApproval' = 'true' ORDER BY id`,
  );
  let running = Money.zero();
  for (const f of finals) {
    expect(running.lt(BREAKER)).toBe(true);
    running = running.plus(Money.of(f.fund_share));
  }
  const [state] = await app.ds.query(`SELECT cumulative_compensation::text AS c, suspended FROM fund_state`);
  expect(state.c).toBe(running.toString());
  expect(state.suspended).toBe(running.gte(BREAKER));
  // The books: balanced, one payout per paid claim, principal = capital − payouts + remittances.
  const [tb] = await app.ds.query(`SELECT SUM(debit)::text AS d, SUM(credit)::text AS c FROM ledger_entries`);
  expect(tb.d).toBe(tb.c);
  const payouts: { claim_id: string; n: number; total: string }[] = await app.ds.query(
    `SELECT t.reference_id AS claim_id, count(*)::int AS n, SUM(e.credit)::text AS total
       FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id AND e.credit > 0
      WHERE t.kind = 'COMPENSATION_PAYOUT' GROUP BY t.reference_id`,
  );
  const paid = claims.filter((c) => c.status === 'PAID');
  expect(payouts.map((p) => p.claim_id).sort()).toEqual(paid.map((c) => c.id).sort());
  for (const p of payouts) {
    expect(p.n).toBe(1);
    expect(p.total).toBe(Money.of(paid.find((c) => c.id === p.claim_id)!.final_fund_share!).toString());
  }
  const totalPaid = Money.sum(paid.map((c) => Money.of(c.final_fund_share!)));
  const status = await app.gql<{ fundStatus: { principalBalance: string } }>(
    'query { fundStatus { principalBalance } }',
    {},
    await d.token('manager'),
  );
  // Nothing but payouts moves the principal during a scenario (no remittance or contribution).
  expect(status.data?.fundStatus.principalBalance).toBe(
    opening.principal.minus(totalPaid.minus(opening.paid)).toString(),
  );
}

/** The principal balance and the fund shares paid before the scenario (the demo's). */
let opening: { principal: Money; paid: Money };
async function openingFigures(): Promise<typeof opening> {
  const status = await app.gql<{ fundStatus: { principalBalance: string } }>(
    'query { fundStatus { principalBalance } }',
    {},
    await d.token('manager'),
  );
  const [{ paid }] = (await app.ds.query(
    `SELECT coalesce(SUM(final_fund_share), 0)::text AS paid FROM claims WHERE status = 'PAID'`,
  )) as { paid: string }[];
  return { principal: Money.of(status.data!.fundStatus.principalBalance), paid: Money.of(paid) };
}

/** Everyone sends the last signature at once (plus duplicates); then everything approved is paid, keys reused. */
async function raceToTheEnd(waiting: { claim: { id: string }; last: string }[]) {
  const attempts = waiting.flatMap((w) => [w, w, pick(rand, waiting)]);
  const outcomes: string[] = [];
  await race(shuffle(attempts), async (w) => {
    const r = await d.try(w.last, 'mutation($c: ID!) { approveClaim(claimId: $c) { id status } }', {
      c: w.claim.id,
    });
    outcomes.push(r.error ? `${r.error.extensions?.code}:${r.error.extensions?.article ?? ''}` : 'OK');
  });
  // Nothing unexpected: the refusals are the typed ones the rules produce.
  for (const o of outcomes)
    expect([
      'OK',
      'CONFLICT:Art 17',
      'POLICY_VIOLATION:Art 19',
      'POLICY_VIOLATION:Art 11',
      'CONFLICT:',
    ]).toContain(o);
  const approved: { id: string }[] = await app.ds.query(`SELECT id FROM claims WHERE status = 'APPROVED'`);
  const payAttempts = approved.flatMap((c) => {
    const key = `race-pay-${c.id.slice(0, 8)}`;
    return [key, key, key, `${key}-other`].map((k) => ({ id: c.id, key: k }));
  });
  await race(shuffle(payAttempts), async ({ id, key }) => {
    const r = await d.try(
      'manager',
      'mutation($c: ID!, $k: String!) { payClaim(claimId: $c, idempotencyKey: $k) { id status } }',
      { c: id, k: key },
    );
    if (r.error) expect(r.error.extensions?.code).toBe('CONFLICT');
  });
  return outcomes;
}

describe(`concurrent approvals and payouts at the caps (seed ${SEED})`, () => {
  itRaces(
    'enterprise-year cap: six claims of one enterprise race their final approvals; Σ F ≤ 1,500,000.00',
    async () => {
      const { enterprise } = await makeEnterprise(app);
      const waiting = [];
      for (let i = 0; i < 6; i++) {
        const bank = pick(rand, BANKS);
        waiting.push(
          await twoSigned(bank, {
            bank,
            principal: pick(rand, ['2000000.00', '3000000.00']),
            outstanding: '2000000.00',
            overdueDays: 60 + Math.floor(rand() * 100),
            enterpriseId: enterprise.id,
          }),
        );
      }
      const outcomes = await raceToTheEnd(waiting);
      expect(outcomes.filter((o) => o === 'OK').length).toBeGreaterThanOrEqual(2);
      const [sum] = await app.ds.query(
        `SELECT SUM(final_fund_share)::text AS s FROM claims WHERE enterprise_id = $1 AND approved_on IS NOT NULL`,
        [enterprise.id],
      );
      // The cap is reached exactly: later claims were cut to the remainder, the rest refused (Art 11).
      expect(sum.s).toBe('1500000.00');
      await checkInvariants();
    },
  );

  itRaces(
    'circuit breaker: claims of many enterprises race across 6,000,000.00; one crossing is honoured, the rest wait (Art 19)',
    async () => {
      const waiting = [];
      for (let i = 0; i < 10; i++) {
        const bank = pick(rand, BANKS);
        const big = rand() < 0.5;
        waiting.push(
          await twoSigned(bank, {
            bank,
            principal: big ? '8000000.00' : '3000000.00',
            outstanding: big ? '8000000.00' : '2000000.00',
            overdueDays: 61 + Math.floor(rand() * 60),
          }),
        );
      }
      const outcomes = await raceToTheEnd(waiting);
      expect(outcomes).toContain('POLICY_VIOLATION:Art 19');
      const [state] = await app.ds.query(
        `SELECT cumulative_compensation::text AS c, suspended FROM fund_state`,
      );
      expect(state.suspended).toBe(true);
      expect(Money.of(state.c).gte(BREAKER)).toBe(true);
      await checkInvariants();
    },
  );

  itRaces(
    'one claim per loan: 32 clients file on the same loan at once; the same key sent concurrently gives one claim',
    async () => {
      const loan = await makeLoan(app, {
        bank: 'bank-a',
        principal: '1000000.00',
        outstanding: '1000000.00',
        overdueDays: 90,
      });
      const keys = Array.from({ length: CLIENTS }, (_, i) =>
        i % 2 === 0 ? 'same-key-race-000' : `key-race-${i}`,
      );
      const ids = new Set<string>();
      const errors: string[] = [];
      await race(keys, async (key) => {
        const r = await d.try('bank-a', 'mutation($i: SubmitClaimInput!) { submitClaim(input: $i) { id } }', {
          i: { loanId: loan.id, idempotencyKey: key },
        });
        if (r.claim) ids.add((r.claim as unknown as { id: string }).id);
        else errors.push(String(r.error?.extensions?.code));
      });
      const rows = await app.ds.query(`SELECT id, idempotency_key FROM claims WHERE loan_id = $1`, [loan.id]);
      expect(rows).toHaveLength(1);
      expect([...ids]).toEqual([rows[0].id]);
      expect(new Set(errors)).toEqual(new Set(['CONFLICT']));
      await checkInvariants();
    },
  );
});
