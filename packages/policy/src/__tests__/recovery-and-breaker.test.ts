import {
  JIANGBEI_2024 as P,
  PolicyError,
  checkFundOutflow,
  circuitBreaker,
  computeRemittance,
  isFundSuspended,
} from '../index';
import { m } from './fixtures';

describe('R7 circuit breaker after a resumption', () => {
  it('counts again from the cumulative figure recorded at the resumption', () => {
    const base = m('6400000.00');
    expect(isFundSuspended({ cumulative: base }, P)).toBe(true);
    expect(isFundSuspended({ cumulative: base, cumulativeAtLastResumption: base }, P)).toBe(false);
    const a = circuitBreaker(
      { cumulativeBefore: base, claimFundShare: m('500000.00'), cumulativeAtLastResumption: base },
      P,
    );
    expect([a.finalApprovalAllowed, a.cumulativeAfter.toString(), a.suspendedAfter]).toEqual([
      true,
      '6900000.00',
      false,
    ]);
    const b = circuitBreaker(
      { cumulativeBefore: m('12399999.99'), claimFundShare: m('0.01'), cumulativeAtLastResumption: base },
      P,
    );
    expect([b.cumulativeAfter.toString(), b.suspendedAfter]).toEqual(['12400000.00', true]);
    expect(() =>
      isFundSuspended({ cumulative: m('1.00'), cumulativeAtLastResumption: m('2.00') }, P),
    ).toThrow(PolicyError);
  });
});

describe('R8 remittance', () => {
  it('never makes the fund recover more than F in total', () => {
    const first = computeRemittance(
      {
        recovered: m('1800000.00'),
        receivedOn: '2025-03-01',
        fundShare: m('600000.00'),
        lossBase: m('2000000.00'),
      },
      P,
    );
    expect(first.amountOwed.toString()).toBe('540000.00');
    const second = computeRemittance(
      {
        recovered: m('500000.00'),
        receivedOn: '2025-04-01',
        fundShare: m('600000.00'),
        lossBase: m('2000000.00'),
        owedSoFar: first.amountOwed,
      },
      P,
    );
    expect(second.amountOwed.toString()).toBe('60000.00');
    expect(second.reasons).toContainEqual(
      expect.objectContaining({ code: 'CAPPED_AT_FUND_SHARE', article: 'Art 18' }),
    );
  });
  it('rounds R × F ÷ B once', () => {
    // 100.00 × 333,333.33 ÷ 1,000,000.00 = 33.333333 → 33.33
    const x = computeRemittance(
      {
        recovered: m('100.00'),
        receivedOn: '2025-03-01',
        fundShare: m('333333.33'),
        lossBase: m('1000000.00'),
      },
      P,
    );
    expect(x.amountOwed.toString()).toBe('33.33');
  });
  it('refuses impossible inputs', () => {
    expect(() =>
      computeRemittance(
        { recovered: m('1'), receivedOn: '2025-03-01', fundShare: m('2'), lossBase: m('1') },
        P,
      ),
    ).toThrow(PolicyError);
    expect(() =>
      computeRemittance(
        { recovered: m('1'), receivedOn: '2025-03-01', fundShare: m('0'), lossBase: m('0') },
        P,
      ),
    ).toThrow(PolicyError);
  });
});

describe('R1 fund outflows (Art 7, 10, 24)', () => {
  it('lets the principal pay compensation and the interest pay programme costs, nothing else', () => {
    const check = (
      account: 'PRINCIPAL' | 'INTEREST',
      purpose: Parameters<typeof checkFundOutflow>[0]['purpose'],
    ) => checkFundOutflow({ account, purpose, amount: m('100.00'), balance: m('1000.00') }, P);
    expect(check('PRINCIPAL', 'COMPENSATION')).toMatchObject({ ok: true });
    expect(check('INTEREST', 'PROGRAMME_COST')).toMatchObject({ ok: true });
    expect(check('PRINCIPAL', 'TERMINATION_RETURN').reasons[0].article).toBe('Art 24');
    expect(check('PRINCIPAL', 'PROGRAMME_COST')).toMatchObject({ ok: false, article: 'Art 7' });
    expect(check('INTEREST', 'COMPENSATION')).toMatchObject({ ok: false, article: 'Art 10' });
    expect(check('PRINCIPAL', 'LENDING')).toMatchObject({ ok: false, code: 'OUTFLOW_NOT_ALLOWED' });
    expect(check('PRINCIPAL', 'DONATION')).toMatchObject({ ok: false, code: 'OUTFLOW_NOT_ALLOWED' });
  });
  it('never overdraws', () => {
    const x = checkFundOutflow(
      { account: 'PRINCIPAL', purpose: 'COMPENSATION', amount: m('1000.01'), balance: m('1000.00') },
      P,
    );
    expect(x).toMatchObject({ ok: false, code: 'INSUFFICIENT_BALANCE' });
  });
});
