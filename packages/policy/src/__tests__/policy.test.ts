import {
  DEFAULT_POLICY_SET_ID,
  JIANGBEI_2024,
  POLICIES,
  PARAMETER_KEYS,
  PROVISION_KEYS,
  PolicyError,
  findPolicySet,
  selectPolicy,
  validateAgreement,
  validatePolicy,
  type PolicyParameters,
} from '../index';
import { JIANGBEI_AGREEMENT, OTHER_DISTRICT_2025, m, r } from './fixtures';

describe('JIANGBEI_2024 (江北知发〔2024〕8号)', () => {
  it('carries every number of the measures with its article', () => {
    const P = JIANGBEI_2024;
    expect(P.sourceDocument).toBe('江北知发〔2024〕8号');
    expect(P.effectiveFrom).toBe('2024-04-07');
    expect([P.initialCapital.value.toString(), P.initialCapital.article]).toEqual(['10000000.00', 'Art 3']);
    expect([P.tierThreshold.value.toString(), P.tierThreshold.article]).toEqual(['5000000.00', 'Art 11']);
    expect([P.lowTierCapRate.value.toString(), P.highTierCapRate.value.toString()]).toEqual(['0.30', '0.20']);
    expect([P.perLoanCap.value.toString(), P.perEnterpriseYearCap.value.toString()]).toEqual([
      '1500000.00',
      '1500000.00',
    ]);
    expect([P.riskOverdueDays.value, P.riskOverdueDays.article]).toEqual([15, 'Art 12']);
    expect([P.claimOverdueDays.value, P.claimOverdueDays.article]).toEqual([60, 'Art 17']);
    expect([P.warningRatio.value.toString(), P.suspensionRatio.value.toString()]).toEqual(['0.05', '0.08']);
    expect([P.minGuarantorRate.value.toString(), P.minGuarantorRate.article]).toEqual(['0.40', 'Art 14']);
    expect([P.circuitBreakerCumulative.value.toString(), P.circuitBreakerCumulative.article]).toEqual([
      '6000000.00',
      'Art 19',
    ]);
    expect([P.remittanceDays.value, P.remittanceDays.article]).toEqual([30, 'Art 18']);
    expect(P.allowedLoanPurposes.article).toBe('Art 13');
    expect(P.allowedLoanPurposes.value).not.toContain('EQUITY_INVESTMENT');
    expect(P.allowedCollateralKinds.value).toEqual(['PATENT', 'TRADEMARK']);
    expect(P.coSigningOffices.value).toEqual(['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE']);
    expect([P.resumptionVoters.value, P.resumptionVoters.article]).toEqual([
      ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER'],
      'Art 19',
    ]);
  });

  it('names the article of every rule without a number that the portal cites', () => {
    const articles = Object.fromEntries(PROVISION_KEYS.map((k) => [k, JIANGBEI_2024.provisions[k].article]));
    expect(articles).toEqual({
      capitalContribution: 'Art 3, 5',
      programmeGovernance: 'Art 5',
      managerDuties: 'Art 6',
      fundAccounting: 'Art 6.2',
      operationReports: 'Art 6.6',
      enterpriseLibrary: 'Art 6.3',
      annualWorkPlan: 'Art 6.5',
      fundUse: 'Art 7',
      partnerSelection: 'Art 8',
      interestAccount: 'Art 10',
      riskSharing: 'Art 11',
      loanReporting: 'Art 12',
      bankSupervision: 'Art 12',
      bankSuspension: 'Art 12',
      guarantorSharing: 'Art 14',
      partnerRetirement: 'Art 15',
      earlyWarning: 'Art 16',
      claimProcedure: 'Art 17',
      recovery: 'Art 18',
      fundSuspension: 'Art 19',
      audit: 'Art 20',
      blacklist: 'Art 21',
      enterpriseFinancials: 'Art 22',
      partnerEvaluation: 'Art 23',
      termination: 'Art 24',
      fraudExclusion: 'Art 25',
      partnerDisqualification: 'Art 25',
      applicability: 'Art 26',
    });
    // PROVISION_KEYS is the whole list, once each.
    expect([...PROVISION_KEYS].sort()).toEqual(Object.keys(JIANGBEI_2024.provisions).sort());
  });

  it('is consistent and frozen', () => {
    expect(validatePolicy(JIANGBEI_2024)).toEqual([]);
    expect(validatePolicy(OTHER_DISTRICT_2025)).toEqual([]);
    expect(Object.isFrozen(JIANGBEI_2024.tierThreshold)).toBe(true);
    expect(Object.isFrozen(JIANGBEI_2024.allowedLoanPurposes.value)).toBe(true);
  });
});

