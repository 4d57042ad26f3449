import { randomUUID } from 'node:crypto';
import { Money } from '@ipfund/policy';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../authz/actor';
import { AppError } from '../../../common/errors';
import { inTransaction } from '../../../db/transaction';
import { prng } from '../../../demo/prng';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { itOnRealPostgres } from '../../../testing/test-db';
import { ACCOUNT, CHART, type AccountCode } from '../ledger.chart';
import { netChanges } from '../ledger.posting';
import type { LedgerService, PostedTransaction, PostingInput } from '../ledger.service';

let app: TestApp;

const itRaces = itOnRealPostgres('ledger');
let ledger: LedgerService;
let manager: Actor;

beforeAll(async () => {
  app = await createTestApp();
  ledger = app.services.ledger;
  manager = await app.actor('manager');
  // A fresh database with the demo seed; slow on the embedded fallback or a busy machine.
}, 60_000);
afterAll(() => app.close());

const M = (s: string) => Money.of(s);
const tx = <T>(work: (em: EntityManager) => Promise<T>) => inTransaction(app.ds, work);
const balances = () => ledger.balances(app.ds.manager);
const countByKey = async (key: string) =>
  (
    await app.ds.query(`SELECT count(*)::int AS n FROM ledger_transactions WHERE idempotency_key = $1`, [key])
  )[0].n as number;

