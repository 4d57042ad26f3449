/**
 * Borrowers' quarterly financial statements (Art 22, issue 12): the enterprise submits its own (or
 * the manager on its behalf), a correction is a new version with its reason, the manager sees who is
 * missing and reminds them, the offices see the collection, a lending bank reads the statements of
 * the enterprises it lends to and no others — in the scope and in PostgreSQL's row-level security.
 */
import type { OrgKind } from '@ipfund/shared';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok, refusal, tokensByKind, USER_OF_KIND } from '../../../testing/kinds';
import { makeLoan } from '../../claim/__tests__/fixtures';

let app: TestApp;
let tokens: Record<OrgKind, string>;
let ent1: string;
let enterprises: { id: string; name: string }[];

const FIELDS = `id enterpriseId quarter version revenue netProfit totalAssets totalLiabilities rndSpending loanUse correctionReason submittedOrgKind`;
const SUBMIT = `mutation($i: FinancialStatementInput!) { submitFinancialStatement(input: $i) { ${FIELDS} } }`;
const CORRECT = `mutation($i: FinancialStatementInput!, $r: String!) { correctFinancialStatement(input: $i, reason: $r) { ${FIELDS} } }`;
const LIST = `query($e: ID, $q: String) { financialStatements(enterpriseId: $e, quarter: $q) { ${FIELDS} } }`;
const COLLECTION = `query($q: String!) { financialStatementCollection(quarter: $q) {
  quarter expected submitted missing rows { enterpriseId enterpriseName statement { version } reminders lastRemindedOn viewerCan } } }`;
const REMIND = `mutation($e: ID!, $q: String!) { remindFinancialStatement(enterpriseId: $e, quarter: $q) { id enterpriseId quarter message remindedOn } }`;

interface Statement {
  id: string;
  enterpriseId: string;
  quarter: string;
  version: number;
  revenue: string;
  netProfit: string;
  correctionReason: string | null;
  submittedOrgKind: string;
}

const input = (enterpriseId: string, quarter: string, over: Record<string, string> = {}) => ({
  enterpriseId,
  quarter,
  revenue: '3250000.00',
  netProfit: '-120000.50',
  totalAssets: '18000000.00',
  totalLiabilities: '9600000.00',
  rndSpending: '640000.00',
  loanUse: '用于新一代芯片研发及流动资金周转',
  ...over,
});

beforeAll(async () => {
  app = await createTestApp({ businessDate: '2026-11-27' });
  tokens = await tokensByKind(app);
  enterprises = (await app.ds.query(
    `SELECT e.id, e.name FROM enterprises e JOIN organizations o ON o.id = e.organization_id ORDER BY e.name`,
  )) as { id: string; name: string }[];
  const [own] = (await app.ds.query(
    `SELECT e.id FROM enterprises e JOIN users u ON u.organization_id = e.organization_id WHERE u.username = $1`,
    [USER_OF_KIND.ENTERPRISE],
  )) as { id: string }[];
  ent1 = own.id;
});
afterAll(async () => {
  await app?.close();
});

