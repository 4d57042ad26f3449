import type { OrgKind } from '@ipfund/shared';
import { LoanEntity } from '../../loan/loan.entity';
import { OrganizationEntity } from '../../org/org.entity';
import { EnterpriseEntity, IpAssetEntity } from '../enterprise.entity';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { USER_OF_KIND, creditCode, otherKinds, refusal, tokensByKind } from '../../partner/__tests__/kinds';

let app: TestApp;
let tokens: Record<OrgKind, string>;
let orgs: Map<string, OrganizationEntity>;

const NODE = `id name creditCode district industry blacklisted blacklistedSince blacklistReason
  ipAssets { id kind registrationNo title }`;
const LIST = `query($first: Int, $after: String, $search: String) {
  enterprises(first: $first, after: $after, search: $search) {
    totalCount edges { cursor node { ${NODE} } } pageInfo { hasNextPage endCursor } } }`;
const ONE = `query($id: ID!) { enterprise(id: $id) { ${NODE} } }`;
const CREATE = `mutation($input: CreateEnterpriseInput!) {
  createEnterprise(input: $input) { id name creditCode alreadyInLibrary } }`;
const ADD_IP = `mutation($input: AddIpAssetInput!) { addIpAsset(input: $input) { id kind registrationNo title } }`;

