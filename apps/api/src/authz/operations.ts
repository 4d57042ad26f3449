import type { PolicyParameters } from '@ipfund/policy';
import { OPERATIONS, ORG_KINDS, type Operation, type OrgKind } from '@ipfund/shared';
import type { SubjectType } from './ability';

/**
 * One operation of the portal: who may take it (organisation kinds — read from the measures where
 * the measures name them), the article that gives that power, and the record it acts on.
 *
 * The row-level half ("only its own loan", "only the guarantor of this claim") is not written here:
 * an operation with a `subject` may be taken on exactly the records of that subject the actor may
 * read (authz/ability.ts derives a CASL rule per operation from the read rules), so the write scope
 * can never be wider than the read scope, and both are pushed into SQL the same way.
 */
export interface OperationRule {
  /** Organisation kinds that may take the operation at all. */
  readonly kinds: (policy: PolicyParameters) => readonly OrgKind[];
  /** The article of the measures that gives the power (absent for portal mechanics, e.g. the demo clock). */
  readonly article?: (policy: PolicyParameters) => string;
  /** The record the operation acts on; the actor must be able to read it. Absent: creates or acts on the fund. */
  readonly subject?: SubjectType;
  /** What it does, for docs/roles.md. */
  readonly summary: string;
  /**
   * Opens new business (a loan, an enterprise or IP item for lending). A partner that left the
   * programme (retirement: `provisions.partnerRetirement`) may not; it still sees through the
   * business already under way — reports on its loans, claims on them (they stay covered),
   * recoveries and remittances (the recovery article) — which is every operation without this flag.
   */
  readonly newBusiness?: true;
}

const kinds =
  (...k: OrgKind[]) =>
  (): readonly OrgKind[] =>
    k;

/** The three offices, as the measures list them (Art 17), and the fund manager (Art 6). */
const offices = (p: PolicyParameters): readonly OrgKind[] => p.coSigningOffices.value;
const officesAndManager = (p: PolicyParameters): readonly OrgKind[] => [...offices(p), 'FUND_MANAGER'];

/**
 * Every operation of the portal. This table is the only place where organisation kinds are listed
 * for writes; the use-case runner checks it before opening the transaction, and `viewerCan` /
 * `viewerPermissions` answer from it.
 */
