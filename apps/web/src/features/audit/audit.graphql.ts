import { gql, type TypedDocumentNode } from '@apollo/client';

/** The activity log (Art 20): one record per operation taken or refused, hash-chained. */
export interface ActivityRecord {
  id: string;
  occurredAt: string;
  businessDate: string;
  userId: string | null;
  userName: string | null;
  organizationId: string | null;
  organizationName: string | null;
  orgKind: string | null;
  operation: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'OK' | 'REFUSED';
  article: string | null;
  detail: string;
  rowHash: string;
}

export interface ActivityFilter {
  userId?: string | null;
  organizationId?: string | null;
  operation?: string | null;
  outcome?: 'OK' | 'REFUSED' | null;
  article?: string | null;
  fromDate?: string | null;
  toDate?: string | null;
  subjectId?: string | null;
}

export const ACTIVITY_LOG_QUERY: TypedDocumentNode<
  {
    activityLog: {
      edges: { cursor: string; node: ActivityRecord }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  },
  { filter: ActivityFilter; first: number; after: string | null }
> = gql`
  query ActivityLog($filter: ActivityFilterInput, $first: Int, $after: String) {
    activityLog(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          occurredAt
          businessDate
          userId
          userName
          organizationId
          organizationName
          orgKind
          operation
          targetType
          targetId
          outcome
          article
          detail
          rowHash
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const VERIFY_CHAIN_QUERY: TypedDocumentNode<
  { verifyActivityChain: { ok: boolean; checked: number; firstBrokenId: string | null } },
  Record<string, never>
> = gql`
  query VerifyActivityChain {
    verifyActivityChain {
      ok
      checked
      firstBrokenId
    }
  }
`;

export interface AuditEngagement {
  id: string;
  auditor: { id: string; name: string };
  scope: string;
  subjects: string[];
  startsOn: string;
  endsOn: string;
  status: 'ACTIVE' | 'ENDED';
  activeToday: boolean;
  engagedOn: string;
  endedOn: string | null;
  endReason: string | null;
  article: string;
}

const ENGAGEMENT_FIELDS = gql`
  fragment EngagementFields on AuditEngagement {
    id
    auditor {
      id
      name
    }
    scope
    subjects
    startsOn
    endsOn
    status
    activeToday
    engagedOn
    endedOn
    endReason
    article
  }
`;

export const AUDIT_ENGAGEMENTS_QUERY: TypedDocumentNode<
  { auditEngagements: AuditEngagement[] },
  Record<string, never>
> = gql`
  query AuditEngagements {
    auditEngagements {
      ...EngagementFields
    }
  }
  ${ENGAGEMENT_FIELDS}
`;

export const AUDIT_FIRMS_QUERY: TypedDocumentNode<
  { auditFirms: { id: string; name: string }[] },
  Record<string, never>
> = gql`
  query AuditFirms {
    auditFirms {
      id
      name
    }
  }
`;

export const ENGAGE_AUDITOR: TypedDocumentNode<
  { engageAuditor: AuditEngagement },
  {
    input: { auditorOrgId: string; scope: string; subjects: string[]; startsOn: string; endsOn: string };
  }
> = gql`
  mutation EngageAuditor($input: EngageAuditorInput!) {
    engageAuditor(input: $input) {
      ...EngagementFields
    }
  }
  ${ENGAGEMENT_FIELDS}
`;

export const END_AUDIT_ENGAGEMENT: TypedDocumentNode<
  { endAuditEngagement: AuditEngagement },
  { id: string; reason: string }
> = gql`
  mutation EndAuditEngagement($id: ID!, $reason: String!) {
    endAuditEngagement(id: $id, reason: $reason) {
      ...EngagementFields
    }
  }
  ${ENGAGEMENT_FIELDS}
`;

/** Chinese names of the organisation kinds, for the log's columns. */
export const ORG_KIND_ZH: Record<string, string> = {
  IP_BUREAU: '区知识产权局',
  FINANCE_BUREAU: '区财政局',
  FINANCIAL_OFFICE: '区金融办',
  FUND_MANAGER: '资金管理人',
  LENDING_BANK: '合作银行',
  GUARANTOR: '担保机构',
  ENTERPRISE: '企业',
  AUDITOR: '会计师事务所',
};

/** The kinds of record an engagement may concern (the API's readable subjects). */
export const SUBJECT_ZH: Record<string, string> = {
  Loan: '贷款',
  Claim: '补偿申请',
  Recovery: '追偿返还',
  LedgerEntry: '资金账簿',
  Enterprise: '企业库',
  Partner: '合作机构',
  BankRisk: '银行风险',
  FundReport: '运营报告',
  ActivityRecord: '操作日志',
};
