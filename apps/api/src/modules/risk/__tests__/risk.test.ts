import type { OrgKind } from '@ipfund/shared';
import { orderedSteps } from '../../../testing/scenario';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import {
  createBank,
  createEnterprise,
  ok,
  orgIdOf,
  otherKinds,
  refusal,
  registerLoan,
  reportStatus,
  seededLoan,
  tokensByKind,
  USER_OF_KIND,
  type LoanView,
} from '../../loan/__tests__/helpers';
import { DEMO_ORGS } from '../../../demo/demo-data';
import { DEMO_SUSPENSION_BANK, DEMO_WARNED_BANK } from '../../../demo/steps/risk';
import { contextFor } from '../../../server';
import { toRiskEventType, toSuspensionProposalType } from '../risk.mapper';
import { ProposalStatus } from '../risk.types';
import { RiskEventResolver, SuspensionProposalResolver } from '../risk.resolver';

const TODAY = '2026-11-27';
const RISKS = `{ bankRisks { bank { id name } asOf ratio level numerator denominator coveredLoans atRiskLoans
  reasons { article code } suspended suspendedSince lastWarningOn pendingProposalId suggestedAction } }`;
const WARN = `mutation($b: ID!, $c: String!) { issueRiskWarning(bankId: $b, comment: $c) { id kind ratio comment article bank { id } } }`;
const PROPOSE = `mutation($b: ID!, $c: String!) { proposeSuspension(bankId: $b, comment: $c) { id status ratio bank { id } } }`;
const DECIDE = `mutation($p: ID!, $ok: Boolean!, $c: String!) { decideSuspension(proposalId: $p, consent: $ok, comment: $c) { id status decidedOn decidedBy } }`;
const LIFT = `mutation($b: ID!, $c: String!) { liftSuspension(bankId: $b, comment: $c) { id suspendedFrom liftedOn } }`;
const NOTICES = `{ riskNotices { kind bank { id name } businessDate ratio comment issuedBy article } }`;
const PROPOSALS = `{ suspensionProposals { id status bank { id } } }`;
const SET_DATE = `mutation($d: Date!) { setBusinessDate(date: $d) }`;

interface Risk {
  bank: { id: string; name: string };
  ratio: string;
  level: string;
  numerator: string;
  denominator: string;
  coveredLoans: number;
  atRiskLoans: number;
  reasons: { article: string; code: string }[];
  suspended: boolean;
  suspendedSince: string | null;
  lastWarningOn: string | null;
  pendingProposalId: string | null;
  suggestedAction: string | null;
}

let app: TestApp;
let tokens: Record<OrgKind, string>;
let bank: { id: string; username: string; name: string };
let bankToken: string;
let ent: { id: string; patentId: string; trademarkId: string };
let l1: LoanView;
let l2: LoanView;

const risks = async (token: string) => ok(await app.gql<{ bankRisks: Risk[] }>(RISKS, {}, token)).bankRisks;
const riskOf = async (bankId: string, token = tokens.FUND_MANAGER) =>
  (await risks(token)).find((r) => r.bank.id === bankId)!;
const overdue = (loan: LoanView, due: string) =>
  reportStatus(app, bankToken, {
    loanId: loan.id,
    asOf: TODAY,
    outstandingPrincipal: '1000000.00',
    earliestUnpaidDueDate: due,
  });
const register = (issuedOn: string, principal = '1000000.00', purpose = 'RND') =>
  registerLoan(app, bankToken, {
    enterpriseId: ent.id,
    principal,
    issuedOn,
    purpose,
    collateralIds: [ent.patentId],
  });

beforeAll(async () => {
  app = await createTestApp({ businessDate: TODAY });
  tokens = await tokensByKind(app);
  bank = await createBank(app, 'risk');
  bankToken = await app.login(bank.username);
  ent = await createEnterprise(app, bank.id);
  // The bank's whole covered book: 100,000,000.00 of IP-pledged principal (DOMAIN.md E8).
  l1 = await register('2026-01-10', '5000000.00');
  l2 = await register('2026-01-10', '3000000.00');
  await register('2026-01-10', '92000000.00');
});
afterAll(() => app.close());

