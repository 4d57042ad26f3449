import { subject } from '@casl/ability';
import { createMongoAbility } from '@casl/ability';
import { ORG_KINDS, type OrgKind } from '@ipfund/shared';
import { defineAbilityFor, type AppAbility } from '../authz/ability';
import { abilityToSql, UntranslatableRuleError, whereAbility } from '../authz/ability-to-sql';
import { JIANGBEI_2024 } from '@ipfund/policy';
import { SUBJECT_FIELDS } from '../authz/scope';
import { EnterpriseEntity } from '../modules/enterprise/enterprise.entity';
import { LoanEntity } from '../modules/loan/loan.entity';
import { OrganizationEntity } from '../modules/org/org.entity';
import { createTestApp, type TestApp } from '../testing/test-app';

// The field maps the access kernel's scopes use, under the aliases of these queries.
const LOAN_FIELDS = SUBJECT_FIELDS.Loan('loan');
const ENTERPRISE_FIELDS = SUBJECT_FIELDS.Enterprise('enterprise');

let app: TestApp;
let loans: LoanEntity[];
let orgs: OrganizationEntity[];

beforeAll(async () => {
  app = await createTestApp();
  loans = await app.ds.getRepository(LoanEntity).find({ relations: { enterprise: true } });
  orgs = await app.ds.getRepository(OrganizationEntity).find();
});
afterAll(() => app.close());

function sqlIds(ability: AppAbility): Promise<string[]> {
  const qb = app.ds
    .getRepository(LoanEntity)
    .createQueryBuilder('loan')
    .innerJoin('loan.enterprise', 'enterprise')
    .select('loan.id', 'id');
  whereAbility(qb, ability, 'read', 'Loan', LOAN_FIELDS);
  return qb.getRawMany<{ id: string }>().then((rows) => rows.map((r) => r.id).sort());
}

function memoryIds(ability: AppAbility): string[] {
  return loans
    .filter((l) =>
      ability.can(
        'read',
        subject('Loan', {
          bankId: l.bankId,
          guarantorId: l.guarantorId,
          enterpriseOrgId: l.enterprise!.organizationId,
        }),
      ),
    )
    .map((l) => l.id)
    .sort();
}

describe('ability → SQL WHERE equals ability.can() row by row', () => {
  it.each([...ORG_KINDS])('%s: every organisation of the kind', async (kind: OrgKind) => {
    const ofKind = orgs.filter((o) => o.kind === kind);
    // A kind without demo organisations is still checked, with a made-up id.
    const ids = ofKind.length ? ofKind.map((o) => o.id) : ['00000000-0000-4000-8000-00000000abcd'];
    for (const orgId of ids) {
      const ability = defineAbilityFor({ orgId, orgKind: kind }, JIANGBEI_2024);
      const expected = memoryIds(ability);
      expect(await sqlIds(ability)).toEqual(expected);
    }
  });

  it('the mix is not trivial: some kinds see all, some a strict non-empty subset', async () => {
    const bank = orgs.find((o) => o.kind === 'LENDING_BANK')!;
    const bankIds = memoryIds(defineAbilityFor({ orgId: bank.id, orgKind: 'LENDING_BANK' }, JIANGBEI_2024));
    expect(bankIds.length).toBeGreaterThan(0);
    expect(bankIds.length).toBeLessThan(loans.length);
    expect(memoryIds(defineAbilityFor({ orgId: bank.id, orgKind: 'AUDITOR' }, JIANGBEI_2024))).toHaveLength(
      loans.length,
    );
  });

  it('an ability with no rule returns no rows (fails closed)', async () => {
    const empty = createMongoAbility<[string, string]>([]) as unknown as AppAbility;
    expect(abilityToSql(empty, 'read', 'Loan', LOAN_FIELDS)).toEqual({ sql: 'FALSE', params: {} });
    expect(await sqlIds(empty)).toEqual([]);
  });

  it('an ability for another action or subject returns no rows', async () => {
    const ability = createMongoAbility([{ action: 'update', subject: 'Loan' }]) as unknown as AppAbility;
    expect(await sqlIds(ability)).toEqual([]);
  });

  it('a condition on a field without a column mapping throws instead of widening the query', () => {
    const ability = createMongoAbility([
      { action: 'read', subject: 'Loan', conditions: { secretField: 'x' } },
    ]) as unknown as AppAbility;
    expect(() => abilityToSql(ability, 'read', 'Loan', LOAN_FIELDS)).toThrow(UntranslatableRuleError);
  });

  it('an unsupported operator throws', () => {
    const ability = createMongoAbility([
      { action: 'read', subject: 'Loan', conditions: { bankId: { $regex: '^a' } } },
    ]) as unknown as AppAbility;
    expect(() => abilityToSql(ability, 'read', 'Loan', LOAN_FIELDS)).toThrow(UntranslatableRuleError);
  });

  it('inverted rules ($in, cannot) narrow the rows exactly as can() does', async () => {
    const [b1, b2] = orgs.filter((o) => o.kind === 'LENDING_BANK');
    const g = orgs.find((o) => o.kind === 'GUARANTOR')!;
    const ability = createMongoAbility([
      { action: 'read', subject: 'Loan', conditions: { bankId: { $in: [b1.id, b2.id] } } },
      { action: 'read', subject: 'Loan', inverted: true, conditions: { guarantorId: g.id } },
    ]) as unknown as AppAbility;
    const expected = memoryIds(ability);
    expect(expected.length).toBeGreaterThan(0);
    expect(await sqlIds(ability)).toEqual(expected);
  });

  it('null comparisons use IS NULL (two-party loans)', async () => {
    const ability = createMongoAbility([
      { action: 'read', subject: 'Loan', conditions: { guarantorId: null } },
    ]) as unknown as AppAbility;
    const expected = loans
      .filter((l) => l.guarantorId === null)
      .map((l) => l.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await sqlIds(ability)).toEqual(expected);
  });
});