function interestIncome(key: string, amount: string): PostingInput {
  return {
    kind: 'INTEREST_INCOME',
    lines: [
      { account: ACCOUNT.INTEREST, debit: M(amount) },
      { account: ACCOUNT.INTEREST_INCOME, credit: M(amount) },
    ],
    memo: 'test interest',
    idempotencyKey: key,
    actor: manager,
  };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** Sets the interest sub-account to exactly `target` through the service. */
async function setInterest(target: string): Promise<void> {
  const { interest } = await balances();
  const diff = interest.minus(M(target));
  if (diff.isZero()) return;
  await tx((em) =>
    diff.isPositive()
      ? ledger.post(em, {
          kind: 'PROGRAMME_COST',
          lines: [
            { account: ACCOUNT.PROGRAMME_COSTS, debit: diff },
            { account: ACCOUNT.INTEREST, credit: diff },
          ],
          memo: 'test: set interest',
          idempotencyKey: `set-interest:${randomUUID()}`,
          actor: manager,
        })
      : ledger.post(em, interestIncome(`set-interest:${randomUUID()}`, Money.zero().minus(diff).toString())),
  );
}

describe('posting', () => {
  it('a balanced posting moves both accounts and returns its lines', async () => {
    const before = await balances();
    const posted = await tx((em) => ledger.post(em, interestIncome('post:1', '1234.56')));
    expect(posted).toMatchObject({ kind: 'INTEREST_INCOME', replayed: false, idempotencyKey: 'post:1' });
    expect(posted.lines.map((l) => [l.account, l.debit.toString(), l.credit.toString()])).toEqual([
      [ACCOUNT.INTEREST, '1234.56', '0.00'],
      [ACCOUNT.INTEREST_INCOME, '0.00', '1234.56'],
    ]);
    const after = await balances();
    expect(after.interest.minus(before.interest).toString()).toBe('1234.56');
    expect(
      after.byAccount[ACCOUNT.INTEREST_INCOME].minus(before.byAccount[ACCOUNT.INTEREST_INCOME]).toString(),
    ).toBe('1234.56');
  });

  it('refuses malformed postings before touching the database', async () => {
    const base = interestIncome('bad:1', '10.00');
    const cases: PostingInput[] = [
      { ...base, lines: [{ account: ACCOUNT.INTEREST, debit: M('10.00') }] },
      {
        ...base,
        lines: [
          { account: ACCOUNT.INTEREST, debit: M('10.00') },
          { account: ACCOUNT.INTEREST_INCOME, credit: M('9.99') },
        ],
      },
      {
        ...base,
        lines: [
          { account: ACCOUNT.INTEREST, debit: M('10.00'), credit: M('10.00') },
          { account: ACCOUNT.INTEREST_INCOME, credit: M('10.00') },
        ],
      },
      {
        ...base,
        lines: [
          { account: ACCOUNT.INTEREST, debit: M('-10.00') },
          { account: ACCOUNT.INTEREST_INCOME, credit: M('-10.00') },
        ],
      },
      { ...base, idempotencyKey: '' },
      { ...base, businessDate: '2026-11-28' },
      { ...base, kind: 'REVERSAL' as PostingInput['kind'] },
    ];
    for (const c of cases)
      expect((await refusal(tx((em) => ledger.post(em, c)))).code).toBe('BAD_USER_INPUT');
    expect(await countByKey('bad:1')).toBe(0);
  });

  it('refuses movements the measures do not allow, citing the article (Art 7, 10)', async () => {
    const fromPrincipal = await refusal(
      tx((em) =>
        ledger.post(em, {
          kind: 'PROGRAMME_COST',
          lines: [
            { account: ACCOUNT.PROGRAMME_COSTS, debit: M('100.00') },
            { account: ACCOUNT.PRINCIPAL, credit: M('100.00') },
          ],
          memo: 'costs out of principal',
          idempotencyKey: 'disallowed:1',
          actor: manager,
        }),
      ),
    );
    expect(fromPrincipal).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 7' });

    const payoutFromInterest = await refusal(
      tx((em) =>
        ledger.post(em, {
          kind: 'COMPENSATION_PAYOUT',
          lines: [
            { account: ACCOUNT.COMPENSATION_PAID, debit: M('100.00') },
            { account: ACCOUNT.INTEREST, credit: M('100.00') },
          ],
          idempotencyKey: 'disallowed:2',
          actor: manager,
        }),
      ),
    );
    expect(payoutFromInterest).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 10' });

    const interestIntoPrincipal = await refusal(
      tx((em) =>
        ledger.post(em, {
          kind: 'INTEREST_INCOME',
          lines: [
            { account: ACCOUNT.PRINCIPAL, debit: M('100.00') },
            { account: ACCOUNT.INTEREST_INCOME, credit: M('100.00') },
          ],
          idempotencyKey: 'disallowed:3',
          actor: manager,
        }),
      ),
    );
    expect(interestIntoPrincipal).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 10' });
    for (const k of ['disallowed:1', 'disallowed:2', 'disallowed:3']) expect(await countByKey(k)).toBe(0);
  });

  it('refuses an outflow beyond the balance with a clean error (Art 7 principal, Art 10 interest)', async () => {
    const { principal, interest } = await balances();
    const payout = await refusal(
      tx((em) =>
        ledger.postCompensationPayout(em, {
          claimId: randomUUID(),
          amount: principal.plus(M('0.01')),
          idempotencyKey: 'overdraw:principal',
          actor: manager,
        }),
      ),
    );
    expect(payout).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 7' });
    const cost = await refusal(
      app.services.ledger.recordProgrammeCost(manager, {
        amount: interest.plus(M('0.01')).toString(),
        paidOn: app.services.clock.today(),
        memo: 'too much',
        idempotencyKey: 'overdraw:interest',
      }),
    );
    expect(cost).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 10' });
    // A remittance settles only what was booked as receivable (Art 18).
    const { recoveriesReceivable } = await balances();
    const remit = await refusal(
      tx((em) =>
        ledger.postRemittanceReceived(em, {
          claimId: randomUUID(),
          amount: recoveriesReceivable.plus(M('0.01')),
          idempotencyKey: 'overdraw:receivable',
          actor: manager,
        }),
      ),
    );
    expect(remit).toMatchObject({ code: 'CONFLICT', article: 'Art 18' });
  });

  it('the claim helpers post the allowed movements with the claim as reference', async () => {
    const claimId = randomUUID();
    const before = await balances();
    const [payout, receivable, remittance] = await tx(async (em) => [
      await ledger.postCompensationPayout(em, {
        claimId,
        amount: M('600000.00'),
        idempotencyKey: `c:${claimId}:pay`,
        actor: manager,
      }),
      await ledger.postRecoveryReceivable(em, {
        claimId,
        amount: M('300000.00'),
        idempotencyKey: `c:${claimId}:rec`,
        actor: manager,
      }),
      await ledger.postRemittanceReceived(em, {
        claimId,
        amount: M('300000.00'),
        idempotencyKey: `c:${claimId}:rem`,
        actor: manager,
      }),
    ]);
    expect([payout.kind, receivable.kind, remittance.kind]).toEqual([
      'COMPENSATION_PAYOUT',
      'RECOVERY_RECEIVABLE',
      'REMITTANCE_RECEIVED',
    ]);
    const after = await balances();
    expect(before.principal.minus(after.principal).toString()).toBe('300000.00');
    expect(after.recoveriesReceivable.eq(before.recoveriesReceivable)).toBe(true);
    const byRef = await ledger.transactionsByReference(app.ds.manager, { type: 'Claim', id: claimId });
    expect(byRef.map((t) => t.id)).toEqual([payout.id, receivable.id, remittance.id]);
  });
});

describe('idempotency', () => {
  it('the same key twice: one effect, the same transaction', async () => {
    const before = await balances();
    const first = await tx((em) => ledger.post(em, interestIncome('idem:1', '50.00')));
    const second = await tx((em) => ledger.post(em, interestIncome('idem:1', '50.00')));
    expect(second.id).toBe(first.id);
    expect([first.replayed, second.replayed]).toEqual([false, true]);
    expect(await countByKey('idem:1')).toBe(1);
    expect((await balances()).interest.minus(before.interest).toString()).toBe('50.00');
  });

  it('the same key with different content is a CONFLICT', async () => {
    await tx((em) => ledger.post(em, interestIncome('idem:2', '50.00')));
    const err = await refusal(tx((em) => ledger.post(em, interestIncome('idem:2', '50.01'))));
    expect(err.code).toBe('CONFLICT');
    const otherKind = await refusal(
      tx((em) =>
        ledger.postRecoveryReceivable(em, {
          claimId: randomUUID(),
          amount: M('50.00'),
          idempotencyKey: 'idem:2',
          actor: manager,
        }),
      ),
    );
    expect(otherKind.code).toBe('CONFLICT');
    expect(await countByKey('idem:2')).toBe(1);
  });

  itRaces('16 concurrent calls with one key on the real pool: exactly one transaction', async () => {
    const before = await balances();
    const results = await Promise.all(
      Array.from({ length: 16 }, () => tx((em) => ledger.post(em, interestIncome('idem:race', '77.77')))),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await countByKey('idem:race')).toBe(1);
    expect((await balances()).interest.minus(before.interest).toString()).toBe('77.77');
  });

  itRaces(
    '16 concurrent manager use cases with one key: one posting, sixteen identical answers',
    async () => {
      const results = await Promise.all(
        Array.from({ length: 16 }, () =>
          ledger.recordInterestIncome(manager, {
            amount: '12.34',
            receivedOn: app.services.clock.today(),
            idempotencyKey: 'idem:usecase-race',
          }),
        ),
      );
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(await countByKey('idem:usecase-race')).toBe(1);
    },
  );
});

describe('reversal', () => {
  it('restores the balances, links to the original, and happens once', async () => {
    const before = await balances();
    const original = await tx((em) => ledger.post(em, interestIncome('rev:orig', '999.99')));
    const reversal = await tx((em) =>
      ledger.reverse(em, {
        transactionId: original.id,
        reason: 'entered twice',
        idempotencyKey: 'rev:1',
        actor: manager,
      }),
    );
    expect(reversal).toMatchObject({ kind: 'REVERSAL', reversesTransactionId: original.id, replayed: false });
    expect(reversal.lines.map((l) => [l.account, l.debit.toString(), l.credit.toString()])).toEqual([
      [ACCOUNT.INTEREST_INCOME, '999.99', '0.00'],
      [ACCOUNT.INTEREST, '0.00', '999.99'],
    ]);
    const after = await balances();
    for (const a of CHART)
      expect(after.byAccount[a.code].toString()).toBe(before.byAccount[a.code].toString());

    // The same key replays; another key is refused: an original is reversed at most once.
    const replay = await tx((em) =>
      ledger.reverse(em, {
        transactionId: original.id,
        reason: 'entered twice',
        idempotencyKey: 'rev:1',
        actor: manager,
      }),
    );
    expect(replay).toMatchObject({ id: reversal.id, replayed: true });
    const twice = await refusal(
      tx((em) =>
        ledger.reverse(em, {
          transactionId: original.id,
          reason: 'again',
          idempotencyKey: 'rev:2',
          actor: manager,
        }),
      ),
    );
    expect(twice.code).toBe('CONFLICT');
    // A reversal is not reversed (post the movement again instead).
    const ofReversal = await refusal(
      tx((em) =>
        ledger.reverse(em, {
          transactionId: reversal.id,
          reason: 'undo',
          idempotencyKey: 'rev:3',
          actor: manager,
        }),
      ),
    );
    expect(ofReversal.code).toBe('CONFLICT');
    const view = await ledger.transactionById(app.ds.manager, original.id);
    expect(view?.reversedByTransactionId).toBe(reversal.id);
  });

  itRaces('concurrent reversals of one transaction with different keys: exactly one succeeds', async () => {
    const original = await tx((em) => ledger.post(em, interestIncome('rev:race-orig', '10.00')));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        tx((em) =>
          ledger.reverse(em, {
            transactionId: original.id,
            reason: 'race',
            idempotencyKey: `rev:race:${i}`,
            actor: manager,
          }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) {
      if (o.status === 'rejected') expect(o.reason).toMatchObject({ code: 'CONFLICT' });
    }
  });

  it('refuses a reversal that would overdraw: spent interest cannot be un-received', async () => {
    await setInterest('300.00');
    const income = await tx((em) => ledger.post(em, interestIncome('rev:spent', '200.00')));
    await setInterest('100.00');
    const err = await refusal(
      tx((em) =>
        ledger.reverse(em, {
          transactionId: income.id,
          reason: 'wrong',
          idempotencyKey: 'rev:spent:1',
          actor: manager,
        }),
      ),
    );
    expect(err.code).toBe('CONFLICT');
    expect((await balances()).interest.toString()).toBe('100.00');
  });

  it('an unknown or malformed id is NOT_FOUND', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const err = await refusal(
        tx((em) =>
          ledger.reverse(em, {
            transactionId: id,
            reason: 'x',
            idempotencyKey: `rev:nf:${id}`,
            actor: manager,
          }),
        ),
      );
      expect(err.code).toBe('NOT_FOUND');
    }
  });
});