describe('validatePolicy', () => {
  const codes = (p: PolicyParameters) => validatePolicy(p).map((v) => `${v.article}:${v.code}`);
  it('refuses a warning ratio not below the suspension ratio (Art 12)', () => {
    expect(codes({ ...JIANGBEI_2024, warningRatio: { value: r('0.08'), article: 'Art 12' } })).toEqual([
      'Art 12:WARNING_NOT_BELOW_SUSPENSION',
    ]);
  });
  it('refuses rates outside (0, 1] and non-positive caps, naming the article', () => {
    expect(
      codes({
        ...JIANGBEI_2024,
        lowTierCapRate: { value: r('1.10'), article: 'Art 11' },
        minGuarantorRate: { value: r('0'), article: 'Art 14' },
        perLoanCap: { value: m('0'), article: 'Art 11' },
      }),
    ).toEqual(['Art 11:AMOUNT_NOT_POSITIVE', 'Art 11:RATE_OUT_OF_RANGE', 'Art 14:RATE_OUT_OF_RANGE']);
  });
  it('refuses a circuit breaker above the initial capital, bad day counts and empty lists', () => {
    expect(
      codes({
        ...JIANGBEI_2024,
        circuitBreakerCumulative: { value: m('10000000.01'), article: 'Art 19' },
        claimOverdueDays: { value: 0, article: 'Art 17' },
        remittanceDays: { value: 2.5, article: 'Art 18' },
        allowedCollateralKinds: { value: [], article: 'Art 2, 4' },
        coSigningOffices: { value: ['IP_BUREAU', 'IP_BUREAU'], article: 'Art 17' },
      }),
    ).toEqual([
      'Art 19:BREAKER_ABOVE_CAPITAL',
      'Art 17:DAYS_INVALID',
      'Art 18:DAYS_INVALID',
      'Art 2, 4:LIST_EMPTY',
      'Art 17:LIST_DUPLICATE',
    ]);
  });
  it('refuses resumption voters that are empty, repeated or not programme kinds (Art 19)', () => {
    expect(codes({ ...JIANGBEI_2024, resumptionVoters: { value: [], article: 'Art 19' } })).toEqual([
      'Art 19:LIST_EMPTY',
    ]);
    const bank = [
      'IP_BUREAU',
      'IP_BUREAU',
      'LENDING_BANK',
    ] as unknown as PolicyParameters['resumptionVoters']['value'];
    expect(codes({ ...JIANGBEI_2024, resumptionVoters: { value: bank, article: 'Art 19' } })).toEqual([
      'Art 19:LIST_DUPLICATE',
      'Art 19:LIST_UNKNOWN_VALUE',
    ]);
  });
  it('refuses a parameter or provision that names no article (R11)', () => {
    const v = validatePolicy({
      ...JIANGBEI_2024,
      remittanceDays: { value: 30, article: ' ' },
      provisions: { ...JIANGBEI_2024.provisions, earlyWarning: { article: '' } },
    });
    expect(v.map((x) => `${x.article}:${x.code}:${x.message}`)).toEqual([
      'R11:ARTICLE_MISSING:remittanceDays must name the article it comes from',
      'R11:ARTICLE_MISSING:provisions.earlyWarning must name the article it comes from',
    ]);
  });
  it('refuses a policy without id or with a bad effective date', () => {
    expect(codes({ ...JIANGBEI_2024, id: ' ', effectiveFrom: '2024-02-30' })).toEqual([
      'R11:POLICY_ID_MISSING',
      'R11:EFFECTIVE_FROM_INVALID',
    ]);
  });
});

