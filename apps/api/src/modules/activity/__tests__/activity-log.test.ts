import type { EntityManager } from 'typeorm';
import ExcelJS from 'exceljs';
import type { OrgKind } from '@ipfund/shared';
import { EXPORT_ROUTES } from '../../../export/http';
import { enterTenant } from '../../../db/tenant';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { itOnRealPostgres } from '../../../testing/test-db';
import { ok, otherKinds, refusal, tokensByKind } from '../../../testing/kinds';

const TODAY = '2026-11-27';
const VERIFY = `{ verifyActivityChain { ok checked firstBrokenId } }`;
const LOG = `query($f: ActivityFilterInput, $first: Int, $after: String) {
  activityLog(filter: $f, first: $first, after: $after) {
    edges { cursor node { id operation outcome article businessDate userName organizationName targetId detail rowHash } }
    pageInfo { hasNextPage endCursor }
  } }`;
const READERS: OrgKind[] = ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'AUDITOR'];

interface Chain {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
}
interface Page {
  edges: {
    cursor: string;
    node: {
      id: string;
      operation: string;
      outcome: string;
      article: string | null;
      businessDate: string;
      targetId: string | null;
      detail: string;
    };
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

let app: TestApp;
let tokens: Record<OrgKind, string>;

const chain = async (token = tokens.FUND_MANAGER) =>
  ok(await app.gql<{ verifyActivityChain: Chain }>(VERIFY, {}, token)).verifyActivityChain;
const page = async (f: Record<string, unknown>, first = 20, after?: string, token = tokens.FUND_MANAGER) =>
  ok(await app.gql<{ activityLog: Page }>(LOG, { f, first, after }, token)).activityLog;

/** 16 use cases at once, each a manager's interest posting with its own key. */
async function sixteenWrites(tag: string): Promise<void> {
  const manager = await app.actor('manager');
  await Promise.all(
    Array.from({ length: 16 }, (_, i) =>
      app.services.ledger.recordInterestIncome(manager, {
        amount: `${i + 1}.00`,
        receivedOn: TODAY,
        memo: `并发写入 ${tag} ${i}`,
        idempotencyKey: `chain-${tag}-${i}`,
      }),
    ),
  );
}

beforeAll(async () => {
  app = await createTestApp({ businessDate: TODAY });
  tokens = await tokensByKind(app);
});
afterAll(() => app.close());

describe('the tamper-evident activity log (Art 20)', () => {
  it('every record carries its predecessor’s hash and its own, and the demo chain verifies', async () => {
    const status = await chain();
    expect(status.ok).toBe(true);
    expect(status.firstBrokenId).toBeNull();
    const [{ n }] = (await app.ds.query(`SELECT count(*)::int AS n FROM activity_log`)) as { n: number }[];
    expect(status.checked).toBeGreaterThanOrEqual(n);
    const rows = (await app.ds.query(
      `SELECT id, prev_hash, row_hash FROM activity_log ORDER BY id LIMIT 3`,
    )) as { id: string; prev_hash: string; row_hash: string }[];
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    expect(rows[1].prev_hash).toBe(rows[0].row_hash);
    expect(rows[2].prev_hash).toBe(rows[1].row_hash);
    expect(rows[0].row_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stays one chain after 16 concurrent use cases (no fork)', async () => {
    const before = await chain();
    await sixteenWrites('a');
    const after = await chain();
    expect(after).toEqual({ ok: true, checked: expect.any(Number), firstBrokenId: null });
    expect(after.checked - before.checked).toBeGreaterThanOrEqual(16);
    // Each new link points at the record just before it: no two records share a predecessor.
    const [{ forks }] = (await app.ds.query(
      `SELECT count(*)::int AS forks FROM (SELECT prev_hash FROM activity_log GROUP BY prev_hash HAVING count(*) > 1) f`,
    )) as { forks: number }[];
    expect(forks).toBe(0);
  });

  // Two transactions open at once: the embedded database serves one at a time.
  itOnRealPostgres('activity-log')(
    'takes the chain at commit only: a transaction holding an unsealed record does not stop another',
    async () => {
      const manager = await app.actor('manager');
      const write = (em: EntityManager, operation: string) =>
        em.query(
          `INSERT INTO activity_log (business_date, user_id, organization_id, org_kind, operation, outcome)
         VALUES ($1, $2, $3, 'FUND_MANAGER', $4, 'OK')`,
          [TODAY, manager.userId, manager.orgId, operation],
        );
      const open = app.ds.createQueryRunner();
      await open.connect();
      try {
        await open.startTransaction();
        await enterTenant(open.manager, manager, 'ipfund_app');
        await write(open.manager, 'test.first-written');
        // Before, this waited for the first transaction's commit (the head was locked at insert); a lock
        // timeout turns such a wait into a failure instead of a hang.
        await app.ds.transaction(async (em) => {
          await em.query(`SET LOCAL lock_timeout = '3s'`);
          await enterTenant(em, manager, 'ipfund_app');
          await write(em, 'test.second-written');
        });
        await open.commitTransaction();
      } finally {
        if (open.isTransactionActive) await open.rollbackTransaction();
        await open.release();
      }
      // Sealed in commit order: the later commit has the later place in the chain, and it verifies.
      const rows = (await app.ds.query(
        `SELECT operation, id::text AS id, prev_hash IS NOT NULL AND row_hash IS NOT NULL AS sealed
         FROM activity_log WHERE operation LIKE 'test.%-written' ORDER BY id`,
      )) as { operation: string; sealed: boolean }[];
      expect(rows.map((r) => [r.operation, r.sealed])).toEqual([
        ['test.second-written', true],
        ['test.first-written', true],
      ]);
      expect((await chain()).ok).toBe(true);
    },
  );

  it('shows the break at the row the owner altered behind the triggers, and verifies again once restored', async () => {
    const [victim] = (await app.ds.query(
      `SELECT id, detail FROM activity_log WHERE operation LIKE 'claim.%' AND outcome = 'OK' ORDER BY id LIMIT 1 OFFSET 2`,
    )) as { id: string; detail: unknown }[];
    const alter = (detail: unknown) =>
      app.ds.transaction(async (em) => {
        await em.query(`ALTER TABLE activity_log DISABLE TRIGGER activity_log_append_only`);
        await em.query(`UPDATE activity_log SET detail = $2::jsonb WHERE id = $1`, [
          victim.id,
          JSON.stringify(detail),
        ]);
        await em.query(`ALTER TABLE activity_log ENABLE TRIGGER activity_log_append_only`);
      });
    await alter({ ...(victim.detail as object), amount: '9999999.00' });
    try {
      for (const kind of READERS) {
        expect(await chain(tokens[kind])).toEqual({
          ok: false,
          checked: expect.any(Number),
          firstBrokenId: victim.id,
        });
      }
    } finally {
      await alter(victim.detail);
    }
    expect((await chain()).ok).toBe(true);
  });

  it('shows the break after a removed row: at the record that follows it', async () => {
    const [a, b] = (await app.ds.query(
      `SELECT id::text AS id FROM activity_log ORDER BY activity_log.id DESC LIMIT 2 OFFSET 3`,
    )) as {
      id: string;
    }[];
    const manager = await app.actor('manager');
    // In a transaction that is rolled back, so the record is whole again for the other tests.
    let broken: string | null = null;
    await app.ds
      .transaction(async (em) => {
        await em.query(`ALTER TABLE activity_log DISABLE TRIGGER activity_log_append_only`);
        await em.query(`DELETE FROM activity_log WHERE id = $1`, [b.id]);
        await enterTenant(em, manager, null);
        const [r] = (await em.query(
          `SELECT first_broken_id::text AS id FROM ipfund_verify_activity_chain()`,
        )) as {
          id: string | null;
        }[];
        broken = r.id;
        throw new Error('roll back');
      })
      .catch((err: Error) => {
        if (err.message !== 'roll back') throw err;
      });
    expect(broken).toBe(a.id);
    expect((await chain()).ok).toBe(true);
  });

  it('refuses any change through the serving role and gives no hash a writer could forge', async () => {
    const manager = await app.actor('manager');
    await expect(
      app.ds.transaction(async (em) => {
        await enterTenant(em, manager, 'ipfund_app');
        await em.query(
          `INSERT INTO activity_log (business_date, user_id, organization_id, org_kind, operation, outcome, prev_hash, row_hash)
           VALUES ($1, $2, $3, 'FUND_MANAGER', 'forged', 'OK', 'x', 'y')`,
          [TODAY, manager.userId, manager.orgId],
        );
        // The writer's hashes are discarded: the row is sealed by the chain itself, at commit.
        const [row] = (await em.query(
          `SELECT prev_hash, row_hash FROM activity_log WHERE operation = 'forged'`,
        )) as { prev_hash: string | null; row_hash: string | null }[];
        expect(row).toEqual({ prev_hash: null, row_hash: null });
        await em.query(`UPDATE activity_log SET detail = '{}'::jsonb WHERE operation = 'forged'`);
      }),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '42501' }) });
  });
});