export const OPERATION_TABLE: Readonly<Record<Operation, OperationRule>> = {
  // ---- loans (Art 2, 4, 12–14, 16) ----
  'loan.register': {
    kinds: kinds('LENDING_BANK'),
    article: (p) => p.provisions.loanReporting.article,
    newBusiness: true,
    summary: 'Register a loan it issued; coverage decided by the measures in force on the issue date',
  },
  'loan.reportStatus': {
    kinds: kinds('LENDING_BANK'),
    article: (p) => p.provisions.loanReporting.article,
    subject: 'Loan',
    summary: 'Report repayment status of its loan',
  },
  'loan.uploadTape': {
    kinds: kinds('LENDING_BANK'),
    article: (p) => p.provisions.loanReporting.article,
    summary: 'Report statuses in bulk (CSV/XLSX tape) for its loans',
  },
  'loan.acknowledge': {
    kinds: kinds('GUARANTOR'),
    article: (p) => p.provisions.guarantorSharing.article,
    subject: 'Loan',
    summary: 'Acknowledge a loan it guarantees',
  },

  // ---- claims (Art 11, 14, 17–19) ----
  'claim.submit': {
    kinds: kinds('LENDING_BANK'),
    article: (p) => p.provisions.claimProcedure.article,
    subject: 'Loan',
    summary: 'File a compensation claim on its loan overdue long enough',
  },
  'claim.resubmit': {
    kinds: kinds('LENDING_BANK'),
    article: (p) => p.provisions.claimProcedure.article,
    subject: 'Claim',
    summary: 'Resubmit a returned claim',
  },
  'claim.uploadDocument': {
    kinds: kinds('LENDING_BANK'),
    article: (p) => p.provisions.claimProcedure.article,
    subject: 'Claim',
    summary: 'Attach a document to its claim',
  },
  'claim.confirmGuarantorShare': {
    kinds: kinds('GUARANTOR'),
    article: (p) => p.minGuarantorRate.article,
    subject: 'Claim',
    summary: 'Confirm its share of the loss on a loan it guarantees',
  },
  'claim.verify': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.claimProcedure.article,
    subject: 'Claim',
    summary: 'Verify documents, eligibility and amounts',
  },
  'claim.return': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.claimProcedure.article,
    subject: 'Claim',
    summary: 'Return a claim to the bank for more documents',
  },
  'claim.approve': {
    kinds: offices,
    article: (p) => p.coSigningOffices.article,
    subject: 'Claim',
    summary:
      'Co-sign a verified claim (each co-signing office once; the last signature is the final approval)',
  },
  'claim.reject': {
    kinds: offices,
    article: (p) => p.coSigningOffices.article,
    subject: 'Claim',
    summary: 'Reject a claim with a reason, which ends it',
  },
  'claim.pay': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.fundUse.article,
    subject: 'Claim',
    summary: 'Record the payout of an approved claim (posts the fund share out of principal)',
  },
  'recovery.record': {
    kinds: kinds('LENDING_BANK'),
    article: (p) => p.provisions.recovery.article,
    subject: 'Claim',
    summary: 'Record an amount recovered after payout; the fund is owed its share',
  },
  'recovery.remit': {
    kinds: kinds('LENDING_BANK'),
    article: (p) => p.provisions.recovery.article,
    subject: 'Recovery',
    summary: "Record the remittance of the fund's share of a recovery",
  },
  'fund.consentToResume': {
    kinds: (p) => p.resumptionVoters.value,
    article: (p) => p.resumptionVoters.article,
    summary: 'Consent to resume the fund after the circuit breaker (all voters resume it)',
  },

  // ---- bank supervision and early warning (Art 12, 16) ----
  'risk.issueWarning': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.warningRatio.article,
    subject: 'BankRisk',
    summary: 'Send a warning notice to a bank at or above the warning ratio',
  },
  'risk.proposeSuspension': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.suspensionRatio.article,
    subject: 'BankRisk',
    summary: 'Propose suspending a bank at or above the suspension ratio',
  },
  'risk.decideSuspension': {
    kinds: kinds('IP_BUREAU'),
    article: (p) => p.provisions.bankSupervision.article,
    subject: 'SuspensionProposal',
    summary: 'Consent to or refuse a proposed suspension',
  },
  'risk.liftSuspension': {
    kinds: kinds('IP_BUREAU'),
    article: (p) => p.provisions.bankSupervision.article,
    subject: 'BankRisk',
    summary: "Lift a bank's suspension",
  },
  'risk.reportEvent': {
    kinds: kinds('LENDING_BANK', 'GUARANTOR'),
    article: (p) => p.provisions.earlyWarning.article,
    subject: 'Loan',
    summary: 'Report an early-warning event on its loan',
  },
  'risk.verifyEvent': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.earlyWarning.article,
    subject: 'RiskEvent',
    summary: 'Record the joint verification of a risk event and the measures taken',
  },

  // ---- partners (Art 5, 8, 15, 25) ----
  'partner.admit': {
    kinds: officesAndManager,
    article: (p) => p.provisions.partnerSelection.article,
    summary: 'Admit a partner bank or guarantor',
  },
  'partner.retire': {
    kinds: officesAndManager,
    article: (p) => p.provisions.partnerRetirement.article,
    subject: 'Partner',
    summary: 'Retire a partner (its earlier loans stay covered)',
  },
  'partner.disqualify': {
    kinds: officesAndManager,
    article: (p) => p.provisions.partnerDisqualification.article,
    subject: 'Partner',
    summary: 'Disqualify a partner found defrauding or misusing funds',
  },
  'partner.createUser': {
    kinds: officesAndManager,
    article: (p) => p.provisions.partnerSelection.article,
    subject: 'Partner',
    summary: 'Create a user of an organisation',
  },
  'partner.deactivateUser': {
    kinds: officesAndManager,
    article: (p) => p.provisions.partnerSelection.article,
    subject: 'Partner',
    summary: 'Deactivate a user of an organisation',
  },
  'agreement.record': {
    kinds: officesAndManager,
    article: (p) => p.provisions.partnerSelection.article,
    subject: 'Partner',
    summary: "Record a version of a bank's cooperation agreement (rates, validity)",
  },

  // ---- enterprise library and blacklist (Art 6.3, 21) ----
  'enterprise.create': {
    kinds: kinds('FUND_MANAGER', 'LENDING_BANK'),
    article: (p) => p.provisions.enterpriseLibrary.article,
    newBusiness: true,
    summary: 'Add an enterprise to the library (or find the one already there)',
  },
  'enterprise.addIpAsset': {
    kinds: kinds('FUND_MANAGER', 'LENDING_BANK'),
    article: (p) => p.provisions.enterpriseLibrary.article,
    newBusiness: true,
    // The library is shared (Art 6.3): a bank records the IP it takes as pledge on any entry it found
    // by credit code, not only on enterprises it already lends to.
    summary: 'Record a patent or trademark of an enterprise of the library',
  },
  'blacklist.propose': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.blacklist.article,
    subject: 'Enterprise',
    summary: 'Propose blacklisting an enterprise that refuses to repay',
  },
  'blacklist.decide': {
    kinds: kinds('IP_BUREAU'),
    article: (p) => p.provisions.blacklist.article,
    subject: 'BlacklistProposal',
    summary: 'Decide on a blacklist proposal',
  },

  // ---- the fund ledger (Art 3, 6, 7, 10) ----
  'ledger.recordInterestIncome': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.interestAccount.article,
    summary: 'Record interest credited to the interest sub-account',
  },
  'ledger.recordProgrammeCost': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.interestAccount.article,
    summary: 'Pay a programme cost out of the interest sub-account',
  },
  'ledger.reverseTransaction': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.fundAccounting.article,
    summary: 'Reverse a manual ledger transaction (never edited)',
  },
  'ledger.setDepositBank': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.fundUse.article,
    summary: "Name the deposit bank of the fund's special accounts",
  },

  // ---- portal mechanics ----
  'auth.clearLockout': {
    // The programme's operators keep its access (Art 5 organises the programme, Art 6 the manager runs
    // it): they see who is locked out after failed logins and let a user in again.
    kinds: officesAndManager,
    article: (p) => p.provisions.programmeGovernance.article,
    summary: 'See login lock-outs and clear one so the user may log in again',
  },
  'clock.set': {
    // Demo and test only (the clock refuses otherwise): the programme's operators move the business date.
    kinds: officesAndManager,
    summary: 'Move the business date (demo and test only)',
  },

  // ---- operation reports (Art 6.6) and the borrowers' quarterly statements (Art 22) ----
  'report.issue': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.operationReports.article,
    summary:
      'Issue the quarterly or annual operation report (frozen; a correction is a new version with its reason)',
  },
  'report.acknowledge': {
    kinds: offices,
    article: (p) => p.provisions.operationReports.article,
    summary: 'Acknowledge an issued version of the operation report (each office once per version)',
  },
  'financials.submit': {
    kinds: kinds('ENTERPRISE', 'FUND_MANAGER'),
    article: (p) => p.provisions.enterpriseFinancials.article,
    subject: 'Enterprise',
    summary:
      "Submit an enterprise's quarterly financial statement and use of the loan (the manager on its behalf)",
  },
  'financials.correct': {
    kinds: kinds('ENTERPRISE', 'FUND_MANAGER'),
    article: (p) => p.provisions.enterpriseFinancials.article,
    subject: 'Enterprise',
    summary: 'Correct a submitted quarterly statement with a reason (the earlier version is kept)',
  },
  'financials.remind': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.enterpriseFinancials.article,
    subject: 'Enterprise',
    summary: 'Remind an enterprise with an outstanding covered loan whose quarterly statement is missing',
  },

  // ---- every user's own account and inbox (issue 11, 12) ----
  'auth.changePassword': {
    // Every login keeps its own credentials; changing them ends its other sessions.
    kinds: () => ORG_KINDS,
    summary: 'Change its own password (the current one required); every other session of the user ends',
  },
  'notification.markRead': {
    kinds: () => ORG_KINDS,
    summary: 'Mark its own notifications read',
  },

  // ---- remittances confirmed against the bank statement (Art 18; the manager keeps the accounts) ----
  'recovery.confirmRemittance': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.recovery.article,
    subject: 'Recovery',
    summary:
      "Confirm a bank's declared remittance against the bank statement (reference, date received); only this posts it",
  },
  'recovery.rejectRemittance': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.recovery.article,
    subject: 'Recovery',
    summary:
      'Reject a declared remittance not found on the bank statement, with the reason (the share stays owed)',
  },

  // ---- the fund's capital, annual work plan and termination (Art 3, 5, 6.5, 24) ----
  'fund.recordContribution': {
    kinds: kinds('FINANCE_BUREAU'),
    article: (p) => p.provisions.capitalContribution.article,
    summary: 'Record a capital contribution to the fund (posted to the principal); idempotent by key',
  },
  'fund.submitAnnualPlan': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.annualWorkPlan.article,
    summary: "Submit (or, after a return, revise) the fund's annual work plan",
  },
  'fund.approveAnnualPlan': {
    kinds: offices,
    article: (p) => p.provisions.annualWorkPlan.article,
    summary: 'Approve the submitted annual work plan (approved when every office has)',
  },
  'fund.returnAnnualPlan': {
    kinds: offices,
    article: (p) => p.provisions.annualWorkPlan.article,
    summary: 'Return the submitted annual work plan to the manager with a reason',
  },
  'fund.proposeTermination': {
    kinds: offices,
    article: (p) => p.provisions.termination.article,
    summary: 'Propose terminating the fund, with a reason and an effective date (counts as its own consent)',
  },
  'fund.consentToTermination': {
    kinds: offices,
    article: (p) => p.provisions.termination.article,
    summary: 'Consent to the proposed termination (terminated when every office has)',
  },
  'fund.declineTermination': {
    kinds: offices,
    article: (p) => p.provisions.termination.article,
    summary: 'Decline the proposed termination with a reason, which ends the proposal',
  },
  'fund.returnBalance': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.termination.article,
    summary:
      "After termination, once claims under way have finished, return the special account's balance to the funder",
  },

  // ---- audit (Art 20) and the semi-annual partner evaluation (Art 23) ----
  'audit.engage': {
    // Art 20: the IP bureau may commission an audit firm; the firm's users read within the window.
    kinds: kinds('IP_BUREAU'),
    article: (p) => p.provisions.audit.article,
    summary: 'Engage an audit firm for a scope and a time window (its users read only within it)',
  },
  'audit.end': {
    kinds: kinds('IP_BUREAU'),
    article: (p) => p.provisions.audit.article,
    summary: 'End an audit engagement early (the firm reads nothing more)',
  },
  'evaluation.compute': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.partnerEvaluation.article,
    summary: "Compute a half year's evaluation round of the banks and guarantors from the data",
  },
  'evaluation.score': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.partnerEvaluation.article,
    subject: 'PartnerEvaluation',
    summary: "Score a partner's product innovation and work effectiveness in a draft round",
  },
  'evaluation.submit': {
    kinds: kinds('FUND_MANAGER'),
    article: (p) => p.provisions.partnerEvaluation.article,
    summary: 'Submit an evaluation round to the offices (frozen from then on)',
  },
};

