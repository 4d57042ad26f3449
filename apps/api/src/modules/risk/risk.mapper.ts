import { Money, type PolicyParameters } from '@ipfund/policy';
import { toEnterpriseRef } from '../enterprise/enterprise.mapper';
import type {
  BankSuspensionEntity,
  RiskEventEntity,
  RiskNoticeEntity,
  SuspensionProposalEntity,
} from './risk.entity';
import { formatRatio, type BankRiskRow } from './risk.service';
import {
  ProposalStatus,
  RiskEventKind,
  RiskLevel,
  RiskNoticeKind,
  SuggestedAction,
  type BankRiskType,
  type BankSuspensionType,
  type RiskEventType,
  type RiskNoticeType,
  type SuspensionProposalType,
} from './risk.types';

/** Field by field: a new column reaches clients only when added here. */
export function toBankRiskType(row: BankRiskRow): BankRiskType {
  return {
    bank: { id: row.bankId, name: row.bankName },
    asOf: row.asOf,
    ratio: formatRatio(row.risk.ratio),
    level: RiskLevel[row.risk.level],
    numerator: row.risk.numerator.toString(),
    denominator: row.risk.denominator.toString(),
    coveredLoans: row.coveredLoans,
    atRiskLoans: row.atRiskLoans,
    reasons: row.risk.reasons.map((r) => ({ article: r.article, code: r.code, message: r.message })),
    suspended: row.suspendedSince !== null,
    suspendedSince: row.suspendedSince,
    lastWarningOn: row.lastWarningOn,
    pendingProposalId: row.pendingProposalId,
    suggestedAction: row.suggestedAction === null ? null : SuggestedAction[row.suggestedAction],
  };
}

function ratioOf(numerator: string | null, denominator: string | null): string | null {
  if (numerator === null || denominator === null) return null;
  const d = Money.of(denominator);
  return d.isZero() ? null : formatRatio(Money.of(numerator).ratioTo(d));
}

export function toRiskNoticeType(n: RiskNoticeEntity, policy: PolicyParameters): RiskNoticeType {
  if (!n.bank || !n.issuerOrg) throw new Error('toRiskNoticeType needs bank and issuer joined');
  return {
    id: n.id,
    bank: { id: n.bank.id, name: n.bank.name },
    kind: RiskNoticeKind[n.kind],
    businessDate: n.businessDate,
    ratio: ratioOf(n.numerator, n.denominator),
    numerator: n.numerator,
    denominator: n.denominator,
    comment: n.comment,
    issuedBy: n.issuer?.displayName ?? '',
    issuerOrganization: { id: n.issuerOrg.id, name: n.issuerOrg.name },
    article: n.kind === 'WARNING' ? policy.warningRatio.article : policy.provisions.bankSuspension.article,
  };
}

export function toSuspensionProposalType(p: SuspensionProposalEntity): SuspensionProposalType {
  if (!p.bank) throw new Error('toSuspensionProposalType needs the bank joined');
  return {
    id: p.id,
    bank: { id: p.bank.id, name: p.bank.name },
    proposedOn: p.proposedOn,
    ratio: ratioOf(p.numerator, p.denominator) ?? '0.0000',
    numerator: p.numerator,
    denominator: p.denominator,
    comment: p.comment,
    proposedBy: p.proposer?.displayName ?? '',
    status: ProposalStatus[p.status],
    decidedOn: p.decidedOn,
    decidedBy: p.decider?.displayName ?? null,
    decisionComment: p.decisionComment,
  };
}

export function toBankSuspensionType(s: BankSuspensionEntity): BankSuspensionType {
  return {
    id: s.id,
    bankId: s.bankId,
    suspendedFrom: s.suspendedFrom,
    liftedOn: s.liftedOn,
    liftComment: s.liftComment,
  };
}

export function toRiskEventType(e: RiskEventEntity): RiskEventType {
  const loan = e.loan;
  if (!loan?.bank || !loan.enterprise || !e.reporterOrg)
    throw new Error('toRiskEventType needs the loan joined');
  return {
    id: e.id,
    loan: {
      id: loan.id,
      contractNo: loan.contractNo,
      bank: { id: loan.bank.id, name: loan.bank.name },
      guarantor: loan.guarantor ? { id: loan.guarantor.id, name: loan.guarantor.name } : null,
      enterprise: toEnterpriseRef(loan.enterprise),
    },
    kind: RiskEventKind[e.kind],
    description: e.description,
    reportedOn: e.reportedOn,
    reportedBy: e.reporter?.displayName ?? '',
    reporterOrganization: { id: e.reporterOrg.id, name: e.reporterOrg.name },
    verified: e.verifiedBy !== null,
    verification: e.verification,
    measures: e.measures,
    contractSuspended: e.contractSuspended,
    verifiedOn: e.verifiedOn,
    verifiedBy: e.verifier?.displayName ?? null,
  };
}
