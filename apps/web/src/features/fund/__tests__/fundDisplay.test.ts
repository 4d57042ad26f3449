import type { AnnualWorkPlan, FundTermination, PlanDecision } from '../fund.graphql';
import {
  currentPlan,
  mayProposeTermination,
  normalizeAmount,
  openPlanYears,
  planDecisionsByOffice,
  terminationAnswersByOffice,
} from '../fundDisplay';

const OFFICES = ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE'];

function decision(
  revision: number,
  orgKind: string,
  d: 'APPROVE' | 'RETURN',
  comment: string | null = null,
): PlanDecision {
  return { revision, orgKind, decision: d, comment, businessDate: '2026-02-01', userName: null };
}

function plan(over: Partial<AnnualWorkPlan> = {}): AnnualWorkPlan {
  return {
    id: 'p1',
    year: 2026,
    revision: 1,
    status: 'SUBMITTED',
    title: '2026年度工作计划',
    summary: '…',
    plannedLoanVolume: null,
    plannedCompensation: null,
    plannedEnterprises: null,
    submittedOn: '2026-01-10',
    approvedOn: null,
    decisions: [],
    viewerCan: [],
    ...over,
  };
}

function termination(over: Partial<FundTermination> = {}): FundTermination {
  return {
    id: 't1',
    status: 'PROPOSED',
    reason: '政策到期',
    effectiveOn: '2026-12-31',
    proposedOrgKind: 'FINANCE_BUREAU',
    proposedOn: '2026-11-01',
    decidedOn: null,
    settledOn: null,
    consents: [],
    viewerCan: [],
    ...over,
  };
}

describe('planDecisionsByOffice', () => {
  it('lists every office of the policy, pending until it decides the current revision', () => {
    const rows = planDecisionsByOffice(
      plan({ decisions: [decision(1, 'FINANCE_BUREAU', 'APPROVE', '同意')] }),
      OFFICES,
    );
    expect(rows.map((r) => [r.orgKind, r.answer, r.comment])).toEqual([
      ['IP_BUREAU', 'PENDING', null],
      ['FINANCE_BUREAU', 'APPROVE', '同意'],
      ['FINANCIAL_OFFICE', 'PENDING', null],
    ]);
  });

  it('a revision after a return is decided afresh: earlier approvals no longer count', () => {
    const rows = planDecisionsByOffice(
      plan({
        revision: 2,
        decisions: [decision(1, 'IP_BUREAU', 'APPROVE'), decision(1, 'FINANCE_BUREAU', 'RETURN', '补充数据')],
      }),
      OFFICES,
    );
    expect(rows.every((r) => r.answer === 'PENDING')).toBe(true);
  });

  it('shows the return on the current revision, and an office outside the list that decided', () => {
    const rows = planDecisionsByOffice(
      plan({
        status: 'RETURNED',
        decisions: [decision(1, 'FINANCIAL_OFFICE', 'RETURN', '补充数据'), decision(1, 'OTHER', 'APPROVE')],
      }),
      OFFICES,
    );
    expect(rows.find((r) => r.orgKind === 'FINANCIAL_OFFICE')).toMatchObject({
      answer: 'RETURN',
      comment: '补充数据',
    });
    expect(rows.map((r) => r.orgKind)).toEqual([...OFFICES, 'OTHER']);
  });
});

describe('plans by year', () => {
  const plans = [plan({ id: 'b', year: 2027 }), plan({ id: 'a', year: 2026 })];
  it('the business year’s plan, else the newest', () => {
    expect(currentPlan(plans, 2026)?.id).toBe('a');
    expect(currentPlan(plans, 2030)?.id).toBe('b');
    expect(currentPlan([], 2026)).toBeUndefined();
  });
  it('a new plan may be submitted for this year or the next, when it has none', () => {
    expect(openPlanYears([], 2026)).toEqual([2026, 2027]);
    expect(openPlanYears([plans[1]], 2026)).toEqual([2027]);
    expect(openPlanYears(plans, 2026)).toEqual([]);
  });
});

describe('terminationAnswersByOffice', () => {
  it('the proposer counts as consenting; the others consent, decline or are pending', () => {
    const rows = terminationAnswersByOffice(
      termination({
        consents: [
          {
            orgKind: 'FINANCE_BUREAU',
            decision: 'CONSENT',
            comment: null,
            businessDate: '2026-11-01',
            userName: '王',
          },
          {
            orgKind: 'IP_BUREAU',
            decision: 'DECLINE',
            comment: '尚有在办',
            businessDate: '2026-11-02',
            userName: null,
          },
        ],
      }),
      OFFICES,
    );
    expect(rows.map((r) => [r.orgKind, r.answer])).toEqual([
      ['FINANCE_BUREAU', 'PROPOSED'],
      ['IP_BUREAU', 'DECLINE'],
      ['FINANCIAL_OFFICE', 'PENDING'],
    ]);
    expect(rows[0]).toMatchObject({ comment: '政策到期', businessDate: '2026-11-01', userName: '王' });
  });

  it('a new proposal only when permitted and nothing live', () => {
    expect(mayProposeTermination(null, true)).toBe(true);
    expect(mayProposeTermination(null, false)).toBe(false);
    expect(mayProposeTermination(termination(), true)).toBe(false);
    expect(mayProposeTermination(termination({ status: 'DECLINED' }), true)).toBe(true);
    expect(mayProposeTermination(termination({ status: 'TERMINATED' }), true)).toBe(false);
  });
});

describe('normalizeAmount', () => {
  it('takes separators and pads to two decimals, by string work', () => {
    expect(normalizeAmount('1,500,000')).toBe('1500000.00');
    expect(normalizeAmount(' 2000000.5 ')).toBe('2000000.50');
    expect(normalizeAmount('9999999999999999.99')).toBe('9999999999999999.99');
  });
  it('refuses signs, three decimals, text, and zero unless zero is allowed', () => {
    expect(normalizeAmount('-1')).toBeNull();
    expect(normalizeAmount('1.005')).toBeNull();
    expect(normalizeAmount('abc')).toBeNull();
    expect(normalizeAmount('0.00')).toBeNull();
    expect(normalizeAmount('0', false)).toBe('0.00');
  });
});
