import type { ClaimComputation } from '../claims.graphql';
import { computationRows } from '../computationRows';

/** DOMAIN.md E2: principal 8,000,000, f 20 %, g 40 %, F0 1,600,000 → F 1,500,000 (per-loan cap). */
const filing: ClaimComputation = {
  asOf: '2026-11-27',
  lossBase: '8000000.00',
  tier: 'HIGH',
  tierCapRate: '0.20',
  fundRate: '0.20',
  fundShareBeforeCaps: '1600000.00',
  fundShareAfterLoanCap: '1500000.00',
  fundShare: '1500000.00',
  guarantorRate: '0.40',
  guarantorShare: '3200000.00',
  bankShare: '3300000.00',
  limitedBy: 'PER_LOAN_CAP',
  enterpriseYearCompensatedSoFar: '0.00',
  enterpriseYearCapReduction: '0.00',
  reasons: [],
};

describe('computationRows', () => {
  it('lists R5 at filing, with no final figures before the final approval', () => {
    const rows = computationRows(filing, null);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.lossBase.filing).toBe('¥8,000,000.00');
    expect(byKey.tier.filing).toBe('高档（上限 20%）');
    expect(byKey.fundRate.filing).toBe('20%');
    expect(byKey.f0.filing).toBe('¥1,600,000.00');
    expect(byKey.f1.filing).toBe('¥1,500,000.00');
    expect(byKey.fundShare.filing).toBe('¥1,500,000.00');
    expect(byKey.guarantorRate.filing).toBe('40%');
    expect(byKey.guarantorShare.filing).toBe('¥3,200,000.00');
    expect(byKey.bankShare.filing).toBe('¥3,300,000.00');
    expect(byKey.limitedBy.filing).toBe('单笔补偿上限');
    expect(rows.every((r) => r.final === null)).toBe(true);
  });

  it('puts the final computation beside it (E4: the enterprise-year cap at the final approval)', () => {
    const final = {
      ...filing,
      enterpriseYearCompensatedSoFar: '1200000.00',
      enterpriseYearCapReduction: '1200000.00',
      fundShare: '300000.00',
      bankShare: '4500000.00',
      limitedBy: 'ENTERPRISE_YEAR_CAP',
    };
    const byKey = Object.fromEntries(computationRows(filing, final).map((r) => [r.key, r]));
    expect(byKey.yearSoFar).toMatchObject({ filing: '¥0.00', final: '¥1,200,000.00' });
    expect(byKey.yearCapReduction).toMatchObject({ filing: '¥0.00', final: '¥1,200,000.00' });
    expect(byKey.fundShare).toMatchObject({ filing: '¥1,500,000.00', final: '¥300,000.00' });
    expect(byKey.limitedBy).toMatchObject({ filing: '单笔补偿上限', final: '企业年度补偿上限' });
  });

  it('shows a two-party loan without a guarantor rate', () => {
    const twoParty = { ...filing, guarantorRate: null, guarantorShare: '0.00' };
    const byKey = Object.fromEntries(computationRows(twoParty, null).map((r) => [r.key, r]));
    expect(byKey.guarantorRate.filing).toBe('—');
    expect(byKey.guarantorShare.filing).toBe('¥0.00');
  });

  it("leaves out the enterprise-year total for a bank (null: other banks' claims), keeping its own reduction", () => {
    const asBank = {
      ...filing,
      enterpriseYearCompensatedSoFar: null,
      enterpriseYearCapReduction: '200000.00',
    };
    const rows = computationRows(asBank, asBank);
    expect(rows.find((r) => r.key === 'yearSoFar')).toBeUndefined();
    expect(rows.find((r) => r.key === 'yearCapReduction')).toMatchObject({
      filing: '¥200,000.00',
      final: '¥200,000.00',
    });
    // No figure is rendered from a null.
    expect(rows.every((r) => r.filing !== 'null' && !r.filing.includes('NaN'))).toBe(true);
  });
});
