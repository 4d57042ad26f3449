import { graphql } from '../../gql';
import type {
  LoanDetailQuery,
  LoanFilter as GeneratedLoanFilter,
  LoanRegistrationOptionsQuery,
  LoanRowFieldsFragment,
  LoanSortField as GeneratedLoanSortField,
  LoanStatus,
  LoanTapeMode as GeneratedLoanTapeMode,
  LoansQuery,
  LoansQueryVariables,
  RegisterLoanInput as GeneratedRegisterLoanInput,
  ReportLoanStatusInput as GeneratedReportLoanStatusInput,
  UploadLoanTapeMutation,
} from '../../gql/graphql';

/** Types generated from the schema (apps/web/codegen.ts); the names other features import stay. */

/** The LoanStatus values of the schema. */
export type KnownLoanStatus = LoanStatus;

/** One row of the loan ledger. Decimal fields are yuan strings with two decimals ("1500000.00"). */
export type LoanRow = LoanRowFieldsFragment;
/** Why a loan is or is not covered, with the article of the measures (R2). */
export type CoverageReason = LoanRow['coverageReasons'][number];
export type LoansData = LoansQuery;
export type LoansVariables = LoansQueryVariables;
/** `LoanFilter` of the API (issue 11): every field narrows what the caller sees already. */
export type LoanFilter = GeneratedLoanFilter;
export type LoanSortField = GeneratedLoanSortField;
export type LoanDetail = NonNullable<LoanDetailQuery['loan']>;
export type LoanCollateral = LoanDetail['collateral'][number];
export type LoanStatusReport = LoanDetail['statusReports'][number];
export type BorrowerOption = LoanRegistrationOptionsQuery['borrowerOptions'][number];
export type RegisterLoanInput = GeneratedRegisterLoanInput;
export type ReportLoanStatusInput = GeneratedReportLoanStatusInput;
export type LoanTapeMode = GeneratedLoanTapeMode;
export type LoanTapeResult = UploadLoanTapeMutation['uploadLoanTape'];
export type LoanTapeError = LoanTapeResult['errors'][number];

export const LOAN_ROW_FIELDS = graphql(`
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
`);

export const LOANS_QUERY = graphql(`
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
`);

export const LOAN_DETAIL_QUERY = graphql(`
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
`);

export const REGISTRATION_OPTIONS_QUERY = graphql(`
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
`);

export const REGISTER_LOAN_MUTATION = graphql(`
  mutation RegisterLoan($input: RegisterLoanInput!) {
    registerLoan(input: $input) {
      ...LoanRowFields
    }
  }
`);

export const REPORT_LOAN_STATUS_MUTATION = graphql(`
  mutation ReportLoanStatus($input: ReportLoanStatusInput!) {
    reportLoanStatus(input: $input) {
      ...LoanRowFields
    }
  }
`);

export const ACKNOWLEDGE_LOAN_MUTATION = graphql(`
  mutation AcknowledgeLoan($loanId: ID!) {
    acknowledgeLoan(loanId: $loanId) {
      ...LoanRowFields
    }
  }
`);

export const UPLOAD_LOAN_TAPE_MUTATION = graphql(`
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
`);

export const LOAN_TAPE_TEMPLATE_QUERY = graphql(`
  query LoanTapeTemplate($format: TapeFormat!) {
    loanTapeTemplate(format: $format) {
      fileName
      mimeType
      contentBase64
    }
  }
`);
