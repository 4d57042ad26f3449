import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Connection } from '../../lib/cursorPager';

/** LoanStatus enum values known to this client; the API may add more (shown raw). */
export type KnownLoanStatus = 'ACTIVE' | 'OVERDUE' | 'IN_CLAIM' | 'COMPENSATED' | 'CLOSED';

/** Why a loan is or is not covered, with the article of the measures (R2). */
export interface CoverageReason {
  article: string;
  code: string;
  message: string;
}

/** One row of the loan ledger. Decimal fields are yuan strings with two decimals ("1500000.00"). */
export interface LoanRow {
  id: string;
  contractNo: string;
  principal: string;
  ipPledgedPrincipal: string;
  outstandingPrincipal: string;
  /** "YYYY-MM-DD" */
  issuedOn: string;
  maturesOn: string;
  purpose: string;
  earliestUnpaidDueDate: string | null;
  statusAsOf: string | null;
  overdueDays: number;
  status: string;
  covered: boolean;
  coverageReasons: CoverageReason[];
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  enterprise: { id: string; name: string };
  bank: { id: string; name: string };
  guarantor: { id: string; name: string } | null;
  /** What the caller may do on this loan now: loan.reportStatus, loan.acknowledge, risk.reportEvent, claim.submit. */
  viewerCan: string[];
}

export interface LoansData {
  loans: Connection<LoanRow>;
}

/** `LoanFilter` of the API (issue 11): every field narrows what the caller sees already. */
export interface LoanFilter {
  bankId?: string | null;
  guarantorId?: string | null;
  enterprise?: string | null;
  status?: KnownLoanStatus[] | null;
  overdueDaysMin?: number | null;
  overdueDaysMax?: number | null;
  issuedFrom?: string | null;
  issuedTo?: string | null;
  contractNo?: string | null;
}

export type LoanSortField =
  'ISSUED_ON' | 'MATURES_ON' | 'PRINCIPAL' | 'OUTSTANDING_PRINCIPAL' | 'EARLIEST_UNPAID_DUE_DATE';

export interface LoansVariables {
  first: number;
  after: string | null;
  filter?: LoanFilter | null;
  orderBy?: { field: LoanSortField; direction: 'ASC' | 'DESC' } | null;
}

const LOAN_ROW_FIELDS = gql`
  fragment LoanRowFields on Loan {
    id
    contractNo
    principal
    ipPledgedPrincipal
    outstandingPrincipal
    issuedOn
    maturesOn
    purpose
    earliestUnpaidDueDate
    statusAsOf
    overdueDays
    status
    covered
    coverageReasons {
      article
      code
      message
    }
    acknowledgedAt
    acknowledgedBy
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
    viewerCan
  }
`;

export const LOANS_QUERY: TypedDocumentNode<LoansData, LoansVariables> = gql`
  query Loans($first: Int, $after: String, $filter: LoanFilter, $orderBy: LoanOrder) {
    loans(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          ...LoanRowFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${LOAN_ROW_FIELDS}
`;

export interface LoanCollateral {
  id: string;
  kind: string;
  registrationNo: string;
  title: string;
}

export interface LoanStatusReport {
  id: string;
  asOf: string;
  outstandingPrincipal: string;
  earliestUnpaidDueDate: string | null;
  closed: boolean;
  source: string;
  fileName: string | null;
  businessDate: string;
}

export interface LoanDetail extends LoanRow {
  collateral: LoanCollateral[];
  statusReports: LoanStatusReport[];
}

export const LOAN_DETAIL_QUERY: TypedDocumentNode<{ loan: LoanDetail | null }, { id: string }> = gql`
  query LoanDetail($id: ID!) {
    loan(id: $id) {
      ...LoanRowFields
      collateral {
        id
        kind
        registrationNo
        title
      }
      statusReports {
        id
        asOf
        outstandingPrincipal
        earliestUnpaidDueDate
        closed
        source
        fileName
        businessDate
      }
    }
  }
  ${LOAN_ROW_FIELDS}
`;

export interface BorrowerOption {
  id: string;
  name: string;
  creditCode: string;
  blacklistedSince: string | null;
  ipAssets: LoanCollateral[];
}

export const REGISTRATION_OPTIONS_QUERY: TypedDocumentNode<
  {
    borrowerOptions: BorrowerOption[];
    guarantorOptions: { id: string; name: string }[];
    portalInfo: { businessDate: string };
  },
  Record<string, never>
> = gql`
  query LoanRegistrationOptions {
    borrowerOptions {
      id
      name
      creditCode
      blacklistedSince
      ipAssets {
        id
        kind
        registrationNo
        title
      }
    }
    guarantorOptions {
      id
      name
    }
    portalInfo {
      businessDate
    }
  }
`;

export interface RegisterLoanInput {
  enterpriseId: string;
  contractNo: string;
  principal: string;
  ipPledgedPrincipal: string;
  guarantorId: string | null;
  issuedOn: string;
  maturesOn: string;
  purpose: string;
  collateralIds: string[];
}

export const REGISTER_LOAN_MUTATION: TypedDocumentNode<
  { registerLoan: LoanRow },
  { input: RegisterLoanInput }
> = gql`
  mutation RegisterLoan($input: RegisterLoanInput!) {
    registerLoan(input: $input) {
      ...LoanRowFields
    }
  }
  ${LOAN_ROW_FIELDS}
`;

export interface ReportLoanStatusInput {
  loanId: string;
  asOf: string;
  outstandingPrincipal: string;
  earliestUnpaidDueDate: string | null;
}

export const REPORT_LOAN_STATUS_MUTATION: TypedDocumentNode<
  { reportLoanStatus: LoanRow },
  { input: ReportLoanStatusInput }
> = gql`
  mutation ReportLoanStatus($input: ReportLoanStatusInput!) {
    reportLoanStatus(input: $input) {
      ...LoanRowFields
    }
  }
  ${LOAN_ROW_FIELDS}
`;

export const ACKNOWLEDGE_LOAN_MUTATION: TypedDocumentNode<{ acknowledgeLoan: LoanRow }, { loanId: string }> =
  gql`
    mutation AcknowledgeLoan($loanId: ID!) {
      acknowledgeLoan(loanId: $loanId) {
        ...LoanRowFields
      }
    }
    ${LOAN_ROW_FIELDS}
  `;

export type LoanTapeMode = 'VALIDATE_ONLY' | 'APPLY_ALL_OR_NOTHING' | 'APPLY_VALID_ROWS';

export interface LoanTapeError {
  line: number;
  column: string | null;
  field: string | null;
  code: string;
  reason: string;
}

export interface LoanTapeResult {
  totalRows: number;
  validRows: number;
  applied: number;
  errors: LoanTapeError[];
}

export const UPLOAD_LOAN_TAPE_MUTATION: TypedDocumentNode<
  { uploadLoanTape: LoanTapeResult },
  { input: { fileName: string; contentBase64: string; mode: LoanTapeMode } }
> = gql`
  mutation UploadLoanTape($input: UploadLoanTapeInput!) {
    uploadLoanTape(input: $input) {
      totalRows
      validRows
      applied
      errors {
        line
        column
        field
        code
        reason
      }
    }
  }
`;

export const LOAN_TAPE_TEMPLATE_QUERY: TypedDocumentNode<
  { loanTapeTemplate: { fileName: string; mimeType: string; contentBase64: string } },
  { format: 'CSV' | 'XLSX' }
> = gql`
  query LoanTapeTemplate($format: TapeFormat!) {
    loanTapeTemplate(format: $format) {
      fileName
      mimeType
      contentBase64
    }
  }
`;