describe('submitting and correcting (Art 22)', () => {
  it('the enterprise submits its own statement once; a correction is the next version with its reason', async () => {
    const first = ok(
      await app.gql<{ submitFinancialStatement: Statement }>(
        SUBMIT,
        { i: input(ent1, '2025-Q3') },
        tokens.ENTERPRISE,
      ),
    ).submitFinancialStatement;
    expect(first).toMatchObject({
      version: 1,
      netProfit: '-120000.50',
      correctionReason: null,
      submittedOrgKind: 'ENTERPRISE',
    });
    expect(refusal(await app.gql(SUBMIT, { i: input(ent1, '2025-Q3') }, tokens.ENTERPRISE))).toEqual({
      code: 'CONFLICT',
      article: 'Art 22',
    });
    expect(
      refusal(await app.gql(CORRECT, { i: input(ent1, '2025-Q3'), r: ' ' }, tokens.ENTERPRISE)).code,
    ).toBe('BAD_USER_INPUT');
    const second = ok(
      await app.gql<{ correctFinancialStatement: Statement }>(
        CORRECT,
        { i: input(ent1, '2025-Q3', { revenue: '3350000.00' }), r: '营业收入更正' },
        tokens.ENTERPRISE,
      ),
    ).correctFinancialStatement;
    expect(second).toMatchObject({ version: 2, revenue: '3350000.00', correctionReason: '营业收入更正' });
    const history = ok(
      await app.gql<{ financialStatements: Statement[] }>(
        LIST,
        { e: ent1, q: '2025-Q3' },
        tokens.FUND_MANAGER,
      ),
    ).financialStatements;
    expect(history.map((s) => [s.version, s.revenue])).toEqual([
      [2, '3350000.00'],
      [1, '3250000.00'],
    ]);
    // A correction of a quarter never submitted has nothing to correct.
    expect(
      refusal(await app.gql(CORRECT, { i: input(ent1, '2025-Q1'), r: '更正' }, tokens.ENTERPRISE)).code,
    ).toBe('CONFLICT');
    // History: the database refuses to edit a submitted statement, even to its owner.
    await expect(
      app.ds.query(`UPDATE enterprise_financial_statements SET revenue = 1 WHERE id = $1`, [first.id]),
    ).rejects.toThrow();
  });

  it('two concurrent submissions for one quarter give one version 1 and one CONFLICT', async () => {
    const both = await Promise.all([
      app.gql<{ submitFinancialStatement: Statement }>(
        SUBMIT,
        { i: input(ent1, '2024-Q4') },
        tokens.ENTERPRISE,
      ),
      app.gql<{ submitFinancialStatement: Statement }>(
        SUBMIT,
        { i: input(ent1, '2024-Q4') },
        tokens.FUND_MANAGER,
      ),
    ]);
    expect(both.filter((r) => r.data?.submitFinancialStatement?.version === 1)).toHaveLength(1);
    expect(both.map((r) => refusal(r).code).filter(Boolean)).toEqual(['CONFLICT']);
  });

  it('refuses malformed figures, a malformed quarter and a quarter not yet ended', async () => {
    const bad: Record<string, string>[] = [
      { revenue: '12.345' },
      { revenue: '1e6' },
      { revenue: '-5.00' },
      { totalAssets: 'abc' },
      { rndSpending: '-1' },
      { loanUse: '   ' },
    ];
    for (const over of bad) {
      expect(
        refusal(await app.gql(SUBMIT, { i: input(ent1, '2026-Q2', over) }, tokens.ENTERPRISE)).code,
      ).toBe('BAD_USER_INPUT');
    }
    for (const q of ['2026-Q5', '2026', '2026Q2']) {
      expect(refusal(await app.gql(SUBMIT, { i: input(ent1, q) }, tokens.ENTERPRISE)).code).toBe(
        'BAD_USER_INPUT',
      );
    }
    expect(refusal(await app.gql(SUBMIT, { i: input(ent1, '2026-Q4') }, tokens.ENTERPRISE))).toEqual({
      code: 'CONFLICT',
      article: 'Art 22',
    });
  });

  it('the manager enters a statement on behalf of any enterprise; an enterprise only its own; no one else', async () => {
    const other = enterprises.find((e) => e.id !== ent1)!;
    expect(refusal(await app.gql(SUBMIT, { i: input(other.id, '2026-Q2') }, tokens.ENTERPRISE)).code).toBe(
      'NOT_FOUND',
    );
    for (const kind of [
      'IP_BUREAU',
      'FINANCE_BUREAU',
      'FINANCIAL_OFFICE',
      'AUDITOR',
      'LENDING_BANK',
      'GUARANTOR',
    ] as OrgKind[]) {
      expect(refusal(await app.gql(SUBMIT, { i: input(other.id, '2026-Q2') }, tokens[kind]))).toEqual({
        code: 'FORBIDDEN',
        article: 'Art 22',
      });
      expect(
        refusal(await app.gql(CORRECT, { i: input(other.id, '2026-Q2'), r: 'x' }, tokens[kind])),
      ).toEqual({
        code: 'FORBIDDEN',
        article: 'Art 22',
      });
    }
    const byManager = ok(
      await app.gql<{ submitFinancialStatement: Statement }>(
        SUBMIT,
        { i: input(other.id, '2026-Q2') },
        tokens.FUND_MANAGER,
      ),
    ).submitFinancialStatement;
    expect(byManager).toMatchObject({ enterpriseId: other.id, version: 1, submittedOrgKind: 'FUND_MANAGER' });
  });
});

