import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { OrgRefType } from '../org/org.types';

@ObjectType('PortfolioSummary', { description: 'The loans the caller may see, summed' })
export class PortfolioSummaryType {
  @Field(() => Int)
  loanCount: number;

  @Field(() => DecimalScalar)
  outstandingPrincipal: string;

  @Field(() => Int, { description: 'Not closed, at least one day past the earliest unpaid due date' })
  overdueLoans: number;

  @Field(() => DecimalScalar, { description: 'Outstanding principal of the overdue loans' })
  overduePrincipal: string;

  @Field(() => Int, { description: "Not closed and overdue at least the risk ratio's days (Art 12)" })
  riskOverdueLoans: number;
}

@ObjectType('StatusFigure', { description: 'How many records are in one status, and their amount' })
export class StatusFigureType {
  @Field({ description: 'A LoanStatus or ClaimStatus value' })
  status: string;

  @Field(() => Int)
  count: number;

  @Field(() => DecimalScalar, {
    description: 'Loans: Σ outstanding principal; claims: Σ F (final once approved, else as filed)',
  })
  amount: string;
}

@ObjectType('QuarterFigures', { description: 'One quarter of the programme as the caller sees it' })
export class QuarterFiguresType {
  @Field({ description: '"2026Q3"' })
  quarter: string;

  @Field(() => DateScalar, {
    description: "The quarter's last day; the business date for the running quarter",
  })
  endsOn: string;

  @Field(() => Int)
  loansIssued: number;

  @Field(() => DecimalScalar)
  principalIssued: string;

  @Field(() => Int)
  claimsFiled: number;

  @Field(() => DecimalScalar, { description: 'Σ final F of the claims approved in the quarter' })
  compensationApproved: string;

  @Field(() => DecimalScalar, { description: 'Σ final F of the claims paid in the quarter' })
  compensationPaid: string;

  @Field(() => DecimalScalar, {
    description: 'Σ final F of every visible claim approved up to endsOn (R7, Art 19, for the programme)',
  })
  cumulativeCompensation: string;
}

@ObjectType('RiskPoint')
export class RiskPointType {
  @Field(() => DateScalar)
  asOf: string;

  @Field({ description: 'The risk ratio (R4) on that date, 4 decimals half-up, e.g. "0.0523"' })
  ratio: string;
}

@ObjectType('BankRiskSeries', { description: "A bank's risk ratio over time (Art 12)" })
export class BankRiskSeriesType {
  @Field(() => OrgRefType)
  bank: OrgRefType;

  @Field(() => [RiskPointType], {
    description: 'Month-ends of the last 12 months, then the business date (equal to bankRisks)',
  })
  points: RiskPointType[];
}

@ObjectType('Dashboard', {
  description:
    'The home page: aggregates over exactly what the caller may read (its loans, claims, and the banks whose risk it sees)',
})
export class DashboardType {
  @Field(() => DateScalar)
  asOf: string;

  @Field(() => PortfolioSummaryType)
  portfolio: PortfolioSummaryType;

  @Field(() => [StatusFigureType])
  loansByStatus: StatusFigureType[];

  @Field(() => [StatusFigureType])
  claimsByStatus: StatusFigureType[];

  @Field(() => [QuarterFiguresType], { description: 'The last 8 quarters, oldest first' })
  quarters: QuarterFiguresType[];

  @Field(() => [BankRiskSeriesType], {
    description: 'A bank: its own series; the offices, the manager and the auditor: every bank; others: none',
  })
  riskHistory: BankRiskSeriesType[];
}
