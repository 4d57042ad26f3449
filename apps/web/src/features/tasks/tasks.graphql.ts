import { gql, type TypedDocumentNode } from '@apollo/client';

/**
 * The work queue's GraphQL contract (apps/api/src/modules/task): `myTasks` lists every item awaiting
 * the caller's own action, computed by the API from the same rules that allow the action.
 */

/** TaskKind values known to this client; the API may add more (shown with their title). */
export type KnownTaskKind =
  | 'CLAIM_FILE'
  | 'CLAIM_DOCUMENTS'
  | 'CLAIM_RESUBMIT'
  | 'CLAIM_CONFIRM_SHARE'
  | 'CLAIM_VERIFY'
  | 'CLAIM_CO_SIGN'
  | 'CLAIM_PAY'
  | 'LOAN_ACKNOWLEDGE'
  | 'REMITTANCE_DUE'
  | 'REMITTANCE_OVERDUE'
  | 'REMITTANCE_CONFIRM'
  | 'STATEMENT_DUE'
  | 'RISK_WARNING'
  | 'SUSPENSION_PROPOSE'
  | 'SUSPENSION_DECIDE'
  | 'BLACKLIST_DECIDE'
  | 'RISK_EVENT_VERIFY'
  | 'FUND_RESUMPTION_VOTE';

/** The record a task concerns: its GraphQL type and id (the fund itself has none). */
export interface TaskSubject {
  __typename:
    | 'Claim'
    | 'Loan'
    | 'Recovery'
    | 'SuspensionProposal'
    | 'BlacklistProposal'
    | 'BankRisk'
    | 'RiskEvent'
    | 'FundStatus'
    | 'Enterprise';
  id?: string;
  claimId?: string;
  bank?: { id: string; name: string };
}

export interface TaskNode {
  id: string;
  kind: KnownTaskKind | (string & {});
  title: string;
  /** "YYYY-MM-DD" */
  dueOn: string;
  operation: string;
  article: string;
  subject: TaskSubject;
}

export interface MyTasksData {
  myTasks: {
    totalCount: number;
    nodes: TaskNode[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export const MY_TASKS_QUERY: TypedDocumentNode<MyTasksData, { first?: number; after?: string | null }> = gql`
  query MyTasks($first: Int, $after: String) {
    myTasks(first: $first, after: $after) {
      totalCount
      nodes {
        id
        kind
        title
        dueOn
        operation
        article
        subject {
          __typename
          ... on Claim {
            id
          }
          ... on Loan {
            id
          }
          ... on Recovery {
            id
            claimId
          }
          ... on SuspensionProposal {
            id
          }
          ... on BlacklistProposal {
            id
          }
          ... on BankRisk {
            bank {
              id
              name
            }
          }
          ... on RiskEvent {
            id
          }
          ... on Enterprise {
            id
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

export interface TaskCountData {
  myTasks: { totalCount: number };
}

export const TASK_COUNT_QUERY: TypedDocumentNode<TaskCountData, Record<string, never>> = gql`
  query MyTaskCount {
    myTasks(first: 1) {
      totalCount
    }
  }
`;
