/**
 * The `policy` query under the default district (no POLICY set): the Jiangbei measures of 2024-04-07,
 * every number with its article, for every logged-in party; nothing for an anonymous caller.
 */
import { JIANGBEI_2024, PROVISION_KEYS } from '@ipfund/policy';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { ok, refusal } from '../../../testing/kinds';
import { POLICY_QUERY, seedParties, type PolicyView } from './fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ seed: false });
  await seedParties(app);
});
afterAll(() => app.close());

describe('policy query (default district: jiangbei-2024)', () => {
  it('answers the Jiangbei measures in force, each number with its article', async () => {
    const { policy } = ok(await app.gql<{ policy: PolicyView }>(POLICY_QUERY, {}, await app.login('bank-a')));
    expect(policy).toMatchObject({
      id: 'jiangbei-2024',
      name: JIANGBEI_2024.name,
      sourceDocument: '江北知发〔2024〕8号',
      effectiveFrom: '2024-04-07',
      initialCapital: { value: '10000000.00', article: 'Art 3', note: '初始资金总额1000万元' },
      tierThreshold: { value: '5000000.00', article: 'Art 11' },
      lowTierCapRate: { value: '0.30', article: 'Art 11' },
      highTierCapRate: { value: '0.20', article: 'Art 11' },
      perLoanCap: { value: '1500000.00', article: 'Art 11' },
      perEnterpriseYearCap: { value: '1500000.00', article: 'Art 11' },
      riskOverdueDays: { value: 15, article: 'Art 12' },
      claimOverdueDays: { value: 60, article: 'Art 17' },
      warningRatio: { value: '0.05', article: 'Art 12' },
      suspensionRatio: { value: '0.08', article: 'Art 12' },
      minGuarantorRate: { value: '0.40', article: 'Art 14' },
      circuitBreakerCumulative: { value: '6000000.00', article: 'Art 19' },
      remittanceDays: { value: 30, article: 'Art 18' },
      allowedLoanPurposes: {
        value: ['IP_OPERATION', 'RND', 'TECH_UPGRADE', 'INDUSTRIALISATION', 'WORKING_CAPITAL'],
        article: 'Art 13',
      },
      allowedCollateralKinds: { value: ['PATENT', 'TRADEMARK'], article: 'Art 2, 4' },
      coSigningOffices: {
        value: ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE'],
        article: 'Art 17',
      },
      resumptionVoters: {
        value: ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER'],
        article: 'Art 19',
      },
    });
    // A parameter without a note answers null, not an empty string.
    expect(policy.riskOverdueDays).toEqual({ value: 15, article: 'Art 12', note: '逾期15天以上 (≥ 15)' });
    expect(policy.provisions).toEqual(
      PROVISION_KEYS.map((key) => ({
        key,
        article: JIANGBEI_2024.provisions[key].article,
        note: JIANGBEI_2024.provisions[key].note ?? null,
      })),
    );
    expect(policy.provisions.find((p) => p.key === 'applicability')?.article).toBe('Art 26');
  });

  it('is the same published text for every logged-in party', async () => {
    for (const user of ['ipb', 'manager', 'guarantor-a', 'auditor']) {
      const res = await app.gql<{ policy: { id: string; claimOverdueDays: { value: number } } }>(
        'query { policy { id claimOverdueDays { value } } }',
        {},
        await app.login(user),
      );
      expect(ok(res).policy).toEqual({ id: 'jiangbei-2024', claimOverdueDays: { value: 60 } });
    }
  });

  it('needs a login', async () => {
    const res = await app.gql('query { policy { id } }');
    expect(res.data).toBeNull();
    expect(refusal(res).code).toBe('UNAUTHENTICATED');
  });

  it('before the measures took effect there is no policy: refused with the applicability article', async () => {
    const token = await app.login('manager');
    const today = app.services.clock.today();
    app.services.clock.set('2024-04-06');
    try {
      const res = await app.gql('query { policy { id } }', {}, token);
      expect(refusal(res)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 26' });
    } finally {
      app.services.clock.set(today);
    }
  });
});
