import { gql, type TypedDocumentNode } from '@apollo/client';

/** The operation reports (Art 6.6): amounts are decimal strings in yuan, ratios 4-decimal strings. */

export interface ReportAcknowledgement {
  orgKind: string;
  orgName: string;
  userName: string;
  acknowledgedOn: string;
  comment: string | null;
}

export interface ReportVersion {
  id: string;
  version: number;
  contentHash: string;
  hashVerified: boolean;
  reason: string | null;
  issuedOn: string;
  issuedByName: string;
  acknowledgements: ReportAcknowledgement[];
  pendingOffices: string[];
}

export interface FundReportSummary {
  period: string;
  label: string;
  status: 'DRAFT' | 'ISSUED';
  latestVersion: number | null;
  versions: ReportVersion[];
  viewerCan: string[];
  xlsxUrl: string;
  pdfUrl: string;
}

interface LoanGroup {
  name: string;
  coveredInPeriod: { count: number; principal: string; ipPledged: string };
  outstandingAtEnd: { count: number; outstanding: string; ipPledged: string };
}

export interface FundReportContent {
  period: string;
  periodLabel: string;
  from: string;
  to: string;
  asOf: string;
  articles: { report: string; breaker: string; risk: string };
  balances: Record<
    | 'principalOpening'
    | 'principalClosing'
    | 'interestOpening'
    | 'interestClosing'
    | 'recoveriesReceivableOpening'
    | 'recoveriesReceivableClosing',
    string
  >;
  flows: Record<
    | 'capitalReceived'
    | 'compensationPaid'
    | 'recoveriesRecognised'
    | 'recoveriesReceived'
    | 'interestIncome'
    | 'programmeCosts'
    | 'returnedToFunder',
    string
  >;
  recoveriesOverdue: { count: number; amount: string };
  loans: { byBank: LoanGroup[]; byGuarantor: LoanGroup[]; total: LoanGroup };
  riskByBank: {
    bankId: string;
    name: string;
    coveredLoans: number;
    outstanding: string;
    overdueLoans: number;
    overdueAmount: string;
    overdueRatio: string;
    riskRatio: string;
    riskLevel: string;
  }[];
  supervision: Record<
    'warnings' | 'suspensions' | 'blacklist',
    { on: string; subject: string; kind: string; comment: string }[]
  >;
  claims: {
    byStatus: { status: string; count: number; lossBase: string; fundShare: string }[];
    filed: { count: number; lossBase: string };
    approved: { count: number; fundShare: string };
    paid: { count: number; fundShare: string };
  };
  breaker: { threshold: string; cumulativeAtEnd: string; remaining: string; reached: boolean };
  compensationByQuarter: { quarter: string; amount: string }[];
  financials: {
    quarter: string;
    expected: number;
    submitted: number;
    missing: number;
    missingEnterprises: string[];
  }[];
}

export interface FundReport extends Omit<FundReportSummary, 'latestVersion'> {
  version: number | null;
  content: FundReportContent;
}

const VERSION_FIELDS = `id version contentHash hashVerified reason issuedOn issuedByName
  acknowledgements { orgKind orgName userName acknowledgedOn comment } pendingOffices`;
const GROUP = `name coveredInPeriod { count principal ipPledged } outstandingAtEnd { count outstanding ipPledged }`;
const ITEM = `on subject kind comment`;
const REPORT_FIELDS = `period label status version viewerCan xlsxUrl pdfUrl versions { ${VERSION_FIELDS} }
  content { period periodLabel from to asOf articles { report breaker risk }
    balances { principalOpening principalClosing interestOpening interestClosing recoveriesReceivableOpening recoveriesReceivableClosing }
    flows { capitalReceived compensationPaid recoveriesRecognised recoveriesReceived interestIncome programmeCosts returnedToFunder }
    recoveriesOverdue { count amount }
    loans { byBank { ${GROUP} } byGuarantor { ${GROUP} } total { ${GROUP} } }
    riskByBank { bankId name coveredLoans outstanding overdueLoans overdueAmount overdueRatio riskRatio riskLevel }
    supervision { warnings { ${ITEM} } suspensions { ${ITEM} } blacklist { ${ITEM} } }
    claims { byStatus { status count lossBase fundShare } filed { count lossBase } approved { count fundShare } paid { count fundShare } }
    breaker { threshold cumulativeAtEnd remaining reached }
    compensationByQuarter { quarter amount }
    financials { quarter expected submitted missing missingEnterprises } }`;

export const FUND_REPORTS_QUERY: TypedDocumentNode<
  { fundReports: FundReportSummary[] },
  Record<string, never>
> = gql`
  query FundReports {
    fundReports { period label status latestVersion viewerCan xlsxUrl pdfUrl versions { ${VERSION_FIELDS} } }
  }
`;

export const FUND_REPORT_QUERY: TypedDocumentNode<{ fundReport: FundReport }, { period: string }> = gql`
  query FundReport($period: String!) { fundReport(period: $period) { ${REPORT_FIELDS} } }
`;

export const ISSUE_FUND_REPORT: TypedDocumentNode<
  { issueFundReport: FundReport },
  { period: string; reason?: string | null }
> = gql`
  mutation IssueFundReport($period: String!, $reason: String) {
    issueFundReport(period: $period, reason: $reason) { ${REPORT_FIELDS} }
  }
`;

export const ACKNOWLEDGE_FUND_REPORT: TypedDocumentNode<
  { acknowledgeFundReport: FundReport },
  { period: string; version: number; comment?: string | null }
> = gql`
  mutation AcknowledgeFundReport($period: String!, $version: Int!, $comment: String) {
    acknowledgeFundReport(period: $period, version: $version, comment: $comment) { ${REPORT_FIELDS} }
  }
`;
