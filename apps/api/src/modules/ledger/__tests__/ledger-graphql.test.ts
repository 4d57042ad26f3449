import { randomUUID } from 'node:crypto';
import { Money } from '@ipfund/policy';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ACCOUNT } from '../ledger.chart';

let app: TestApp;
const tokens: Record<string, string> = {};

const LEDGER_READERS = ['manager', 'ipb', 'finance', 'fo', 'auditor'] as const;
const OUTSIDERS = ['bank-a', 'guarantor-a', 'ent-1'] as const;

const TRIAL_BALANCE = `query($asOf: Date) { trialBalance(asOf: $asOf) {
  asOf balanced debitTotal creditTotal
  lines { accountCode name nameEn type normalSide debitTotal creditTotal balance depositBank depositAccountNo } } }`;
const ENTRIES = `query($first: Int, $after: String, $account: String) {
  ledgerEntries(first: $first, after: $after, accountCode: $account) {
    totalCount
    edges { cursor node { id accountCode accountName debit credit
      transaction { id seq kind memo referenceType referenceId businessDate reversedByTransactionId createdBy
        lines { accountCode debit credit } } } }
    pageInfo { hasNextPage endCursor } } }`;
const FUND_STATUS = `{ fundStatus { principalBalance interestBalance cumulativeCompensation suspended } }`;
const TRANSACTION = `query($id: ID!) { ledgerTransaction(id: $id) { id kind } }`;
const RECORD_INTEREST = `mutation($input: RecordInterestIncomeInput!) {
  recordInterestIncome(input: $input) { id seq kind memo businessDate createdBy createdByOrganization lines { accountCode debit credit } } }`;
const RECORD_COST = `mutation($input: RecordProgrammeCostInput!) {
  recordProgrammeCost(input: $input) { id kind memo businessDate lines { accountCode debit credit } } }`;
const REVERSE = `mutation($id: ID!, $reason: String!, $key: String!) {
  reverseLedgerTransaction(transactionId: $id, reason: $reason, idempotencyKey: $key) {
    id kind reversesTransactionId memo lines { accountCode debit credit } } }`;
const SET_BANK = `mutation($input: SetFundDepositBankInput!) { setFundDepositBank(input: $input) { balanced } }`;

