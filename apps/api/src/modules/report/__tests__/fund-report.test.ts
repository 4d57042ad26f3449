/**
 * Operation reports (Art 6.6, issue 12): every money figure of `fundReport` equals the ledger's for
 * the period (recomputed here from ledger lines), over the demo's ledger plus a year of claims paid
 * quarter by quarter; who may read, issue and acknowledge; an issued report is frozen (a later
 * posting dated into its period does not change it; a correction is a new version with its reason);
 * the xlsx and PDF downloads hold the same numbers.
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { OrgKind } from '@ipfund/shared';
import { startHttpServer, type HttpServer } from '../../../server';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok, refusal, tokensByKind } from '../../../testing/kinds';
import { pdfText } from '../../../testing/pdf-text';
import { formatMoney } from '../../../export/pdf';
import { ClaimDriver, makeLoan } from '../../claim/__tests__/fixtures';

let app: TestApp;
let tokens: Record<OrgKind, string>;
let http: HttpServer;
let base: string;
const TODAY = '2026-11-27';

const REPORT = `query($p: String!) { fundReport(period: $p) {
  period status version viewerCan xlsxUrl pdfUrl
  versions { version contentHash hashVerified reason acknowledgements { orgKind userName } pendingOffices }
  content { period asOf
    balances { principalOpening principalClosing interestOpening interestClosing recoveriesReceivableOpening recoveriesReceivableClosing }
    flows { capitalReceived compensationPaid recoveriesRecognised recoveriesReceived interestIncome programmeCosts returnedToFunder }
    claims { paid { count fundShare } approved { count fundShare } byStatus { status count fundShare } }
    breaker { threshold cumulativeAtEnd remaining reached }
    loans { total { coveredInPeriod { count principal } outstandingAtEnd { count outstanding } } byBank { name } }
    riskByBank { name riskRatio riskLevel }
    compensationByQuarter { quarter amount }
    financials { quarter expected submitted missing }
  } } }`;

interface Report {
  period: string;
  status: string;
  version: number | null;
  viewerCan: string[];
  xlsxUrl: string;
  pdfUrl: string;
  versions: {
    version: number;
    contentHash: string;
    hashVerified: boolean;
    reason: string | null;
    acknowledgements: { orgKind: string }[];
    pendingOffices: string[];
  }[];
  content: {
    period: string;
    asOf: string;
    balances: Record<string, string>;
    flows: Record<string, string>;
    claims: { paid: { count: number; fundShare: string }; approved: { count: number; fundShare: string } };
    breaker: { cumulativeAtEnd: string };
    compensationByQuarter: { quarter: string; amount: string }[];
  };
}

async function report(period: string, kind: OrgKind = 'FUND_MANAGER') {
  return app.gql<{ fundReport: Report }>(REPORT, { p: period }, tokens[kind]);
}

beforeAll(async () => {
  app = await createTestApp({ businessDate: TODAY });
  tokens = await tokensByKind(app);
  // A year of compensation: one claim paid in each of the first three quarters of 2026.
  const driver = new ClaimDriver(app);
  for (const [day, bank] of [
    ['2026-02-16', 'bank-a'],
    ['2026-05-20', 'bank-b'],
    ['2026-08-14', 'bank-c'],
  ] as const) {
    app.services.clock.set(day);
    const loan = await makeLoan(app, {
      bank,
      principal: '1000000.00',
      outstanding: '800000.00',
      overdueDays: 75,
    });
    await driver.fullClaim(bank, loan);
  }
  app.services.clock.set(TODAY);
  http = await startHttpServer({
    ...app.services,
    config: { ...app.services.config, port: 0, host: '127.0.0.1' },
  });
  base = http.url.replace(/\/$/, '').replace('localhost', '127.0.0.1');
});
afterAll(async () => {
  await http?.stop();
  await app?.close();
});

/** Every ledger line up to a date, with its transaction's kind and (for a reversal) its original's. */
async function ledgerLines(to: string) {
  return (await app.ds.query(
    `SELECT to_char(t.business_date, 'YYYY-MM-DD') AS day, t.kind, o.kind AS original, e.account_code AS account,
            e.debit::text AS debit, e.credit::text AS credit
       FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
       LEFT JOIN ledger_transactions o ON o.id = t.reverses_transaction_id
      WHERE t.business_date <= $1::date`,
    [to],
  )) as {
    day: string;
    kind: string;
    original: string | null;
    account: string;
    debit: string;
    credit: string;
  }[];
}

