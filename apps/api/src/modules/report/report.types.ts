import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';

/**
 * GraphQL shapes of the operation report (Art 6.6). The service's views are plain objects of the
 * same fields (never entities); amounts are Decimal strings, ratios four-decimal strings.
 */

@ObjectType('FundReportArticles', {
  description: 'The articles the figures rest on, in the measures in force',
})
export class FundReportArticlesType {
  @Field() report: string;
  @Field() capital: string;
  @Field() fundUse: string;
  @Field() interest: string;
  @Field() recovery: string;
  @Field() breaker: string;
  @Field() risk: string;
}

@ObjectType('FundReportBalances', {
  description: 'Opening and closing balances from the ledger (Art 7, 10, 18)',
})
export class FundReportBalancesType {
  @Field(() => DecimalScalar) principalOpening: string;
  @Field(() => DecimalScalar) principalClosing: string;
  @Field(() => DecimalScalar) interestOpening: string;
  @Field(() => DecimalScalar) interestClosing: string;
  @Field(() => DecimalScalar) recoveriesReceivableOpening: string;
  @Field(() => DecimalScalar) recoveriesReceivableClosing: string;
}

@ObjectType('FundReportFlows', {
  description: 'Movements of the period, net of reversals, from ledger lines',
})
export class FundReportFlowsType {
  @Field(() => DecimalScalar) capitalReceived: string;
  @Field(() => DecimalScalar) compensationPaid: string;
  @Field(() => DecimalScalar, { description: "The fund's share of recoveries banks reported (Art 18)" })
  recoveriesRecognised: string;
  @Field(() => DecimalScalar, { description: 'Remittances received into the principal account (Art 18)' })
  recoveriesReceived: string;
  @Field(() => DecimalScalar) interestIncome: string;
  @Field(() => DecimalScalar) programmeCosts: string;
  @Field(() => DecimalScalar) returnedToFunder: string;
}

@ObjectType('FundReportCountAmount')
export class CountAmountType {
  @Field(() => Int) count: number;
  @Field(() => DecimalScalar) amount: string;
}

@ObjectType('FundReportLoansCovered')
export class LoansCoveredType {
  @Field(() => Int) count: number;
  @Field(() => DecimalScalar) principal: string;
  @Field(() => DecimalScalar) ipPledged: string;
}

@ObjectType('FundReportLoansOutstanding')
export class LoansOutstandingType {
  @Field(() => Int) count: number;
  @Field(() => DecimalScalar) outstanding: string;
  @Field(() => DecimalScalar) ipPledged: string;
}

@ObjectType('FundReportLoanGroup', { description: 'Covered loans of one bank or guarantor (or the total)' })
export class LoanGroupType {
  @Field(() => ID, { nullable: true }) orgId: string | null;
  @Field() name: string;
  @Field(() => LoansCoveredType, { description: 'Issued in the period' }) coveredInPeriod: LoansCoveredType;
  @Field(() => LoansOutstandingType, { description: 'Outstanding at the end of the period' })
  outstandingAtEnd: LoansOutstandingType;
}

@ObjectType('FundReportLoans')
export class FundReportLoansType {
  @Field(() => [LoanGroupType]) byBank: LoanGroupType[];
  @Field(() => [LoanGroupType]) byGuarantor: LoanGroupType[];
  @Field(() => LoanGroupType) total: LoanGroupType;
}

@ObjectType('FundReportBankRisk', {
  description: "A bank's overdue and risk ratios at the period's end (Art 12)",
})
export class BankRiskLineType {
  @Field(() => ID) bankId: string;
  @Field() name: string;
  @Field(() => Int) coveredLoans: number;
  @Field(() => DecimalScalar) outstanding: string;
  @Field(() => Int) overdueLoans: number;
  @Field(() => DecimalScalar) overdueAmount: string;
  @Field() overdueRatio: string;
  @Field() riskRatio: string;
  @Field() riskLevel: string;
}

@ObjectType('FundReportSupervisionItem')
export class SupervisionItemType {
  @Field(() => DateScalar) on: string;
  @Field({ description: 'The bank or enterprise concerned' }) subject: string;
  @Field({ description: 'WARNING, SUSPENSION, SUSPENSION_LIFTED, PROPOSED, CONSENTED, DECLINED, APPROVED' })
  kind: string;
  @Field() comment: string;
}

@ObjectType('FundReportSupervision')
export class SupervisionType {
  @Field(() => [SupervisionItemType], {
    description: 'Notices to banks: warnings, suspensions, lifts (Art 12)',
  })
  warnings: SupervisionItemType[];
  @Field(() => [SupervisionItemType], { description: 'Suspension proposals and decisions (Art 12)' })
  suspensions: SupervisionItemType[];
  @Field(() => [SupervisionItemType], { description: 'Blacklist decisions (Art 21)' })
  blacklist: SupervisionItemType[];
}

@ObjectType('FundReportClaimStatus')
export class ClaimStatusLineType {
  @Field() status: string;
  @Field(() => Int) count: number;
  @Field(() => DecimalScalar) lossBase: string;
  @Field(() => DecimalScalar) fundShare: string;
}

@ObjectType('FundReportClaimsFiled')
export class ClaimsFiledType {
  @Field(() => Int) count: number;
  @Field(() => DecimalScalar) lossBase: string;
}

