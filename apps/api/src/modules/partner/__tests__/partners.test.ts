import type { OrgKind } from '@ipfund/shared';
import { OrganizationEntity } from '../../org/org.entity';
import { UserEntity } from '../../org/user.entity';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { OFFICES_AND_MANAGER, otherKinds, refusal, tokensByKind, uniqueName } from './kinds';

let app: TestApp;
let tokens: Record<OrgKind, string>;
let orgs: Map<string, OrganizationEntity>;

const PARTNER_FIELDS = 'id kind name shortName status licenceNo statusReason statusChangedOn';
const PARTNERS = `query($kind: PartnerKind) { partners(kind: $kind) { ${PARTNER_FIELDS} } }`;
const PARTNER = `query($id: ID!) { partner(id: $id) { ${PARTNER_FIELDS} } }`;
const ADMIT = `mutation($input: AdmitPartnerInput!) { admitPartner(input: $input) { ${PARTNER_FIELDS} } }`;
const RETIRE = `mutation($id: ID!, $reason: String!) { retirePartner(orgId: $id, reason: $reason) { ${PARTNER_FIELDS} } }`;
const DISQUALIFY = `mutation($id: ID!, $reason: String!) { disqualifyPartner(orgId: $id, reason: $reason) { ${PARTNER_FIELDS} } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) { id username displayName active organization { id name } } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(userId: $id) { id username active } }`;
const USERS = `query($id: ID!) { organizationUsers(organizationId: $id) { id username displayName active } }`;
const ME = 'query { me { username organization { id } } }';
const MISSING = '00000000-0000-4000-8000-000000000000';

interface Partner {
  id: string;
  kind: string;
  name: string;
  status: string;
  licenceNo: string | null;
  statusReason: string | null;
  statusChangedOn: string | null;
}

const orgId = (name: string) => orgs.get(name)!.id;
const BANK_A = '重庆银行江北支行';
const BANK_B = '中国工商银行重庆江北支行';
const GUARANTOR_A = '重庆三峡融资担保集团股份有限公司';

/** Admits a fresh bank as the manager. */
async function admitBank(): Promise<Partner> {
  const res = await app.gql<{ admitPartner: Partner }>(
    ADMIT,
    { input: { kind: 'LENDING_BANK', name: uniqueName('测试银行'), shortName: '测试' } },
    tokens.FUND_MANAGER,
  );
  expect(res.errors).toBeUndefined();
  return res.data!.admitPartner;
}

async function createUserFor(organizationId: string, username: string, token = tokens.FUND_MANAGER) {
  return app.gql<{ createUser: { id: string; username: string; active: boolean } }>(
    CREATE_USER,
    { input: { organizationId, username, displayName: '测试用户', password: 'correct-horse' } },
    token,
  );
}

const activity = (operation: string) =>
  app.ds.query(
    `SELECT outcome, org_kind, target_id, detail FROM activity_log WHERE operation = $1 ORDER BY id`,
    [operation],
  );

beforeAll(async () => {
  app = await createTestApp();
  tokens = await tokensByKind(app);
  orgs = new Map((await app.ds.getRepository(OrganizationEntity).find()).map((o) => [o.name, o]));
});
afterAll(() => app.close());