describe('bank risk ratio, warning and suspension (R4, Art 12)', () => {
  // One ordered scenario: each step builds on the one before (runnable alone: see testing/scenario.ts).
  const step = orderedSteps();
  step('a bank crosses 5 % and then 8 % as its statuses are reported', async () => {
    expect(await riskOf(bank.id, bankToken)).toMatchObject({
      ratio: '0.0000',
      level: 'NONE',
      numerator: '0.00',
      denominator: '100000000.00',
      coveredLoans: 3,
      atRiskLoans: 0,
    });
    ok(await overdue(l1, '2026-11-13')); // 14 days: not yet
    expect((await riskOf(bank.id, bankToken)).level).toBe('NONE');
    ok(await overdue(l1, '2026-11-12')); // 15 days: counts (≥ 15, Art 12)
    expect(await riskOf(bank.id)).toMatchObject({
      ratio: '0.0500',
      level: 'WARNING',
      numerator: '5000000.00',
      atRiskLoans: 1,
      suggestedAction: 'ISSUE_WARNING',
      reasons: expect.arrayContaining([{ article: 'Art 12', code: 'WARNING_RATIO_REACHED' }]),
    });
    // An uncovered loan is in neither figure.
    await register('2026-02-01', '50000000.00', 'EQUITY_INVESTMENT');
    expect((await riskOf(bank.id)).denominator).toBe('100000000.00');
  });

  step('suspension cannot be proposed below 8 % (Art 12); a warning can, and the bank sees it', async () => {
    const early = await app.gql(PROPOSE, { b: bank.id, c: '比例过高' }, tokens.FUND_MANAGER);
    expect(refusal(early)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 12' });
    const warning = ok(
      await app.gql<{ issueRiskWarning: { kind: string; ratio: string; article: string } }>(
        WARN,
        { b: bank.id, c: '请审慎新增贷款并加强贷后管理' },
        tokens.FUND_MANAGER,
      ),
    ).issueRiskWarning;
    expect(warning).toMatchObject({ kind: 'WARNING', ratio: '0.0500', article: 'Art 12' });
    const notices = ok(
      await app.gql<{ riskNotices: { kind: string; bank: { id: string } }[] }>(NOTICES, {}, bankToken),
    ).riskNotices;
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'WARNING', bank: { id: bank.id, name: bank.name } }),
    ]);
    expect(await riskOf(bank.id)).toMatchObject({ lastWarningOn: TODAY, suggestedAction: 'NONE' });
  });

  step('a warning is refused below the warning level, citing Art 12', async () => {
    const bankB = await orgIdOf(app, 'bank-b');
    expect((await riskOf(bankB)).level).toBe('NONE');
    const res = await app.gql(WARN, { b: bankB, c: '提示' }, tokens.FUND_MANAGER);
    expect(refusal(res)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 12' });
    const missing = await app.gql(
      WARN,
      { b: '00000000-0000-4000-8000-000000000000', c: '提示' },
      tokens.FUND_MANAGER,
    );
    expect(refusal(missing).code).toBe('NOT_FOUND');
  });

  let proposalId: string;
  let issuedBeforeSuspension: LoanView;

  step(
    'at 8 % the manager proposes suspension; the proposal is internal until the IP bureau decides',
    async () => {
      ok(await overdue(l2, '2026-11-01'));
      const risk = await riskOf(bank.id);
      expect(risk).toMatchObject({
        ratio: '0.0800',
        level: 'SUSPENSION_PROPOSED',
        suggestedAction: 'PROPOSE_SUSPENSION',
      });
      const proposal = ok(
        await app.gql<{ proposeSuspension: { id: string; status: string; ratio: string } }>(
          PROPOSE,
          { b: bank.id, c: '逾期比例达到8%，拟中止其发放贷款' },
          tokens.FUND_MANAGER,
        ),
      ).proposeSuspension;
      expect(proposal).toMatchObject({ status: 'PENDING', ratio: '0.0800' });
      proposalId = proposal.id;
      expect((await riskOf(bank.id)).pendingProposalId).toBe(proposalId);
      const again = await app.gql(PROPOSE, { b: bank.id, c: '再次' }, tokens.FUND_MANAGER);
      expect(refusal(again)).toEqual({ code: 'CONFLICT', article: 'Art 12' });
      // The bank sees its ratio, but neither the proposal nor a suggestion meant for the manager.
      expect(await riskOf(bank.id, bankToken)).toMatchObject({
        pendingProposalId: null,
        suggestedAction: null,
        suspended: false,
      });
      expect(
        ok(await app.gql<{ suspensionProposals: unknown[] }>(PROPOSALS, {}, bankToken)).suspensionProposals,
      ).toEqual([]);
      const forIpb = ok(
        await app.gql<{ suspensionProposals: { id: string }[] }>(PROPOSALS, {}, tokens.IP_BUREAU),
      );
      expect(forIpb.suspensionProposals.map((p) => p.id)).toContain(proposalId);
    },
  );

  step(
    'the IP bureau consents: the suspension starts today; new loans are not covered, earlier ones stay covered',
    async () => {
      const decided = ok(
        await app.gql<{ decideSuspension: { status: string; decidedOn: string; decidedBy: string } }>(
          DECIDE,
          { p: proposalId, ok: true, c: '同意中止' },
          tokens.IP_BUREAU,
        ),
      ).decideSuspension;
      expect(decided).toMatchObject({
        status: 'CONSENTED',
        decidedOn: TODAY,
        decidedBy: expect.stringContaining('区知识产权局'),
      });
      expect(
        refusal(await app.gql(DECIDE, { p: proposalId, ok: false, c: '撤回' }, tokens.IP_BUREAU)),
      ).toEqual({
        code: 'CONFLICT',
        article: 'Art 12',
      });
      expect(await riskOf(bank.id, bankToken)).toMatchObject({ suspended: true, suspendedSince: TODAY });
      expect(refusal(await app.gql(PROPOSE, { b: bank.id, c: '再次' }, tokens.FUND_MANAGER))).toEqual({
        code: 'CONFLICT',
        article: 'Art 12',
      });

      // Chosen behaviour: the registration succeeds, uncovered, with the Art 12 reason.
      const during = await register(TODAY);
      expect(during.covered).toBe(false);
      expect(during.coverageReasons).toEqual([
        expect.objectContaining({ article: 'Art 12', code: 'BANK_SUSPENDED_AT_ISSUE' }),
      ]);
      // Issued before the suspension began (registered late): covered (Art 12).
      const before = await register('2026-10-01');
      expect(before.covered).toBe(true);
      const [stillCovered] = (await app.ds.query(`SELECT covered FROM loans WHERE id = $1`, [l1.id])) as {
        covered: boolean;
      }[];
      expect(stillCovered.covered).toBe(true);

      const notices = ok(
        await app.gql<{ riskNotices: { kind: string; article: string }[] }>(NOTICES, {}, bankToken),
      ).riskNotices;
      expect(notices.map((n) => `${n.kind} ${n.article}`)).toEqual(['SUSPENSION Art 12', 'WARNING Art 12']);
      issuedBeforeSuspension = before;
    },
  );

  step('the IP bureau lifts the suspension; loans issued from that day are covered again', async () => {
    const lifted = ok(
      await app.gql<{ liftSuspension: { suspendedFrom: string; liftedOn: string } }>(
        LIFT,
        { b: bank.id, c: '整改完成' },
        tokens.IP_BUREAU,
      ),
    ).liftSuspension;
    expect(lifted).toEqual({ id: expect.any(String), suspendedFrom: TODAY, liftedOn: TODAY });
    expect((await riskOf(bank.id, bankToken)).suspended).toBe(false);
    expect((await register(TODAY)).covered).toBe(true);
    expect(refusal(await app.gql(LIFT, { b: bank.id, c: '再次' }, tokens.IP_BUREAU))).toEqual({
      code: 'CONFLICT',
      article: 'Art 12',
    });
    const kinds = ok(
      await app.gql<{ riskNotices: { kind: string }[] }>(NOTICES, {}, bankToken),
    ).riskNotices.map((n) => n.kind);
    expect(kinds[0]).toBe('SUSPENSION_LIFTED');
  });

  step('the IP bureau may decline a proposal: no suspension follows', async () => {
    // The loans registered meanwhile grew the book; one more overdue loan puts it back over 8 %.
    ok(await overdue(issuedBeforeSuspension, '2026-11-01'));
    expect((await riskOf(bank.id)).level).toBe('SUSPENSION_PROPOSED');
    const p = ok(
      await app.gql<{ proposeSuspension: { id: string } }>(
        PROPOSE,
        { b: bank.id, c: '仍超8%' },
        tokens.FUND_MANAGER,
      ),
    ).proposeSuspension;
    const d = ok(
      await app.gql<{ decideSuspension: { status: string } }>(
        DECIDE,
        { p: p.id, ok: false, c: '暂不中止' },
        tokens.IP_BUREAU,
      ),
    );
    expect(d.decideSuspension.status).toBe('DECLINED');
    expect(await riskOf(bank.id)).toMatchObject({ suspended: false, pendingProposalId: null });
  });

  step('curing the overdue loans brings the ratio back down', async () => {
    ok(await overdue(l1, '2026-12-10'));
    ok(await overdue(l2, '2026-12-10'));
    ok(await overdue(issuedBeforeSuspension, '2026-12-10'));
    expect(await riskOf(bank.id)).toMatchObject({ ratio: '0.0000', level: 'NONE', atRiskLoans: 0 });
  });
});

