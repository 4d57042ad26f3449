import type { ContributionView, PlanView, TerminationView } from './fund-governance.service';
import {
  AnnualPlanStatus,
  FundTerminationStatus,
  type AnnualWorkPlanType,
  type CapitalContributionType,
  type FundTerminationType,
} from './fund-governance.types';

/** Service views → GraphQL, field by field. */

export function toContributionType(c: ContributionView): CapitalContributionType {
  return {
    id: c.id,
    amount: c.amount.toString(),
    contributedOn: c.contributedOn,
    documentRef: c.documentRef,
    memo: c.memo,
    transactionId: c.transactionId,
    recordedByName: c.recordedByName,
    organizationName: c.organizationName,
    createdAt: c.createdAt,
  };
}

export function toPlanType(p: PlanView): AnnualWorkPlanType {
  return {
    id: p.id,
    year: p.year,
    revision: p.revision,
    status: p.status as AnnualPlanStatus,
    title: p.title,
    summary: p.summary,
    plannedLoanVolume: p.plannedLoanVolume?.toString() ?? null,
    plannedCompensation: p.plannedCompensation?.toString() ?? null,
    plannedEnterprises: p.plannedEnterprises,
    submittedOn: p.submittedOn,
    approvedOn: p.approvedOn,
    decisions: p.decisions.map((d) => ({ ...d })),
  };
}

export function toTerminationType(t: TerminationView): FundTerminationType {
  return {
    id: t.id,
    status: t.status as FundTerminationStatus,
    reason: t.reason,
    effectiveOn: t.effectiveOn,
    proposedOrgKind: t.proposedOrgKind,
    proposedOn: t.proposedOn,
    decidedOn: t.decidedOn,
    settledOn: t.settledOn,
    consents: t.consents.map((c) => ({ ...c })),
  };
}
