import { graphql } from '../../gql';
import type { DashboardQuery, HomeRecentClaimsQuery, HomeRecentLoansQuery } from '../../gql/graphql';

/** `Query.dashboard`: aggregates over exactly what the caller may read (issue 11). Types are generated (apps/web/codegen.ts). */
export type Dashboard = DashboardQuery['dashboard'];
/** One status and how many records are in it, with their amount (decimal string, yuan). */
export type StatusFigure = Dashboard['claimsByStatus'][number];
export type QuarterFigures = Dashboard['quarters'][number];
export type BankRiskSeries = Dashboard['riskHistory'][number];
export type RecentLoan = HomeRecentLoansQuery['loans']['edges'][number]['node'];
export type RecentClaim = HomeRecentClaimsQuery['claims']['edges'][number]['node'];

export const DASHBOARD_QUERY = graphql(`
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
`);

/** The newest loans the caller sees (the enterprise's and partners' home lists them). */
export const RECENT_LOANS_QUERY = graphql(`
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
`);

/** The newest claims the caller sees. */
export const RECENT_CLAIMS_QUERY = graphql(`
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
`);
