/**
 * Issue 11: every error carries a stable message key with its params, and `Accept-Language` picks the
 * language of its text (English without the header); articles read "Art 12" in English and "第十二条"
 * in Chinese, amounts "¥9,999,999.00" / "9,999,999.00 元".
 */
import { HeaderMap } from '@apollo/server';
import { contextFor } from '../server';
import { createTestApp, type GqlResult, type TestApp } from '../testing/test-app';
import { createEnterprise } from '../testing/factories';
import { orgIdOf, tokensByKind } from '../testing/kinds';
import { registerInput, REGISTER } from '../modules/loan/__tests__/helpers';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const WARN = `mutation($b: ID!, $c: String!) { issueRiskWarning(bankId: $b, comment: $c) { id } }`;

/** An operation over the real server, as the web sends it: with a token and an Accept-Language. */
async function gqlIn(
  lang: string | null,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<GqlResult> {
  const contextValue = await contextFor(app.services, token ? `Bearer ${token}` : undefined);
  const headers = new HeaderMap([['content-type', 'application/json']]);
  if (lang !== null) headers.set('accept-language', lang);
  const res = await app.apollo.executeOperation(
    { query, variables, http: { method: 'POST', headers, search: '', body: { query, variables } } },
    { contextValue },
  );
  if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
  return res.body.singleResult as GqlResult;
}

describe('errors in two languages', () => {
  it('a refusal citing Art 12: the key, raw params and the article as numbers; English text with "Art 12", Chinese with 第十二条', async () => {
    const tokens = await tokensByKind(app);
    const vars = { b: await orgIdOf(app, 'bank-b'), c: '提示' };

    const en = await gqlIn('en', WARN, vars, tokens.FUND_MANAGER);
    const zh = await gqlIn('zh-CN,zh;q=0.9,en;q=0.8', WARN, vars, tokens.FUND_MANAGER);
    const none = await gqlIn(null, WARN, vars, tokens.FUND_MANAGER);

    const ext = en.errors?.[0]?.extensions;
    expect(ext).toMatchObject({
      code: 'POLICY_VIOLATION',
      article: 'Art 12',
      articleNumbers: [12],
      messageKey: 'risk.notBelowWarning',
      params: expect.objectContaining({ article: 'Art 12', level: '5%' }),
    });
    // The same key and params whatever the language: only the text changes.
    expect(zh.errors?.[0]?.extensions).toEqual(ext);
    expect(en.errors?.[0]?.message).toMatch(
      /^The bank's risk ratio .* below the warning level 5% at 2026-11-27 \(Art 12\)$/,
    );
    expect(zh.errors?.[0]?.message).toMatch(/^截至 2026-11-27，该行风险比例 .* 低于第十二条规定的预警线 5%$/);
    expect(zh.errors?.[0]?.message).not.toMatch(/[A-Za-z]{3,}/);
    // API clients without the header read English, as before languages existed.
    expect(none.errors?.[0]?.message).toBe(en.errors?.[0]?.message);
  });

  it('"Contract number … is already registered by your bank" reads in Chinese under zh-CN', async () => {
    const tokens = await tokensByKind(app);
    const ent = await createEnterprise(app);
    const input = registerInput({
      enterpriseId: ent.id,
      principal: '1000000.00',
      issuedOn: '2026-06-01',
      collateralIds: [ent.patentId],
    });
    const first = await gqlIn('zh-CN', REGISTER, { input }, tokens.LENDING_BANK);
    expect(first.errors).toBeUndefined();
    const again = await gqlIn('zh-CN', REGISTER, { input }, tokens.LENDING_BANK);
    expect(again.errors?.[0]).toMatchObject({
      message: `合同编号 ${String(input.contractNo)} 已由贵行登记`,
      extensions: {
        code: 'CONFLICT',
        messageKey: 'loan.contractNoTaken',
        params: { contractNo: input.contractNo },
      },
    });
    const inEnglish = await gqlIn('en-US,en;q=0.9', REGISTER, { input }, tokens.LENDING_BANK);
    expect(inEnglish.errors?.[0]?.message).toBe(
      `Contract number ${String(input.contractNo)} is already registered by your bank`,
    );
  });

  it('a wrong login and a missing record carry keys too (no text without a key)', async () => {
    const login = await gqlIn(
      'zh-CN',
      'mutation { login(username: "nobody-here", password: "x") { token } }',
      {},
    );
    expect(login.errors?.[0]).toMatchObject({
      message: '用户名或密码错误',
      extensions: { code: 'UNAUTHENTICATED', messageKey: 'auth.loginFailed' },
    });
    const tokens = await tokensByKind(app);
    const missing = await gqlIn(
      'zh-CN',
      WARN,
      { b: '00000000-0000-4000-8000-000000000000', c: '提示' },
      tokens.FUND_MANAGER,
    );
    expect(missing.errors?.[0]).toMatchObject({
      message: '银行不存在',
      extensions: { code: 'NOT_FOUND', messageKey: 'common.notFound', params: { what: 'Bank' } },
    });
    // GraphQL's own validation errors: one key, GraphQL's text as the detail.
    const invalid = await gqlIn('zh-CN', '{ noSuchField }', {}, tokens.FUND_MANAGER);
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ messageKey: 'common.invalidRequest' });
    expect(invalid.errors?.[0]?.message).toMatch(/^请求无效：/);
  });
});
