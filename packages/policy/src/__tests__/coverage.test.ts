import { JIANGBEI_2024 as P, isSuspendedOn, loanCoverage, type LoanCoverageInput } from '../index';
import { m } from './fixtures';

const base: LoanCoverageInput = {
  principal: m('3000000.00'),
  ipPledgedPrincipal: m('3000000.00'),
  collateral: [{ kind: 'PATENT', pledgedByBorrower: true }],
  purpose: 'RND',
  issuedOn: '2025-01-10',
  bankIsPartner: true,
  bankSuspensions: [],
};
const failures = (input: Partial<LoanCoverageInput>) => {
  const c = loanCoverage({ ...base, ...input }, P);
  return c.covered ? [] : c.reasons.map((x) => `${x.article}:${x.code}`);
};

describe('R2 loan coverage', () => {
  it('covers a pure IP loan and a combination loan, with the conditions met as reasons', () => {
    const pure = loanCoverage(base, P);
    expect(pure).toMatchObject({ covered: true, loanKind: 'PURE_IP' });
    expect(pure.reasons.map((x) => x.article)).toEqual(
      expect.arrayContaining(['Art 2, 4', 'Art 13', 'Art 12', 'Art 8']),
    );
    const combo = loanCoverage(
      {
        ...base,
        principal: m('6000000.00'),
        ipPledgedPrincipal: m('4000000.00'),
        collateral: [
          { kind: 'OTHER', pledgedByBorrower: true },
          { kind: 'TRADEMARK', pledgedByBorrower: true },
        ],
      },
      P,
    );
    expect(combo).toMatchObject({ covered: true, loanKind: 'COMBINATION' });
  });

  it('after the offices terminated the fund, a loan issued on or after the effective date is not covered (Art 24)', () => {
    expect(failures({ fundTerminatedFrom: '2025-01-10' })).toEqual(['Art 24:FUND_TERMINATED']);
    expect(failures({ fundTerminatedFrom: '2025-01-01' })).toEqual(['Art 24:FUND_TERMINATED']);
    // Issued the day before it took effect: covered, and its claim runs to the end.
    expect(loanCoverage({ ...base, fundTerminatedFrom: '2025-01-11' }, P).covered).toBe(true);
    expect(loanCoverage({ ...base, fundTerminatedFrom: null }, P).covered).toBe(true);
  });

  it('refuses a loan without a patent or trademark pledged by the borrower (Art 2, 4)', () => {
    expect(failures({ collateral: [{ kind: 'OTHER', pledgedByBorrower: true }] })).toEqual([
      'Art 2, 4:NO_IP_COLLATERAL',
    ]);
    expect(failures({ collateral: [{ kind: 'PATENT', pledgedByBorrower: false }] })).toEqual([
      'Art 2, 4:NO_IP_COLLATERAL',
    ]);
    expect(failures({ collateral: [] })).toEqual(['Art 2, 4:NO_IP_COLLATERAL']);
  });

  it.each(['EQUITY_INVESTMENT', 'SECURITIES', 'FUNDS', 'FUTURES', 'OTHER_PROHIBITED'] as const)(
    'refuses purpose %s (Art 13)',
    (purpose) => {
      expect(failures({ purpose })).toEqual(['Art 13:PURPOSE_FORBIDDEN']);
    },
  );
  it.each(['IP_OPERATION', 'RND', 'TECH_UPGRADE', 'INDUSTRIALISATION', 'WORKING_CAPITAL'] as const)(
    'accepts purpose %s (Art 13)',
    (purpose) => {
      expect(failures({ purpose })).toEqual([]);
    },
  );

  it('refuses a loan issued while the bank was suspended; earlier and later loans stay covered (Art 12)', () => {
    const bankSuspensions = [{ from: '2025-01-10' as const, to: '2025-03-01' as const }];
    expect(failures({ bankSuspensions, issuedOn: '2025-01-09' })).toEqual([]);
    expect(failures({ bankSuspensions, issuedOn: '2025-01-10' })).toEqual(['Art 12:BANK_SUSPENDED_AT_ISSUE']);
    expect(failures({ bankSuspensions, issuedOn: '2025-02-28' })).toEqual(['Art 12:BANK_SUSPENDED_AT_ISSUE']);
    expect(failures({ bankSuspensions, issuedOn: '2025-03-01' })).toEqual([]);
    expect(isSuspendedOn([{ from: '2025-01-10' }], '2030-01-01')).toBe(true);
  });

  it('refuses loans of a blacklisted enterprise issued on or after the disqualification (Art 21), and all loans after fraud (Art 25)', () => {
    expect(failures({ enterpriseBlacklistedSince: '2025-01-11' })).toEqual([]);
    expect(failures({ enterpriseBlacklistedSince: '2025-01-10' })).toEqual(['Art 21:ENTERPRISE_BLACKLISTED']);
    expect(failures({ enterpriseExcludedForFraud: true })).toEqual(['Art 25:ENTERPRISE_EXCLUDED_FRAUD']);
  });

  it('refuses a non-partner lender (Art 8) and impossible amounts (Art 11), listing every failure', () => {
    expect(
      failures({ bankIsPartner: false, ipPledgedPrincipal: m('3000000.01'), purpose: 'FUTURES' }),
    ).toEqual(['Art 11:IP_PART_EXCEEDS_PRINCIPAL', 'Art 13:PURPOSE_FORBIDDEN', 'Art 8:NOT_PARTNER_BANK']);
    expect(failures({ ipPledgedPrincipal: m('0') })).toEqual(['Art 11:AMOUNT_NOT_POSITIVE']);
  });
});
