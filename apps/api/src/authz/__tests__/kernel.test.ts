import { ORG_KINDS, OPERATIONS, type OrgKind } from '@ipfund/shared';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { USER_OF_KIND, orgIdOf } from '../../testing/kinds';
import { OPERATION_TABLE, articleOf, kindsFor, operationsOf } from '../operations';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

const policy = () => app.services.access.policyNow();

describe('the operations table', () => {
  it('has a rule for every operation name the web knows, and no other', () => {
    expect(Object.keys(OPERATION_TABLE).sort()).toEqual([...OPERATIONS].sort());
  });

  it('takes the co-signers and the resumption voters from the measures, with their articles', () => {
    const p = policy();
    expect(kindsFor('claim.approve', p)).toEqual(p.coSigningOffices.value);
    expect(articleOf('claim.approve', p)).toBe(p.coSigningOffices.article);
    expect(kindsFor('fund.consentToResume', p)).toEqual(p.resumptionVoters.value);
    expect(articleOf('fund.consentToResume', p)).toBe(p.resumptionVoters.article);
  });

  it('gives every write of the measures an article', () => {
    const p = policy();
    const without = OPERATIONS.filter((op) => articleOf(op, p) === undefined);
    // Portal mechanics rather than powers the measures give: the demo clock, and each user's own
    // password and inbox (every login has them, whatever its organisation's role in the measures).
    expect([...without].sort()).toEqual(['auth.changePassword', 'clock.set', 'notification.markRead']);
  });
});

describe('the use-case runner checks the table before the transaction', () => {
  it.each(OPERATIONS.map((op) => [op]))(
    '%s: refused to every other kind with the article, recorded',
    async (op) => {
      const p = policy();
      const allowed = kindsFor(op, p);
      for (const kind of ORG_KINDS) {
        const actor = await app.actor(USER_OF_KIND[kind]);
        let ran = false;
        const attempt = app.services.useCases.run(actor, op, async () => {
          ran = true;
          return 'ran';
        });
        if (allowed.includes(kind)) {
          await expect(attempt).resolves.toBe('ran');
          expect(ran).toBe(true);
          continue;
        }
        await expect(attempt).rejects.toMatchObject({ code: 'FORBIDDEN', article: articleOf(op, p) });
        expect(ran).toBe(false);
        const [row] = (await app.ds.query(
          `SELECT outcome, detail->>'reason' AS reason FROM activity_log
          WHERE operation = $1 AND org_kind = $2 ORDER BY id DESC LIMIT 1`,
          [op, kind],
        )) as { outcome: string; reason: string }[];
        expect(row).toEqual({ outcome: 'REFUSED', reason: 'FORBIDDEN' });
      }
    },
  );
});

describe('viewerPermissions', () => {
  const QUERY = '{ viewerPermissions { operations readable } }';

  it.each(ORG_KINDS.map((k) => [k]))('%s gets exactly its kind’s operations from the table', async (kind) => {
    const token = await app.login(USER_OF_KIND[kind as OrgKind]);
    const res = await app.gql<{ viewerPermissions: { operations: string[]; readable: string[] } }>(
      QUERY,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.viewerPermissions.operations).toEqual(operationsOf(kind as OrgKind, policy()));
  });

  it('shows the ledger and the resumption consents to the programme only', async () => {
    for (const kind of ORG_KINDS) {
      const token = await app.login(USER_OF_KIND[kind]);
      const res = await app.gql<{ viewerPermissions: { readable: string[] } }>(QUERY, {}, token);
      const programme = [
        'IP_BUREAU',
        'FINANCE_BUREAU',
        'FINANCIAL_OFFICE',
        'FUND_MANAGER',
        'AUDITOR',
      ].includes(kind);
      expect(res.data!.viewerPermissions.readable.includes('LedgerEntry')).toBe(programme);
      expect(res.data!.viewerPermissions.readable.includes('ResumptionVote')).toBe(programme);
    }
  });

  it('is refused to an anonymous caller', async () => {
    const res = await app.gql(QUERY);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('scopes', () => {
  it('keep two subjects in one query apart (parameter names are unique per predicate)', async () => {
    const bankA = await app.actor('bank-a');
    const bankAId = await orgIdOf(app, 'bank-a');
    const count = await app.services.access.read(bankA, async (scope) => {
      const claims = scope.where('read', 'Claim', 'c');
      return scope
        .loans()
        .andWhere(
          `EXISTS (SELECT 1 FROM claims c WHERE c.loan_id = loan.id AND ${claims.sql})`,
          claims.params,
        )
        .getCount();
    });
    const [truth] = (await app.ds.query(
      `SELECT count(DISTINCT l.id)::int AS n FROM loans l JOIN claims c ON c.loan_id = l.id WHERE l.bank_id = $1`,
      [bankAId],
    )) as { n: number }[];
    expect(truth.n).toBeGreaterThan(0);
    expect(count).toBe(truth.n);
  });

  it('permit an operation on exactly the records the actor may act on', async () => {
    const rows = (await app.ds.query(
      `SELECT id, bank_id AS "bankId", guarantor_id AS "guarantorId" FROM loans ORDER BY seq`,
    )) as { id: string; bankId: string; guarantorId: string | null }[];
    const ids = rows.map((r) => r.id);
    const bankA = await app.actor('bank-a');
    const guarantorA = await app.actor('guarantor-a');
    const manager = await app.actor('manager');

    const forBank = await app.services.access.read(bankA, (s) =>
      s.permittedOn('Loan', ['loan.reportStatus', 'loan.acknowledge'], ids),
    );
    for (const r of rows) {
      const ops = [...forBank.get(r.id)!];
      expect(ops).toEqual(r.bankId === bankA.orgId ? ['loan.reportStatus'] : []);
    }
    const forGuarantor = await app.services.access.read(guarantorA, (s) =>
      s.permittedOn('Loan', ['loan.reportStatus', 'loan.acknowledge'], ids),
    );
    for (const r of rows) {
      expect([...forGuarantor.get(r.id)!]).toEqual(
        r.guarantorId === guarantorA.orgId ? ['loan.acknowledge'] : [],
      );
    }
    // The manager reads every loan but takes neither operation.
    const forManager = await app.services.access.read(manager, (s) =>
      s.permittedOn('Loan', ['loan.reportStatus', 'loan.acknowledge'], ids),
    );
    expect([...forManager.values()].every((set) => set.size === 0)).toBe(true);
  });
});