interface EnterpriseNode {
  id: string;
  name: string;
  creditCode: string;
  blacklisted: boolean;
  ipAssets: { id: string; kind: string; registrationNo: string; title: string }[];
}
interface ListData {
  enterprises: {
    totalCount: number;
    edges: { cursor: string; node: EnterpriseNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const EDITORS: OrgKind[] = ['FUND_MANAGER', 'LENDING_BANK'];
const BANK_A = '重庆银行江北支行';
const BANK_B = '中国工商银行重庆江北支行';
const orgId = (name: string) => orgs.get(name)!.id;
let serial = 100;
const nextCode = () => creditCode(++serial);

async function allVisible(token: string, search?: string): Promise<{ ids: string[]; totalCount: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    const res = await app.gql<ListData>(LIST, { first: 3, after, search }, token);
    expect(res.errors).toBeUndefined();
    const page: ListData['enterprises'] = res.data!.enterprises;
    totalCount = page.totalCount;
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { ids: [...ids].sort(), totalCount };
}

interface LibraryEntry {
  id: string;
  name: string;
  creditCode: string;
  alreadyInLibrary: boolean;
}

function create(input: Record<string, unknown>, token = tokens.FUND_MANAGER) {
  return app.gql<{ createEnterprise: LibraryEntry }>(
    CREATE,
    { input: { district: '江北区', industry: '软件', ...input } },
    token,
  );
}

/** What each kind should see, computed from the rows (DOMAIN.md §2). */
async function expectedFor(kind: OrgKind, orgIdOfActor: string): Promise<string[]> {
  const enterprises = await app.ds.getRepository(EnterpriseEntity).find();
  const loans = await app.ds.getRepository(LoanEntity).find();
  return enterprises
    .filter((e) => {
      const mine = loans.filter((l) => l.enterpriseId === e.id);
      switch (kind) {
        case 'LENDING_BANK':
          return mine.some((l) => l.bankId === orgIdOfActor) || e.createdByOrgId === orgIdOfActor;
        case 'GUARANTOR':
          return mine.some((l) => l.guarantorId === orgIdOfActor);
        case 'ENTERPRISE':
          return e.organizationId === orgIdOfActor;
        default:
          return true;
      }
    })
    .map((e) => e.id)
    .sort();
}

beforeAll(async () => {
  app = await createTestApp();
  tokens = await tokensByKind(app);
  orgs = new Map((await app.ds.getRepository(OrganizationEntity).find()).map((o) => [o.name, o]));
});
afterAll(() => app.close());

describe('createEnterprise (Art 6.3)', () => {
  it.each(EDITORS)('%s adds an enterprise with its IP items', async (kind) => {
    const code = nextCode();
    const res = await create(
      {
        name: `重庆测试科技有限公司${kind}`,
        creditCode: code,
        ipAssets: [
          { kind: 'PATENT', registrationNo: `zl2024${serial}.1`, title: '一种测试方法' },
          { kind: 'TRADEMARK', registrationNo: `T${serial}`, title: '“测试”商标' },
        ],
      },
      tokens[kind],
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.createEnterprise).toMatchObject({ creditCode: code, alreadyInLibrary: false });
    // The creator sees it at once (a bank before its first loan to it), with its IP items.
    const seen = await app.gql<{ enterprise: EnterpriseNode | null }>(
      ONE,
      { id: res.data!.createEnterprise.id },
      tokens[kind],
    );
    const e = seen.data!.enterprise!;
    expect(e).toMatchObject({ creditCode: code, blacklisted: false });
    expect(e.ipAssets.map((a) => [a.kind, a.registrationNo])).toEqual([
      ['PATENT', `ZL2024${serial}.1`],
      ['TRADEMARK', `T${serial}`],
    ]);
    const row = await app.ds.getRepository(EnterpriseEntity).findOneByOrFail({ id: e.id });
    expect(row.createdByOrgId).toBe((await app.actor(USER_OF_KIND[kind])).orgId);
  });

  it.each(otherKinds(EDITORS))('%s is refused with FORBIDDEN', async (kind) => {
    const code = nextCode();
    const res = await create({ name: '越权企业', creditCode: code }, tokens[kind]);
    expect(refusal(res).code).toBe('FORBIDDEN');
    expect(await app.ds.getRepository(EnterpriseEntity).existsBy({ creditCode: code })).toBe(false);
  });

  it('refuses a credit code with a wrong check character, naming the right one', async () => {
    const good = nextCode();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await create({ name: '校验位错误公司', creditCode: wrongCheck });
    expect(refusal(res).code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain(`should be ${good[17]}`);
    for (const bad of ['91500105MA5U1A2B3', '91500105MA5U1A2B3AX', '91500105MA5U1A2BIA']) {
      expect(refusal(await create({ name: '格式错误公司', creditCode: bad })).code).toBe('BAD_USER_INPUT');
    }
  });

  it('normalises case and spaces; a code already in the library answers with that entry, unchanged', async () => {
    const code = '91500105MA5U1A2B3A'; // a demo enterprise's
    const existing = await app.ds.getRepository(EnterpriseEntity).findOneByOrFail({ creditCode: code });
    const before = await app.ds.getRepository(EnterpriseEntity).count();
    const dup = await create({ name: '重复信用代码公司', creditCode: ` ${code.toLowerCase()} ` });
    // Issue 8 part 5: no CONFLICT (an existence oracle), no second record, no renaming by the caller.
    expect(dup.data!.createEnterprise).toEqual({
      id: existing.id,
      name: existing.name,
      creditCode: code,
      alreadyInLibrary: true,
    });
    expect(await app.ds.getRepository(EnterpriseEntity).count()).toBe(before);
    const fresh = nextCode();
    const ok = await create({ name: '小写代码公司', creditCode: fresh.toLowerCase() });
    expect(ok.data!.createEnterprise.creditCode).toBe(fresh);
  });

  it('refuses an IP item whose registration number is on record for another enterprise', async () => {
    const existing = await app.ds.getRepository(IpAssetEntity).findOneByOrFail({ kind: 'TRADEMARK' });
    const code = nextCode();
    const res = await create({
      name: '重复商标公司',
      creditCode: code,
      ipAssets: [{ kind: 'TRADEMARK', registrationNo: existing.registrationNo, title: 'x' }],
    });
    expect(refusal(res).code).toBe('CONFLICT');
    // One transaction: the enterprise was not written either.
    expect(await app.ds.getRepository(EnterpriseEntity).existsBy({ creditCode: code })).toBe(false);
  });
});

describe('addIpAsset', () => {
  it.each(EDITORS)('%s adds a patent to an enterprise it can see', async (kind) => {
    const bankA = orgId(BANK_A);
    const borrower = await app.ds.getRepository(LoanEntity).findOneByOrFail({ bankId: bankA });
    const res = await app.gql<{ addIpAsset: { kind: string; registrationNo: string } }>(
      ADD_IP,
      {
        input: {
          enterpriseId: borrower.enterpriseId,
          kind: 'PATENT',
          registrationNo: `ZL-ADD-${kind}`,
          title: '新增专利',
        },
      },
      tokens[kind],
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.addIpAsset).toEqual({
      kind: 'PATENT',
      registrationNo: `ZL-ADD-${kind}`,
      title: '新增专利',
      id: expect.any(String),
    });
    const one = await app.gql<{ enterprise: EnterpriseNode }>(
      ONE,
      { id: borrower.enterpriseId },
      tokens[kind],
    );
    expect(one.data!.enterprise.ipAssets.map((a) => a.registrationNo)).toContain(`ZL-ADD-${kind}`);
  });

  it.each(otherKinds(EDITORS))('%s is refused with FORBIDDEN', async (kind) => {
    const e = await app.ds
      .getRepository(EnterpriseEntity)
      .findOneByOrFail({ name: '重庆智芯微电子有限公司' });
    const res = await app.gql(
      ADD_IP,
      { input: { enterpriseId: e.id, kind: 'PATENT', registrationNo: `ZL-NO-${kind}`, title: 'x' } },
      tokens[kind],
    );
    expect(refusal(res).code).toBe('FORBIDDEN');
  });

  it('a bank records IP on any library entry (Art 6.3) without seeing it; a missing enterprise is NOT_FOUND', async () => {
    const created = await create({ name: '仅工行可见企业', creditCode: nextCode() }, tokens.LENDING_BANK);
    const id = created.data!.createEnterprise.id;
    const bankB = await app.login('bank-b');
    const input = (enterpriseId: string) => ({
      input: {
        enterpriseId,
        kind: 'PATENT',
        registrationNo: `ZL-NF-${enterpriseId.slice(0, 8)}`,
        title: 'x',
      },
    });
    const shared = await app.gql<{ addIpAsset: { id: string } }>(ADD_IP, input(id), bankB);
    expect(shared.errors).toBeUndefined();
    const [row] = (await app.ds.query(`SELECT enterprise_id FROM ip_assets WHERE id = $1`, [
      shared.data!.addIpAsset.id,
    ])) as { enterprise_id: string }[];
    expect(row.enterprise_id).toBe(id);
    // Recording IP on it does not let bank-b read the enterprise.
    expect((await app.gql(ONE, { id }, bankB)).data).toEqual({ enterprise: null });
    const missing = await app.gql(ADD_IP, input('00000000-0000-4000-8000-000000000000'), bankB);
    expect(refusal(missing).code).toBe('NOT_FOUND');
  });

  it('registration numbers are unique per kind', async () => {
    const e = await app.ds
      .getRepository(EnterpriseEntity)
      .findOneByOrFail({ name: '重庆智芯微电子有限公司' });
    const add = (kind: string) =>
      app.gql(
        ADD_IP,
        { input: { enterpriseId: e.id, kind, registrationNo: 'SAME-123', title: 'x' } },
        tokens.FUND_MANAGER,
      );
    const patent = await add('PATENT');
    expect(patent.errors).toBeUndefined();
    expect((await add('TRADEMARK')).errors).toBeUndefined();
    // The same item again for the same enterprise answers with its record (issue 8 part 5) ...
    const again = await add('PATENT');
    expect(again.errors).toBeUndefined();
    expect((again.data as { addIpAsset: { id: string } }).addIpAsset.id).toBe(
      (patent.data as { addIpAsset: { id: string } }).addIpAsset.id,
    );
    // ... and for another enterprise it is refused: a registration number names one owner.
    const other = await app.ds
      .getRepository(EnterpriseEntity)
      .findOneByOrFail({ creditCode: '91500105MA5U2C4D54' });
    const clash = await app.gql(
      ADD_IP,
      { input: { enterpriseId: other.id, kind: 'PATENT', registrationNo: 'SAME-123', title: 'x' } },
      tokens.FUND_MANAGER,
    );
    expect(refusal(clash).code).toBe('CONFLICT');
  });
});

describe('enterprise visibility (DOMAIN.md §2) through GraphQL', () => {
  it.each([
    ['IP_BUREAU', 'ipb'],
    ['FINANCE_BUREAU', 'finance'],
    ['FINANCIAL_OFFICE', 'fo'],
    ['FUND_MANAGER', 'manager'],
    ['AUDITOR', 'auditor'],
    ['LENDING_BANK', 'bank-a'],
    ['LENDING_BANK', 'bank-b'],
    ['LENDING_BANK', 'bank-c'],
    ['GUARANTOR', 'guarantor-a'],
    ['GUARANTOR', 'guarantor-b'],
    ['ENTERPRISE', 'ent-1'],
  ] as [OrgKind, string][])(
    '%s (%s) sees exactly what the rules allow, and counts only that',
    async (kind, username) => {
      const actor = await app.actor(username);
      const expected = await expectedFor(kind, actor.orgId);
      const seen = await allVisible(await app.login(username));
      expect(seen.ids).toEqual(expected);
      expect(seen.totalCount).toBe(expected.length);
      if (['LENDING_BANK', 'GUARANTOR', 'ENTERPRISE'].includes(kind)) {
        const all = await app.ds.getRepository(EnterpriseEntity).count();
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.length).toBeLessThan(all);
      }
    },
  );

  it('an enterprise a bank added is invisible to another bank; enterprise(id) answers null as for a missing id', async () => {
    const created = await create({ name: '银行自建企业', creditCode: nextCode() }, tokens.LENDING_BANK);
    const id = created.data!.createEnterprise.id;
    const bankB = await app.login('bank-b');
    const foreign = await app.gql(ONE, { id }, bankB);
    const missing = await app.gql(ONE, { id: '00000000-0000-4000-8000-000000000000' }, bankB);
    const garbage = await app.gql(ONE, { id: 'x' }, bankB);
    expect(foreign).toEqual({ data: { enterprise: null } });
    expect(missing).toEqual(foreign);
    expect(garbage).toEqual(foreign);
    expect(
      (await app.gql<{ enterprise: { id: string } }>(ONE, { id }, tokens.FUND_MANAGER)).data!.enterprise.id,
    ).toBe(id);
  });

  it('a bank sees the enterprises that borrow from it even when the manager added them', async () => {
    const loan = await app.ds.getRepository(LoanEntity).findOneByOrFail({ bankId: orgId(BANK_B) });
    const res = await app.gql<{ enterprise: { id: string } }>(
      ONE,
      { id: loan.enterpriseId },
      await app.login('bank-b'),
    );
    expect(res.data!.enterprise.id).toBe(loan.enterpriseId);
  });
});

describe('enterprises: search and paging', () => {
  it('searches by a name fragment or a credit code prefix; LIKE wildcards are literal', async () => {
    const byName = await allVisible(tokens.FUND_MANAGER, '智芯');
    const zhixin = await app.ds
      .getRepository(EnterpriseEntity)
      .findOneByOrFail({ name: '重庆智芯微电子有限公司' });
    expect(byName.ids).toEqual([zhixin.id]);
    const byCode = await allVisible(tokens.FUND_MANAGER, '91500105ma5u1');
    expect(byCode.ids).toContain(zhixin.id);
    expect((await allVisible(tokens.FUND_MANAGER, '%')).totalCount).toBe(0);
    const withUnderscore = (await app.ds.getRepository(EnterpriseEntity).find()).filter((e) =>
      e.name.includes('_'),
    );
    expect((await allVisible(tokens.FUND_MANAGER, '_')).ids).toEqual(withUnderscore.map((e) => e.id).sort());
  });

  it('a bank searching finds only what it may see', async () => {
    const created = await create({ name: '搜索隔离测试企业', creditCode: nextCode() }, tokens.LENDING_BANK);
    expect((await allVisible(tokens.LENDING_BANK, '搜索隔离')).ids).toEqual([
      created.data!.createEnterprise.id,
    ]);
    expect((await allVisible(await app.login('bank-b'), '搜索隔离')).totalCount).toBe(0);
  });

  it('pages are disjoint, newest first, and refuse a page above 100 or a forged cursor', async () => {
    const paged = await allVisible(tokens.FUND_MANAGER);
    expect(new Set(paged.ids).size).toBe(paged.ids.length);
    expect(paged.ids.length).toBe(await app.ds.getRepository(EnterpriseEntity).count());
    const first = await app.gql<ListData>(LIST, { first: 100 }, tokens.FUND_MANAGER);
    const names = first.data!.enterprises.edges.map((e) => e.node.name);
    expect(names.at(-1)).toBe('重庆智芯微电子有限公司'); // the first seeded
    expect(refusal(await app.gql(LIST, { first: 101 }, tokens.FUND_MANAGER)).code).toBe('BAD_USER_INPUT');
    expect(refusal(await app.gql(LIST, { first: 5, after: 'Zm9yZ2Vk' }, tokens.FUND_MANAGER)).code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('no N+1: a page of 20 with IP items costs the same statements as a page of 2', async () => {
    const run = (first: number) =>
      app.queries.measure(() => app.gql<ListData>(LIST, { first }, tokens.FUND_MANAGER));
    const small = await run(2);
    const large = await run(20);
    expect(large.result.data!.enterprises.edges.length).toBeGreaterThan(8);
    expect(large.result.data!.enterprises.edges.some((e) => e.node.ipAssets.length > 0)).toBe(true);
    expect(large.statements.length).toBe(small.statements.length);
  });
});
