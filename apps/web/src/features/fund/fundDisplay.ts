import type { AnnualWorkPlan, FundTermination } from './fund.graphql';

/**
 * Pure readings of the fund's governance records for the page. Which offices decide comes from the
 * policy in force (`coSigningOffices`, the same list the API's operations table uses), never from a
 * list written here; what the caller may do comes from `viewerCan` / `viewerPermissions`.
 */

/** One office's answer to the plan's current revision: APPROVE, RETURN, or PENDING (none yet). */
export type OfficeAnswer = 'APPROVE' | 'RETURN' | 'PENDING';

export interface OfficeDecision {
  orgKind: string;
  answer: OfficeAnswer;
  comment: string | null;
  businessDate: string | null;
  userName: string | null;
}

/**
 * Each office's decision on the plan's current revision (a revision after a return is approved
 * afresh, so earlier revisions' approvals no longer count). Offices outside `offices` that decided
 * anyway (a policy changed since) are listed after them, so no decision is hidden.
 */
export function planDecisionsByOffice(plan: AnnualWorkPlan, offices: readonly string[]): OfficeDecision[] {
  const current = plan.decisions.filter((d) => d.revision === plan.revision);
  const kinds = [...offices, ...current.map((d) => d.orgKind).filter((k) => !offices.includes(k))];
  return [...new Set(kinds)].map((orgKind) => {
    // The latest decision of the office on this revision (an office decides once per revision).
    const d = current.filter((x) => x.orgKind === orgKind).at(-1);
    return {
      orgKind,
      answer: d ? (d.decision === 'RETURN' ? 'RETURN' : 'APPROVE') : 'PENDING',
      comment: d?.comment ?? null,
      businessDate: d?.businessDate ?? null,
      userName: d?.userName ?? null,
    };
  });
}

/** The plan of the business date's year, else the newest (plans arrive newest year first). */
export function currentPlan(plans: readonly AnnualWorkPlan[], year: number): AnnualWorkPlan | undefined {
  return plans.find((p) => p.year === year) ?? plans[0];
}

/**
 * The years the manager may submit a new plan for: the business year and the next (the API's range
 * ends there), less those that already have one (a plan is revised, not submitted twice).
 */
export function openPlanYears(plans: readonly AnnualWorkPlan[], year: number): number[] {
  return [year, year + 1].filter((y) => !plans.some((p) => p.year === y));
}

/** One office's answer to a termination proposal: the proposer's proposal counts as its consent. */
export type TerminationAnswer = 'PROPOSED' | 'CONSENT' | 'DECLINE' | 'PENDING';

export interface OfficeTerminationAnswer {
  orgKind: string;
  answer: TerminationAnswer;
  comment: string | null;
  businessDate: string | null;
  userName: string | null;
}

export function terminationAnswersByOffice(
  t: FundTermination,
  offices: readonly string[],
): OfficeTerminationAnswer[] {
  const kinds = [t.proposedOrgKind, ...offices, ...t.consents.map((c) => c.orgKind)];
  return [...new Set(kinds)].map((orgKind) => {
    const c = t.consents.find((x) => x.orgKind === orgKind);
    if (orgKind === t.proposedOrgKind && (!c || c.decision === 'CONSENT')) {
      return {
        orgKind,
        answer: 'PROPOSED',
        comment: t.reason,
        businessDate: t.proposedOn,
        userName: c?.userName ?? null,
      };
    }
    return {
      orgKind,
      answer: c ? (c.decision === 'DECLINE' ? 'DECLINE' : 'CONSENT') : 'PENDING',
      comment: c?.comment ?? null,
      businessDate: c?.businessDate ?? null,
      userName: c?.userName ?? null,
    };
  });
}

/**
 * Whether a new termination may be proposed: the caller's organisation may propose at all
 * (`viewerPermissions`) and no proposal or decision is live (only a declined one may be followed by
 * another). The API checks both again.
 */
export function mayProposeTermination(t: FundTermination | null | undefined, mayPropose: boolean): boolean {
  return mayPropose && (!t || t.status === 'DECLINED');
}

/**
 * An amount as the API takes it ("1,500,000" → "1500000.00"): digits with at most two decimals,
 * separators and spaces dropped; null when it is not one, or when it is zero and `positive` is asked.
 * String work only: a JS number cannot hold every amount exactly.
 */
export function normalizeAmount(input: string, positive = true): string | null {
  const s = input.trim().replace(/[,，\s]/g, '');
  if (!/^(0|[1-9]\d{0,15})(\.\d{1,2})?$/.test(s)) return null;
  const [intPart, frac = ''] = s.split('.');
  if (positive && /^0*$/.test(intPart + frac)) return null;
  return `${intPart}.${frac.padEnd(2, '0')}`;
}