describe('Enterprise: ability → SQL WHERE equals ability.can() row by row', () => {
  let enterprises: EnterpriseEntity[];

  beforeAll(async () => {
    // One enterprise a bank added itself, with no loan yet: visible to that bank only (createdByOrgId).
    const bankA = orgs.find((o) => o.name === '重庆银行江北支行')!;
    await app.ds.getRepository(EnterpriseEntity).save(
      app.ds.getRepository(EnterpriseEntity).create({
        name: '银行自建借款企业',
        creditCode: '91500105MA5U9X9X9E',
        createdByOrgId: bankA.id,
      }),
    );
    enterprises = await app.ds.getRepository(EnterpriseEntity).find();
  });

  function enterpriseSqlIds(ability: AppAbility): Promise<string[]> {
    const qb = app.ds
      .getRepository(EnterpriseEntity)
      .createQueryBuilder('enterprise')
      .select('enterprise.id', 'id');
    whereAbility(qb, ability, 'read', 'Enterprise', ENTERPRISE_FIELDS);
    return qb.getRawMany<{ id: string }>().then((rows) => rows.map((r) => r.id).sort());
  }

  function enterpriseMemoryIds(ability: AppAbility): string[] {
    return enterprises
      .filter((e) => {
        const own = loans.filter((l) => l.enterpriseId === e.id);
        return ability.can(
          'read',
          subject('Enterprise', {
            organizationId: e.organizationId,
            createdByOrgId: e.createdByOrgId,
            lenderIds: [...new Set(own.map((l) => l.bankId))],
            guarantorIds: [...new Set(own.flatMap((l) => (l.guarantorId ? [l.guarantorId] : [])))],
          }),
        );
      })
      .map((e) => e.id)
      .sort();
  }

  it.each([...ORG_KINDS])('%s: every organisation of the kind', async (kind: OrgKind) => {
    const ofKind = orgs.filter((o) => o.kind === kind);
    const ids = ofKind.length ? ofKind.map((o) => o.id) : ['00000000-0000-4000-8000-00000000abcd'];
    for (const orgId of ids) {
      const ability = defineAbilityFor({ orgId, orgKind: kind }, JIANGBEI_2024);
      expect(await enterpriseSqlIds(ability)).toEqual(enterpriseMemoryIds(ability));
    }
  });

  it('a bank sees its borrowers plus what it added; another bank does not see the latter', async () => {
    const [bankA, bankB] = ['重庆银行江北支行', '中国工商银行重庆江北支行'].map((n) =>
      orgs.find((o) => o.name === n)!,
    );
    const own = enterprises.find((e) => e.name === '银行自建借款企业')!;
    const a = enterpriseMemoryIds(
      defineAbilityFor({ orgId: bankA.id, orgKind: 'LENDING_BANK' }, JIANGBEI_2024),
    );
    const b = enterpriseMemoryIds(
      defineAbilityFor({ orgId: bankB.id, orgKind: 'LENDING_BANK' }, JIANGBEI_2024),
    );
    expect(a).toContain(own.id);
    expect(b).not.toContain(own.id);
    expect(a.length).toBeGreaterThan(1);
    expect(b.length).toBeGreaterThan(0);
    expect(b.length).toBeLessThan(enterprises.length);
    const guarantor = orgs.find((o) => o.kind === 'GUARANTOR')!;
    const g = enterpriseMemoryIds(
      defineAbilityFor({ orgId: guarantor.id, orgKind: 'GUARANTOR' }, JIANGBEI_2024),
    );
    expect(g.length).toBeGreaterThan(0);
    expect(g).not.toContain(own.id);
  });
});
