/**
 * The names of every operation of the portal (the access kernel's operations table in
 * apps/api/src/authz/operations.ts says who may take each and under which article).
 * The API answers with these names in `viewerPermissions.operations` and in every object's
 * `viewerCan`; the web shows a button only when the name is there, and lists no kinds itself.
 */
export const OPERATIONS = [
  'loan.register',
  'loan.reportStatus',
  'loan.uploadTape',
  'loan.acknowledge',
  'claim.submit',
  'claim.resubmit',
  'claim.confirmGuarantorShare',
  'claim.verify',
  'claim.return',
  'claim.approve',
  'claim.reject',
  'claim.pay',
  'claim.uploadDocument',
  'recovery.record',
  'recovery.remit',
  'fund.consentToResume',
  'risk.issueWarning',
  'risk.proposeSuspension',
  'risk.decideSuspension',
  'risk.liftSuspension',
  'risk.reportEvent',
  'risk.verifyEvent',
  'partner.admit',
  'partner.retire',
  'partner.disqualify',
  'partner.createUser',
  'partner.deactivateUser',
  'agreement.record',
  'enterprise.create',
  'enterprise.addIpAsset',
  'blacklist.propose',
  'blacklist.decide',
  'ledger.recordInterestIncome',
  'ledger.recordProgrammeCost',
  'ledger.reverseTransaction',
  'ledger.setDepositBank',
  'auth.clearLockout',
  'clock.set',
  'recovery.confirmRemittance',
  'recovery.rejectRemittance',
  'fund.recordContribution',
  'fund.submitAnnualPlan',
  'fund.approveAnnualPlan',
  'fund.returnAnnualPlan',
  'fund.proposeTermination',
  'fund.consentToTermination',
  'fund.declineTermination',
  'fund.returnBalance',
  'report.issue',
  'report.acknowledge',
  'financials.submit',
  'financials.correct',
  'financials.remind',
  'auth.changePassword',
  'notification.markRead',
  'audit.engage',
  'audit.end',
  'evaluation.compute',
  'evaluation.score',
  'evaluation.submit',
] as const;

export type Operation = (typeof OPERATIONS)[number];

export function isOperation(value: string): value is Operation {
  return (OPERATIONS as readonly string[]).includes(value);
}

/**
 * What a caller may read, by kind of record (the CASL subjects of apps/api/src/authz/ability.ts).
 * `viewerPermissions.readable` lists those the caller can read at least one of.
 */
export const READABLE_SUBJECTS = [
  'Loan',
  'Enterprise',
  'Partner',
  'Agreement',
  'BlacklistProposal',
  'BankRisk',
  'RiskNotice',
  'SuspensionProposal',
  'RiskEvent',
  'Claim',
  'Recovery',
  'LedgerEntry',
  'ResumptionVote',
  'FundGovernance',
  'FundReport',
  'FinancialStatement',
  // Issue 13: the fund's stress forecast (it ranks every bank's risk: never a bank, guarantor or enterprise).
  'FundForecast',
  'ActivityRecord',
  'PartnerEvaluation',
] as const;

export type ReadableSubject = (typeof READABLE_SUBJECTS)[number];
