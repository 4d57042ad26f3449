import { RuleReasonType } from '../../graphql/rule-reason.type';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { OrgRefType } from '../org/org.types';
import { EnterpriseRefType } from '../loan/loan.types';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';

export enum RiskLevel {
  NONE = 'NONE',
  WARNING = 'WARNING',
  SUSPENSION_PROPOSED = 'SUSPENSION_PROPOSED',
}
registerEnumType(RiskLevel, {
  name: 'RiskLevel',
  description: 'Art 12: ratio ≥ 5 % → WARNING; ≥ 8 % → SUSPENSION_PROPOSED (suspension needs the IP bureau)',
});

export enum SuggestedAction {
  NONE = 'NONE',
  ISSUE_WARNING = 'ISSUE_WARNING',
  PROPOSE_SUSPENSION = 'PROPOSE_SUSPENSION',
}
registerEnumType(SuggestedAction, {
  name: 'SuggestedRiskAction',
  description: 'What the system proposes the manager does next (a prompt; the rules are checked when acting)',
});

@ObjectType('BankRisk', { description: "A bank's risk ratio at the business date (R4, Art 12)" })
export class BankRiskType {
  @Field(() => OrgRefType)
  bank: OrgRefType;

  @Field(() => DateScalar)
  asOf: string;

  @Field({
    description: 'Exact ratio rounded half-up to 4 decimals, e.g. "0.0523"; the level uses the exact ratio',
  })
  ratio: string;

  @Field(() => RiskLevel)
  level: RiskLevel;

  @Field(() => DecimalScalar, {
    description:
      'Σ IP-pledged principal of covered loans ≥ 15 days overdue or in claim (not cured, not closed)',
  })
  numerator: string;

  @Field(() => DecimalScalar, { description: 'Σ IP-pledged principal of every covered loan the bank issued' })
  denominator: string;

  @Field(() => Int)
  coveredLoans: number;

  @Field(() => Int, { description: 'Covered loans counted in the numerator' })
  atRiskLoans: number;

  @Field(() => [RuleReasonType])
  reasons: RuleReasonType[];

  @Field()
  suspended: boolean;

  @Field(() => DateScalar, { nullable: true })
  suspendedSince: string | null;

  @Field(() => DateScalar, { nullable: true })
  lastWarningOn: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A suspension proposal awaiting the IP bureau (not shown to the bank itself)',
  })
  pendingProposalId: string | null;

  @Field(() => SuggestedAction, { nullable: true, description: 'For the manager; null for the bank itself' })
  suggestedAction: SuggestedAction | null;
}

export enum RiskNoticeKind {
  WARNING = 'WARNING',
  SUSPENSION = 'SUSPENSION',
  SUSPENSION_LIFTED = 'SUSPENSION_LIFTED',
}
registerEnumType(RiskNoticeKind, { name: 'RiskNoticeKind' });

@ObjectType('RiskNotice', {
  description: 'What a bank is told under Art 12: a warning, a suspension, a lift',
})
export class RiskNoticeType {
  @Field(() => ID)
  id: string;

  @Field(() => OrgRefType)
  bank: OrgRefType;

  @Field(() => RiskNoticeKind)
  kind: RiskNoticeKind;

  @Field(() => DateScalar)
  businessDate: string;

  @Field(() => String, { nullable: true, description: 'The ratio the notice rests on, 4 decimals' })
  ratio: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  numerator: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  denominator: string | null;

  @Field()
  comment: string;

  @Field()
  issuedBy: string;

  @Field(() => OrgRefType)
  issuerOrganization: OrgRefType;

  @Field()
  article: string;
}

export enum ProposalStatus {
  PENDING = 'PENDING',
  CONSENTED = 'CONSENTED',
  DECLINED = 'DECLINED',
}
registerEnumType(ProposalStatus, { name: 'SuspensionProposalStatus' });

@ObjectType('SuspensionProposal', {
  description: "The manager's proposal to suspend a bank (Art 12), decided once by the IP bureau",
})
export class SuspensionProposalType {
  @Field(() => ID)
  id: string;

  @Field(() => OrgRefType)
  bank: OrgRefType;

  @Field(() => DateScalar)
  proposedOn: string;

  @Field()
  ratio: string;

  @Field(() => DecimalScalar)
  numerator: string;

  @Field(() => DecimalScalar)
  denominator: string;

  @Field()
  comment: string;

  @Field()
  proposedBy: string;

  @Field(() => ProposalStatus)
  status: ProposalStatus;

  @Field(() => DateScalar, { nullable: true })
  decidedOn: string | null;

  @Field(() => String, { nullable: true })
  decidedBy: string | null;

  @Field(() => String, { nullable: true })
  decisionComment: string | null;
}

@ObjectType('BankSuspension', { description: 'Art 12: suspended from (inclusive) until lifted (exclusive)' })
export class BankSuspensionType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  bankId: string;

  @Field(() => DateScalar)
  suspendedFrom: string;

  @Field(() => DateScalar, { nullable: true })
  liftedOn: string | null;

  @Field(() => String, { nullable: true })
  liftComment: string | null;
}

export enum RiskEventKind {
  OVERDUE = 'OVERDUE',
  DETERIORATION = 'DETERIORATION',
  OTHER = 'OTHER',
}
registerEnumType(RiskEventKind, {
  name: 'RiskEventKind',
  description:
    'Art 16: cannot repay on time; serious deterioration before default; another major adverse event',
});

@ObjectType('RiskEventLoan', { description: 'The loan a risk event is about' })
export class RiskEventLoanType {
  @Field(() => ID)
  id: string;

  @Field()
  contractNo: string;

  @Field(() => OrgRefType)
  bank: OrgRefType;

  @Field(() => OrgRefType, { nullable: true })
  guarantor: OrgRefType | null;

  @Field(() => EnterpriseRefType)
  enterprise: EnterpriseRefType;
}

@ObjectType('RiskEvent', { description: 'Art 16 early warning and its joint verification' })
export class RiskEventType {
  @Field(() => ID)
  id: string;

  @Field(() => RiskEventLoanType)
  loan: RiskEventLoanType;

  @Field(() => RiskEventKind)
  kind: RiskEventKind;

  @Field()
  description: string;

  @Field(() => DateScalar)
  reportedOn: string;

  @Field()
  reportedBy: string;

  @Field(() => OrgRefType)
  reporterOrganization: OrgRefType;

  @Field({ description: 'The manager has recorded the verification' })
  verified: boolean;

  @Field(() => String, { nullable: true })
  verification: string | null;

  @Field(() => String, { nullable: true })
  measures: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'The loan contract was suspended as a measure (Art 16)',
  })
  contractSuspended: boolean | null;

  @Field(() => DateScalar, { nullable: true })
  verifiedOn: string | null;

  @Field(() => String, { nullable: true })
  verifiedBy: string | null;
}

@InputType('ReportRiskEventInput')
export class ReportRiskEventInput {
  @Field(() => ID)
  loanId: string;

  @Field(() => RiskEventKind)
  kind: RiskEventKind;

  @Field()
  @MaxLength(TEXT_LIMITS.comment)
  description: string;
}
