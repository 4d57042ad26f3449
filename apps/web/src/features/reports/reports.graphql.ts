import { graphql } from '../../gql';
import type {
  FundReportContentFieldsFragment,
  FundReportFieldsFragment,
  FundReportsQuery,
  ReportVersionFieldsFragment,
} from '../../gql/graphql';

/**
 * The operation reports (Art 6.6): amounts are decimal strings in yuan, ratios 4-decimal strings.
 * Types generated from the schema (apps/web/codegen.ts).
 */
export type ReportVersion = ReportVersionFieldsFragment;
export type FundReportSummary = FundReportsQuery['fundReports'][number];
export type FundReportContent = FundReportContentFieldsFragment;
export type FundReport = FundReportFieldsFragment;

export const REPORT_VERSION_FIELDS = graphql(`
  fragment ReportVersionFields on FundReportVersion {
    id
    version
    contentHash
    hashVerified
    reason
    issuedOn
    issuedByName
    acknowledgements {
      orgKind
      orgName
      userName
      acknowledgedOn
      comment
    }
    pendingOffices
  }
`);

export const REPORT_LOAN_GROUP_FIELDS = graphql(`
  fragment ReportLoanGroupFields on FundReportLoanGroup {
    name
    coveredInPeriod {
      count
      principal
      ipPledged
    }
    outstandingAtEnd {
      count
      outstanding
      ipPledged
    }
  }
`);

export const REPORT_SUPERVISION_ITEM_FIELDS = graphql(`
  fragment ReportSupervisionItemFields on FundReportSupervisionItem {
    on
    subject
    kind
    comment
  }
`);

export const FUND_REPORT_CONTENT_FIELDS = graphql(`
  fragment FundReportContentFields on FundReportContent {
    period
    periodLabel
    from
    to
    asOf
    articles {
      report
      breaker
      risk
    }
    balances {
      principalOpening
      principalClosing
      interestOpening
      interestClosing
      recoveriesReceivableOpening
      recoveriesReceivableClosing
    }
    flows {
      capitalReceived
      compensationPaid
      recoveriesRecognised
      recoveriesReceived
      interestIncome
      programmeCosts
      returnedToFunder
    }
    recoveriesOverdue {
      count
      amount
    }
    loans {
      byBank {
        ...ReportLoanGroupFields
      }
      byGuarantor {
        ...ReportLoanGroupFields
      }
      total {
        ...ReportLoanGroupFields
      }
    }
    riskByBank {
      bankId
      name
      coveredLoans
      outstanding
      overdueLoans
      overdueAmount
      overdueRatio
      riskRatio
      riskLevel
    }
    supervision {
      warnings {
        ...ReportSupervisionItemFields
      }
      suspensions {
        ...ReportSupervisionItemFields
      }
      blacklist {
        ...ReportSupervisionItemFields
      }
    }
    claims {
      byStatus {
        status
        count
        lossBase
        fundShare
      }
      filed {
        count
        lossBase
      }
      approved {
        count
        fundShare
      }
      paid {
        count
        fundShare
      }
    }
    breaker {
      threshold
      cumulativeAtEnd
      remaining
      reached
    }
    compensationByQuarter {
      quarter
      amount
    }
    financials {
      quarter
      expected
      submitted
      missing
      missingEnterprises
    }
  }
`);

export const FUND_REPORT_FIELDS = graphql(`
  fragment FundReportFields on FundReport {
    period
    label
    status
    version
    viewerCan
    xlsxUrl
    pdfUrl
    versions {
      ...ReportVersionFields
    }
    content {
      ...FundReportContentFields
    }
  }
`);

export const FUND_REPORTS_QUERY = graphql(`
  query FundReports {
    fundReports {
      period
      label
      status
      latestVersion
      viewerCan
      xlsxUrl
      pdfUrl
      versions {
        ...ReportVersionFields
      }
    }
  }
`);

export const FUND_REPORT_QUERY = graphql(`
  query FundReport($period: String!) {
    fundReport(period: $period) {
      ...FundReportFields
    }
  }
`);

export const ISSUE_FUND_REPORT = graphql(`
  mutation IssueFundReport($period: String!, $reason: String) {
    issueFundReport(period: $period, reason: $reason) {
      ...FundReportFields
    }
  }
`);

export const ACKNOWLEDGE_FUND_REPORT = graphql(`
  mutation AcknowledgeFundReport($period: String!, $version: Int!, $comment: String) {
    acknowledgeFundReport(period: $period, version: $version, comment: $comment) {
      ...FundReportFields
    }
  }
`);