// The table and the shared list of names must not drift apart (a new name without a rule, or a rule
// for a name the web cannot know).
for (const name of OPERATIONS) {
  if (!(name in OPERATION_TABLE)) throw new Error(`Operation ${name} has no rule in OPERATION_TABLE`);
}

/** Kinds that may take the operation under the measures in force. */
export function kindsFor(operation: Operation, policy: PolicyParameters): readonly OrgKind[] {
  return OPERATION_TABLE[operation].kinds(policy);
}

export function kindMayTake(kind: OrgKind, operation: Operation, policy: PolicyParameters): boolean {
  return kindsFor(operation, policy).includes(kind);
}

/**
 * May this actor take the operation at all: its kind may, and a retired partner only the business
 * already under way (no `newBusiness` operation).
 */
export function actorMayTake(
  actor: { orgKind: OrgKind; orgRetired: boolean },
  operation: Operation,
  policy: PolicyParameters,
): boolean {
  if (!kindMayTake(actor.orgKind, operation, policy)) return false;
  return !(actor.orgRetired && OPERATION_TABLE[operation].newBusiness);
}

export function articleOf(operation: Operation, policy: PolicyParameters): string | undefined {
  return OPERATION_TABLE[operation].article?.(policy);
}

/** Operations an organisation kind may take at all (for `viewerPermissions` and docs/roles.md). */
export function operationsOf(kind: OrgKind, policy: PolicyParameters): Operation[] {
  return OPERATIONS.filter((op) => kindMayTake(kind, op, policy));
}

/** Operations this actor may take at all (`viewerPermissions`): a retired partner's lose new business. */
export function operationsOfActor(
  actor: { orgKind: OrgKind; orgRetired: boolean },
  policy: PolicyParameters,
): Operation[] {
  return OPERATIONS.filter((op) => actorMayTake(actor, op, policy));
}
