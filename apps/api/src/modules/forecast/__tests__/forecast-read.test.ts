import { NO_DAY } from '@ipfund/forecast';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import {
  CLAIM_APPROVED,
  CLAIM_NONE,
  CLAIM_OPEN,
  CLAIM_PAID,
  readPortfolio,
  withClaims,
  type ClaimFacts,
} from '../forecast.read';

const STATUS = {
  rejected: 'REJECTED',
  open: ['SUBMITTED', 'RETURNED', 'GUARANTOR_CONFIRMED', 'VERIFIED'],
  approved: 'APPROVED',
  paid: 'PAID',
};
const GONE = ['CLOSED', 'COMPENSATED'];

interface LoanRow {
  id: string;
  seq: string;
  bank_id: string;
  enterprise_id: string;
  three: boolean;
  p: string;
  ip: string;
  o: string;
  issued: number;
  matures: number;
  due: number | null;
  status: string;
  live_status: string | null;
  live_f: string | null;
  filed: number | null;
}

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: true });
}, 120_000);
afterAll(() => app?.close());

/** The same facts as plain rows (the owner's connection: every row), to check the bytea columns against. */
async function plainRows(bankId?: string): Promise<{ loans: LoanRow[]; reports: Map<string, string[]> }> {
  const loans = (await app.ds.query(
    `SELECT l.id, l.seq::text AS seq, l.bank_id, l.enterprise_id, l.guarantor_id IS NOT NULL AS three,
            (l.principal * 100)::text AS p, (l.ip_pledged_principal * 100)::text AS ip,
            (l.outstanding_principal * 100)::text AS o,
            l.issued_on - DATE '1970-01-01' AS issued, l.matures_on - DATE '1970-01-01' AS matures,
            l.earliest_unpaid_due_date - DATE '1970-01-01' AS due, l.status,
            (SELECT c.status FROM claims c WHERE c.loan_id = l.id AND c.status <> 'REJECTED'
              ORDER BY c.filed_on DESC, c.seq DESC LIMIT 1) AS live_status,
            (SELECT (c.final_fund_share * 100)::text FROM claims c WHERE c.loan_id = l.id AND c.status <> 'REJECTED'
              ORDER BY c.filed_on DESC, c.seq DESC LIMIT 1) AS live_f,
            (SELECT min(c.filed_on) - DATE '1970-01-01' FROM claims c WHERE c.loan_id = l.id) AS filed
       FROM loans l WHERE l.covered AND ($1::uuid IS NULL OR l.bank_id = $1) ORDER BY l.seq`,
    [bankId ?? null],
  )) as LoanRow[];
  const reports = new Map<string, string[]>();
  for (const r of (await app.ds.query(
    `SELECT loan_id, (as_of - DATE '1970-01-01') || '/' || COALESCE((earliest_unpaid_due_date - DATE '1970-01-01')::text, '-')
            || '/' || closed AS x FROM loan_status_reports ORDER BY as_of, id`,
  )) as { loan_id: string; x: string }[]) {
    reports.set(r.loan_id, [...(reports.get(r.loan_id) ?? []), r.x]);
  }
  return { loans, reports };
}

describe('the forecast reads the portfolio in bytea columns (issue 13, speed)', () => {
  it('as the manager: every covered loan, in seq order, each fact as plain SQL gives it', async () => {
    const actor = await app.actor('manager');
    const { portfolio, history: h } = await app.services.access.read(actor, (scope) =>
      readPortfolio(scope, GONE),
    );
    const claimRows = (await app.ds.query(
      `SELECT (SELECT l.seq FROM loans l WHERE l.id = c.loan_id)::text AS loan_seq, c.status,
              c.filed_on::text AS filed_on, c.final_fund_share::text AS final_fund_share
         FROM claims c ORDER BY c.filed_on, c.seq`,
    )) as ClaimFacts[];
    const p = withClaims(portfolio, claimRows, STATUS);
    const { loans, reports } = await plainRows();
    expect(p.count).toBe(loans.length);
    expect(p.count).toBeGreaterThan(10);
    const code = (s: string | null) =>
      s === null
        ? CLAIM_NONE
        : STATUS.open.includes(s)
          ? CLAIM_OPEN
          : s === 'APPROVED'
            ? CLAIM_APPROVED
            : s === 'PAID'
              ? CLAIM_PAID
              : CLAIM_NONE;
    let withReports = 0;
    loans.forEach((l, j) => {
      expect(String(p.seq[j])).toBe(l.seq);
      expect(p.bankIds[p.bank[j]]).toBe(l.bank_id);
      expect(p.enterpriseIds[p.enterprise[j]]).toBe(l.enterprise_id);
      expect(String(p.principalFen[j])).toBe(l.p.replace(/\.0+$/, ''));
      expect(String(p.ipPledgedFen[j])).toBe(l.ip.replace(/\.0+$/, ''));
      expect(String(p.outstandingFen[j])).toBe(l.o.replace(/\.0+$/, ''));
      expect(p.threeParty[j]).toBe(l.three ? 1 : 0);
      expect(p.issuedDay[j]).toBe(l.issued);
      expect(p.maturesDay[j]).toBe(l.matures);
      expect(p.dueDay[j]).toBe(l.due ?? NO_DAY);
      expect(p.gone[j]).toBe(GONE.includes(l.status) ? 1 : 0);
      expect(p.claim[j]).toBe(code(l.live_status));
      expect(p.approvedFundShareFen[j]).toBe(l.live_f === null ? 0 : Number(l.live_f));
      expect(p.claimFiledDay[j]).toBe(l.filed ?? NO_DAY);
      const mine: string[] = [];
      for (let a = h.offset[j]; a < h.offset[j + 1]; a++) {
        mine.push(`${h.day[a]}/${h.dueDay[a] === NO_DAY ? '-' : h.dueDay[a]}/${h.closed[a] === 1}`);
      }
      expect(mine).toEqual(reports.get(l.id) ?? []);
      if (mine.length) withReports++;
    });
    expect(withReports).toBeGreaterThan(0);
  });

  it('through the caller’s scope: a bank reads only its own loans', async () => {
    const bank = await app.actor('bank-a');
    const { portfolio: p } = await app.services.access.read(bank, (scope) => readPortfolio(scope, GONE));
    const own = await plainRows(bank.orgId);
    expect(p.count).toBe(own.loans.length);
    expect(p.count).toBeGreaterThan(0);
    expect(p.bankIds).toEqual([bank.orgId]);
  });
});
