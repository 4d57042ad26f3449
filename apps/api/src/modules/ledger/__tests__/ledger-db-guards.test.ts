import { Client } from 'pg';
import { JIANGBEI_2024, Money } from '@ipfund/policy';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { itOnRealPostgres } from '../../../testing/test-db';
import { ACCOUNT, CHART, POSTING_TEMPLATES } from '../ledger.chart';

/**
 * The database's own walls (migration 1764202000000-Ledger), tested with raw SQL on a plain pg
 * connection — no service, no TypeORM — so they hold whatever code path writes.
 */

let app: TestApp;

const itRaces = itOnRealPostgres('ledger');

beforeAll(async () => {
  app = await createTestApp();
  // A fresh database with the demo seed; slow on the embedded fallback or a busy machine.
}, 60_000);
afterAll(() => app.close());

type Line = [account: string, debit: string, credit: string];

/** Where a raw posting was refused: at one of its statements, at COMMIT, or not at all. */
interface RawOutcome {
  stage: 'ok' | 'statement' | 'commit';
  error?: { message: string; code?: string; constraint?: string };
  id?: string;
}

async function withClient<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: app.db.url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function pgError(err: unknown): RawOutcome['error'] {
  const e = err as { message: string; code?: string; constraint?: string };
  return { message: e.message, code: e.code, constraint: e.constraint };
}

/** BEGIN; header; lines; COMMIT — on its own connection, bypassing LedgerService entirely. */
async function rawPosting(
  kind: string,
  lines: Line[],
  opts: { key?: string; reverses?: string; client?: Client } = {},
): Promise<RawOutcome> {
  const run = async (c: Client): Promise<RawOutcome> => {
    let id: string | undefined;
    try {
      await c.query('BEGIN');
      const header = await c.query<{ id: string }>(
        `INSERT INTO ledger_transactions (business_date, kind, memo, idempotency_key, reverses_transaction_id)
         VALUES ('2026-11-27', $1, 'raw SQL', $2, $3) RETURNING id`,
        [kind, opts.key ?? `raw:${Math.random()}`, opts.reverses ?? null],
      );
      id = header.rows[0].id;
      for (const [account, debit, credit] of lines) {
        await c.query(
          `INSERT INTO ledger_entries (transaction_id, account_code, debit, credit) VALUES ($1, $2, $3, $4)`,
          [id, account, debit, credit],
        );
      }
    } catch (err) {
      await c.query('ROLLBACK');
      return { stage: 'statement', error: pgError(err) };
    }
    try {
      await c.query('COMMIT');
    } catch (err) {
      return { stage: 'commit', error: pgError(err) };
    }
    return { stage: 'ok', id };
  };
  return opts.client ? run(opts.client) : withClient(run);
}

async function balanceOf(code: string): Promise<Money> {
  const rows: { balance: string }[] = await app.ds.query(
    `SELECT balance FROM ledger_account_balances WHERE account_code = $1`,
    [code],
  );
  return Money.of(rows[0].balance);
}

async function anyEntry(): Promise<{ id: string; transaction_id: string }> {
  const rows: { id: string; transaction_id: string }[] = await app.ds.query(
    `SELECT id, transaction_id FROM ledger_entries ORDER BY id LIMIT 1`,
  );
  return rows[0];
}

