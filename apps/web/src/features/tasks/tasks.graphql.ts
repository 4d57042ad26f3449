import { graphql } from '../../gql';
import type { MyTasksQuery, TaskKind } from '../../gql/graphql';

/**
 * The work queue's GraphQL contract (apps/api/src/modules/task): `myTasks` lists every item awaiting
 * the caller's own action, computed by the API from the same rules that allow the action. Types are
 * generated from the schema (apps/web/codegen.ts).
 */

/** TaskKind values of the schema. */
export type KnownTaskKind = TaskKind;

export type TaskNode = MyTasksQuery['myTasks']['nodes'][number];

/** The record a task concerns: its GraphQL type and id (the fund itself has none). */
export type TaskSubject = TaskNode['subject'];

export const MY_TASKS_QUERY = graphql(`
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
`);

export const TASK_COUNT_QUERY = graphql(`
  query MyTaskCount {
    myTasks(first: 1) {
      totalCount
    }
  }
`);