/** The figures recomputed from the ledger lines, line by line (independently of the report's SQL). */
async function expectedFigures(from: string, to: string) {
  const lines = await ledgerLines(to);
  const sum = (pick: (l: (typeof lines)[number]) => boolean, side: 'debit' | 'credit') =>
    lines
      .filter(pick)
      .reduce(
        (acc, l) =>
          acc.plus(
            side === 'debit' ? new Decimal(l.debit).minus(l.credit) : new Decimal(l.credit).minus(l.debit),
          ),
        new Decimal(0),
      )
      .toFixed(2);
  const before = (l: { day: string }) => l.day < from;
  const upTo = () => true;
  const inside = (l: { day: string }) => l.day >= from;
  const kindOf = (l: { kind: string; original: string | null }) =>
    l.kind === 'REVERSAL' ? l.original : l.kind;
  return {
    balances: {
      principalOpening: sum((l) => l.account === '100201' && before(l), 'debit'),
      principalClosing: sum((l) => l.account === '100201' && upTo(), 'debit'),
      interestOpening: sum((l) => l.account === '100202' && before(l), 'debit'),
      interestClosing: sum((l) => l.account === '100202' && upTo(), 'debit'),
      recoveriesReceivableOpening: sum((l) => l.account === '1221' && before(l), 'debit'),
      recoveriesReceivableClosing: sum((l) => l.account === '1221' && upTo(), 'debit'),
    },
    flows: {
      capitalReceived: sum(
        (l) => l.account === '100201' && inside(l) && kindOf(l) === 'CAPITAL_INJECTION',
        'debit',
      ),
      compensationPaid: sum((l) => l.account === '5001' && inside(l), 'debit'),
      recoveriesRecognised: sum((l) => l.account === '4001' && inside(l), 'credit'),
      recoveriesReceived: sum(
        (l) => l.account === '100201' && inside(l) && kindOf(l) === 'REMITTANCE_RECEIVED',
        'debit',
      ),
      interestIncome: sum((l) => l.account === '4002' && inside(l), 'credit'),
      programmeCosts: sum((l) => l.account === '5002' && inside(l), 'debit'),
      returnedToFunder: sum((l) => l.account === '3002' && inside(l), 'debit'),
    },
  };
}