describe('the ledger database refuses (raw SQL, no service)', () => {
  it('an unbalanced transaction, at COMMIT (deferred constraint trigger)', async () => {
    const before = await balanceOf(ACCOUNT.INTEREST);
    const out = await rawPosting(
      'INTEREST_INCOME',
      [
        [ACCOUNT.INTEREST, '100.00', '0'],
        [ACCOUNT.INTEREST_INCOME, '0', '99.99'],
      ],
      { key: 'raw:unbalanced' },
    );
    expect(out.stage).toBe('commit');
    expect(out.error?.message).toMatch(/unbalanced/);
    expect(out.error?.constraint).toBe('ledger_transaction_balanced');
    expect(
      await app.ds.query(`SELECT 1 FROM ledger_transactions WHERE idempotency_key = 'raw:unbalanced'`),
    ).toEqual([]);
    expect((await balanceOf(ACCOUNT.INTEREST)).eq(before)).toBe(true);
  });

  it('a transaction with a single line, and one with no lines at all', async () => {
    const one = await rawPosting('INTEREST_INCOME', [[ACCOUNT.INTEREST, '5.00', '0']]);
    expect(one.stage).toBe('commit');
    expect(one.error?.message).toMatch(/1 line/);
    const none = await rawPosting('INTEREST_INCOME', []);
    expect(none.stage).toBe('commit');
    expect(none.error?.message).toMatch(/0 line/);
  });

  it('a line with both sides, no side, or a negative amount (CHECK)', async () => {
    for (const bad of [
      ['5.00', '5.00'],
      ['0', '0'],
      ['-5.00', '0'],
      ['0', '-5.00'],
    ]) {
      const out = await rawPosting('INTEREST_INCOME', [
        [ACCOUNT.INTEREST, bad[0], bad[1]],
        [ACCOUNT.INTEREST_INCOME, '0', '5.00'],
      ]);
      expect(out.stage).toBe('statement');
      expect(out.error?.code).toBe('23514');
    }
  });

  it('an UPDATE of a posted entry', async () => {
    const e = await anyEntry();
    await expect(
      app.ds.query(`UPDATE ledger_entries SET debit = debit + 1 WHERE id = $1`, [e.id]),
    ).rejects.toThrow(/append-only: UPDATE refused/);
  });

  it('a DELETE of a posted entry', async () => {
    const e = await anyEntry();
    await expect(app.ds.query(`DELETE FROM ledger_entries WHERE id = $1`, [e.id])).rejects.toThrow(
      /append-only: DELETE refused/,
    );
  });

  it('an UPDATE or DELETE of a posted transaction, and TRUNCATE of either table', async () => {
    const e = await anyEntry();
    await expect(
      app.ds.query(`UPDATE ledger_transactions SET memo = 'edited' WHERE id = $1`, [e.transaction_id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      app.ds.query(`DELETE FROM ledger_transactions WHERE id = $1`, [e.transaction_id]),
    ).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`TRUNCATE ledger_entries`)).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`TRUNCATE ledger_transactions CASCADE`)).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`TRUNCATE ledger_account_balances CASCADE`)).rejects.toThrow(/append-only/);
  });

  it('adding a line to a transaction already posted, even a balanced pair', async () => {
    const e = await anyEntry();
    const out = await withClient(async (c) => {
      try {
        await c.query('BEGIN');
        await c.query(
          `INSERT INTO ledger_entries (transaction_id, account_code, debit, credit) VALUES ($1, $2, 1, 0), ($1, $3, 0, 1)`,
          [e.transaction_id, ACCOUNT.INTEREST, ACCOUNT.INTEREST_INCOME],
        );
        await c.query('COMMIT');
        return null;
      } catch (err) {
        await c.query('ROLLBACK');
        return pgError(err);
      }
    });
    expect(out?.message).toMatch(/already posted/);
  });

  it('a direct write to the balances table', async () => {
    await expect(
      app.ds.query(`UPDATE ledger_account_balances SET balance = balance + 1000000 WHERE account_code = $1`, [
        ACCOUNT.PRINCIPAL,
      ]),
    ).rejects.toThrow(/maintained by the ledger/);
    await expect(
      app.ds.query(`DELETE FROM ledger_account_balances WHERE account_code = $1`, [ACCOUNT.PRINCIPAL]),
    ).rejects.toThrow(/maintained by the ledger/);
  });

  it('a negative interest balance, even when the service is bypassed', async () => {
    const interest = await balanceOf(ACCOUNT.INTEREST);
    const over = interest.plus(Money.of('0.01')).toString();
    const out = await rawPosting('PROGRAMME_COST', [
      [ACCOUNT.PROGRAMME_COSTS, over, '0'],
      [ACCOUNT.INTEREST, '0', over],
    ]);
    expect(out.stage).toBe('statement');
    expect(out.error?.constraint).toBe('ledger_balance_non_negative');
    expect((await balanceOf(ACCOUNT.INTEREST)).eq(interest)).toBe(true);
    // Exactly the balance is allowed: the account may reach zero, not go below it.
    const exact = await rawPosting('PROGRAMME_COST', [
      [ACCOUNT.PROGRAMME_COSTS, interest.toString(), '0'],
      [ACCOUNT.INTEREST, '0', interest.toString()],
    ]);
    expect(exact.stage).toBe('ok');
    expect((await balanceOf(ACCOUNT.INTEREST)).isZero()).toBe(true);
    const back = await rawPosting('INTEREST_INCOME', [
      [ACCOUNT.INTEREST, interest.toString(), '0'],
      [ACCOUNT.INTEREST_INCOME, '0', interest.toString()],
    ]);
    expect(back.stage).toBe('ok');
  });

  it('a negative principal balance, even when the service is bypassed', async () => {
    const principal = await balanceOf(ACCOUNT.PRINCIPAL);
    const over = principal.plus(Money.of('0.01')).toString();
    const out = await rawPosting('COMPENSATION_PAYOUT', [
      [ACCOUNT.COMPENSATION_PAID, over, '0'],
      [ACCOUNT.PRINCIPAL, '0', over],
    ]);
    expect(out.stage).toBe('statement');
    expect(out.error?.constraint).toBe('ledger_balance_non_negative');
    expect((await balanceOf(ACCOUNT.PRINCIPAL)).eq(principal)).toBe(true);
  });

  itRaces(
    'negative balances under concurrent raw postings: the balance row lock serialises them',
    async () => {
      // Bring the interest sub-account to exactly 500.00, then 12 raw connections race for 100.00 each.
      const interest = await balanceOf(ACCOUNT.INTEREST);
      const target = Money.of('500.00');
      const diff = interest.minus(target);
      if (diff.isPositive()) {
        expect(
          (
            await rawPosting('PROGRAMME_COST', [
              [ACCOUNT.PROGRAMME_COSTS, diff.toString(), '0'],
              [ACCOUNT.INTEREST, '0', diff.toString()],
            ])
          ).stage,
        ).toBe('ok');
      }
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, () =>
          rawPosting('PROGRAMME_COST', [
            [ACCOUNT.PROGRAMME_COSTS, '100.00', '0'],
            [ACCOUNT.INTEREST, '0', '100.00'],
          ]),
        ),
      );
      expect(outcomes.filter((o) => o.stage === 'ok')).toHaveLength(5);
      for (const o of outcomes.filter((x) => x.stage !== 'ok')) {
        expect(o.error?.constraint).toBe('ledger_balance_non_negative');
      }
      expect((await balanceOf(ACCOUNT.INTEREST)).isZero()).toBe(true);
      await rawPosting('INTEREST_INCOME', [
        [ACCOUNT.INTEREST, interest.toString(), '0'],
        [ACCOUNT.INTEREST_INCOME, '0', interest.toString()],
      ]);
    },
  );

  it('a movement the measures do not allow (Art 7): programme costs out of the principal', async () => {
    const out = await rawPosting('PROGRAMME_COST', [
      [ACCOUNT.PROGRAMME_COSTS, '10.00', '0'],
      [ACCOUNT.PRINCIPAL, '0', '10.00'],
    ]);
    expect(out.stage).toBe('commit');
    expect(out.error?.constraint).toBe('ledger_movement_allowed');
    expect(out.error?.message).toMatch(/Art 7.*100201 Cr/);
  });

  it('a reversal that does not mirror its original, a second reversal, and a reversal of a reversal', async () => {
    const original = await rawPosting('INTEREST_INCOME', [
      [ACCOUNT.INTEREST, '40.00', '0'],
      [ACCOUNT.INTEREST_INCOME, '0', '40.00'],
    ]);
    expect(original.stage).toBe('ok');
    const crooked = await rawPosting(
      'REVERSAL',
      [
        [ACCOUNT.INTEREST_INCOME, '30.00', '0'],
        [ACCOUNT.INTEREST, '0', '30.00'],
      ],
      { reverses: original.id },
    );
    expect(crooked.stage).toBe('commit');
    expect(crooked.error?.constraint).toBe('ledger_reversal_mirror');

    const mirror: Line[] = [
      [ACCOUNT.INTEREST_INCOME, '40.00', '0'],
      [ACCOUNT.INTEREST, '0', '40.00'],
    ];
    const reversal = await rawPosting('REVERSAL', mirror, { reverses: original.id });
    expect(reversal.stage).toBe('ok');
    const again = await rawPosting('REVERSAL', mirror, { reverses: original.id });
    expect(again.stage).toBe('statement');
    expect(again.error?.code).toBe('23505'); // UNIQUE (reverses_transaction_id)

    const ofReversal = await rawPosting(
      'REVERSAL',
      [
        [ACCOUNT.INTEREST, '40.00', '0'],
        [ACCOUNT.INTEREST_INCOME, '0', '40.00'],
      ],
      { reverses: reversal.id },
    );
    expect(ofReversal.stage).toBe('commit');
    expect(ofReversal.error?.message).toMatch(/reverses a reversal/);

    // A REVERSAL must name its original, and only a REVERSAL may.
    const orphan = await rawPosting('REVERSAL', mirror);
    expect(orphan.stage).toBe('statement');
    expect(orphan.error?.code).toBe('23514');
  });

  it('changing what an account is, or deleting it; its name and deposit bank may change', async () => {
    await expect(
      app.ds.query(`UPDATE ledger_accounts SET type = 'INCOME' WHERE code = $1`, [ACCOUNT.PRINCIPAL]),
    ).rejects.toThrow(/only names and the deposit bank may change/);
    await expect(
      app.ds.query(`UPDATE ledger_accounts SET non_negative = false WHERE code = $1`, [ACCOUNT.INTEREST]),
    ).rejects.toThrow(/only names and the deposit bank may change/);
    await expect(
      app.ds.query(`DELETE FROM ledger_accounts WHERE code = $1`, [ACCOUNT.INTEREST]),
    ).rejects.toThrow(/refused/);
    await expect(app.ds.query(`DELETE FROM ledger_templates`)).rejects.toThrow(/append-only/);
    // Art 7: the deposit bank may move in later years; that is an attribute change, not a ledger edit.
    await app.ds.query(`UPDATE ledger_accounts SET deposit_account_no = deposit_account_no WHERE code = $1`, [
      ACCOUNT.PRINCIPAL,
    ]);
  });
});

