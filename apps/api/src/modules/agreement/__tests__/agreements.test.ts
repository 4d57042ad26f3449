import type { OrgKind } from '@ipfund/shared';
import { Rate, type CooperationAgreement } from '@ipfund/policy';
import { OrganizationEntity } from '../../org/org.entity';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import {
  OFFICES_AND_MANAGER,
  otherKinds,
  refusal,
  tokensByKind,
  uniqueName,
} from '../../partner/__tests__/kinds';

let app: TestApp;
let tokens: Record<OrgKind, string>;
let orgs: Map<string, OrganizationEntity>;

const FIELDS =
  'id bank { id name } effectiveFrom fundRateLowTier fundRateHighTier guarantorRate inForce recordedOn';
const AGREEMENTS = `query($bankId: ID) { agreements(bankId: $bankId) { ${FIELDS} } }`;
const RECORD = `mutation($input: RecordAgreementInput!) { recordAgreement(input: $input) { ${FIELDS} } }`;

interface Agreement {
  id: string;
  bank: { id: string; name: string };
  effectiveFrom: string;
  fundRateLowTier: string;
  fundRateHighTier: string;
  guarantorRate: string | null;
  inForce: boolean;
}

const BANK_A = '重庆银行江北支行';
const BANK_B = '中国工商银行重庆江北支行';
const BANK_C = '重庆农村商业银行江北支行';
const orgId = (name: string) => orgs.get(name)!.id;

const rates = (a: CooperationAgreement) => ({
  effectiveFrom: a.effectiveFrom,
  low: a.fundRateLowTier?.toString(),
  high: a.fundRateHighTier?.toString(),
  g: a.guarantorRate?.toString(),
});

/** A fresh bank (admitted through the real use case), so version tests do not depend on each other. */
async function freshBank(): Promise<string> {
  const res = await app.gql<{ admitPartner: { id: string } }>(
    'mutation($input: AdmitPartnerInput!) { admitPartner(input: $input) { id } }',
    { input: { kind: 'LENDING_BANK', name: uniqueName('协议测试银行') } },
    tokens.FUND_MANAGER,
  );
  return res.data!.admitPartner.id;
}

function record(
  input: {
    bankId: string;
    effectiveFrom: string;
    fundRateLowTier?: unknown;
    fundRateHighTier?: unknown;
    guarantorRate?: unknown;
  },
  token = tokens.FUND_MANAGER,
) {
  return app.gql<{ recordAgreement: Agreement }>(
    RECORD,
    { input: { fundRateLowTier: '0.30', fundRateHighTier: '0.20', guarantorRate: '0.40', ...input } },
    token,
  );
}

beforeAll(async () => {
  app = await createTestApp();
  tokens = await tokensByKind(app);
  orgs = new Map((await app.ds.getRepository(OrganizationEntity).find()).map((o) => [o.name, o]));
});
afterAll(() => app.close());

describe('agreements: who sees which', () => {
  it.each(['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER', 'AUDITOR'] as OrgKind[])(
    '%s sees the demo agreements of the three banks, each in force',
    async (kind) => {
      const res = await app.gql<{ agreements: Agreement[] }>(AGREEMENTS, {}, tokens[kind]);
      expect(res.errors).toBeUndefined();
      const byBank = new Map(res.data!.agreements.map((a) => [a.bank.name, a]));
      expect(byBank.get(BANK_A)).toMatchObject({
        effectiveFrom: '2024-04-07',
        fundRateLowTier: '0.30',
        fundRateHighTier: '0.20',
        guarantorRate: '0.40',
        inForce: true,
      });
      expect(byBank.get(BANK_B)).toMatchObject({ fundRateLowTier: '0.25', guarantorRate: '0.45' });
      expect(byBank.get(BANK_C)).toMatchObject({ fundRateLowTier: '0.30', guarantorRate: '0.40' });
    },
  );

  it("a bank sees only its own agreement; asking for another bank's answers as for none", async () => {
    const own = await app.gql<{ agreements: Agreement[] }>(AGREEMENTS, {}, tokens.LENDING_BANK);
    expect(own.data!.agreements.map((a) => a.bank.name)).toEqual([BANK_A]);
    const foreign = await app.gql(AGREEMENTS, { bankId: orgId(BANK_B) }, tokens.LENDING_BANK);
    const missing = await app.gql(
      AGREEMENTS,
      { bankId: '00000000-0000-4000-8000-000000000000' },
      tokens.LENDING_BANK,
    );
    expect(foreign).toEqual({ data: { agreements: [] } });
    expect(missing).toEqual(foreign);
  });

  it('a guarantor and an enterprise see no agreement', async () => {
    for (const kind of ['GUARANTOR', 'ENTERPRISE'] as OrgKind[]) {
      const res = await app.gql(AGREEMENTS, {}, tokens[kind]);
      expect(res).toEqual({ data: { agreements: [] } });
    }
  });
});

