import type { OrgKind } from '@ipfund/shared';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok, orgIdOf, tokensByKind } from '../../../testing/kinds';
import { createBank, createEnterprise, registerLoan, reportStatus } from '../../loan/__tests__/helpers';
import { monthEnds, quarterPeriods } from '../dashboard.service';

const TODAY = '2026-11-27';
const DASHBOARD = `{ dashboard { asOf
  portfolio { loanCount outstandingPrincipal overdueLoans overduePrincipal riskOverdueLoans }
  loansByStatus { status count amount } claimsByStatus { status count amount }
  quarters { quarter endsOn loansIssued principalIssued claimsFiled compensationApproved compensationPaid cumulativeCompensation }
  riskHistory { bank { id name } points { asOf ratio } } } }`;

interface Figure {
  status: string;
  count: number;
  amount: string;
}
interface Dashboard {
  asOf: string;
  portfolio: {
    loanCount: number;
    outstandingPrincipal: string;
    overdueLoans: number;
    overduePrincipal: string;
    riskOverdueLoans: number;
  };
  loansByStatus: Figure[];
  claimsByStatus: Figure[];
  quarters: {
    quarter: string;
    endsOn: string;
    loansIssued: number;
    principalIssued: string;
    claimsFiled: number;
    compensationApproved: string;
    compensationPaid: string;
    cumulativeCompensation: string;
  }[];
  riskHistory: { bank: { id: string; name: string }; points: { asOf: string; ratio: string }[] }[];
}

let app: TestApp;
let tokens: Record<OrgKind, string>;

const dashboardOf = async (token: string) =>
  ok(await app.gql<{ dashboard: Dashboard }>(DASHBOARD, {}, token)).dashboard;
const sql = async <T>(query: string, params: unknown[] = []) => (await app.ds.query(query, params)) as T[];
const total = (figures: Figure[]) => figures.reduce((n, f) => n + f.count, 0);

beforeAll(async () => {
  app = await createTestApp({ businessDate: TODAY });
  tokens = await tokensByKind(app);
});
afterAll(() => app?.close());

describe('dashboard periods', () => {
  it('eight quarters up to the running one, which ends on the business date', () => {
    const periods = quarterPeriods('2026-11-27', 8);
    expect(periods.map((p) => p.quarter)).toEqual([
      '2025Q1',
      '2025Q2',
      '2025Q3',
      '2025Q4',
      '2026Q1',
      '2026Q2',
      '2026Q3',
      '2026Q4',
    ]);
    expect(periods[0]).toMatchObject({ startsOn: '2025-01-01', endsOn: '2025-03-31' });
    expect(periods[6]).toMatchObject({ startsOn: '2026-07-01', endsOn: '2026-09-30' });
    expect(periods[7]).toMatchObject({ startsOn: '2026-10-01', endsOn: '2026-11-27' });
  });
  it('month-ends before the business date, across a year and a leap February', () => {
    expect(monthEnds('2024-03-15', 3)).toEqual(['2023-12-31', '2024-01-31', '2024-02-29']);
    expect(monthEnds('2026-11-27', 12)[11]).toBe('2026-10-31');
  });
});