describe('who sees which risk rows (DOMAIN.md §2)', () => {
  it('a bank sees only its own row: never another bank’s name or figures', async () => {
    const bankA = await orgIdOf(app, 'bank-a');
    const res = await app.gql(RISKS, {}, tokens.LENDING_BANK);
    const rows = ok(res as { data: { bankRisks: Risk[] } }).bankRisks;
    expect(rows.map((r) => r.bank.id)).toEqual([bankA]);
    const text = JSON.stringify(res);
    for (const other of DEMO_ORGS.filter((o) => o.kind === 'LENDING_BANK' && o.key !== 'bank-a')) {
      expect(text).not.toContain(other.name);
    }
    expect(text).not.toContain(bank.name);
  });

  it.each(['GUARANTOR', 'ENTERPRISE'] as const)('%s sees no bank risk rows', async (kind) => {
    expect(await risks(tokens[kind])).toEqual([]);
  });

  it.each(['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'AUDITOR'] as const)(
    '%s sees every bank, ranked by ratio (highest first)',
    async (kind) => {
      const rows = await risks(tokens[kind]);
      const [count] = (await app.ds.query(
        `SELECT count(*)::int AS n FROM organizations WHERE kind = 'LENDING_BANK'`,
      )) as { n: number }[];
      expect(rows).toHaveLength(count.n);
      const ratios = rows.map((r) => r.ratio);
      expect([...ratios].sort((a, b) => Number(b) - Number(a))).toEqual(ratios);
    },
  );

  it('bankRisks loads the figures of every bank in a constant number of statements', async () => {
    const { result, statements } = await app.queries.measure(() => app.gql(RISKS, {}, tokens.FUND_MANAGER));
    expect(result.errors).toBeUndefined();
    // the token's user, the banks with their supervision state, the covered loans' figures
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it('a bank sees only the notices addressed to it', async () => {
    const bankB = await orgIdOf(app, 'bank-b');
    const tokenB = await app.login('bank-b');
    const notices = ok(
      await app.gql<{ riskNotices: { bank: { id: string } }[] }>(NOTICES, {}, tokenB),
    ).riskNotices;
    expect(notices.every((n) => n.bank.id === bankB)).toBe(true);
    const all = ok(
      await app.gql<{ riskNotices: { bank: { id: string } }[] }>(NOTICES, {}, tokens.AUDITOR),
    ).riskNotices;
    expect(all.length).toBeGreaterThan(notices.length);
    expect(ok(await app.gql<{ riskNotices: unknown[] }>(NOTICES, {}, tokens.GUARANTOR)).riskNotices).toEqual(
      [],
    );
  });
});

describe('who may take each supervision action', () => {
  const someId = '00000000-0000-4000-8000-000000000000';
  const cases: [string, string, Record<string, unknown>, OrgKind[]][] = [
    ['issueRiskWarning', WARN, { b: someId, c: 'x' }, ['FUND_MANAGER']],
    ['proposeSuspension', PROPOSE, { b: someId, c: 'x' }, ['FUND_MANAGER']],
    ['decideSuspension', DECIDE, { p: someId, ok: true, c: 'x' }, ['IP_BUREAU']],
    ['liftSuspension', LIFT, { b: someId, c: 'x' }, ['IP_BUREAU']],
  ];
  for (const [name, mutation, vars, permitted] of cases) {
    it.each(otherKinds(permitted))(`${name}: %s is refused (FORBIDDEN)`, async (kind) => {
      expect(refusal(await app.gql(mutation, vars, tokens[kind])).code).toBe('FORBIDDEN');
    });
    it(`${name}: ${permitted.join(', ')} get past the kind check (an unknown id is NOT_FOUND)`, async () => {
      expect(refusal(await app.gql(mutation, vars, tokens[permitted[0]])).code).toBe('NOT_FOUND');
    });
  }
});

describe('early warning (Art 16)', () => {
  // One ordered scenario: each step builds on the one before (runnable alone: see testing/scenario.ts).
  const step = orderedSteps();
  const REPORT_EVENT = `mutation($i: ReportRiskEventInput!) { reportRiskEvent(input: $i) {
    id kind description verified reportedBy reporterOrganization { id } loan { id contractNo bank { id } } } }`;
  const VERIFY = `mutation($e: ID!) { recordRiskEventVerification(eventId: $e, verification: "共同核实：经营恶化属实",
    measures: "中止贷款合同，追加担保", contractSuspended: true) { id verified verification measures contractSuspended verifiedOn verifiedBy } }`;
  const EVENTS = `query($open: Boolean) { riskEvents(open: $open) { id verified loan { id bank { id } guarantor { id } } } }`;
  let eventId: string;

  step(
    'the bank and the guarantor of a loan report risk events; the manager records the verification once',
    async () => {
      const loan = await seededLoan(app, 'bank-b', { guarantor: 'guarantor-a' });
      const byBank = ok(
        await app.gql<{ reportRiskEvent: { id: string; verified: boolean } }>(
          REPORT_EVENT,
          { i: { loanId: loan.id, kind: 'DETERIORATION', description: '主要客户流失' } },
          await app.login('bank-b'),
        ),
      ).reportRiskEvent;
      expect(byBank.verified).toBe(false);
      const byGuarantor = ok(
        await app.gql<{ reportRiskEvent: { id: string } }>(
          REPORT_EVENT,
          { i: { loanId: loan.id, kind: 'OTHER', description: '质押专利被提起无效宣告' } },
          tokens.GUARANTOR,
        ),
      ).reportRiskEvent;
      eventId = byGuarantor.id;
      const verified = ok(
        await app.gql<{ recordRiskEventVerification: Record<string, unknown> }>(
          VERIFY,
          { e: eventId },
          tokens.FUND_MANAGER,
        ),
      ).recordRiskEventVerification;
      expect(verified).toMatchObject({
        verified: true,
        contractSuspended: true,
        verifiedOn: TODAY,
        measures: '中止贷款合同，追加担保',
      });
      expect(refusal(await app.gql(VERIFY, { e: eventId }, tokens.FUND_MANAGER))).toEqual({
        code: 'CONFLICT',
        article: 'Art 16',
      });
    },
  );

  step('a bank or guarantor reporting on a loan it cannot see gets NOT_FOUND', async () => {
    const loan = await seededLoan(app, 'bank-b', { guarantor: 'guarantor-a' });
    const input = { i: { loanId: loan.id, kind: 'OVERDUE', description: '逾期' } };
    expect(refusal(await app.gql(REPORT_EVENT, input, tokens.LENDING_BANK)).code).toBe('NOT_FOUND');
    expect(refusal(await app.gql(REPORT_EVENT, input, await app.login('guarantor-b'))).code).toBe(
      'NOT_FOUND',
    );
  });

  it.each(otherKinds(['LENDING_BANK', 'GUARANTOR']))(
    'reportRiskEvent: %s is refused (FORBIDDEN)',
    async (kind) => {
      const loan = await seededLoan(app, 'bank-a');
      const res = await app.gql(
        REPORT_EVENT,
        { i: { loanId: loan.id, kind: 'OTHER', description: 'x' } },
        tokens[kind],
      );
      expect(refusal(res).code).toBe('FORBIDDEN');
    },
  );

  for (const kind of otherKinds(['FUND_MANAGER'])) {
    step(`recordRiskEventVerification: ${kind} is refused (FORBIDDEN)`, async () => {
      expect(refusal(await app.gql(VERIFY, { e: eventId }, tokens[kind])).code).toBe('FORBIDDEN');
    });
  }

  step("events are visible to the loan's bank and guarantor and the programme, to no one else", async () => {
    const bankB = await orgIdOf(app, 'bank-b');
    const gA = await orgIdOf(app, 'guarantor-a');
    type Ev = {
      riskEvents: { id: string; loan: { bank: { id: string }; guarantor: { id: string } | null } }[];
    };
    const seenBy = async (token: string) => ok(await app.gql<Ev>(EVENTS, {}, token)).riskEvents;
    expect((await seenBy(await app.login('bank-b'))).every((e) => e.loan.bank.id === bankB)).toBe(true);
    expect((await seenBy(tokens.GUARANTOR)).every((e) => e.loan.guarantor?.id === gA)).toBe(true);
    expect((await seenBy(tokens.LENDING_BANK)).some((e) => e.id === eventId)).toBe(false);
    expect(await seenBy(tokens.ENTERPRISE)).toEqual([]);
    for (const kind of ['FUND_MANAGER', 'IP_BUREAU', 'AUDITOR'] as const) {
      expect((await seenBy(tokens[kind])).map((e) => e.id)).toContain(eventId);
    }
  });
});

describe('setBusinessDate (demo and test only)', () => {
  it.each(['FUND_MANAGER', 'IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE'] as const)(
    '%s moves the business date; overdue days follow it',
    async (kind) => {
      const loan = await seededLoan(app, 'bank-a');
      const q = `query($id: ID!) { loan(id: $id) { overdueDays earliestUnpaidDueDate } portalInfo { businessDate } }`;
      const before = ok(
        await app.gql<{ loan: { overdueDays: number } }>(q, { id: loan.id }, tokens.FUND_MANAGER),
      );
      ok(await app.gql(SET_DATE, { d: '2027-01-01' }, tokens[kind]));
      const after = ok(
        await app.gql<{
          loan: { overdueDays: number; earliestUnpaidDueDate: string };
          portalInfo: { businessDate: string };
        }>(q, { id: loan.id }, tokens.FUND_MANAGER),
      );
      expect(after.portalInfo.businessDate).toBe('2027-01-01');
      if (after.loan.earliestUnpaidDueDate)
        expect(after.loan.overdueDays).toBeGreaterThan(before.loan.overdueDays);
      ok(await app.gql(SET_DATE, { d: TODAY }, tokens[kind]));
    },
  );

  it.each(['LENDING_BANK', 'GUARANTOR', 'ENTERPRISE', 'AUDITOR'] as const)(
    '%s may not move it (FORBIDDEN)',
    async (kind) => {
      expect(refusal(await app.gql(SET_DATE, { d: '2027-01-01' }, tokens[kind])).code).toBe('FORBIDDEN');
      expect(app.services.clock.today()).toBe(TODAY);
    },
  );
});

describe('demo data (demo/steps/risk.ts)', () => {
  it('has a bank in warning with a warning sent, and a bank at ≥ 8 % whose suspension awaits the IP bureau', async () => {
    const rows = await risks(tokens.FUND_MANAGER);
    const warned = rows.find((r) => r.bank.name === DEMO_ORGS.find((o) => o.key === DEMO_WARNED_BANK)!.name)!;
    const near = rows.find(
      (r) => r.bank.name === DEMO_ORGS.find((o) => o.key === DEMO_SUSPENSION_BANK)!.name,
    )!;
    expect(warned.level).toBe('WARNING');
    expect(Number(warned.ratio)).toBeGreaterThanOrEqual(0.05);
    expect(Number(warned.ratio)).toBeLessThan(0.08);
    expect(warned.lastWarningOn).toBe(TODAY);
    expect(near.level).toBe('SUSPENSION_PROPOSED');
    expect(near.pendingProposalId).not.toBeNull();
    expect(near.suspended).toBe(false);
    const pending = ok(
      await app.gql<{ suspensionProposals: { id: string }[] }>(
        `{ suspensionProposals(status: PENDING) { id } }`,
        {},
        tokens.IP_BUREAU,
      ),
    ).suspensionProposals;
    expect(pending.map((p) => p.id)).toContain(near.pendingProposalId);
    const open = ok(
      await app.gql<{ riskEvents: unknown[] }>(`{ riskEvents(open: true) { id } }`, {}, tokens.FUND_MANAGER),
    ).riskEvents;
    expect(open.length).toBeGreaterThanOrEqual(1);
    // The warned bank sees the warning addressed to it.
    const notices = ok(
      await app.gql<{ riskNotices: { kind: string }[] }>(
        NOTICES,
        {},
        await app.login(USER_OF_KIND.LENDING_BANK),
      ),
    );
    expect(notices.riskNotices.map((n) => n.kind)).toContain('WARNING');
  });
});

describe('viewerCan: the decisions the caller may take now (operations table ∩ its scope ∩ the state)', () => {
  const RISK_CAN = `{ bankRisks { bank { id name } level suspended pendingProposalId viewerCan } }`;
  type RiskCan = {
    bank: { id: string; name: string };
    level: string;
    suspended: boolean;
    viewerCan: string[];
  };
  const rowsFor = async (token: string) =>
    ok(await app.gql<{ bankRisks: RiskCan[] }>(RISK_CAN, {}, token)).bankRisks;
  const demoBank = (rows: RiskCan[], key: string) =>
    rows.find((r) => r.bank.name === DEMO_ORGS.find((o) => o.key === key)!.name)!;
  const ctxOf = async (username: string) => contextFor(app.services, `Bearer ${await app.login(username)}`);

  it('BankRisk: the manager may warn a bank in warning, and not propose while a proposal is pending', async () => {
    const rows = await rowsFor(tokens.FUND_MANAGER);
    expect(demoBank(rows, DEMO_WARNED_BANK).viewerCan).toEqual(['risk.issueWarning']);
    // The demo's ≥ 8 % bank has a pending proposal: a warning, but no second proposal.
    expect(demoBank(rows, DEMO_SUSPENSION_BANK).viewerCan).toEqual(['risk.issueWarning']);
    for (const r of rows.filter((x) => x.level === 'NONE' && !x.suspended)) expect(r.viewerCan).toEqual([]);
  });

  it('BankRisk: the IP bureau may lift only a suspension; a bank and the auditor may take nothing', async () => {
    for (const r of await rowsFor(tokens.IP_BUREAU)) {
      expect(r.viewerCan).toEqual(r.suspended ? ['risk.liftSuspension'] : []);
    }
    for (const kind of ['LENDING_BANK', 'AUDITOR'] as const) {
      for (const r of await rowsFor(tokens[kind])) expect(r.viewerCan).toEqual([]);
    }
  });

  it('SuspensionProposal: the IP bureau may decide a pending proposal; the manager may not', async () => {
    const proposals = await app.services.risk.proposals(await app.actor(USER_OF_KIND.IP_BUREAU), 'PENDING');
    const pending = toSuspensionProposalType(proposals[0]);
    const resolver = new SuspensionProposalResolver();
    const bureau = await ctxOf(USER_OF_KIND.IP_BUREAU);
    expect(await resolver.viewerCan(pending, bureau)).toEqual(['risk.decideSuspension']);
    // A decision is taken once (Art 12).
    expect(await resolver.viewerCan({ ...pending, status: ProposalStatus.CONSENTED }, bureau)).toEqual([]);
    expect(await resolver.viewerCan(pending, await ctxOf(USER_OF_KIND.FUND_MANAGER))).toEqual([]);
  });

  it('RiskEvent: the manager may verify an open event, once; the loan\u2019s bank may not', async () => {
    const [open] = await app.services.risk.events(await app.actor(USER_OF_KIND.FUND_MANAGER), { open: true });
    const resolver = new RiskEventResolver();
    const manager = await ctxOf(USER_OF_KIND.FUND_MANAGER);
    expect(await resolver.viewerCan(toRiskEventType(open), manager)).toEqual(['risk.verifyEvent']);
    expect(await resolver.viewerCan({ ...toRiskEventType(open), verified: true }, manager)).toEqual([]);
    const bankOfLoan = await ctxOf(
      (
        await app.ds.query(`SELECT username FROM users WHERE organization_id = $1 LIMIT 1`, [
          open.loan!.bankId,
        ])
      )[0].username,
    );
    expect(await resolver.viewerCan(toRiskEventType(open), bankOfLoan)).toEqual([]);
  });
});