describe('the activity log browser (Art 20)', () => {
  it.each(READERS)('%s reads the log and verifies the chain', async (kind) => {
    const p = await page({}, 5, undefined, tokens[kind]);
    expect(p.edges).toHaveLength(5);
    expect((await chain(tokens[kind])).ok).toBe(true);
  });

  it.each(otherKinds(READERS))('%s is refused the log and the check with the article', async (kind) => {
    expect(refusal(await app.gql(LOG, { first: 5 }, tokens[kind]))).toEqual({
      code: 'FORBIDDEN',
      article: 'Art 20',
    });
    expect(refusal(await app.gql(VERIFY, {}, tokens[kind]))).toEqual({
      code: 'FORBIDDEN',
      article: 'Art 20',
    });
  });

  it.each(['bank-a', 'guarantor-a', 'ent-1'])(
    '%s sees no row of activity_log in PostgreSQL either (RLS)',
    async (who) => {
      const actor = await app.actor(who);
      const n = await app.ds.transaction(async (em) => {
        await enterTenant(em, actor, 'ipfund_app');
        return ((await em.query(`SELECT count(*)::int AS n FROM activity_log`)) as { n: number }[])[0].n;
      });
      expect(n).toBe(0);
    },
  );

  it('filters by operation, outcome, article, dates, user, organisation and subject; pages by keyset', async () => {
    await sixteenWrites('page');
    const all = await page({ operation: 'ledger.recordInterestIncome' }, 100);
    expect(all.edges.length).toBeGreaterThanOrEqual(16);
    expect(new Set(all.edges.map((e) => e.node.operation))).toEqual(new Set(['ledger.recordInterestIncome']));
    // Pages of 5 walk the same rows in the same order, without repeats.
    const walked: string[] = [];
    let after: string | undefined;
    for (;;) {
      const p = await page({ operation: 'ledger.recordInterestIncome' }, 5, after);
      walked.push(...p.edges.map((e) => e.node.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor!;
    }
    expect(walked).toEqual(all.edges.map((e) => e.node.id));
    expect(walked.map(Number)).toEqual([...walked.map(Number)].sort((x, y) => y - x));

    const prefix = await page({ operation: 'ledger.' }, 100);
    expect(prefix.edges.every((e) => e.node.operation.startsWith('ledger.'))).toBe(true);
    const refused = await page({ outcome: 'REFUSED' }, 50);
    expect(refused.edges.every((e) => e.node.outcome === 'REFUSED')).toBe(true);
    const art17 = await page({ article: 'Art 17' }, 50);
    expect(art17.edges.length).toBeGreaterThan(0);
    expect(art17.edges.every((e) => e.node.article === 'Art 17')).toBe(true);
    const dated = await page({ fromDate: TODAY, toDate: TODAY }, 50);
    expect(dated.edges.every((e) => e.node.businessDate === TODAY)).toBe(true);
    const manager = await app.actor('manager');
    const byUser = await page({ userId: manager.userId, organizationId: manager.orgId }, 50);
    expect(byUser.edges.length).toBeGreaterThan(0);
    const one = all.edges[0].node;
    const bySubject = await page({ subjectId: one.targetId }, 10);
    expect(bySubject.edges.map((e) => e.node.id)).toContain(one.id);
  });

  it('refuses a malformed filter or cursor as bad input', async () => {
    expect(refusal(await app.gql(LOG, { f: { userId: 'nope' } }, tokens.FUND_MANAGER)).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(refusal(await app.gql(LOG, { f: { operation: "x' OR 1=1" } }, tokens.FUND_MANAGER)).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(refusal(await app.gql(LOG, { after: 'garbage' }, tokens.FUND_MANAGER)).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      refusal(
        await app.gql(LOG, { f: { fromDate: '2026-12-01', toDate: '2026-11-01' } }, tokens.FUND_MANAGER),
      ).code,
    ).toBe('BAD_USER_INPUT');
  });

  it('exports the same filtered rows as xlsx; a bank is refused with the article', async () => {
    const route = EXPORT_ROUTES.find((x) => x.path === '/activity.xlsx')!;
    const query = { operation: 'ledger.', outcome: 'OK' };
    const file = await route.handle({
      actor: await app.actor('finance'),
      services: app.services,
      params: {},
      query,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file!.content as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const shown = await page({ operation: 'ledger.', outcome: 'OK' }, 100);
    const ids: number[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) ids.push(Number(row.getCell(1).value));
    });
    expect(ids.slice(0, shown.edges.length)).toEqual(shown.edges.map((e) => Number(e.node.id)));
    expect(sheet.getRow(2).getCell(10).value).toBe('成功');
    await expect(
      route.handle({ actor: await app.actor('bank-a'), services: app.services, params: {}, query: {} }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', article: 'Art 20' });
    await expect(
      route.handle({
        actor: await app.actor('manager'),
        services: app.services,
        params: {},
        query: { fromDate: 'x' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