describe('dashboard (issue 11): aggregates over exactly what the caller may read', () => {
  it('the manager sees the whole programme: every loan and claim, every bank, cumulative F as the fund has it', async () => {
    const d = await dashboardOf(tokens.FUND_MANAGER);
    const [loans] = await sql<{ n: number; o: string }>(
      `SELECT count(*)::int n, sum(outstanding_principal)::numeric(18,2)::text o FROM loans`,
    );
    expect(d.asOf).toBe(TODAY);
    expect(d.portfolio.loanCount).toBe(loans.n);
    expect(d.portfolio.outstandingPrincipal).toBe(loans.o);
    expect(total(d.loansByStatus)).toBe(loans.n);
    const [claims] = await sql<{ n: number }>(`SELECT count(*)::int n FROM claims`);
    expect(total(d.claimsByStatus)).toBe(claims.n);

    const [overdue] = await sql<{ n: number }>(
      `SELECT count(*)::int n FROM loans WHERE status <> 'CLOSED' AND earliest_unpaid_due_date < $1::date`,
      [TODAY],
    );
    expect(d.portfolio.overdueLoans).toBe(overdue.n);
    expect(d.portfolio.overdueLoans).toBeGreaterThan(0);

    expect(d.quarters).toHaveLength(8);
    expect(d.quarters[7].endsOn).toBe(TODAY);
    const fund = ok(
      await app.gql<{ fundStatus: { cumulativeCompensation: string } }>(
        '{ fundStatus { cumulativeCompensation } }',
        {},
        tokens.FUND_MANAGER,
      ),
    ).fundStatus;
    expect(d.quarters[7].cumulativeCompensation).toBe(fund.cumulativeCompensation);
    const issued = d.quarters.reduce((n, q) => n + q.loansIssued, 0);
    const [inWindow] = await sql<{ n: number }>(
      `SELECT count(*)::int n FROM loans WHERE issued_on BETWEEN '2025-01-01' AND $1::date`,
      [TODAY],
    );
    expect(issued).toBe(inWindow.n);

    const [banks] = await sql<{ n: number }>(
      `SELECT count(*)::int n FROM organizations WHERE kind = 'LENDING_BANK'`,
    );
    expect(d.riskHistory).toHaveLength(banks.n);
  });

  it("each bank's series ends on its bankRisks ratio, and starts lower where its loans fell overdue recently", async () => {
    const d = await dashboardOf(tokens.FUND_MANAGER);
    const risks = ok(
      await app.gql<{ bankRisks: { bank: { id: string }; ratio: string }[] }>(
        '{ bankRisks { bank { id } ratio } }',
        {},
        tokens.FUND_MANAGER,
      ),
    ).bankRisks;
    for (const series of d.riskHistory) {
      expect(series.points).toHaveLength(13);
      expect(series.points[12]).toEqual({
        asOf: TODAY,
        ratio: risks.find((r) => r.bank.id === series.bank.id)!.ratio,
      });
    }
    // A year ago nothing the demo reports as overdue today had been reported overdue yet.
    const someRisk = d.riskHistory.find((s) => Number(s.points[12].ratio) > 0)!;
    expect(someRisk).toBeDefined();
    expect(Number(someRisk.points[0].ratio)).toBeLessThan(Number(someRisk.points[12].ratio));
  });

  it('a loan first reported overdue today counts from when it fell due: the history is inferred from the reports', async () => {
    const bank = await createBank(app, 'dash');
    const token = await app.login(bank.username);
    const ent = await createEnterprise(app, bank.id);
    const register = (principal: string) =>
      registerLoan(app, token, {
        enterpriseId: ent.id,
        principal,
        issuedOn: '2026-01-10',
        collateralIds: [ent.patentId],
      });
    const late = await register('1000000.00');
    await register('3000000.00');
    // Reported today: the instalment due on 1 August is still unpaid.
    ok(
      await reportStatus(app, token, {
        loanId: late.id,
        asOf: TODAY,
        outstandingPrincipal: '1000000.00',
        earliestUnpaidDueDate: '2026-08-01',
      }),
    );

    const series = (await dashboardOf(token)).riskHistory;
    expect(series.map((s) => s.bank.id)).toEqual([bank.id]);
    const at = (date: string) => series[0].points.find((p) => p.asOf === date)?.ratio;
    expect(at('2025-12-31')).toBe('0.0000'); // nothing issued yet
    expect(at('2026-07-31')).toBe('0.0000'); // not yet due
    expect(at('2026-08-31')).toBe('0.2500'); // 30 days overdue ≥ 15 (Art 12): 1 of 4 million
    expect(at(TODAY)).toBe('0.2500');
  });

  it('a bank sees its own loans, claims and risk series only', async () => {
    const bankA = await orgIdOf(app, 'bank-a');
    const d = await dashboardOf(tokens.LENDING_BANK);
    const [own] = await sql<{ n: number; o: string }>(
      `SELECT count(*)::int n, sum(outstanding_principal)::numeric(18,2)::text o FROM loans WHERE bank_id = $1`,
      [bankA],
    );
    expect(d.portfolio.loanCount).toBe(own.n);
    expect(d.portfolio.outstandingPrincipal).toBe(own.o);
    const [claims] = await sql<{ n: number }>(`SELECT count(*)::int n FROM claims WHERE bank_id = $1`, [
      bankA,
    ]);
    expect(total(d.claimsByStatus)).toBe(claims.n);
    expect(d.riskHistory.map((s) => s.bank.id)).toEqual([bankA]);
  });

  it('a guarantor sees the loans it guarantees and no bank ratios', async () => {
    const guarantor = await orgIdOf(app, 'guarantor-a');
    const d = await dashboardOf(tokens.GUARANTOR);
    const [own] = await sql<{ n: number }>(`SELECT count(*)::int n FROM loans WHERE guarantor_id = $1`, [
      guarantor,
    ]);
    expect(d.portfolio.loanCount).toBe(own.n);
    expect(d.portfolio.loanCount).toBeGreaterThan(0);
    expect(d.riskHistory).toEqual([]);
  });

  it('an enterprise sees its own loans only, and no bank ratios', async () => {
    const d = await dashboardOf(tokens.ENTERPRISE);
    const me = ok(
      await app.gql<{ loans: { totalCount: number } }>(
        '{ loans(first: 1) { totalCount } }',
        {},
        tokens.ENTERPRISE,
      ),
    );
    expect(d.portfolio.loanCount).toBe(me.loans.totalCount);
    expect(d.riskHistory).toEqual([]);
  });

  it('the auditor and the offices see the same programme figures as the manager', async () => {
    const manager = await dashboardOf(tokens.FUND_MANAGER);
    for (const kind of ['AUDITOR', 'IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE'] as const) {
      const d = await dashboardOf(tokens[kind]);
      expect(d.portfolio).toEqual(manager.portfolio);
      expect(d.quarters).toEqual(manager.quarters);
      expect(d.riskHistory.length).toBe(manager.riskHistory.length);
    }
  });

  it('an anonymous caller is refused', async () => {
    const res = await app.gql(DASHBOARD, {});
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
