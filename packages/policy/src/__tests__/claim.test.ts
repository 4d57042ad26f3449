import {
  JIANGBEI_2024 as P,
  allowedClaimActions,
  claimEligibility,
  draftClaim,
  isFinalApproval,
  nextClaimState,
  type ClaimAction,
  type ClaimContext,
  type ClaimSnapshot,
  type OrgKind,
} from '../index';

const eligible = claimEligibility(
  { covered: true, overdue: { overdueDays: 75 }, asOf: '2025-06-01', fundSuspended: false },
  P,
);
const open: ClaimContext = { fundSuspended: false, eligibility: eligible, reason: 'documents incomplete' };

/** Apply steps, failing the test on the first refusal. */
function run(start: ClaimSnapshot, steps: [ClaimAction, OrgKind, Partial<ClaimContext>?][]): ClaimSnapshot {
  return steps.reduce((s, [action, actor, ctx]) => {
    const t = nextClaimState(s, action, actor, { ...open, ...ctx }, P);
    if (!t.ok) throw new Error(`${action} by ${actor} refused: ${t.code}`);
    return t.next;
  }, start);
}

const verifiedTwoParty = (): ClaimSnapshot =>
  run(draftClaim(false), [
    ['SUBMIT', 'LENDING_BANK'],
    ['VERIFY', 'FUND_MANAGER'],
  ]);

describe('R6 claim eligibility', () => {
  it('refuses an uncovered loan and reports a suspended fund without refusing the filing (R7)', () => {
    const x = claimEligibility(
      { covered: false, overdue: { overdueDays: 90 }, asOf: '2025-06-01', fundSuspended: true },
      P,
    );
    expect(x.eligible).toBe(false);
    expect(x.reasons.map((r) => r.code)).toEqual([
      'LOAN_NOT_COVERED',
      'OVERDUE_ENOUGH',
      'FINAL_APPROVAL_HELD',
    ]);
    const y = claimEligibility(
      { covered: true, overdue: { overdueDays: 90 }, asOf: '2025-06-01', fundSuspended: true },
      P,
    );
    expect([y.eligible, y.finalApprovalHeld]).toEqual([true, true]);
    expect(y.reasons).toContainEqual(
      expect.objectContaining({ article: 'Art 19', code: 'FINAL_APPROVAL_HELD' }),
    );
  });
});

