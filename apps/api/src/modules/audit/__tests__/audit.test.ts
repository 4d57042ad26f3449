import type { OrgKind } from '@ipfund/shared';
import { addDays } from '@ipfund/policy';
import { enterTenant } from '../../../db/tenant';
import { DEMO_AUDIT_WINDOW } from '../../../demo/steps/audit';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok, orgIdOf, otherKinds, refusal, tokensByKind } from '../../../testing/kinds';

const TODAY = '2026-11-27';
const ENGAGEMENTS = `{ auditEngagements { id auditor { id name } scope subjects startsOn endsOn status activeToday article } }`;
const ENGAGE = `mutation($i: EngageAuditorInput!) { engageAuditor(input: $i) { id status startsOn endsOn activeToday auditor { id } } }`;
const END = `mutation($id: ID!, $r: String!) { endAuditEngagement(id: $id, reason: $r) { id status endedOn endReason } }`;
const LOANS = `query Loans { loans(first: 5) { totalCount } }`;
const SET_DATE = `mutation($d: Date!) { setBusinessDate(date: $d) }`;

let app: TestApp;
let tokens: Record<OrgKind, string>;
let auditorOrg: string;

/** The auditor's 'audit.read' records, newest first. */
const reads = async () =>
  (await app.ds.query(
    `SELECT a.outcome, a.article, a.target_id, a.detail FROM activity_log a
      WHERE a.operation = 'audit.read' AND a.organization_id = $1 ORDER BY a.id DESC`,
    [auditorOrg],
  )) as { outcome: string; article: string; target_id: string | null; detail: Record<string, unknown> }[];

/** Runs `work` with the business date moved, and moves it back. */
async function onDate<T>(date: string, work: () => Promise<T>): Promise<T> {
  ok(await app.gql(SET_DATE, { d: date }, tokens.FUND_MANAGER));
  try {
    return await work();
  } finally {
    ok(await app.gql(SET_DATE, { d: TODAY }, tokens.FUND_MANAGER));
  }
}

beforeAll(async () => {
  app = await createTestApp({ businessDate: TODAY });
  tokens = await tokensByKind(app);
  auditorOrg = await orgIdOf(app, 'auditor');
});
afterAll(() => app.close());

