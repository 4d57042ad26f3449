import type { GraphQLUnionType } from 'graphql';
import { Field, ID, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { ClaimType, RecoveryType } from '../claim/claim.types';
import { BlacklistProposalType } from '../enterprise/blacklist.types';
import { EnterpriseType } from '../enterprise/enterprise.types';
import { FundStatusType } from '../ledger/ledger.types';
import { LoanType, PageInfoType } from '../loan/loan.types';
import { BankRiskType, RiskEventType, SuspensionProposalType } from '../risk/risk.types';
import { TASK_KINDS, type TaskKind as TaskKindName, type TaskSubjectType } from './task.rules';

export const TaskKind = Object.fromEntries(TASK_KINDS.map((k) => [k, k])) as {
  [K in TaskKindName]: K;
};
registerEnumType(TaskKind, {
  name: 'TaskKind',
  description:
    'What awaits the caller: CLAIM_FILE (a covered loan overdue long enough, Art 17), CLAIM_RESUBMIT (a claim ' +
    'returned to the bank), CLAIM_CONFIRM_SHARE (guarantor, Art 14), CLAIM_VERIFY (manager: verify or return), ' +
    'CLAIM_CO_SIGN (an office that has not signed), CLAIM_PAY (manager), LOAN_ACKNOWLEDGE (guarantor), ' +
    'REMITTANCE_DUE / REMITTANCE_OVERDUE (bank, Art 18), RISK_WARNING / SUSPENSION_PROPOSE (manager, Art 12), ' +
    'SUSPENSION_DECIDE / BLACKLIST_DECIDE (IP bureau, Art 12, 21), RISK_EVENT_VERIFY (manager, Art 16), ' +
    'FUND_RESUMPTION_VOTE (offices and manager, Art 19), REMITTANCE_CONFIRM (manager: a declared remittance ' +
    'against the bank statement, Art 18), STATEMENT_DUE (an enterprise\u2019s quarterly statement, Art 22)',
});

/** The GraphQL type each subject is resolved as (set by the mapper, read by `resolveType`). */
const SUBJECT_TYPENAME = new WeakMap<object, TaskSubjectType>();

export function tagSubject<T extends object>(value: T, type: TaskSubjectType): T {
  SUBJECT_TYPENAME.set(value, type);
  return value;
}

export const TaskSubjectUnion = createUnionType({
  name: 'TaskSubject',
  description: 'The record a task concerns',
  types: () =>
    [
      ClaimType,
      LoanType,
      RecoveryType,
      SuspensionProposalType,
      BlacklistProposalType,
      BankRiskType,
      RiskEventType,
      FundStatusType,
      EnterpriseType,
    ] as const,
  resolveType: subjectTypeOf,
});

function subjectTypeOf(value: unknown): TaskSubjectType {
  const type = SUBJECT_TYPENAME.get(value as object);
  if (!type) throw new Error('Task subject without a type');
  return type;
}

/**
 * The union's `resolveType` as the schema runs it (graphql/schema.ts installs it): synchronous,
 * because compiled execution (graphql/jit.ts) does not await a type resolver, while type-graphql
 * wraps the one it is given in an async function.
 */
export function installTaskSubjectResolver(union: GraphQLUnionType): void {
  union.resolveType = subjectTypeOf;
}

@ObjectType('Task', { description: 'An item awaiting the caller\u2019s own action (issue 11)' })
export class TaskType {
  @Field(() => ID, {
    description:
      'Stable while the task is open; a new id when the same work comes back (e.g. a claim filed again)',
  })
  id: string;

  @Field(() => TaskKind)
  kind: TaskKindName;

  @Field({
    description: 'What to do, in the language the request asks for (Accept-Language; Chinese without it)',
  })
  title: string;

  @Field(() => DateScalar, {
    description:
      'The date the measures set for the action (a remittance, Art 18); otherwise the date the item started waiting',
  })
  dueOn: string;

  @Field({ description: 'The operation of the operations table that completes it (e.g. claim.verify)' })
  operation: string;

  @Field({ description: 'The article that gives the caller this power' })
  article: string;

  @Field(() => TaskSubjectUnion)
  subject: typeof TaskSubjectUnion;
}

@ObjectType('TaskEdge')
export class TaskEdgeType {
  @Field()
  cursor: string;
  @Field(() => TaskType)
  node: TaskType;
}

@ObjectType('TaskConnection')
export class TaskConnectionType {
  @Field(() => Int, { description: 'Every open task of the caller' })
  totalCount: number;
  @Field(() => [TaskEdgeType])
  edges: TaskEdgeType[];
  @Field(() => [TaskType], { description: 'The nodes of `edges`, for clients that need no cursors' })
  nodes: TaskType[];
  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}
