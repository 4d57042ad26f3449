import { graphql } from '../../gql';
import type {
  ActivityFilterInput,
  ActivityLogQuery,
  AuditEngagementsQuery,
  EngagementFieldsFragment,
} from '../../gql/graphql';

/** Types generated from the schema (apps/web/codegen.ts). */
export type ActivityRecord = ActivityLogQuery['activityLog']['edges'][number]['node'];
export type ActivityFilter = ActivityFilterInput;
export type AuditEngagement = EngagementFieldsFragment;
export type AuditEngagementsData = AuditEngagementsQuery;

/** The activity log (Art 20): one record per operation taken or refused, hash-chained. */
export const ACTIVITY_LOG_QUERY = graphql(`
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
`);

export const VERIFY_CHAIN_QUERY = graphql(`
  query VerifyActivityChain {
    verifyActivityChain {
      ok
      checked
      firstBrokenId
    }
  }
`);

/** An engagement of an audit firm (Art 20), as every engagement query and mutation reads it. */
export const ENGAGEMENT_FIELDS = graphql(`
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
`);

export const AUDIT_ENGAGEMENTS_QUERY = graphql(`
  query AuditEngagements {
    auditEngagements {
      ...EngagementFields
    }
  }
`);

export const AUDIT_FIRMS_QUERY = graphql(`
  query AuditFirms {
    auditFirms {
      id
      name
    }
  }
`);

export const ENGAGE_AUDITOR = graphql(`
  mutation EngageAuditor($input: EngageAuditorInput!) {
    engageAuditor(input: $input) {
      ...EngagementFields
    }
  }
`);

export const END_AUDIT_ENGAGEMENT = graphql(`
  mutation EndAuditEngagement($id: ID!, $reason: String!) {
    endAuditEngagement(id: $id, reason: $reason) {
      ...EngagementFields
    }
  }
`);

/** The kinds of record an engagement may concern (the API's readable subjects); names in audit.subject.*. */
export const AUDIT_SUBJECTS = [
  'Loan',
  'Claim',
  'Recovery',
  'LedgerEntry',
  'Enterprise',
  'Partner',
  'BankRisk',
  'FundReport',
  'ActivityRecord',
] as const;