@ObjectType('FundReportClaimsDecided')
export class ClaimsDecidedType {
  @Field(() => Int) count: number;
  @Field(() => DecimalScalar) fundShare: string;
}

@ObjectType('FundReportClaims')
export class FundReportClaimsType {
  @Field(() => [ClaimStatusLineType], { description: "By status at the period's end" })
  byStatus: ClaimStatusLineType[];
  @Field(() => ClaimsFiledType) filed: ClaimsFiledType;
  @Field(() => ClaimsDecidedType) approved: ClaimsDecidedType;
  @Field(() => ClaimsDecidedType) paid: ClaimsDecidedType;
}

@ObjectType('FundReportBreaker', {
  description: "The circuit breaker's position at the period's end (Art 19)",
})
export class BreakerType {
  @Field(() => DecimalScalar) threshold: string;
  @Field(() => DecimalScalar) cumulativeAtEnd: string;
  @Field(() => DecimalScalar) remaining: string;
  @Field() reached: boolean;
}

@ObjectType('FundReportQuarterAmount')
export class QuarterAmountType {
  @Field() quarter: string;
  @Field(() => DecimalScalar) amount: string;
}

@ObjectType('FundReportStatementCollection', {
  description: "Borrowers' quarterly statements (Art 22) for an ended quarter of the period",
})
export class QuarterCollectionSummaryType {
  @Field() quarter: string;
  @Field(() => Int) expected: number;
  @Field(() => Int) submitted: number;
  @Field(() => Int) missing: number;
  @Field(() => [String]) missingEnterprises: string[];
}

@ObjectType('FundReportContent', { description: 'The figures of an operation report (Art 6.6)' })
export class FundReportContentType {
  @Field() period: string;
  @Field() periodLabel: string;
  @Field() kind: string;
  @Field(() => DateScalar) from: string;
  @Field(() => DateScalar) to: string;
  @Field(() => DateScalar, { description: 'Last business day included (the period end, or today)' })
  asOf: string;
  @Field(() => DateScalar) computedOn: string;
  @Field() policyId: string;
  @Field(() => FundReportArticlesType) articles: FundReportArticlesType;
  @Field(() => FundReportBalancesType) balances: FundReportBalancesType;
  @Field(() => FundReportFlowsType) flows: FundReportFlowsType;
  @Field(() => CountAmountType, { description: 'Remittances due by the end and not received (Art 18)' })
  recoveriesOverdue: CountAmountType;
  @Field(() => FundReportLoansType) loans: FundReportLoansType;
  @Field(() => [BankRiskLineType]) riskByBank: BankRiskLineType[];
  @Field(() => SupervisionType) supervision: SupervisionType;
  @Field(() => FundReportClaimsType) claims: FundReportClaimsType;
  @Field(() => BreakerType) breaker: BreakerType;
  @Field(() => [QuarterAmountType]) compensationByQuarter: QuarterAmountType[];
  @Field(() => [QuarterCollectionSummaryType]) financials: QuarterCollectionSummaryType[];
}

@ObjectType('FundReportAcknowledgement')
export class ReportAcknowledgementType {
  @Field() orgKind: string;
  @Field() orgName: string;
  @Field() userName: string;
  @Field(() => DateScalar) acknowledgedOn: string;
  @Field() acknowledgedAt: Date;
  @Field(() => String, { nullable: true }) comment: string | null;
}

@ObjectType('FundReportVersion', { description: 'An issued, frozen version of a report' })
export class ReportVersionType {
  @Field(() => ID) id: string;
  @Field() period: string;
  @Field(() => Int) version: number;
  @Field({ description: 'sha256 of the canonical JSON of the frozen figures' }) contentHash: string;
  @Field({ description: 'The stored figures still hash to contentHash' }) hashVerified: boolean;
  @Field(() => String, { nullable: true, description: 'Why this version corrects the previous one' })
  reason: string | null;
  @Field(() => DateScalar) issuedOn: string;
  @Field() issuedByName: string;
  @Field() issuedAt: Date;
  @Field(() => [ReportAcknowledgementType]) acknowledgements: ReportAcknowledgementType[];
  @Field(() => [String], { description: 'Offices that have not acknowledged this version' })
  pendingOffices: string[];
}

@ObjectType('FundReport', { description: 'The operation report of a quarter or year (Art 6.6)' })
export class FundReportType {
  @Field() period: string;
  @Field() label: string;
  @Field({ description: 'DRAFT (computed live, not issued) or ISSUED (the latest version, frozen)' })
  status: string;
  @Field(() => Int, { nullable: true }) version: number | null;
  @Field(() => [ReportVersionType]) versions: ReportVersionType[];
  @Field(() => FundReportContentType) content: FundReportContentType;
  @Field(() => [String], {
    description: 'report.issue / report.acknowledge when the caller may take them now',
  })
  viewerCan: string[];
  @Field({ description: 'Download links (same login)' }) xlsxUrl: string;
  @Field() pdfUrl: string;
}

@ObjectType('FundReportSummary')
export class FundReportSummaryType {
  @Field() period: string;
  @Field() label: string;
  @Field() status: string;
  @Field(() => Int, { nullable: true }) latestVersion: number | null;
  @Field(() => [ReportVersionType]) versions: ReportVersionType[];
  @Field(() => [String]) viewerCan: string[];
  @Field() xlsxUrl: string;
  @Field() pdfUrl: string;
}