describe('validateAgreement', () => {
  const codes = (a: Parameters<typeof validateAgreement>[0]) =>
    validateAgreement(a, JIANGBEI_2024).map((v) => `${v.article}:${v.code}`);
  it('accepts the caps with a 40 % guarantor, and an agreement that leaves the fund rates to the caps', () => {
    expect(codes(JIANGBEI_AGREEMENT)).toEqual([]);
    expect(codes({ effectiveFrom: '2024-05-01' })).toEqual([]);
  });
  it('refuses a fund rate above the tier cap (Art 11)', () => {
    expect(codes({ ...JIANGBEI_AGREEMENT, fundRateLowTier: r('0.31') })).toEqual([
      'Art 11:FUND_RATE_ABOVE_TIER_CAP',
    ]);
    expect(codes({ ...JIANGBEI_AGREEMENT, fundRateHighTier: r('0.2001') })).toEqual([
      'Art 11:FUND_RATE_ABOVE_TIER_CAP',
    ]);
    expect(
      validateAgreement({ ...JIANGBEI_AGREEMENT, fundRateLowTier: r('0.31') }, JIANGBEI_2024)[0].message,
    ).toBe('fundRateLowTier 31% exceeds the low-tier cap 30%');
  });
  it('refuses a guarantor rate below 40 % (Art 14) and a zero fund rate', () => {
    expect(codes({ ...JIANGBEI_AGREEMENT, guarantorRate: r('0.35') })).toEqual([
      'Art 14:GUARANTOR_RATE_BELOW_MINIMUM',
    ]);
    expect(codes({ ...JIANGBEI_AGREEMENT, fundRateHighTier: r('0') })).toEqual([
      'Art 11:FUND_RATE_NOT_POSITIVE',
    ]);
  });
  it('refuses fund + guarantor rates over 100 % (R5.8, Art 11); exactly 100 % is allowed', () => {
    expect(codes({ ...JIANGBEI_AGREEMENT, guarantorRate: r('0.71') })).toEqual([
      'Art 11:RATES_EXCEED_WHOLE_LOSS',
    ]);
    expect(codes({ ...JIANGBEI_AGREEMENT, guarantorRate: r('0.70') })).toEqual([]);
    expect(codes({ ...JIANGBEI_AGREEMENT, guarantorRate: r('1.01') })).toEqual([
      'Art 11:RATES_EXCEED_WHOLE_LOSS',
      'Art 11:RATES_EXCEED_WHOLE_LOSS',
      'Art 14:RATE_OUT_OF_RANGE',
    ]);
  });
});

describe('selectPolicy', () => {
  const all = [OTHER_DISTRICT_2025, JIANGBEI_2024];
  it('picks the version in force on a date', () => {
    expect(selectPolicy(all, '2024-04-06')).toBeUndefined();
    expect(selectPolicy(all, '2024-04-07')?.id).toBe('jiangbei-2024');
    expect(selectPolicy(all, '2025-06-30')?.id).toBe('jiangbei-2024');
    expect(selectPolicy(all, '2025-07-01')?.id).toBe('other-2025');
  });
  it('refuses two versions taking effect the same day', () => {
    expect(() => selectPolicy([JIANGBEI_2024, { ...JIANGBEI_2024, id: 'dup' }], '2025-01-01')).toThrow(
      PolicyError,
    );
  });
});

describe('POLICIES (the districts a deployment can be configured with)', () => {
  it('defaults to Jiangbei and finds every set by its id', () => {
    expect(DEFAULT_POLICY_SET_ID).toBe('jiangbei-2024');
    expect(findPolicySet('jiangbei-2024')).toMatchObject({ fixture: false, versions: [JIANGBEI_2024] });
    expect(findPolicySet('other-2025')).toMatchObject({ fixture: true, versions: [OTHER_DISTRICT_2025] });
  });
  it('knows nothing else, not even Object.prototype names', () => {
    for (const id of ['', 'jiangbei', 'JIANGBEI-2024', 'toString', '__proto__', 'constructor']) {
      expect(findPolicySet(id)).toBeUndefined();
    }
  });
  it('holds only consistent, frozen versions under their own ids, one per effective date', () => {
    for (const [id, set] of Object.entries(POLICIES)) {
      expect(set.id).toBe(id);
      expect(set.versions.length).toBeGreaterThan(0);
      for (const p of set.versions) {
        expect(validatePolicy(p)).toEqual([]);
        expect(Object.isFrozen(p.provisions)).toBe(true);
      }
      expect(new Set(set.versions.map((p) => p.effectiveFrom)).size).toBe(set.versions.length);
    }
    expect(Object.isFrozen(POLICIES)).toBe(true);
  });
  it('the fixture district differs from Jiangbei in every number and list', () => {
    const [J, O] = [JIANGBEI_2024, OTHER_DISTRICT_2025];
    const keys = PARAMETER_KEYS;
    // JSON: a structured value (the evaluation weights) compares by its contents.
    for (const k of keys)
      expect([k, JSON.stringify(O[k].value)]).not.toEqual([k, JSON.stringify(J[k].value)]);
  });
});