describe('who reads statements', () => {
  beforeAll(async () => {
    // A borrower of bank-b only (every demo enterprise borrows from bank-a, the bank login of the test).
    const stranger = await makeLoan(app, {
      bank: 'bank-b',
      principal: '500000.00',
      outstanding: '500000.00',
      overdueDays: 0,
    });
    const [row] = (await app.ds.query(`SELECT id, name FROM enterprises WHERE id = $1`, [
      stranger.enterpriseId,
    ])) as {
      id: string;
      name: string;
    }[];
    enterprises.push(row);
    // Every enterprise's statement for 2026-Q1, entered by the manager.
    for (const e of enterprises)
      ok(await app.gql(SUBMIT, { i: input(e.id, '2026-Q1') }, tokens.FUND_MANAGER));
  });

  it('a lending bank reads exactly the statements of the enterprises it lends to', async () => {
    const bankId = (
      (await app.ds.query(`SELECT organization_id AS id FROM users WHERE username = $1`, [
        USER_OF_KIND.LENDING_BANK,
      ])) as { id: string }[]
    )[0].id;
    const borrowers = (
      (await app.ds.query(`SELECT DISTINCT enterprise_id AS id FROM loans WHERE bank_id = $1`, [bankId])) as {
        id: string;
      }[]
    ).map((r) => r.id);
    expect(borrowers.length).toBeGreaterThan(0);
    expect(borrowers.length).toBeLessThan(enterprises.length);
    const seen = ok(
      await app.gql<{ financialStatements: Statement[] }>(LIST, { q: '2026-Q1' }, tokens.LENDING_BANK),
    ).financialStatements.map((s) => s.enterpriseId);
    expect([...seen].sort()).toEqual([...borrowers].sort());
    // Another enterprise's statement by id: nothing, as for one that does not exist.
    const stranger = enterprises.find((e) => !borrowers.includes(e.id))!;
    expect(
      ok(await app.gql<{ financialStatements: Statement[] }>(LIST, { e: stranger.id }, tokens.LENDING_BANK))
        .financialStatements,
    ).toEqual([]);

    // The second wall: the bank's transaction reading the table with no filter of its own gets the same rows.
    const bank = await app.actor(USER_OF_KIND.LENDING_BANK);
    const raw = (await app.services.access.read(bank, (scope) =>
      scope.em.query(`SELECT DISTINCT enterprise_id AS id FROM enterprise_financial_statements`),
    )) as { id: string }[];
    expect(raw.map((r) => r.id).sort()).toEqual([...borrowers].sort());
  });

  it('an enterprise reads its own, a guarantor none; the programme all', async () => {
    const own = ok(
      await app.gql<{ financialStatements: Statement[] }>(LIST, { q: '2026-Q1' }, tokens.ENTERPRISE),
    ).financialStatements;
    expect(own.map((s) => s.enterpriseId)).toEqual([ent1]);
    expect(
      ok(await app.gql<{ financialStatements: Statement[] }>(LIST, { q: '2026-Q1' }, tokens.GUARANTOR))
        .financialStatements,
    ).toEqual([]);
    for (const kind of [
      'IP_BUREAU',
      'FINANCE_BUREAU',
      'FINANCIAL_OFFICE',
      'FUND_MANAGER',
      'AUDITOR',
    ] as OrgKind[]) {
      const all = ok(
        await app.gql<{ financialStatements: Statement[] }>(LIST, { q: '2026-Q1' }, tokens[kind]),
      ).financialStatements;
      expect(all).toHaveLength(enterprises.length);
    }
    const guarantor = await app.actor(USER_OF_KIND.GUARANTOR);
    const raw = (await app.services.access.read(guarantor, (scope) =>
      scope.em.query(`SELECT count(*)::int AS n FROM enterprise_financial_statements`),
    )) as { n: number }[];
    expect(raw[0].n).toBe(0);
  });
});

interface Collection {
  quarter: string;
  expected: number;
  submitted: number;
  missing: number;
  rows: {
    enterpriseId: string;
    statement: { version: number } | null;
    reminders: number;
    viewerCan: string[];
  }[];
}