describe('concurrency', () => {
  itRaces('programme costs racing for a small interest balance never overdraw it (Art 10)', async () => {
    await setInterest('1000.00');
    const today = app.services.clock.today();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) =>
        ledger.recordProgrammeCost(manager, {
          amount: '100.00',
          paidOn: today,
          memo: `race ${i}`,
          idempotencyKey: `race:cost:${i}`,
        }),
      ),
    );
    const ok = outcomes.filter(
      (o): o is PromiseFulfilledResult<PostedTransaction> => o.status === 'fulfilled',
    );
    expect(ok).toHaveLength(10);
    for (const o of outcomes) {
      if (o.status === 'rejected')
        expect(o.reason).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 10' });
    }
    expect((await balances()).interest.toString()).toBe('0.00');
    const refused: { n: number }[] = await app.ds.query(
      `SELECT count(*)::int AS n FROM activity_log WHERE operation = 'ledger.recordProgrammeCost' AND outcome = 'REFUSED'
          AND detail->>'idempotencyKey' LIKE 'race:cost:%'`,
    );
    expect(refused[0].n).toBe(15);
  });
});

describe('randomized postings (seeded, replayable)', () => {
  const seed = Number(process.env.LEDGER_SEED ?? 20240407);

  it(`keep every balance non-negative and the books balanced (LEDGER_SEED=${seed})`, async () => {
    const rand = prng(seed);
    const fen = (maxFen: number) => {
      const f = 1 + Math.floor(rand() * maxFen);
      return M(`${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`);
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

    const start = await balances();
    const model = new Map<AccountCode, Money>(CHART.map((a) => [a.code, start.byAccount[a.code]]));
    const nonNegative = new Set(CHART.map((a) => a.code));
    const posted: PostedTransaction[] = [];
    let payouts = Money.zero();
    let remittances = Money.zero();
    const reversed = new Set<string>();
    const counts: Record<string, number> = {};
    let refusals = 0;

    const wouldOverdraw = (lines: PostedTransaction['lines']) =>
      [...netChanges(lines)].some(
        ([code, delta]) => nonNegative.has(code) && model.get(code)!.plus(delta).isNegative(),
      );

    for (let i = 0; i < 150; i++) {
      const op = pick([
        'interest',
        'cost',
        'payout',
        'receivable',
        'remittance',
        'reverse',
        'replay',
      ] as const);
      const key = `rand:${seed}:${i}`;
      const claimId = randomUUID();
      let attempt: ((em: EntityManager) => Promise<PostedTransaction>) | null = null;
      let reversing: PostedTransaction | null = null;
      let expectedLines: PostedTransaction['lines'] | null = null;
      const interest = model.get(ACCOUNT.INTEREST)!;
      const principal = model.get(ACCOUNT.PRINCIPAL)!;
      const receivable = model.get(ACCOUNT.RECOVERIES_RECEIVABLE)!;
      switch (op) {
        case 'interest': {
          const amount = fen(5_000_000);
          attempt = (em) => ledger.post(em, interestIncome(key, amount.toString()));
          expectedLines = [
            { account: ACCOUNT.INTEREST, debit: amount, credit: Money.zero() },
            { account: ACCOUNT.INTEREST_INCOME, debit: Money.zero(), credit: amount },
          ];
          break;
        }
        case 'cost': {
          // Up to 120 % of the balance: some must be refused.
          const cap = Math.max(1, Number(interest.toDecimal().times(120).toFixed(0)));
          const amount = fen(cap);
          attempt = (em) =>
            ledger.post(em, {
              kind: 'PROGRAMME_COST',
              lines: [
                { account: ACCOUNT.PROGRAMME_COSTS, debit: amount },
                { account: ACCOUNT.INTEREST, credit: amount },
              ],
              memo: 'random cost',
              idempotencyKey: key,
              actor: manager,
            });
          expectedLines = [
            { account: ACCOUNT.PROGRAMME_COSTS, debit: amount, credit: Money.zero() },
            { account: ACCOUNT.INTEREST, debit: Money.zero(), credit: amount },
          ];
          break;
        }
        case 'payout': {
          const amount = fen(
            Math.min(150_000_000, Math.max(1, Number(principal.toDecimal().times(120).toFixed(0)))),
          );
          attempt = (em) =>
            ledger.postCompensationPayout(em, { claimId, amount, idempotencyKey: key, actor: manager });
          expectedLines = [
            { account: ACCOUNT.COMPENSATION_PAID, debit: amount, credit: Money.zero() },
            { account: ACCOUNT.PRINCIPAL, debit: Money.zero(), credit: amount },
          ];
          break;
        }
        case 'receivable': {
          const amount = fen(30_000_000);
          attempt = (em) =>
            ledger.postRecoveryReceivable(em, { claimId, amount, idempotencyKey: key, actor: manager });
          expectedLines = [
            { account: ACCOUNT.RECOVERIES_RECEIVABLE, debit: amount, credit: Money.zero() },
            { account: ACCOUNT.RECOVERY_INCOME, debit: Money.zero(), credit: amount },
          ];
          break;
        }
        case 'remittance': {
          const amount = fen(Math.max(1, Number(receivable.toDecimal().times(120).toFixed(0))));
          attempt = (em) =>
            ledger.postRemittanceReceived(em, { claimId, amount, idempotencyKey: key, actor: manager });
          expectedLines = [
            { account: ACCOUNT.PRINCIPAL, debit: amount, credit: Money.zero() },
            { account: ACCOUNT.RECOVERIES_RECEIVABLE, debit: Money.zero(), credit: amount },
          ];
          break;
        }
        case 'reverse': {
          const candidates = posted.filter((p) => p.kind !== 'REVERSAL' && !reversed.has(p.id));
          if (candidates.length === 0) continue;
          const original = pick(candidates);
          reversing = original;
          attempt = (em) =>
            ledger.reverse(em, {
              transactionId: original.id,
              reason: 'random',
              idempotencyKey: key,
              actor: manager,
            });
          expectedLines = original.lines.map((l) => ({
            account: l.account,
            debit: l.credit,
            credit: l.debit,
          }));
          break;
        }
        case 'replay': {
          const incomes = posted.filter((p) => p.kind === 'INTEREST_INCOME');
          if (incomes.length === 0) continue;
          const earlier = pick(incomes);
          const again = await tx((em) =>
            ledger.post(em, interestIncome(earlier.idempotencyKey, earlier.lines[0].debit.toString())),
          );
          expect(again).toMatchObject({ id: earlier.id, replayed: true });
          continue;
        }
      }
      if (!attempt || !expectedLines) continue;
      const overdraw = wouldOverdraw(expectedLines);
      try {
        const result = await tx(attempt);
        expect(overdraw).toBe(false);
        posted.push(result);
        for (const [code, delta] of netChanges(result.lines)) model.set(code, model.get(code)!.plus(delta));
        if (result.kind === 'COMPENSATION_PAYOUT') payouts = payouts.plus(result.lines[0].debit);
        if (result.kind === 'REMITTANCE_RECEIVED') remittances = remittances.plus(result.lines[0].debit);
        if (reversing) {
          reversed.add(reversing.id);
          if (reversing.kind === 'COMPENSATION_PAYOUT') payouts = payouts.minus(reversing.lines[0].debit);
          if (reversing.kind === 'REMITTANCE_RECEIVED')
            remittances = remittances.minus(reversing.lines[0].debit);
        }
        counts[op] = (counts[op] ?? 0) + 1;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // A refusal is justified only by an overdraft the model predicts.
        expect({ op, code: err.code, overdraw }).toMatchObject({ op, overdraw: true });
        refusals++;
      }
    }
    expect(posted.length).toBeGreaterThan(50);
    expect(refusals).toBeGreaterThan(0);
    expect(Object.keys(counts).sort()).toEqual([
      'cost',
      'interest',
      'payout',
      'receivable',
      'remittance',
      'reverse',
    ]);

    const now = await balances();
    for (const a of CHART) {
      expect({ account: a.code, balance: now.byAccount[a.code].toString() }).toEqual({
        account: a.code,
        balance: model.get(a.code)!.toString(),
      });
      expect(now.byAccount[a.code].isNegative()).toBe(false);
    }
    const tb = await ledger.trialBalance(manager);
    expect(tb.balanced).toBe(true);
    expect(tb.debitTotal.toString()).toBe(tb.creditTotal.toString());
    for (const line of tb.lines) expect(line.balance.toString()).toBe(now.byAccount[line.code].toString());
    // Principal = capital − payouts + remittances (nothing returned to the funder here).
    expect(now.principal.minus(start.principal).toString()).toBe(remittances.minus(payouts).toString());
  });
});