describe('partners: who sees which partner', () => {
  it.each(['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'AUDITOR'] as OrgKind[])(
    '%s sees every bank and guarantor, with status and licence',
    async (kind) => {
      const res = await app.gql<{ partners: Partner[] }>(PARTNERS, {}, tokens[kind]);
      expect(res.errors).toBeUndefined();
      const names = res.data!.partners.map((p) => p.name);
      for (const n of [
        BANK_A,
        BANK_B,
        '重庆农村商业银行江北支行',
        GUARANTOR_A,
        '重庆兴农融资担保集团有限公司',
      ]) {
        expect(names).toContain(n);
      }
      expect(res.data!.partners.every((p) => ['LENDING_BANK', 'GUARANTOR'].includes(p.kind))).toBe(true);
      const g = res.data!.partners.find((p) => p.name === GUARANTOR_A)!;
      expect(g).toMatchObject({ kind: 'GUARANTOR', status: 'ACTIVE', licenceNo: '渝融担许字〔2021〕0012号' });
    },
  );

  it('filters by kind', async () => {
    const res = await app.gql<{ partners: Partner[] }>(PARTNERS, { kind: 'GUARANTOR' }, tokens.FUND_MANAGER);
    expect(res.data!.partners.length).toBeGreaterThanOrEqual(2);
    expect(res.data!.partners.every((p) => p.kind === 'GUARANTOR')).toBe(true);
  });

  it('a bank and a guarantor see only themselves; an enterprise sees no partner', async () => {
    const bank = await app.gql<{ partners: Partner[] }>(PARTNERS, {}, tokens.LENDING_BANK);
    expect(bank.data!.partners.map((p) => p.name)).toEqual([BANK_A]);
    const g = await app.gql<{ partners: Partner[] }>(PARTNERS, {}, tokens.GUARANTOR);
    expect(g.data!.partners.map((p) => p.name)).toEqual([GUARANTOR_A]);
    const ent = await app.gql<{ partners: Partner[] }>(PARTNERS, {}, tokens.ENTERPRISE);
    expect(ent.data!.partners).toEqual([]);
  });

  it('bank A gets null for bank B, exactly as for a partner that does not exist', async () => {
    const foreign = await app.gql(PARTNER, { id: orgId(BANK_B) }, tokens.LENDING_BANK);
    const missing = await app.gql(PARTNER, { id: MISSING }, tokens.LENDING_BANK);
    const garbage = await app.gql(PARTNER, { id: 'nope' }, tokens.LENDING_BANK);
    expect(foreign).toEqual({ data: { partner: null } });
    expect(missing).toEqual(foreign);
    expect(garbage).toEqual(foreign);
    const own = await app.gql<{ partner: Partner }>(PARTNER, { id: orgId(BANK_A) }, tokens.LENDING_BANK);
    expect(own.data!.partner.name).toBe(BANK_A);
  });
});

describe('admitPartner (Art 5, 8, 14)', () => {
  it.each(OFFICES_AND_MANAGER)('%s admits a bank', async (kind) => {
    const name = uniqueName('新合作银行');
    const res = await app.gql<{ admitPartner: Partner }>(
      ADMIT,
      { input: { kind: 'LENDING_BANK', name, shortName: '新银行' } },
      tokens[kind],
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.admitPartner).toMatchObject({ kind: 'LENDING_BANK', name, status: 'ACTIVE' });
    const row = await app.ds.getRepository(OrganizationEntity).findOneByOrFail({ name });
    expect(row.kind).toBe('LENDING_BANK');
  });

  it.each(otherKinds(OFFICES_AND_MANAGER))(
    '%s is refused with FORBIDDEN and nothing is written',
    async (kind) => {
      const name = uniqueName('越权银行');
      const res = await app.gql(ADMIT, { input: { kind: 'LENDING_BANK', name } }, tokens[kind]);
      expect(res.data).toBeNull();
      expect(refusal(res).code).toBe('FORBIDDEN');
      expect(await app.ds.getRepository(OrganizationEntity).existsBy({ name })).toBe(false);
    },
  );

  it('a guarantor without a financing-guarantee licence is refused citing Art 14', async () => {
    for (const licenceNo of [null, '   ']) {
      const name = uniqueName('无证担保');
      const res = await app.gql(ADMIT, { input: { kind: 'GUARANTOR', name, licenceNo } }, tokens.IP_BUREAU);
      expect(refusal(res)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 14' });
      expect(await app.ds.getRepository(OrganizationEntity).existsBy({ name })).toBe(false);
    }
    const rows = await activity('partner.admit');
    expect(rows.filter((r: { outcome: string }) => r.outcome === 'REFUSED').length).toBeGreaterThanOrEqual(2);
  });

  it('a guarantor with a licence is admitted', async () => {
    const res = await app.gql<{ admitPartner: Partner }>(
      ADMIT,
      { input: { kind: 'GUARANTOR', name: uniqueName('持证担保'), licenceNo: ' 渝融担许字〔2024〕0099号 ' } },
      tokens.FINANCE_BUREAU,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.admitPartner).toMatchObject({
      kind: 'GUARANTOR',
      licenceNo: '渝融担许字〔2024〕0099号',
    });
  });

  it('the database itself refuses a guarantor without a licence (Art 14)', async () => {
    await expect(
      app.ds.query(`INSERT INTO organizations (kind, name) VALUES ('GUARANTOR', 'SQL 直插担保')`),
    ).rejects.toThrow(/organizations_guarantor_licence/);
  });

  it('refuses a duplicate name (CONFLICT) and a non-partner kind (schema)', async () => {
    const dup = await app.gql(ADMIT, { input: { kind: 'LENDING_BANK', name: BANK_A } }, tokens.FUND_MANAGER);
    expect(refusal(dup).code).toBe('CONFLICT');
    const wrongKind = await app.gql(
      ADMIT,
      { input: { kind: 'IP_BUREAU', name: uniqueName('x') } },
      tokens.FUND_MANAGER,
    );
    expect(refusal(wrongKind).code).toBe('BAD_USER_INPUT');
  });
});

describe('retirePartner (Art 15) and disqualifyPartner (Art 25)', () => {
  it.each(OFFICES_AND_MANAGER)(
    '%s retires a bank; it stays on record as RETIRED with reason and date',
    async (kind) => {
      const bank = await admitBank();
      const res = await app.gql<{ retirePartner: Partner }>(
        RETIRE,
        { id: bank.id, reason: '银行申请退出合作' },
        tokens[kind],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.retirePartner).toMatchObject({
        id: bank.id,
        status: 'RETIRED',
        statusReason: '银行申请退出合作',
        statusChangedOn: '2026-11-27',
      });
      const list = await app.gql<{ partners: Partner[] }>(PARTNERS, {}, tokens.AUDITOR);
      expect(list.data!.partners.find((p) => p.id === bank.id)?.status).toBe('RETIRED');
    },
  );

  it.each(OFFICES_AND_MANAGER)(
    '%s disqualifies a partner; it stays on record as DISQUALIFIED',
    async (kind) => {
      const bank = await admitBank();
      const res = await app.gql<{ disqualifyPartner: Partner }>(
        DISQUALIFY,
        { id: bank.id, reason: '骗取风险补偿资金' },
        tokens[kind],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.disqualifyPartner).toMatchObject({
        status: 'DISQUALIFIED',
        statusReason: '骗取风险补偿资金',
      });
      const row = await app.ds.getRepository(OrganizationEntity).findOneByOrFail({ id: bank.id });
      expect(row.status).toBe('DISQUALIFIED');
    },
  );

  it.each(otherKinds(OFFICES_AND_MANAGER))(
    '%s may neither retire nor disqualify (FORBIDDEN)',
    async (kind) => {
      const target = orgId(BANK_B);
      for (const op of [RETIRE, DISQUALIFY]) {
        const res = await app.gql(op, { id: target, reason: '越权' }, tokens[kind]);
        expect(refusal(res).code).toBe('FORBIDDEN');
      }
      expect((await app.ds.getRepository(OrganizationEntity).findOneByOrFail({ id: target })).status).toBe(
        'ACTIVE',
      );
    },
  );

  it('NOT_FOUND for an unknown id and for an organisation that is not a partner', async () => {
    for (const id of [MISSING, 'garbage', orgId('重庆市江北区财政局')]) {
      for (const op of [RETIRE, DISQUALIFY]) {
        const res = await app.gql(op, { id, reason: '原因' }, tokens.FUND_MANAGER);
        expect(refusal(res).code).toBe('NOT_FOUND');
      }
    }
  });

  it('a retired partner cannot be retired again, but can still be disqualified; a disqualification is final', async () => {
    const bank = await admitBank();
    await app.gql(RETIRE, { id: bank.id, reason: '退出' }, tokens.FUND_MANAGER);
    const again = await app.gql(RETIRE, { id: bank.id, reason: '再次退出' }, tokens.FUND_MANAGER);
    expect(refusal(again)).toEqual({ code: 'CONFLICT', article: 'Art 15' });
    const dq = await app.gql(DISQUALIFY, { id: bank.id, reason: '事后查实骗补' }, tokens.IP_BUREAU);
    expect(dq.errors).toBeUndefined();
    const dq2 = await app.gql(DISQUALIFY, { id: bank.id, reason: '重复' }, tokens.IP_BUREAU);
    expect(refusal(dq2)).toEqual({ code: 'CONFLICT', article: 'Art 25' });
  });

  it('a reason is required', async () => {
    const bank = await admitBank();
    const res = await app.gql(DISQUALIFY, { id: bank.id, reason: '  ' }, tokens.FUND_MANAGER);
    expect(refusal(res).code).toBe('BAD_USER_INPUT');
  });

  it("a disqualified partner's user gets UNAUTHENTICATED on the next request, and cannot log in", async () => {
    const bank = await admitBank();
    const created = await createUserFor(bank.id, `dq-${process.pid}`);
    expect(created.errors).toBeUndefined();
    const token = await app.login(`dq-${process.pid}`, 'correct-horse');
    const before = await app.gql<{ me: { username: string } }>(ME, {}, token);
    expect(before.data!.me.username).toBe(`dq-${process.pid}`);

    const dq = await app.gql(DISQUALIFY, { id: bank.id, reason: '挪用专项资金' }, tokens.FINANCIAL_OFFICE);
    expect(dq.errors).toBeUndefined();

    const after = await app.gql(ME, {}, token);
    expect(refusal(after).code).toBe('UNAUTHENTICATED');
    const loans = await app.gql('query { loans { totalCount } }', {}, token);
    expect(refusal(loans).code).toBe('UNAUTHENTICATED');
    await expect(app.login(`dq-${process.pid}`, 'correct-horse')).rejects.toThrow(/login .* failed/);
  });

  it("a retired partner's user still sees its existing business, but registers no new loan (Art 15)", async () => {
    const bank = await admitBank();
    await createUserFor(bank.id, `rt-${process.pid}`);
    const token = await app.login(`rt-${process.pid}`, 'correct-horse');
    await app.gql(RETIRE, { id: bank.id, reason: '退出合作' }, tokens.FUND_MANAGER);
    const me = await app.gql<{ me: { organization: { id: string } } }>(ME, {}, token);
    expect(me.data?.me.organization.id).toBe(bank.id);
    const ent = await app.ds.query(
      `SELECT e.id, a.id AS asset FROM enterprises e JOIN ip_assets a ON a.enterprise_id = e.id LIMIT 1`,
    );
    await app.ds.query(`UPDATE enterprises SET created_by_org_id = $1 WHERE id = $2`, [bank.id, ent[0].id]);
    const reg = await app.gql(
      `mutation($i: RegisterLoanInput!) { registerLoan(input: $i) { covered coverageReasons { article code } } }`,
      {
        i: {
          enterpriseId: ent[0].id,
          contractNo: `RT-${process.pid}`,
          principal: '1000000.00',
          ipPledgedPrincipal: '1000000.00',
          issuedOn: '2026-11-01',
          maturesOn: '2027-11-01',
          purpose: 'RND',
          collateralIds: [ent[0].asset],
        },
      },
      token,
    );
    // It left the programme: no new business at all (retired.test.ts has what it may still do).
    expect(reg.data).toBeNull();
    expect(reg.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', article: 'Art 15' });
    const [n] = (await app.ds.query(`SELECT count(*)::int AS n FROM loans WHERE contract_no = $1`, [
      `RT-${process.pid}`,
    ])) as { n: number }[];
    expect(n.n).toBe(0);
  });

  it('every refused and accepted attempt is on the activity record', async () => {
    const bank = await admitBank();
    expect(
      refusal(await app.gql(DISQUALIFY, { id: bank.id, reason: '越权' }, tokens.LENDING_BANK)).code,
    ).toBe('FORBIDDEN');
    expect(
      (await app.gql(DISQUALIFY, { id: bank.id, reason: '事后查实骗补' }, tokens.FUND_MANAGER)).errors,
    ).toBeUndefined();
    const rows: { outcome: string; org_kind: string; target_id: string | null }[] =
      await activity('partner.disqualify');
    const onThisBank = rows.filter((r) => r.target_id === bank.id);
    expect(onThisBank.some((r) => r.outcome === 'OK' && r.org_kind === 'FUND_MANAGER')).toBe(true);
    expect(rows.some((r) => r.outcome === 'REFUSED' && r.org_kind === 'LENDING_BANK')).toBe(true);
  });
});

describe('user management: createUser, deactivateUser, organizationUsers', () => {
  it.each(OFFICES_AND_MANAGER)(
    '%s creates a user for a partner; the password is stored hashed only',
    async (kind) => {
      const username = `u-${kind.toLowerCase().replace(/_/g, '-')}-${process.pid}`;
      const res = await app.gql<{
        createUser: { username: string; active: boolean; organization: { id: string } };
      }>(
        CREATE_USER,
        {
          input: {
            organizationId: orgId(GUARANTOR_A),
            username,
            displayName: '新风控',
            password: 'an-initial-pw',
          },
        },
        tokens[kind],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.createUser).toMatchObject({
        username,
        active: true,
        organization: { id: orgId(GUARANTOR_A) },
      });
      const row = await app.ds.getRepository(UserEntity).findOneByOrFail({ username });
      expect(row.passwordHash).toMatch(/^\$argon2id\$/);
      expect(row.passwordHash).not.toContain('an-initial-pw');
      const token = await app.login(username, 'an-initial-pw');
      const me = await app.gql<{ me: { organization: { id: string } } }>(ME, {}, token);
      expect(me.data!.me.organization.id).toBe(orgId(GUARANTOR_A));
      const [record] = await app.ds.query(
        `SELECT detail FROM activity_log WHERE operation = 'partner.createUser' AND detail->>'username' = $1`,
        [username],
      );
      expect(JSON.stringify(record.detail)).not.toContain('an-initial-pw');
    },
  );

  it.each(otherKinds(OFFICES_AND_MANAGER))('%s may not create users (FORBIDDEN)', async (kind) => {
    const username = `x-${kind.toLowerCase().replace(/_/g, '-')}-${process.pid}`;
    const res = await createUserFor(orgId(BANK_A), username, tokens[kind]);
    expect(refusal(res).code).toBe('FORBIDDEN');
    expect(await app.ds.getRepository(UserEntity).existsBy({ username })).toBe(false);
  });

  it('refuses a short password, a malformed or taken username, and a partner that is not active', async () => {
    const bank = orgId(BANK_B);
    const short = await app.gql(
      CREATE_USER,
      { input: { organizationId: bank, username: 'short-pw', displayName: 'x', password: '1234567' } },
      tokens.FUND_MANAGER,
    );
    expect(refusal(short).code).toBe('BAD_USER_INPUT');
    const malformed = await createUserFor(bank, 'Bad Name!');
    expect(refusal(malformed).code).toBe('BAD_USER_INPUT');
    const taken = await createUserFor(bank, 'bank-a');
    expect(refusal(taken).code).toBe('CONFLICT');
    const retired = await admitBank();
    await app.gql(RETIRE, { id: retired.id, reason: '退出' }, tokens.FUND_MANAGER);
    const onRetired = await createUserFor(retired.id, `late-${process.pid}`);
    expect(refusal(onRetired)).toEqual({ code: 'CONFLICT', article: 'Art 15' });
  });

  it('NOT_FOUND for an unknown organisation and for one that is not a partner', async () => {
    for (const id of [MISSING, orgId('重庆市江北区知识产权局')]) {
      const res = await createUserFor(id, `nf-${process.pid}`);
      expect(refusal(res).code).toBe('NOT_FOUND');
    }
  });

  it.each(OFFICES_AND_MANAGER)(
    "%s deactivates a partner's user; its token stops working at once",
    async (kind) => {
      const username = `d-${kind.toLowerCase().replace(/_/g, '-')}-${process.pid}`;
      const created = await createUserFor(orgId(BANK_B), username);
      const token = await app.login(username, 'correct-horse');
      const res = await app.gql<{ deactivateUser: { active: boolean } }>(
        DEACTIVATE,
        { id: created.data!.createUser.id },
        tokens[kind],
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.deactivateUser.active).toBe(false);
      expect(refusal(await app.gql(ME, {}, token)).code).toBe('UNAUTHENTICATED');
      const again = await app.gql(DEACTIVATE, { id: created.data!.createUser.id }, tokens[kind]);
      expect(refusal(again).code).toBe('CONFLICT');
    },
  );

  it.each(otherKinds(OFFICES_AND_MANAGER))('%s may not deactivate users (FORBIDDEN)', async (kind) => {
    const user = await app.ds.getRepository(UserEntity).findOneByOrFail({ username: 'bank-b' });
    const res = await app.gql(DEACTIVATE, { id: user.id }, tokens[kind]);
    expect(refusal(res).code).toBe('FORBIDDEN');
    expect((await app.ds.getRepository(UserEntity).findOneByOrFail({ id: user.id })).active).toBe(true);
  });

  it("NOT_FOUND for an unknown user and for a user that is not a partner's", async () => {
    const office = await app.ds.getRepository(UserEntity).findOneByOrFail({ username: 'finance' });
    for (const id of [MISSING, office.id]) {
      const res = await app.gql(DEACTIVATE, { id }, tokens.FUND_MANAGER);
      expect(refusal(res).code).toBe('NOT_FOUND');
    }
    expect((await app.ds.getRepository(UserEntity).findOneByOrFail({ id: office.id })).active).toBe(true);
  });

  it("organizationUsers: the manager sees a bank's users; a bank its own only; another bank's answer as a missing one", async () => {
    const byManager = await app.gql<{ organizationUsers: { username: string }[] }>(
      USERS,
      { id: orgId(BANK_A) },
      tokens.FUND_MANAGER,
    );
    expect(byManager.data!.organizationUsers.map((u) => u.username)).toContain('bank-a');
    const own = await app.gql<{ organizationUsers: { username: string }[] }>(
      USERS,
      { id: orgId(BANK_A) },
      tokens.LENDING_BANK,
    );
    expect(own.data!.organizationUsers.map((u) => u.username)).toContain('bank-a');
    const foreign = await app.gql(USERS, { id: orgId(BANK_B) }, tokens.LENDING_BANK);
    const missing = await app.gql(USERS, { id: MISSING }, tokens.LENDING_BANK);
    expect(foreign).toEqual({ data: { organizationUsers: [] } });
    expect(missing).toEqual(foreign);
  });
});

describe('Partner.viewerCan: what the caller may do to a partner now', () => {
  const CAN = `query($id: ID!) { partner(id: $id) { id status viewerCan } }`;
  const canOn = async (id: string, token: string) => {
    const res = await app.gql<{ partner: { viewerCan: string[] } | null }>(CAN, { id }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.partner?.viewerCan;
  };

  it.each(OFFICES_AND_MANAGER)(
    '%s: everything on an active bank, and less as it loses its standing',
    async (kind) => {
      const bank = await admitBank();
      expect(await canOn(bank.id, tokens[kind])).toEqual([
        'partner.retire',
        'partner.disqualify',
        'partner.createUser',
        'partner.deactivateUser',
        'agreement.record',
      ]);
      expect(
        (await app.gql(RETIRE, { id: bank.id, reason: '退出合作' }, tokens.FUND_MANAGER)).errors,
      ).toBeUndefined();
      expect(await canOn(bank.id, tokens[kind])).toEqual(['partner.disqualify', 'partner.deactivateUser']);
    },
  );

  it('no cooperation agreement on a guarantor', async () => {
    expect(await canOn(orgId(GUARANTOR_A), tokens.IP_BUREAU)).not.toContain('agreement.record');
  });

  it('the auditor, a bank on itself and a guarantor on itself may do nothing', async () => {
    expect(await canOn(orgId(BANK_A), tokens.AUDITOR)).toEqual([]);
    expect(await canOn(orgId(BANK_A), tokens.LENDING_BANK)).toEqual([]);
    expect(await canOn(orgId(GUARANTOR_A), tokens.GUARANTOR)).toEqual([]);
  });
});