describe('audit engagements (Art 20)', () => {
  it('the demo has an engagement active at its business date, and the auditor reads the programme', async () => {
    const list = ok(
      await app.gql<{ auditEngagements: { activeToday: boolean; article: string; startsOn: string }[] }>(
        ENGAGEMENTS,
        {},
        tokens.AUDITOR,
      ),
    ).auditEngagements;
    expect(list).toEqual([
      expect.objectContaining({
        activeToday: true,
        article: 'Art 20',
        startsOn: addDays(TODAY, -DEMO_AUDIT_WINDOW.before),
      }),
    ]);
    const loans = ok(await app.gql<{ loans: { totalCount: number } }>(LOANS, {}, tokens.AUDITOR)).loans;
    const [{ n }] = (await app.ds.query(`SELECT count(*)::int AS n FROM loans`)) as { n: number }[];
    expect(loans.totalCount).toBe(n);
  });

  it("tells the firm's users of the engagement: a notification in the portal and an e-mail in the outbox (Art 20)", async () => {
    const mine = ok(
      await app.gql<{ myNotifications: { nodes: { kind: string; article: string; subjectType: string }[] } }>(
        `{ myNotifications(first: 20) { nodes { kind article subjectType } } }`,
        {},
        tokens.AUDITOR,
      ),
    ).myNotifications.nodes;
    expect(mine).toContainEqual({ kind: 'AUDIT_ENGAGED', article: 'Art 20', subjectType: 'AuditEngagement' });
    // Only the firm's users: nobody else is told of it.
    const [{ n }] = (await app.ds.query(
      `SELECT count(*)::int AS n FROM notifications nt JOIN organizations o ON o.id = nt.recipient_org_id
        WHERE nt.kind = 'AUDIT_ENGAGED' AND o.kind <> 'AUDITOR'`,
    )) as { n: number }[];
    expect(n).toBe(0);
  });

  it('puts every GraphQL operation of the auditor on the record: name, root fields, variables', async () => {
    const before = (await reads()).length;
    ok(
      await app.gql(
        `query Two($first: Int) { loans(first: $first) { totalCount } me { username } }`,
        { first: 3 },
        tokens.AUDITOR,
      ),
    );
    const after = await reads();
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({
      outcome: 'OK',
      article: 'Art 20',
      target_id: 'Two',
      detail: { operationType: 'query', rootFields: ['loans', 'me'], variables: { first: 3 } },
    });
    // Others' reads are not logged one by one.
    const n = (await reads()).length;
    ok(await app.gql(LOANS, {}, tokens.FUND_MANAGER));
    expect((await reads()).length).toBe(n);
  });

  it('cuts a long variable in the record', async () => {
    await app.gql(
      `query Big($s: String) { enterprises(search: $s, first: 1) { totalCount } }`,
      { s: '长'.repeat(90) + 'x'.repeat(500) },
      tokens.AUDITOR,
    );
    const [last] = await reads();
    const s = (last.detail.variables as { s: string }).s;
    expect(s.length).toBeLessThan(260);
    expect(s).toMatch(/590 characters/);
  });

  it('the auditor writes nothing: a mutation is refused and on the record', async () => {
    const res = await app.gql(`mutation { computeEvaluation(period: "2026-H2") { id } }`, {}, tokens.AUDITOR);
    expect(refusal(res)).toEqual({ code: 'FORBIDDEN', article: 'Art 23' });
    const [last] = await reads();
    expect(last.detail).toMatchObject({ operationType: 'mutation', rootFields: ['computeEvaluation'] });
  });

  it('outside the window the auditor is refused with Art 20, the attempt is recorded, and PostgreSQL shows it no row', async () => {
    await onDate(addDays(TODAY, DEMO_AUDIT_WINDOW.after + 1), async () => {
      expect(refusal(await app.gql(LOANS, {}, tokens.AUDITOR))).toEqual({
        code: 'FORBIDDEN',
        article: 'Art 20',
      });
      const [last] = await reads();
      expect(last).toMatchObject({ outcome: 'REFUSED', target_id: 'Loans' });
    });
    const auditor = await app.actor('auditor');
    const seen = async (date: string | null) =>
      app.ds.transaction(async (em) => {
        await enterTenant(em, auditor, 'ipfund_app');
        if (date) await em.query(`SELECT set_config('app.business_date', $1, true)`, [date]);
        return ((await em.query(`SELECT count(*)::int AS n FROM loans`)) as { n: number }[])[0].n;
      });
    expect(await seen(TODAY)).toBeGreaterThan(0);
    expect(await seen(addDays(TODAY, -DEMO_AUDIT_WINDOW.before - 1))).toBe(0);
    expect(await seen(null)).toBe(0);
  });

  it.each(otherKinds(['IP_BUREAU']))('%s may not engage or end an engagement', async (kind) => {
    const res = await app.gql(
      ENGAGE,
      { i: { auditorOrgId: auditorOrg, scope: '专项审计', startsOn: TODAY, endsOn: addDays(TODAY, 30) } },
      tokens[kind],
    );
    expect(refusal(res)).toEqual({ code: 'FORBIDDEN', article: 'Art 20' });
    const [e] = (await app.ds.query(`SELECT id FROM audit_engagements LIMIT 1`)) as { id: string }[];
    expect(refusal(await app.gql(END, { id: e.id, r: '提前结束' }, tokens[kind]))).toEqual({
      code: 'FORBIDDEN',
      article: 'Art 20',
    });
  });

  it('refuses an engagement of a firm that is no auditor, or a window that ends before it starts', async () => {
    const bank = await orgIdOf(app, 'bank-a');
    const window = { scope: '专项审计', startsOn: TODAY, endsOn: addDays(TODAY, 30) };
    expect(
      refusal(await app.gql(ENGAGE, { i: { ...window, auditorOrgId: bank } }, tokens.IP_BUREAU)).code,
    ).toBe('BAD_USER_INPUT');
    expect(
      refusal(
        await app.gql(
          ENGAGE,
          { i: { ...window, auditorOrgId: auditorOrg, endsOn: addDays(TODAY, -1) } },
          tokens.IP_BUREAU,
        ),
      ).code,
    ).toBe('BAD_USER_INPUT');
    expect(
      refusal(
        await app.gql(
          ENGAGE,
          { i: { ...window, auditorOrgId: auditorOrg, subjects: ['Nope'] } },
          tokens.IP_BUREAU,
        ),
      ).code,
    ).toBe('BAD_USER_INPUT');
  });

  it('the IP bureau engages and ends: once every engagement has ended the auditor reads nothing more', async () => {
    const created = ok(
      await app.gql<{ engageAuditor: { id: string; status: string; activeToday: boolean } }>(
        ENGAGE,
        {
          i: {
            auditorOrgId: auditorOrg,
            scope: '补偿申请专项检查',
            subjects: ['Claim'],
            startsOn: TODAY,
            endsOn: addDays(TODAY, 10),
          },
        },
        tokens.IP_BUREAU,
      ),
    ).engageAuditor;
    expect(created).toMatchObject({ status: 'ACTIVE', activeToday: true });
    const all = ok(
      await app.gql<{ auditEngagements: { id: string }[] }>(ENGAGEMENTS, {}, tokens.IP_BUREAU),
    ).auditEngagements;
    for (const e of all) {
      ok(await app.gql(END, { id: e.id, r: '审计工作已完成' }, tokens.IP_BUREAU));
    }
    expect(refusal(await app.gql(END, { id: created.id, r: '再次结束' }, tokens.IP_BUREAU)).code).toBe(
      'CONFLICT',
    );
    expect(refusal(await app.gql(LOANS, {}, tokens.AUDITOR))).toEqual({
      code: 'FORBIDDEN',
      article: 'Art 20',
    });
    // The ended engagement is history: the database refuses to edit it.
    await expect(
      app.ds.query(`UPDATE audit_engagements SET scope = 'x' WHERE id = $1`, [created.id]),
    ).rejects.toThrow(/only an active engagement/);
  });
});