describe('collection and reminders', () => {
  it('the manager sees who is missing and reminds them; a given statement is not reminded', async () => {
    const before = ok(
      await app.gql<{ financialStatementCollection: Collection }>(
        COLLECTION,
        { q: '2025-Q4' },
        tokens.FUND_MANAGER,
      ),
    ).financialStatementCollection;
    expect(before.expected).toBeGreaterThan(1);
    expect(before.submitted).toBe(0);
    const [given, missing] = before.rows;
    ok(await app.gql(SUBMIT, { i: input(given.enterpriseId, '2025-Q4') }, tokens.FUND_MANAGER));
    expect(
      refusal(await app.gql(REMIND, { e: given.enterpriseId, q: '2025-Q4' }, tokens.FUND_MANAGER)),
    ).toEqual({
      code: 'CONFLICT',
      article: 'Art 22',
    });
    const reminder = ok(
      await app.gql<{ remindFinancialStatement: { message: string; remindedOn: string } }>(
        REMIND,
        { e: missing.enterpriseId, q: '2025-Q4' },
        tokens.FUND_MANAGER,
      ),
    ).remindFinancialStatement;
    expect(reminder.remindedOn).toBe('2026-11-27');
    expect(reminder.message).toContain('2025年第四季度');
    for (const kind of [
      'IP_BUREAU',
      'FINANCE_BUREAU',
      'FINANCIAL_OFFICE',
      'AUDITOR',
      'LENDING_BANK',
      'GUARANTOR',
      'ENTERPRISE',
    ] as OrgKind[]) {
      expect(refusal(await app.gql(REMIND, { e: missing.enterpriseId, q: '2025-Q4' }, tokens[kind]))).toEqual(
        {
          code: 'FORBIDDEN',
          article: 'Art 22',
        },
      );
    }
    const after = ok(
      await app.gql<{ financialStatementCollection: Collection }>(
        COLLECTION,
        { q: '2025-Q4' },
        tokens.IP_BUREAU,
      ),
    ).financialStatementCollection;
    expect(after).toMatchObject({ expected: before.expected, submitted: 1, missing: before.expected - 1 });
    const row = after.rows.find((r) => r.enterpriseId === missing.enterpriseId)!;
    expect(row).toMatchObject({ statement: null, reminders: 1, viewerCan: [] });
    const mine = ok(
      await app.gql<{ financialStatementCollection: Collection }>(
        COLLECTION,
        { q: '2025-Q4' },
        tokens.FUND_MANAGER,
      ),
    ).financialStatementCollection.rows.find((r) => r.enterpriseId === missing.enterpriseId)!;
    expect(mine.viewerCan).toEqual(['financials.remind']);

    // The reminder is on record for the programme and for the enterprise reminded, no one else.
    const REMINDERS = `query($q: String!) { financialStatementReminders(quarter: $q) { enterpriseId quarter } }`;
    for (const kind of [
      'IP_BUREAU',
      'FINANCE_BUREAU',
      'FINANCIAL_OFFICE',
      'FUND_MANAGER',
      'AUDITOR',
    ] as OrgKind[]) {
      const seen = ok(
        await app.gql<{ financialStatementReminders: { enterpriseId: string }[] }>(
          REMINDERS,
          { q: '2025-Q4' },
          tokens[kind],
        ),
      ).financialStatementReminders;
      expect(seen.map((r) => r.enterpriseId)).toEqual([missing.enterpriseId]);
    }
    const [login] = (await app.ds.query(
      `SELECT u.username FROM users u JOIN enterprises e ON e.organization_id = u.organization_id WHERE e.id = $1`,
      [missing.enterpriseId],
    )) as { username: string }[];
    const reminded = await app.login(login.username);
    expect(
      ok(
        await app.gql<{ financialStatementReminders: { enterpriseId: string }[] }>(
          REMINDERS,
          { q: '2025-Q4' },
          reminded,
        ),
      ).financialStatementReminders.map((r) => r.enterpriseId),
    ).toEqual([missing.enterpriseId]);
    for (const kind of ['LENDING_BANK', 'GUARANTOR'] as OrgKind[]) {
      expect(
        ok(
          await app.gql<{ financialStatementReminders: unknown[] }>(
            REMINDERS,
            { q: '2025-Q4' },
            tokens[kind],
          ),
        ).financialStatementReminders,
      ).toEqual([]);
    }
    if (login.username !== USER_OF_KIND.ENTERPRISE) {
      expect(
        ok(
          await app.gql<{ financialStatementReminders: unknown[] }>(
            REMINDERS,
            { q: '2025-Q4' },
            tokens.ENTERPRISE,
          ),
        ).financialStatementReminders,
      ).toEqual([]);
    }

    // The quarterly report carries the same collection (Art 6.6, 22).
    const report = ok(
      await app.gql<{
        fundReport: {
          content: {
            financials: { quarter: string; expected: number; submitted: number; missing: number }[];
          };
        };
      }>(
        `{ fundReport(period: "2025-Q4") { content { financials { quarter expected submitted missing } } } }`,
        {},
        tokens.FUND_MANAGER,
      ),
    ).fundReport.content.financials;
    expect(report).toEqual([
      { quarter: '2025-Q4', expected: after.expected, submitted: 1, missing: after.missing },
    ]);
  });

  it('the offices and the auditor see the collection; banks, guarantors and enterprises do not', async () => {
    for (const kind of [
      'IP_BUREAU',
      'FINANCE_BUREAU',
      'FINANCIAL_OFFICE',
      'FUND_MANAGER',
      'AUDITOR',
    ] as OrgKind[]) {
      expect(
        ok(
          await app.gql<{ financialStatementCollection: Collection }>(
            COLLECTION,
            { q: '2026-Q1' },
            tokens[kind],
          ),
        ).financialStatementCollection.quarter,
      ).toBe('2026-Q1');
    }
    for (const kind of ['LENDING_BANK', 'GUARANTOR', 'ENTERPRISE'] as OrgKind[]) {
      expect(refusal(await app.gql(COLLECTION, { q: '2026-Q1' }, tokens[kind]))).toEqual({
        code: 'FORBIDDEN',
        article: 'Art 22',
      });
    }
  });
});