describe('fundReport figures reconcile with the ledger (Art 6.6)', () => {
  it.each([
    ['2025-Q4', '2025-10-01', '2025-12-31'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026', '2026-01-01', TODAY],
    ['2025', '2025-01-01', '2025-12-31'],
  ])('%s: every balance and flow equals the sum of its ledger lines', async (period, from, to) => {
    // The computation itself (an issued period's query answers its frozen version; see below).
    const live = await app.services.reports.live(await app.actor('manager'), period);
    expect(live.asOf).toBe(to);
    const expected = await expectedFigures(from, to);
    expect(live.balances).toEqual(expected.balances);
    expect(live.flows).toEqual(expected.flows);
    // The claims paid in the period are the compensation the ledger paid out in it.
    expect(live.claims.paid.fundShare).toBe(live.flows.compensationPaid);
    // A period not issued answers the same live figures through GraphQL, marked as a draft.
    const r = ok(await report(period)).fundReport;
    if (r.status === 'DRAFT') {
      expect(r.content.balances).toEqual(expected.balances);
      expect(r.content.flows).toEqual(expected.flows);
    }
  });

  it('has activity to reconcile: compensation in each quarter of 2026, interest, capital', async () => {
    const year = ok(await report('2026')).fundReport.content;
    expect(ok(await report('2026')).fundReport.status).toBe('DRAFT');
    const byQuarter = Object.fromEntries(year.compensationByQuarter.map((q) => [q.quarter, q.amount]));
    expect(new Decimal(byQuarter['2026-Q1']).gt(0)).toBe(true);
    expect(new Decimal(byQuarter['2026-Q2']).gt(0)).toBe(true);
    expect(new Decimal(byQuarter['2026-Q3']).gt(0)).toBe(true);
    // The quarters add up to the year.
    const total = year.compensationByQuarter.reduce((a, q) => a.plus(q.amount), new Decimal(0)).toFixed(2);
    expect(total).toBe(year.flows.compensationPaid);
    expect(new Decimal(year.flows.interestIncome).gt(0)).toBe(true);
    // The opening of a quarter is the closing of the one before.
    const q2 = ok(await report('2026-Q2')).fundReport.content;
    const q3 = await app.services.reports.live(await app.actor('manager'), '2026-Q3');
    expect(q3.balances.principalOpening).toBe(q2.balances.principalClosing);
    expect(q3.balances.interestOpening).toBe(q2.balances.interestClosing);
  });

  it('refuses a malformed period with BAD_USER_INPUT', async () => {
    for (const p of ['2026-Q5', '26', '2026Q1', '2026-q1', '']) {
      expect(refusal(await report(p)).code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('who may read operation reports', () => {
  it.each(['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'AUDITOR'] as OrgKind[])(
    '%s reads fundReport and fundReports',
    async (kind) => {
      expect(ok(await report('2026-Q1', kind)).fundReport.period).toBe('2026-Q1');
      const list = ok(
        await app.gql<{ fundReports: { period: string }[] }>('{ fundReports { period } }', {}, tokens[kind]),
      );
      expect(list.fundReports.map((r) => r.period)).toContain('2026');
    },
  );

  it.each(['LENDING_BANK', 'GUARANTOR', 'ENTERPRISE'] as OrgKind[])(
    '%s is refused with the article',
    async (kind) => {
      expect(refusal(await report('2026-Q1', kind))).toEqual({ code: 'FORBIDDEN', article: 'Art 6.6' });
      expect(refusal(await app.gql('{ fundReports { period } }', {}, tokens[kind]))).toEqual({
        code: 'FORBIDDEN',
        article: 'Art 6.6',
      });
    },
  );
});

const ISSUE = `mutation($p: String!, $r: String) { issueFundReport(period: $p, reason: $r) { status version versions { version reason contentHash hashVerified } } }`;
const ACK = `mutation($p: String!, $v: Int!) { acknowledgeFundReport(period: $p, version: $v, comment: "已阅") { versions { version acknowledgements { orgKind } pendingOffices } } }`;

describe('issue, freeze, correct, acknowledge', () => {
  it('only the manager issues, only an ended period, once without a reason', async () => {
    for (const kind of [
      'IP_BUREAU',
      'FINANCE_BUREAU',
      'FINANCIAL_OFFICE',
      'AUDITOR',
      'LENDING_BANK',
      'GUARANTOR',
      'ENTERPRISE',
    ] as OrgKind[]) {
      expect(refusal(await app.gql(ISSUE, { p: '2026-Q2' }, tokens[kind]))).toEqual({
        code: 'FORBIDDEN',
        article: 'Art 6.6',
      });
    }
    expect(refusal(await app.gql(ISSUE, { p: '2026-Q4' }, tokens.FUND_MANAGER))).toEqual({
      code: 'CONFLICT',
      article: 'Art 6.6',
    });
    expect(refusal(await app.gql(ISSUE, { p: '2026' }, tokens.FUND_MANAGER)).code).toBe('CONFLICT');
    const issued = ok(
      await app.gql<{ issueFundReport: Report }>(ISSUE, { p: '2026-Q2' }, tokens.FUND_MANAGER),
    );
    expect(issued.issueFundReport).toMatchObject({ status: 'ISSUED', version: 1 });
    expect(issued.issueFundReport.versions[0]).toMatchObject({
      version: 1,
      reason: null,
      hashVerified: true,
    });
    expect(refusal(await app.gql(ISSUE, { p: '2026-Q2' }, tokens.FUND_MANAGER))).toEqual({
      code: 'CONFLICT',
      article: 'Art 6.6',
    });
  });

  it('an issued report is frozen: a later posting dated into its period changes the live figures, not the issued ones', async () => {
    ok(await app.gql(ISSUE, { p: '2025-Q3' }, tokens.FUND_MANAGER));
    const frozen = ok(await report('2025-Q3')).fundReport;
    expect(frozen.status).toBe('ISSUED');
    const manager = await app.actor('manager');
    await app.services.ledger.recordInterestIncome(manager, {
      amount: '4321.09',
      receivedOn: '2025-08-03',
      idempotencyKey: 'late-interest-2025-08-03',
    });
    const after = ok(await report('2025-Q3')).fundReport;
    expect(after.content).toEqual(frozen.content);
    expect(after.versions[0].contentHash).toBe(frozen.versions[0].contentHash);
    expect(after.versions[0].hashVerified).toBe(true);
    const live = await app.services.reports.live(manager, '2025-Q3');
    expect(new Decimal(live.flows.interestIncome).minus(frozen.content.flows.interestIncome).toFixed(2)).toBe(
      '4321.09',
    );

    // The correction is a new version, with its reason, holding the late posting.
    expect(refusal(await app.gql(ISSUE, { p: '2025-Q3', r: '   ' }, tokens.FUND_MANAGER)).code).toBe(
      'CONFLICT',
    );
    const corrected = ok(
      await app.gql<{ issueFundReport: Report }>(
        ISSUE,
        { p: '2025-Q3', r: '补记8月利息收入' },
        tokens.FUND_MANAGER,
      ),
    ).issueFundReport;
    expect(corrected.version).toBe(2);
    expect(corrected.versions.map((v) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, '补记8月利息收入'],
    ]);
    const v2 = ok(await report('2025-Q3')).fundReport;
    expect(v2.content.flows.interestIncome).toBe(live.flows.interestIncome);
    expect(v2.versions[1].contentHash).not.toBe(v2.versions[0].contentHash);
    // Versions are history: the database refuses to change one, even to its owner.
    await expect(
      app.ds.query(`UPDATE fund_report_versions SET reason = 'x' WHERE period = '2025-Q3'`),
    ).rejects.toThrow();
  });

  it('two concurrent issues of one period give one version 1 and one CONFLICT', async () => {
    const both = await Promise.all([
      app.gql<{ issueFundReport: Report }>(ISSUE, { p: '2025-Q2' }, tokens.FUND_MANAGER),
      app.gql<{ issueFundReport: Report }>(ISSUE, { p: '2025-Q2' }, tokens.FUND_MANAGER),
    ]);
    expect(both.filter((r) => r.data?.issueFundReport?.version === 1)).toHaveLength(1);
    expect(both.map((r) => refusal(r).code).filter(Boolean)).toEqual(['CONFLICT']);
    const [{ n }] = (await app.ds.query(
      `SELECT count(*)::int AS n FROM fund_report_versions WHERE period = '2025-Q2'`,
    )) as { n: number }[];
    expect(n).toBe(1);
  });

  it('each office acknowledges a version once; no one else may', async () => {
    ok(await app.gql(ISSUE, { p: '2026-Q1' }, tokens.FUND_MANAGER));
    for (const kind of ['FUND_MANAGER', 'AUDITOR', 'LENDING_BANK', 'GUARANTOR', 'ENTERPRISE'] as OrgKind[]) {
      expect(refusal(await app.gql(ACK, { p: '2026-Q1', v: 1 }, tokens[kind]))).toEqual({
        code: 'FORBIDDEN',
        article: 'Art 6.6',
      });
    }
    const before = ok(await report('2026-Q1', 'IP_BUREAU')).fundReport;
    expect(before.viewerCan).toEqual(['report.acknowledge']);
    const first = ok(
      await app.gql<{ acknowledgeFundReport: Report }>(ACK, { p: '2026-Q1', v: 1 }, tokens.IP_BUREAU),
    );
    expect(first.acknowledgeFundReport.versions[0].pendingOffices).toEqual([
      'FINANCE_BUREAU',
      'FINANCIAL_OFFICE',
    ]);
    expect(refusal(await app.gql(ACK, { p: '2026-Q1', v: 1 }, tokens.IP_BUREAU)).code).toBe('CONFLICT');
    expect(refusal(await app.gql(ACK, { p: '2026-Q1', v: 9 }, tokens.FINANCE_BUREAU)).code).toBe('NOT_FOUND');
    ok(await app.gql(ACK, { p: '2026-Q1', v: 1 }, tokens.FINANCE_BUREAU));
    const last = ok(
      await app.gql<{ acknowledgeFundReport: Report }>(ACK, { p: '2026-Q1', v: 1 }, tokens.FINANCIAL_OFFICE),
    );
    expect(last.acknowledgeFundReport.versions[0].pendingOffices).toEqual([]);
    expect(ok(await report('2026-Q1', 'IP_BUREAU')).fundReport.viewerCan).toEqual([]);
  });
});

async function download(path: string, kind?: OrgKind) {
  const res = await fetch(`${base}${path}`, {
    headers: kind ? { authorization: `Bearer ${tokens[kind]}` } : {},
  });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

describe('downloads: GET /export/fund-reports/<period>.xlsx and .pdf', () => {
  it('the xlsx holds the same numbers as the query, one header row then one row per figure', async () => {
    const r = ok(await report('2026')).fundReport;
    const { res, body } = await download(r.xlsxUrl, 'AUDITOR');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers.get('content-disposition')!.split("UTF-8''")[1])).toBe(
      '资金运营情况报告_2026_草稿.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const info = wb.getWorksheet('报告信息')!;
    expect(info.getRow(1).values).toEqual([undefined, '项目', '内容']);
    expect(info.getColumn(2).values).toContain('草稿（未印发）');
    const money = wb.getWorksheet('资金概况')!;
    const figures = new Map<string, number>();
    money.eachRow((row, i) => {
      if (i > 1) figures.set(String(row.getCell(1).value), row.getCell(2).value as number);
    });
    const c = r.content;
    expect(figures.get('期初本金余额')).toBe(Number(c.balances.principalOpening));
    expect(figures.get('期末本金余额')).toBe(Number(c.balances.principalClosing));
    expect(figures.get('本期风险补偿支出')).toBe(Number(c.flows.compensationPaid));
    expect(figures.get('本期利息收入')).toBe(Number(c.flows.interestIncome));
    expect(figures.get('期末累计代偿（熔断口径）')).toBe(Number(c.breaker.cumulativeAtEnd));
    expect(money.getCell('B2').numFmt).toBe('#,##0.00');
    const quarters = wb.getWorksheet('季度代偿')!;
    expect(quarters.rowCount).toBe(1 + c.compensationByQuarter.length);
  });

  it('the PDF holds the same numbers in Chinese, with the draft or version marking', async () => {
    const draft = ok(await report('2026')).fundReport;
    const { res, body } = await download(draft.pdfUrl, 'IP_BUREAU');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(body);
    expect(text).toContain('知识产权质押融资风险补偿资金运营情况报告');
    expect(text).toContain('草稿');
    for (const v of [
      draft.content.balances.principalClosing,
      draft.content.flows.compensationPaid,
      draft.content.flows.interestIncome,
      draft.content.breaker.cumulativeAtEnd,
    ]) {
      expect(text).toContain(formatMoney(v));
    }
    ok(await app.gql(ISSUE, { p: '2025-Q4' }, tokens.FUND_MANAGER));
    const issued = ok(await report('2025-Q4')).fundReport;
    const pdf = await pdfText((await download(issued.pdfUrl, 'FUND_MANAGER')).body);
    expect(pdf).toContain('第 1 版（已印发）');
    expect(pdf.replace(/\s+/g, '')).toContain(issued.versions[0].contentHash);
    expect(pdf).toContain(formatMoney(issued.content.balances.principalClosing));
  });

  it('answers 401 without a login, 403 with the article to a bank, 400 for a bad period, 404 otherwise', async () => {
    expect((await download('/export/fund-reports/2026.pdf')).res.status).toBe(401);
    for (const kind of ['LENDING_BANK', 'GUARANTOR', 'ENTERPRISE'] as OrgKind[]) {
      const { res, body } = await download('/export/fund-reports/2026.xlsx', kind);
      expect(res.status).toBe(403);
      expect(JSON.parse(body.toString())).toMatchObject({ error: 'FORBIDDEN', article: 'Art 6.6' });
    }
    expect((await download('/export/fund-reports/2026-Q9.pdf', 'FUND_MANAGER')).res.status).toBe(400);
    expect((await download('/export/fund-reports/2026.docx', 'FUND_MANAGER')).res.status).toBe(404);
    expect((await download('/export/nothing-here', 'FUND_MANAGER')).res.status).toBe(404);
  });
});

describe('the demo (issue 12)', () => {
  it('has an issued quarterly report acknowledged by two offices, and the year in draft', async () => {
    const list = ok(
      await app.gql<{
        fundReports: { period: string; status: string; versions: { pendingOffices: string[] }[] }[];
      }>('{ fundReports { period status versions { pendingOffices } } }', {}, tokens.FINANCIAL_OFFICE),
    ).fundReports;
    const q3 = list.find((r) => r.period === '2026-Q3')!;
    expect(q3.status).toBe('ISSUED');
    expect(q3.versions[0].pendingOffices).toEqual(['FINANCIAL_OFFICE']);
    expect(list.find((r) => r.period === '2026')!.status).toBe('DRAFT');
    const content = ok(await report('2026-Q3')).fundReport.content as unknown as {
      financials: { quarter: string; submitted: number; missing: number }[];
    };
    expect(content.financials[0].quarter).toBe('2026-Q3');
    expect(content.financials[0].submitted).toBeGreaterThan(0);
    expect(content.financials[0].missing).toBeGreaterThan(0);
  });
});

describe('GET /export/claims/<id>/approval-form.pdf (issue 11)', () => {
  it('prints the stored B/F/G/K with their articles, the verification and each office signature', async () => {
    const [claim] = (await app.ds.query(
      `SELECT c.id, c.bank_id, c.final_fund_share::text AS f, c.loss_base::text AS b, c.final_bank_share::text AS k,
              c.final_guarantor_share::text AS g, o.name AS bank
         FROM claims c JOIN organizations o ON o.id = c.bank_id
        WHERE c.status = 'PAID' AND o.name = (SELECT name FROM organizations WHERE id = c.bank_id)
        ORDER BY c.paid_on LIMIT 1`,
    )) as { id: string; f: string; b: string; k: string; g: string; bank: string }[];
    const [bankUser] = (await app.ds.query(
      `SELECT u.username FROM users u JOIN claims c ON c.bank_id = u.organization_id WHERE c.id = $1 LIMIT 1`,
      [claim.id],
    )) as { username: string }[];
    const bankToken = await app.login(bankUser.username);
    const res = await fetch(`${base}/export/claims/${claim.id}/approval-form.pdf`, {
      headers: { authorization: `Bearer ${bankToken}` },
    });
    expect(res.status).toBe(200);
    const text = await pdfText(Buffer.from(await res.arrayBuffer()));
    expect(text).toContain('代偿会签单');
    for (const v of [claim.b, claim.f, claim.g, claim.k]) expect(text).toContain(formatMoney(v));
    expect(text).toContain('第十一条');
    expect(text).toContain('第十七条');
    expect(text).toContain('资金管理人核实');
    const offices = (await app.ds.query(
      `SELECT o.name, u.display_name FROM claim_events e JOIN organizations o ON o.id = e.organization_id
         JOIN users u ON u.id = e.user_id WHERE e.claim_id = $1 AND e.action = 'APPROVE'`,
      [claim.id],
    )) as { name: string; display_name: string }[];
    expect(offices).toHaveLength(3);
    for (const o of offices) {
      expect(text).toContain(o.name);
      expect(text).toContain(o.display_name);
    }
    expect(text).toContain('同意');

    // Programme readers get it too; another bank, a guarantor of nothing, and no login do not.
    for (const kind of ['IP_BUREAU', 'AUDITOR'] as OrgKind[]) {
      expect((await download(`/export/claims/${claim.id}/approval-form.pdf`, kind)).res.status).toBe(200);
    }
    const [otherBank] = (await app.ds.query(
      `SELECT u.username FROM users u JOIN organizations o ON o.id = u.organization_id
        WHERE o.kind = 'LENDING_BANK' AND o.id <> (SELECT bank_id FROM claims WHERE id = $1) LIMIT 1`,
      [claim.id],
    )) as { username: string }[];
    const other = await fetch(`${base}/export/claims/${claim.id}/approval-form.pdf`, {
      headers: { authorization: `Bearer ${await app.login(otherBank.username)}` },
    });
    expect(other.status).toBe(404);
    expect((await download(`/export/claims/${claim.id}/approval-form.pdf`, 'ENTERPRISE')).res.status).toBe(
      404,
    );
    expect((await download(`/export/claims/${claim.id}/approval-form.pdf`)).res.status).toBe(401);
    expect(
      (await download(`/export/claims/00000000-0000-0000-0000-000000000000/approval-form.pdf`, 'IP_BUREAU'))
        .res.status,
    ).toBe(404);
  });
});