interface TbLine {
  accountCode: string;
  name: string;
  debitTotal: string;
  creditTotal: string;
  balance: string;
  depositBank: string | null;
}
interface Tb {
  trialBalance: { balanced: boolean; debitTotal: string; creditTotal: string; lines: TbLine[] };
}
interface EntryNode {
  id: string;
  accountCode: string;
  debit: string;
  credit: string;
  transaction: { id: string; seq: string; kind: string; reversedByTransactionId: string | null };
}
interface Entries {
  ledgerEntries: {
    totalCount: number;
    edges: { cursor: string; node: EntryNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  res.errors?.[0]?.extensions?.code;
const today = () => app.services.clock.today();

async function trialBalance(token = tokens.manager): Promise<Tb['trialBalance']> {
  const res = await app.gql<Tb>(TRIAL_BALANCE, {}, token);
  expect(res.errors).toBeUndefined();
  return res.data!.trialBalance;
}

const lineOf = (tb: Tb['trialBalance'], account: string) => tb.lines.find((l) => l.accountCode === account)!;

async function allEntries(
  token: string,
  account?: string,
): Promise<{ nodes: EntryNode[]; totalCount: number }> {
  const nodes: EntryNode[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    const res = await app.gql<Entries>(ENTRIES, { first: 7, after, account }, token);
    expect(res.errors).toBeUndefined();
    const page: Entries['ledgerEntries'] = res.data!.ledgerEntries;
    totalCount = page.totalCount;
    nodes.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { nodes, totalCount };
}

beforeAll(async () => {
  app = await createTestApp();
  for (const u of [...LEDGER_READERS, ...OUTSIDERS]) tokens[u] = await app.login(u);
  // A fresh database with the demo seed; slow on the embedded fallback or a busy machine.
}, 60_000);
afterAll(() => app.close());

describe('trial balance after the demo seed', () => {
  it('balances, holds the initial capital (Art 3) and the contributions, and principal = capital − payouts + remittances', async () => {
    const tb = await trialBalance();
    expect(tb.balanced).toBe(true);
    expect(tb.debitTotal).toBe(tb.creditTotal);
    // The initial 10,000,000 and the finance bureau's later contributions (the demo records one).
    const [{ s: contributed }] = (await app.ds.query(
      `SELECT COALESCE(sum(amount), 0)::numeric(18,2)::text AS s FROM capital_contributions`,
    )) as { s: string }[];
    expect(Money.of(contributed).isPositive()).toBe(true);
    const capital = Money.of('10000000.00').plus(Money.of(contributed));
    expect(lineOf(tb, ACCOUNT.FUND_CAPITAL)).toMatchObject({ name: '财政出资', balance: capital.toString() });
    const principal = Money.of(lineOf(tb, ACCOUNT.PRINCIPAL).balance);
    const paid = Money.of(lineOf(tb, ACCOUNT.COMPENSATION_PAID).balance);
    const returned = Money.of(lineOf(tb, ACCOUNT.RETURNED_TO_FUNDER).balance);
    const remitted: { s: string }[] = await app.ds.query(
      `SELECT COALESCE(sum(e.debit), 0)::numeric(18,2)::text AS s FROM ledger_entries e
         JOIN ledger_transactions t ON t.id = e.transaction_id
        WHERE t.kind = 'REMITTANCE_RECEIVED' AND e.account_code = $1`,
      [ACCOUNT.PRINCIPAL],
    );
    expect(principal.toString()).toBe(
      capital.minus(paid).plus(Money.of(remitted[0].s)).minus(returned).toString(),
    );
    // Interest = interest income − programme costs (Art 10), and the demo reversal cancelled one cost.
    const interest = Money.of(lineOf(tb, ACCOUNT.INTEREST).balance);
    expect(interest.toString()).toBe(
      Money.of(lineOf(tb, ACCOUNT.INTEREST_INCOME).balance)
        .minus(Money.of(lineOf(tb, ACCOUNT.PROGRAMME_COSTS).balance))
        .toString(),
    );
    expect(interest.isPositive()).toBe(true);
    expect(lineOf(tb, ACCOUNT.PRINCIPAL).depositBank).toBe('中国建设银行重庆江北支行');
  });

  it('as of a business date, before the fund existed, is all zeros', async () => {
    const res = await app.gql<Tb>(TRIAL_BALANCE, { asOf: '2024-01-01' }, tokens.auditor);
    expect(res.errors).toBeUndefined();
    expect(res.data!.trialBalance.lines.every((l) => l.balance === '0.00')).toBe(true);
  });
});

describe('who reads the ledger (DOMAIN.md §2)', () => {
  it.each(LEDGER_READERS)('%s reads the trial balance and every journal line', async (user) => {
    const tb = await trialBalance(tokens[user]);
    expect(tb.balanced).toBe(true);
    const { nodes, totalCount } = await allEntries(tokens[user]);
    expect(nodes).toHaveLength(totalCount);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(totalCount);
  });

  it.each(OUTSIDERS)(
    '%s is FORBIDDEN the trial balance, the journal, and sees no transaction',
    async (user) => {
      const tb = await app.gql(TRIAL_BALANCE, {}, tokens[user]);
      expect(code(tb)).toBe('FORBIDDEN');
      expect(tb.data).toBeNull();
      const entries = await app.gql(ENTRIES, { first: 5 }, tokens[user]);
      expect(code(entries)).toBe('FORBIDDEN');
      const { nodes } = await allEntries(tokens.manager);
      const tx = await app.gql<{ ledgerTransaction: unknown }>(
        TRANSACTION,
        { id: nodes[0].transaction.id },
        tokens[user],
      );
      expect(tx.errors).toBeUndefined();
      expect(tx.data!.ledgerTransaction).toBeNull();
    },
  );

  it('anonymous callers get UNAUTHENTICATED', async () => {
    expect(code(await app.gql(TRIAL_BALANCE))).toBe('UNAUTHENTICATED');
    expect(code(await app.gql(FUND_STATUS))).toBe('UNAUTHENTICATED');
  });

  it('fundStatus: the programme sees the amounts; a bank, guarantor or enterprise only `suspended`', async () => {
    const tb = await trialBalance();
    for (const user of LEDGER_READERS) {
      const res = await app.gql<{ fundStatus: Record<string, unknown> }>(FUND_STATUS, {}, tokens[user]);
      expect(res.errors).toBeUndefined();
      expect(res.data!.fundStatus).toMatchObject({
        principalBalance: lineOf(tb, ACCOUNT.PRINCIPAL).balance,
        interestBalance: lineOf(tb, ACCOUNT.INTEREST).balance,
        suspended: false,
      });
      expect(typeof res.data!.fundStatus.cumulativeCompensation).toBe('string');
    }
    for (const user of OUTSIDERS) {
      const res = await app.gql<{ fundStatus: Record<string, unknown> }>(FUND_STATUS, {}, tokens[user]);
      expect(res.errors).toBeUndefined();
      expect(res.data!.fundStatus).toEqual({
        principalBalance: null,
        interestBalance: null,
        cumulativeCompensation: null,
        suspended: false,
      });
    }
  });
});

describe('the journal', () => {
  it('pages in a stable order (newest transaction first, its lines debit first) with no overlap', async () => {
    const { nodes } = await allEntries(tokens.manager);
    const seqs = nodes.map((n) => BigInt(n.transaction.seq));
    for (let i = 1; i < seqs.length; i++) expect(seqs[i] <= seqs[i - 1]).toBe(true);
    // Every transaction shows all its lines, and they balance.
    const byTx = new Map<string, EntryNode[]>();
    for (const n of nodes) byTx.set(n.transaction.id, [...(byTx.get(n.transaction.id) ?? []), n]);
    for (const lines of byTx.values()) {
      const d = Money.sum(lines.map((l) => Money.of(l.debit)));
      const c = Money.sum(lines.map((l) => Money.of(l.credit)));
      expect(d.toString()).toBe(c.toString());
    }
  });

  it('filters by account, and refuses an unknown account', async () => {
    const { nodes, totalCount } = await allEntries(tokens.finance, ACCOUNT.INTEREST);
    expect(totalCount).toBeGreaterThan(0);
    expect(nodes.every((n) => n.accountCode === ACCOUNT.INTEREST)).toBe(true);
    const tb = await trialBalance();
    const net = Money.sum(nodes.map((n) => Money.of(n.debit).minus(Money.of(n.credit))));
    expect(net.toString()).toBe(lineOf(tb, ACCOUNT.INTEREST).balance);
    expect(code(await app.gql(ENTRIES, { account: '9999' }, tokens.manager))).toBe('BAD_USER_INPUT');
    expect(code(await app.gql(ENTRIES, { first: 101 }, tokens.manager))).toBe('BAD_USER_INPUT');
    expect(code(await app.gql(ENTRIES, { after: 'garbage' }, tokens.manager))).toBe('BAD_USER_INPUT');
  });
});

describe('manager use cases through GraphQL', () => {
  it('records interest income into the interest sub-account (Art 10); a repeat with the key posts nothing', async () => {
    const before = await trialBalance();
    const input = {
      amount: '28750.00',
      receivedOn: today(),
      memo: '四季度结息',
      idempotencyKey: randomUUID(),
    };
    const first = await app.gql<{
      recordInterestIncome: { id: string; lines: unknown[]; createdBy: string };
    }>(RECORD_INTEREST, { input }, tokens.manager);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordInterestIncome).toMatchObject({
      kind: 'INTEREST_INCOME',
      memo: '四季度结息',
      createdBy: '陈经理（资金管理人）',
      lines: [
        { accountCode: ACCOUNT.INTEREST, debit: '28750.00', credit: '0.00' },
        { accountCode: ACCOUNT.INTEREST_INCOME, debit: '0.00', credit: '28750.00' },
      ],
    });
    const again = await app.gql<{ recordInterestIncome: { id: string } }>(
      RECORD_INTEREST,
      { input },
      tokens.manager,
    );
    expect(again.data!.recordInterestIncome.id).toBe(first.data!.recordInterestIncome.id);
    const after = await trialBalance();
    expect(
      Money.of(lineOf(after, ACCOUNT.INTEREST).balance)
        .minus(Money.of(lineOf(before, ACCOUNT.INTEREST).balance))
        .toString(),
    ).toBe('28750.00');
  });

  it('records a programme cost; beyond the interest balance it is refused citing Art 10', async () => {
    const ok = await app.gql(
      RECORD_COST,
      {
        input: {
          amount: '1500.00',
          paidOn: today(),
          memo: '季度运营报告印制费',
          idempotencyKey: randomUUID(),
        },
      },
      tokens.manager,
    );
    expect(ok.errors).toBeUndefined();
    const interest = lineOf(await trialBalance(), ACCOUNT.INTEREST).balance;
    const tooMuch = await app.gql(
      RECORD_COST,
      {
        input: {
          amount: Money.of(interest).plus(Money.of('0.01')).toString(),
          paidOn: today(),
          memo: '超支',
          idempotencyKey: randomUUID(),
        },
      },
      tokens.manager,
    );
    expect(tooMuch.errors?.[0].extensions).toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 10' });
    expect(lineOf(await trialBalance(), ACCOUNT.INTEREST).balance).toBe(interest);
    const rows: { outcome: string }[] = await app.ds.query(
      `SELECT outcome FROM activity_log WHERE operation = 'ledger.recordProgrammeCost' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0].outcome).toBe('REFUSED');
  });

  it('refuses bad input: zero amount, a future date, an empty memo', async () => {
    const base = { amount: '10.00', paidOn: today(), memo: 'x', idempotencyKey: randomUUID() };
    for (const input of [
      { ...base, amount: '0.00' },
      { ...base, paidOn: '2099-01-01' },
      { ...base, memo: '  ' },
    ]) {
      expect(code(await app.gql(RECORD_COST, { input }, tokens.manager))).toBe('BAD_USER_INPUT');
    }
    expect(code(await app.gql(RECORD_COST, { input: { ...base, amount: 10 } }, tokens.manager))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('reverses a transaction once; a second reversal is a CONFLICT', async () => {
    const cost = await app.gql<{ recordProgrammeCost: { id: string } }>(
      RECORD_COST,
      { input: { amount: '800.00', paidOn: today(), memo: '误录的差旅费', idempotencyKey: randomUUID() } },
      tokens.manager,
    );
    const id = cost.data!.recordProgrammeCost.id;
    const before = await trialBalance();
    const rev = await app.gql<{ reverseLedgerTransaction: { id: string } }>(
      REVERSE,
      { id, reason: '重复报销', key: randomUUID() },
      tokens.manager,
    );
    expect(rev.errors).toBeUndefined();
    expect(rev.data!.reverseLedgerTransaction).toMatchObject({
      kind: 'REVERSAL',
      reversesTransactionId: id,
      lines: [
        { accountCode: ACCOUNT.INTEREST, debit: '800.00' },
        { accountCode: ACCOUNT.PROGRAMME_COSTS, credit: '800.00' },
      ],
    });
    const after = await trialBalance();
    expect(
      Money.of(lineOf(after, ACCOUNT.INTEREST).balance)
        .minus(Money.of(lineOf(before, ACCOUNT.INTEREST).balance))
        .toString(),
    ).toBe('800.00');
    const twice = await app.gql(REVERSE, { id, reason: '再次', key: randomUUID() }, tokens.manager);
    expect(code(twice)).toBe('CONFLICT');
    expect(
      code(await app.gql(REVERSE, { id: randomUUID(), reason: 'x', key: randomUUID() }, tokens.manager)),
    ).toBe('NOT_FOUND');
  });

  it('refuses reversing a claim\u2019s posting from the ledger page: it is corrected through its claim', async () => {
    const claimId = randomUUID();
    const manager = await app.actor('manager');
    const receivable = await app.ds.transaction((em) =>
      app.services.ledger.postRecoveryReceivable(em, {
        claimId,
        amount: Money.of('100.00'),
        idempotencyKey: `claim:${claimId}:receivable`,
        actor: manager,
      }),
    );
    const res = await app.gql(REVERSE, { id: receivable.id, reason: 'x', key: randomUUID() }, tokens.manager);
    expect(code(res)).toBe('CONFLICT');
  });

  it.each(['ipb', 'finance', 'fo', 'auditor', 'bank-a', 'guarantor-a', 'ent-1'])(
    '%s may not record, reverse or set the deposit bank (FORBIDDEN)',
    async (user) => {
      const input = { amount: '1.00', receivedOn: today(), idempotencyKey: randomUUID() };
      expect(code(await app.gql(RECORD_INTEREST, { input }, tokens[user]))).toBe('FORBIDDEN');
      const cost = { amount: '1.00', paidOn: today(), memo: 'x', idempotencyKey: randomUUID() };
      expect(code(await app.gql(RECORD_COST, { input: cost }, tokens[user]))).toBe('FORBIDDEN');
      const { nodes } = await allEntries(tokens.manager);
      expect(
        code(
          await app.gql(
            REVERSE,
            { id: nodes[0].transaction.id, reason: 'x', key: randomUUID() },
            tokens[user],
          ),
        ),
      ).toBe('FORBIDDEN');
      const bank = { bankName: '某银行', principalAccountNo: '1234567', interestAccountNo: '1234568' };
      expect(code(await app.gql(SET_BANK, { input: bank }, tokens[user]))).toBe('FORBIDDEN');
    },
  );

  it('the manager sets the deposit bank (Art 7); it shows on both cash accounts', async () => {
    const input = {
      bankName: '重庆农村商业银行江北支行',
      principalAccountNo: '0101-2024-001',
      interestAccountNo: '0101-2024-002',
    };
    const res = await app.gql(SET_BANK, { input }, tokens.manager);
    expect(res.errors).toBeUndefined();
    const tb = await trialBalance();
    expect(lineOf(tb, ACCOUNT.PRINCIPAL)).toMatchObject({ depositBank: input.bankName });
    expect(lineOf(tb, ACCOUNT.INTEREST)).toMatchObject({ depositBank: input.bankName });
    expect(lineOf(tb, ACCOUNT.FUND_CAPITAL).depositBank).toBeNull();
  });
});

describe('set-up', () => {
  it('ensureFundSetUp is idempotent: the capital is posted once', async () => {
    const again = await app.services.ledger.ensureFundSetUp();
    expect(again.replayed).toBe(true);
    const rows: { n: number }[] = await app.ds.query(
      `SELECT count(*)::int AS n FROM ledger_transactions WHERE idempotency_key = 'setup:capital'`,
    );
    expect(rows[0].n).toBe(1);
    expect(again).toMatchObject({ businessDate: '2024-04-07', idempotencyKey: 'setup:capital' });
  });
});
