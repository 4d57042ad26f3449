import { OrganizationEntity } from '../modules/org/org.entity';
import { policyViolation } from '../common/errors';
import type { Actor } from '../authz/actor';
import { createTestApp, type TestApp } from '../testing/test-app';

let app: TestApp;
let actor: Actor;

beforeAll(async () => {
  app = await createTestApp();
  actor = await app.actor('manager');
});
afterAll(() => app.close());

const activity = (operation: string, targetId: string) =>
  app.ds.query(
    `SELECT outcome, target_type, target_id, detail, org_kind FROM activity_log
      WHERE operation = $1 AND target_id = $2`,
    [operation, targetId],
  );

describe('use cases: one transaction, one activity record', () => {
  it('a successful use case commits its change and its record together', async () => {
    const org = await app.services.useCases.run(actor, 'partner.retire', async ({ em, target, detail }) => {
      const o = await em.findOneByOrFail(OrganizationEntity, { name: '重庆天平会计师事务所有限公司' });
      target('Organization', o.id);
      detail({ from: o.name });
      o.shortName = '天平';
      return em.save(o);
    });
    expect((await app.ds.getRepository(OrganizationEntity).findOneByOrFail({ id: org.id })).shortName).toBe(
      '天平',
    );
    expect(await activity('partner.retire', org.id)).toEqual([
      {
        outcome: 'OK',
        target_type: 'Organization',
        target_id: org.id,
        detail: { from: '重庆天平会计师事务所有限公司' },
        org_kind: 'FUND_MANAGER',
      },
    ]);
  });

  it('a refused use case leaves no half-written change, and the refusal is on record', async () => {
    const before = await app.ds.getRepository(OrganizationEntity).count();
    let createdId = '';
    await expect(
      app.services.useCases.run(actor, 'partner.admit', async ({ em, target }) => {
        const o = await em.save(em.create(OrganizationEntity, { kind: 'LENDING_BANK', name: '半途银行' }));
        createdId = o.id;
        target('Organization', o.id);
        throw policyViolation('partner.guarantorLicence', {}, 'Art 8');
      }),
    ).rejects.toMatchObject({ code: 'POLICY_VIOLATION', article: 'Art 8' });
    expect(await app.ds.getRepository(OrganizationEntity).count()).toBe(before);
    const rows = await activity('partner.admit', createdId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'REFUSED', detail: { reason: 'POLICY_VIOLATION' } });
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE of the activity record', async () => {
    await expect(app.ds.query(`UPDATE activity_log SET outcome = 'OK'`)).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`DELETE FROM activity_log`)).rejects.toThrow(/append-only/);
    await expect(app.ds.query(`TRUNCATE activity_log`)).rejects.toThrow(/append-only/);
    expect((await app.ds.query(`SELECT count(*)::int AS n FROM activity_log`))[0].n).toBeGreaterThanOrEqual(
      2,
    );
  });
});