describe('the database and the code agree', () => {
  it('the chart of accounts', async () => {
    const rows: {
      code: string;
      name_zh: string;
      type: string;
      normal_side: string;
      fund_account: string | null;
    }[] = await app.ds.query(
      `SELECT code, name_zh, type, normal_side, fund_account FROM ledger_accounts ORDER BY code`,
    );
    expect(rows).toEqual(
      [...CHART]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((a) => ({
          code: a.code,
          name_zh: a.nameZh,
          type: a.type,
          normal_side: a.normalSide,
          fund_account: a.fundAccount,
        })),
    );
  });

  it('the allowed movements', async () => {
    const rows: { kind: string; debit_account: string; credit_account: string; article: string }[] =
      await app.ds.query(`SELECT kind, debit_account, credit_account, article FROM ledger_templates`);
    const fromCode = Object.entries(POSTING_TEMPLATES).flatMap(([kind, ts]) =>
      // The migration seeded the Jiangbei articles; the code cites them from the policy.
      ts.map((t) => ({
        kind,
        debit_account: t.debit,
        credit_account: t.credit,
        article: t.article(JIANGBEI_2024),
      })),
    );
    const key = (r: { kind: string; debit_account: string; credit_account: string }) =>
      `${r.kind}|${r.debit_account}|${r.credit_account}`;
    expect([...rows].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      fromCode.sort((a, b) => key(a).localeCompare(key(b))),
    );
  });

  it('the trigger-maintained balances equal the sums of the entries', async () => {
    const rows: { account_code: string; stored: string; computed: string }[] = await app.ds.query(`
      SELECT b.account_code, b.balance::text AS stored,
             (CASE WHEN a.normal_side = 'DEBIT' THEN COALESCE(sum(e.debit - e.credit), 0)
                   ELSE COALESCE(sum(e.credit - e.debit), 0) END)::numeric(18,2)::text AS computed
        FROM ledger_account_balances b
        JOIN ledger_accounts a ON a.code = b.account_code
        LEFT JOIN ledger_entries e ON e.account_code = b.account_code
       GROUP BY b.account_code, b.balance, a.normal_side`);
    expect(rows.length).toBe(CHART.length);
    for (const r of rows) expect(r.stored).toBe(r.computed);
  });
});