describe('recordAgreement (Art 8, 11, 14)', () => {
  it.each(OFFICES_AND_MANAGER)('%s records a version', async (kind) => {
    const bankId = await freshBank();
    const res = await record(
      {
        bankId,
        effectiveFrom: '2025-01-01',
        fundRateLowTier: '0.3',
        fundRateHighTier: '0.15',
        guarantorRate: '0.5',
      },
      tokens[kind],
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordAgreement).toMatchObject({
      bank: { id: bankId },
      effectiveFrom: '2025-01-01',
      fundRateLowTier: '0.30',
      fundRateHighTier: '0.15',
      guarantorRate: '0.50',
      inForce: true,
      recordedOn: '2026-11-27',
    });
    const [log] = await app.ds.query(
      `SELECT outcome, org_kind, target_type FROM activity_log WHERE operation = 'agreement.record' AND target_id = $1`,
      [res.data!.recordAgreement.id],
    );
    expect(log).toEqual({ outcome: 'OK', org_kind: kind, target_type: 'CooperationAgreement' });
  });

  it.each(otherKinds(OFFICES_AND_MANAGER))('%s is refused with FORBIDDEN', async (kind) => {
    const res = await record({ bankId: orgId(BANK_A), effectiveFrom: '2026-01-01' }, tokens[kind]);
    expect(refusal(res).code).toBe('FORBIDDEN');
    const [{ n }] = await app.ds.query(
      `SELECT count(*)::int AS n FROM cooperation_agreements WHERE bank_id = $1`,
      [orgId(BANK_A)],
    );
    expect(n).toBe(1);
  });

  it('NOT_FOUND for an unknown bank and for an organisation that is not a bank', async () => {
    for (const bankId of [
      '00000000-0000-4000-8000-000000000000',
      'garbage',
      orgId('重庆三峡融资担保集团股份有限公司'),
    ]) {
      const res = await record({ bankId, effectiveFrom: '2026-01-01' });
      expect(refusal(res).code).toBe('NOT_FOUND');
    }
  });

  it('a fund rate above the tier cap is refused citing Art 11', async () => {
    const bankId = await freshBank();
    const low = await record({ bankId, effectiveFrom: '2025-01-01', fundRateLowTier: '0.31' });
    expect(refusal(low)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 11' });
    expect(low.errors![0].extensions!.details).toMatchObject({
      violations: [expect.objectContaining({ code: 'FUND_RATE_ABOVE_TIER_CAP' })],
    });
    const high = await record({ bankId, effectiveFrom: '2025-01-01', fundRateHighTier: '0.2001' });
    expect(refusal(high)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 11' });
    const zero = await record({ bankId, effectiveFrom: '2025-01-01', fundRateLowTier: '0' });
    expect(refusal(zero)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 11' });
  });

  it('a guarantor rate below 40 % is refused citing Art 14; exactly 40 % is accepted', async () => {
    const bankId = await freshBank();
    const below = await record({ bankId, effectiveFrom: '2025-01-01', guarantorRate: '0.3999' });
    expect(refusal(below)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 14' });
    const exact = await record({ bankId, effectiveFrom: '2025-01-01', guarantorRate: '0.40' });
    expect(exact.errors).toBeUndefined();
  });

  it('fund + guarantor above 100 % of the loss is refused with its article (R5.8)', async () => {
    const bankId = await freshBank();
    const res = await record({
      bankId,
      effectiveFrom: '2025-01-01',
      fundRateLowTier: '0.30',
      guarantorRate: '0.75',
    });
    expect(refusal(res)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 11' });
    expect(res.errors![0].extensions!.details).toMatchObject({
      violations: [expect.objectContaining({ code: 'RATES_EXCEED_WHOLE_LOSS' })],
    });
    // 0.30 + 0.70 is exactly the whole loss: the bank's share is 0, which is allowed.
    const whole = await record({
      bankId,
      effectiveFrom: '2025-01-01',
      fundRateLowTier: '0.30',
      guarantorRate: '0.70',
    });
    expect(whole.errors).toBeUndefined();
  });

  it('the guarantor rate may be omitted (a bank without three-party loans)', async () => {
    const bankId = await freshBank();
    const res = await record({ bankId, effectiveFrom: '2025-01-01', guarantorRate: null });
    expect(res.data!.recordAgreement.guarantorRate).toBeNull();
  });

  it('rates are exact decimal strings between 0 and 1: numbers and out-of-range strings are BAD_USER_INPUT', async () => {
    const bankId = orgId(BANK_C);
    for (const bad of [0.3, '1.5', '-0.1', '0.30001', '30%', 'abc']) {
      const res = await record({ bankId, effectiveFrom: '2026-01-01', fundRateLowTier: bad });
      expect(refusal(res).code).toBe('BAD_USER_INPUT');
    }
  });

  it('an effective date before the measures took effect is refused citing Art 26', async () => {
    const bankId = await freshBank();
    const res = await record({ bankId, effectiveFrom: '2024-04-06' });
    expect(refusal(res)).toEqual({ code: 'POLICY_VIOLATION', article: 'Art 26' });
  });

  it('a recorded version is never edited: a new one must take effect later (CONFLICT), and SQL refuses UPDATE', async () => {
    const same = await record({
      bankId: orgId(BANK_A),
      effectiveFrom: '2024-04-07',
      fundRateLowTier: '0.10',
    });
    expect(refusal(same)).toEqual({ code: 'CONFLICT', article: 'Art 8' });
    const bankId = await freshBank();
    expect((await record({ bankId, effectiveFrom: '2025-06-01' })).errors).toBeUndefined();
    const earlier = await record({ bankId, effectiveFrom: '2025-01-01' });
    expect(refusal(earlier)).toEqual({ code: 'CONFLICT', article: 'Art 8' });
    await expect(app.ds.query(`UPDATE cooperation_agreements SET fund_rate_low_tier = 0.1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(app.ds.query(`DELETE FROM cooperation_agreements`)).rejects.toThrow(/append-only/);
  });

  it('no agreement for a bank that has retired or been disqualified (CONFLICT)', async () => {
    const bankId = await freshBank();
    await app.gql(
      'mutation($id: ID!) { retirePartner(orgId: $id, reason: "退出") { id } }',
      { id: bankId },
      tokens.FUND_MANAGER,
    );
    const res = await record({ bankId, effectiveFrom: '2025-01-01' });
    expect(refusal(res)).toEqual({ code: 'CONFLICT', article: 'Art 15' });
  });
});

describe('versions by effective date', () => {
  it('the version in force on a date is the latest effectiveFrom on or before it', async () => {
    const bankId = orgId(BANK_B);
    const v2 = await record({
      bankId,
      effectiveFrom: '2025-07-01',
      fundRateLowTier: '0.20',
      fundRateHighTier: '0.15',
      guarantorRate: '0.50',
    });
    expect(v2.errors).toBeUndefined();
    // A future version is on record but not yet in force.
    const v3 = await record({
      bankId,
      effectiveFrom: '2027-01-01',
      fundRateLowTier: '0.10',
      fundRateHighTier: '0.10',
      guarantorRate: '0.60',
    });
    expect(v3.data!.recordAgreement.inForce).toBe(false);

    const em = app.ds.manager;
    const svc = app.services.agreements;
    expect(rates(await svc.agreementInForce(em, bankId, '2024-04-07'))).toEqual({
      effectiveFrom: '2024-04-07',
      low: '0.25',
      high: '0.20',
      g: '0.45',
    });
    expect(rates(await svc.agreementInForce(em, bankId, '2025-06-30'))).toMatchObject({ low: '0.25' });
    expect(rates(await svc.agreementInForce(em, bankId, '2025-07-01'))).toEqual({
      effectiveFrom: '2025-07-01',
      low: '0.20',
      high: '0.15',
      g: '0.50',
    });
    expect(rates(await svc.agreementInForce(em, bankId, '2026-12-31'))).toMatchObject({ low: '0.20' });
    expect(rates(await svc.agreementInForce(em, bankId, '2027-01-01'))).toMatchObject({ low: '0.10' });
    // The policy package computes with it directly.
    expect((await svc.agreementInForce(em, bankId, '2025-07-01')).guarantorRate).toBeInstanceOf(Rate);

    const list = await app.gql<{ agreements: Agreement[] }>(AGREEMENTS, { bankId }, tokens.IP_BUREAU);
    expect(list.data!.agreements.map((a) => [a.effectiveFrom, a.inForce])).toEqual([
      ['2027-01-01', false],
      ['2025-07-01', true],
      ['2024-04-07', false],
    ]);
  });

  it('agreementInForce refuses with POLICY_VIOLATION when no version is in force (Art 8), findInForce answers null', async () => {
    const bankId = await freshBank();
    await expect(
      app.services.agreements.agreementInForce(app.ds.manager, bankId, '2026-01-01'),
    ).rejects.toMatchObject({
      code: 'POLICY_VIOLATION',
      article: 'Art 8',
    });
    expect(await app.services.agreements.findInForce(app.ds.manager, bankId, '2026-01-01')).toBeNull();
    await record({ bankId, effectiveFrom: '2026-02-01' });
    await expect(
      app.services.agreements.agreementInForce(app.ds.manager, bankId, '2026-01-31'),
    ).rejects.toMatchObject({
      code: 'POLICY_VIOLATION',
    });
    expect(
      rates(await app.services.agreements.agreementInForce(app.ds.manager, bankId, '2026-02-01')),
    ).toMatchObject({
      effectiveFrom: '2026-02-01',
    });
  });
});
