import { gql, type TypedDocumentNode } from '@apollo/client';

/** One status and how many records are in it, with their amount (decimal string, yuan). */
export interface StatusFigure {
  status: string;
  count: number;
  amount: string;
}

export interface QuarterFigures {
  quarter: string;
  endsOn: string;
  loansIssued: number;
  principalIssued: string;
  claimsFiled: number;
  compensationApproved: string;
  compensationPaid: string;
  cumulativeCompensation: string;
}

export interface BankRiskSeries {
  bank: { id: string; name: string };
  points: { asOf: string; ratio: string }[];
}

/** `Query.dashboard`: aggregates over exactly what the caller may read (issue 11). */
export interface Dashboard {
  asOf: string;
  portfolio: {
    loanCount: number;
    outstandingPrincipal: string;
    overdueLoans: number;
    overduePrincipal: string;
    riskOverdueLoans: number;
  };
  loansByStatus: StatusFigure[];
  claimsByStatus: StatusFigure[];
  quarters: QuarterFigures[];
  riskHistory: BankRiskSeries[];
}

export const DASHBOARD_QUERY: TypedDocumentNode<{ dashboard: Dashboard }, Record<string, never>> = gql`
  query Dashboard {
    dashboard {
      asOf
      portfolio {
        loanCount
        outstandingPrincipal
        overdueLoans
        overduePrincipal
        riskOverdueLoans
      }
      loansByStatus {
        status
        count
        amount
      }
      claimsByStatus {
        status
        count
        amount
      }
      quarters {
        quarter
        endsOn
        loansIssued
        principalIssued
        claimsFiled
        compensationApproved
        compensationPaid
        cumulativeCompensation
      }
      riskHistory {
        bank {
          id
          name
        }
        points {
          asOf
          ratio
        }
      }
    }
  }
`;

export interface RecentLoan {
  id: string;
  contractNo: string;
  bank: { id: string; name: string };
  enterprise: { id: string; name: string };
  outstandingPrincipal: string;
  issuedOn: string;
  overdueDays: number;
  status: string;
}

export interface RecentClaim {
  id: string;
  status: string;
  filedOn: string;
  fundShare: string;
  loan: { id: string; contractNo: string; enterpriseName: string };
}

/** The newest loans the caller sees (the enterprise's and partners' home lists them). */
export const RECENT_LOANS_QUERY: TypedDocumentNode<
  { loans: { totalCount: number; edges: { node: RecentLoan }[] } },
  { first: number }
> = gql`
  query HomeRecentLoans($first: Int) {
    loans(first: $first) {
      totalCount
      edges {
        node {
          id
          contractNo
          bank {
            id
            name
          }
          enterprise {
            id
            name
          }
          outstandingPrincipal
          issuedOn
          overdueDays
          status
        }
      }
    }
  }
`;

/** The newest claims the caller sees. */
export const RECENT_CLAIMS_QUERY: TypedDocumentNode<
  { claims: { totalCount: number; edges: { node: RecentClaim }[] } },
  { first: number }
> = gql`
  query HomeRecentClaims($first: Int) {
    claims(first: $first) {
      totalCount
      edges {
        node {
          id
          status
          filedOn
          fundShare
          loan {
            id
            contractNo
            enterpriseName
          }
        }
      }
    }
  }
`;
