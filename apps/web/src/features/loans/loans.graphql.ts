import { gql, type TypedDocumentNode } from '@apollo/client';

/** LoanStatus enum values known to this client; the API may add more (shown raw). */
export type KnownLoanStatus = 'ACTIVE' | 'OVERDUE' | 'CLOSED' | 'CLAIMED';

/** One row of the loan ledger. Decimal fields are yuan strings with two decimals ("1500000.00"). */
export interface LoanRow {
  id: string;
  contractNo: string;
  principal: string;
  ipPledgedPrincipal: string;
  outstandingPrincipal: string;
  /** "YYYY-MM-DD" */
  issuedOn: string;
  overdueDays: number;
  status: string;
  enterprise: { id: string; name: string };
  bank: { id: string; name: string };
  guarantor: { id: string; name: string } | null;
}

export interface LoansData {
  loans: {
    totalCount: number;
    edges: { cursor: string; node: LoanRow }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface LoansVariables {
  first: number;
  after: string | null;
}

export const LOANS_QUERY: TypedDocumentNode<LoansData, LoansVariables> = gql`
  query Loans($first: Int, $after: String) {
    loans(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          contractNo
          principal
          ipPledgedPrincipal
          outstandingPrincipal
          issuedOn
          overdueDays
          status
          enterprise {
            id
            name
          }
          bank {
            id
            name
          }
          guarantor {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