describe('R6 claim state machine', () => {
  it('two-party: submit → verify → three approvals in any order → approved → paid', () => {
    const v = verifiedTwoParty();
    const a1 = nextClaimState(v, 'APPROVE', 'FINANCIAL_OFFICE', open, P);
    expect(a1).toMatchObject({
      ok: true,
      finalApproval: false,
      next: { state: 'VERIFIED', approvals: ['FINANCIAL_OFFICE'] },
    });
    const s2 = run(v, [
      ['APPROVE', 'FINANCIAL_OFFICE'],
      ['APPROVE', 'IP_BUREAU'],
    ]);
    expect(isFinalApproval(s2, 'APPROVE', 'FINANCE_BUREAU', P)).toBe(true);
    expect(isFinalApproval(s2, 'APPROVE', 'IP_BUREAU', P)).toBe(false);
    const last = nextClaimState(s2, 'APPROVE', 'FINANCE_BUREAU', open, P);
    expect(last).toMatchObject({ ok: true, finalApproval: true, next: { state: 'APPROVED' } });
    if (!last.ok) throw new Error('unreachable');
    expect(nextClaimState(last.next, 'PAY', 'FUND_MANAGER', open, P)).toMatchObject({
      ok: true,
      next: { state: 'PAID' },
    });
  });

  it('three-party: the guarantor must confirm its share before verification (Art 14)', () => {
    const submitted = run(draftClaim(true), [['SUBMIT', 'LENDING_BANK']]);
    expect(nextClaimState(submitted, 'VERIFY', 'FUND_MANAGER', open, P)).toMatchObject({
      ok: false,
      code: 'GUARANTOR_CONFIRMATION_REQUIRED',
      article: 'Art 14',
      errorCode: 'POLICY_VIOLATION',
    });
    const confirmed = run(submitted, [['CONFIRM_GUARANTOR_SHARE', 'GUARANTOR']]);
    expect(confirmed).toMatchObject({ state: 'GUARANTOR_CONFIRMED', guarantorConfirmed: true });
    expect(run(confirmed, [['VERIFY', 'FUND_MANAGER']]).state).toBe('VERIFIED');
    expect(
      nextClaimState(
        run(draftClaim(false), [['SUBMIT', 'LENDING_BANK']]),
        'CONFIRM_GUARANTOR_SHARE',
        'GUARANTOR',
        open,
        P,
      ),
    ).toMatchObject({
      ok: false,
      code: 'NOT_THREE_PARTY',
    });
  });

  it('return for documents: the bank amends and resubmits; the guarantor confirms again', () => {
    const returned = run(draftClaim(true), [
      ['SUBMIT', 'LENDING_BANK'],
      ['CONFIRM_GUARANTOR_SHARE', 'GUARANTOR'],
      ['RETURN', 'FUND_MANAGER'],
    ]);
    expect(returned).toMatchObject({ state: 'RETURNED', guarantorConfirmed: false });
    const again = run(returned, [['RESUBMIT', 'LENDING_BANK']]);
    expect(again.state).toBe('SUBMITTED');
    expect(nextClaimState(again, 'VERIFY', 'FUND_MANAGER', open, P)).toMatchObject({ ok: false });
    expect(
      nextClaimState(
        run(draftClaim(false), [['SUBMIT', 'LENDING_BANK']]),
        'RETURN',
        'FUND_MANAGER',
        { ...open, reason: ' ' },
        P,
      ),
    ).toMatchObject({
      ok: false,
      code: 'REASON_REQUIRED',
    });
  });

  it('each office signs once; any rejection ends the claim; a rejection needs a reason', () => {
    const s1 = run(verifiedTwoParty(), [['APPROVE', 'IP_BUREAU']]);
    expect(nextClaimState(s1, 'APPROVE', 'IP_BUREAU', open, P)).toMatchObject({
      ok: false,
      code: 'ALREADY_SIGNED',
      errorCode: 'CONFLICT',
    });
    expect(nextClaimState(s1, 'REJECT', 'IP_BUREAU', open, P)).toMatchObject({
      ok: false,
      code: 'ALREADY_SIGNED',
    });
    expect(nextClaimState(s1, 'REJECT', 'FINANCE_BUREAU', { fundSuspended: false }, P)).toMatchObject({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    const rejected = run(s1, [['REJECT', 'FINANCE_BUREAU', { reason: 'collateral not registered' }]]);
    expect(rejected.state).toBe('REJECTED');
    for (const office of ['IP_BUREAU', 'FINANCIAL_OFFICE'] as const) {
      expect(nextClaimState(rejected, 'APPROVE', office, open, P)).toMatchObject({
        ok: false,
        code: 'INVALID_TRANSITION',
      });
    }
  });

  it('only the right organisation kind may take each action (Art 17)', () => {
    const submitted = run(draftClaim(false), [['SUBMIT', 'LENDING_BANK']]);
    expect(nextClaimState(submitted, 'VERIFY', 'LENDING_BANK', open, P)).toMatchObject({
      ok: false,
      code: 'ACTOR_NOT_ALLOWED',
      errorCode: 'FORBIDDEN',
      article: 'Art 17',
    });
    const v = verifiedTwoParty();
    for (const actor of ['FUND_MANAGER', 'LENDING_BANK', 'GUARANTOR', 'ENTERPRISE', 'AUDITOR'] as const) {
      expect(nextClaimState(v, 'APPROVE', actor, open, P)).toMatchObject({
        ok: false,
        code: 'ACTOR_NOT_ALLOWED',
      });
    }
    expect(nextClaimState(draftClaim(false), 'SUBMIT', 'ENTERPRISE', open, P)).toMatchObject({
      ok: false,
      errorCode: 'FORBIDDEN',
    });
    expect(nextClaimState(v, 'PAY', 'FUND_MANAGER', open, P)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    expect(
      nextClaimState(draftClaim(false), 'SUBMIT', 'LENDING_BANK', { fundSuspended: false }, P),
    ).toMatchObject({
      ok: false,
      code: 'ELIGIBILITY_NOT_ASSESSED',
    });
  });

  it('while the fund is suspended: filed, verified and co-signed up to the last signature, which waits (Art 19)', () => {
    const suspended = { fundSuspended: true };
    const twoSigned = run(draftClaim(false), [
      ['SUBMIT', 'LENDING_BANK', suspended],
      ['VERIFY', 'FUND_MANAGER', suspended],
      ['APPROVE', 'IP_BUREAU', suspended],
      ['APPROVE', 'FINANCE_BUREAU', suspended],
    ]);
    expect(twoSigned).toMatchObject({ state: 'VERIFIED', approvals: ['IP_BUREAU', 'FINANCE_BUREAU'] });
    const held = nextClaimState(twoSigned, 'APPROVE', 'FINANCIAL_OFFICE', { ...open, ...suspended }, P);
    expect(held).toMatchObject({
      ok: false,
      code: 'FUND_SUSPENDED',
      article: 'Art 19',
      errorCode: 'POLICY_VIOLATION',
    });
    expect(allowedClaimActions(twoSigned, 'FINANCIAL_OFFICE', { ...open, ...suspended }, P)).toEqual([
      'REJECT',
    ]);
    expect(isFinalApproval(twoSigned, 'APPROVE', 'FINANCIAL_OFFICE', P)).toBe(true);
    // After a resumption the same signature is the final approval.
    const released = nextClaimState(twoSigned, 'APPROVE', 'FINANCIAL_OFFICE', open, P);
    expect(released).toMatchObject({ ok: true, finalApproval: true, next: { state: 'APPROVED' } });
    if (!released.ok) throw new Error('unreachable');
    // The approved claim is paid even if the fund is suspended again meanwhile.
    expect(nextClaimState(released.next, 'PAY', 'FUND_MANAGER', { ...open, ...suspended }, P)).toMatchObject({
      ok: true,
      next: { state: 'PAID' },
    });
  });

  it('lists the actions an actor may take now', () => {
    const submitted = run(draftClaim(false), [['SUBMIT', 'LENDING_BANK']]);
    expect(allowedClaimActions(submitted, 'FUND_MANAGER', open, P)).toEqual(['VERIFY', 'RETURN']);
    expect(allowedClaimActions(verifiedTwoParty(), 'IP_BUREAU', open, P)).toEqual(['APPROVE', 'REJECT']);
    expect(allowedClaimActions(verifiedTwoParty(), 'AUDITOR', open, P)).toEqual([]);
  });
});
