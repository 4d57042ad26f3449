import 'reflect-metadata';
import {
  defaultFieldResolver,
  isObjectType,
  isUnionType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { buildSchema, type MiddlewareFn } from 'type-graphql';
import { unauthenticated } from '../common/errors';
import { AuthResolver } from '../modules/org/auth.resolver';
import { ClaimResolver, RecoveryResolver } from '../modules/claim/claim.resolver';
import { LoanResolver } from '../modules/loan/loan.resolver';
import { RiskEventResolver, RiskResolver, SuspensionProposalResolver } from '../modules/risk/risk.resolver';
import { PortalResolver } from '../modules/portal/portal.resolver';
import { PartnerResolver } from '../modules/partner/partner.resolver';
import { AgreementResolver } from '../modules/agreement/agreement.resolver';
import { EnterpriseResolver } from '../modules/enterprise/enterprise.resolver';
import { BlacklistResolver } from '../modules/enterprise/blacklist.resolver';
import { FundStatusResolver, LedgerResolver } from '../modules/ledger/ledger.resolver';
import {
  AnnualWorkPlanResolver,
  FundGovernanceResolver,
  FundTerminationResolver,
} from '../modules/fund/fund-governance.resolver';
import { PolicyResolver } from '../modules/policy/policy.resolver';
import { DashboardResolver } from '../modules/portal/dashboard.resolver';
import { TaskResolver } from '../modules/task/task.resolver';
import { installTaskSubjectResolver } from '../modules/task/task.types';
import { NotificationResolver } from '../modules/notification/notification.resolver';
import { ClaimChecklistResolver } from '../modules/claim/claim-checklist.resolver';
import { LoanPreviewResolver } from '../modules/loan/loan-preview.resolver';
import { ReportResolver } from '../modules/report/report.resolver';
import { FinancialsResolver } from '../modules/financials/financials.resolver';
import { ForecastResolver } from '../modules/forecast/forecast.resolver';
import { ActivityResolver } from '../modules/activity/activity.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { EvaluationResolver } from '../modules/evaluation/evaluation.resolver';
import type { GqlContext } from './context';
import { TextInputGuard, assertTextLimits } from './text';

/** Root fields an anonymous caller may use. Everything else needs a token (deny by default). */
const PUBLIC_ROOT_FIELDS = new Set([
  'Mutation.login',
  // Clears the session cookie even when its token has expired (issue 9).
  'Mutation.logout',
  'Query.portalInfo',
  'Query.__typename',
]);

/**
 * Deny by default, checked once per root field (issue 10): a field below the root is only reached
 * through a root field, so checking there covers the whole operation. It used to be a global
 * middleware, which made each of the ~500 leaf fields of a page an async middleware chain.
 */
const RequireLogin: MiddlewareFn<GqlContext> = ({ context, info }, next) => {
  if (!context.actor && !PUBLIC_ROOT_FIELDS.has(`${info.parentType.name}.${info.fieldName}`)) {
    throw context.authError ?? unauthenticated();
  }
  return next();
};

type Resolve = GraphQLFieldResolver<unknown, GqlContext>;

/**
 * Puts the two request guards on the fields that need them, and only there: RequireLogin on every
 * root field (Query, Mutation), TextInputGuard on every field that takes arguments (the strings a
 * caller sends), RequireLogin first so an anonymous caller learns nothing about what its input would
 * have met. Leaf fields keep graphql-js's synchronous default resolver.
 */
function guardFields(schema: GraphQLSchema): void {
  const roots = new Set([schema.getQueryType(), schema.getMutationType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isRoot = roots.has(type);
    for (const field of Object.values(type.getFields())) {
      const guards = [...(isRoot ? [RequireLogin] : []), ...(field.args.length ? [TextInputGuard] : [])];
      if (!guards.length) continue;
      const resolve: Resolve = field.resolve ?? (defaultFieldResolver as Resolve);
      field.resolve = (root, args, context, info) => {
        const data = { root, args, context, info };
        const run = (i: number): unknown =>
          i === guards.length
            ? resolve(root, args, context, info)
            : (guards[i] as MiddlewareFn<GqlContext>)(data, () => Promise.resolve(run(i + 1)));
        return run(0);
      };
    }
  }
}

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      ClaimResolver,
      RecoveryResolver,
      AuthResolver,
      PortalResolver,
      LoanResolver,
      RiskResolver,
      SuspensionProposalResolver,
      RiskEventResolver,
      PartnerResolver,
      AgreementResolver,
      EnterpriseResolver,
      BlacklistResolver,
      LedgerResolver,
      FundStatusResolver,
      PolicyResolver,
      TaskResolver,
      NotificationResolver,
      ClaimChecklistResolver,
      LoanPreviewResolver,
      DashboardResolver,
      FundGovernanceResolver,
      AnnualWorkPlanResolver,
      FundTerminationResolver,
      ReportResolver,
      FinancialsResolver,
      ForecastResolver,
      ActivityResolver,
      AuditResolver,
      EvaluationResolver,
    ],
    // No global middlewares: guardFields below puts the guards on root and argument-taking fields.
    // Text limits, NUL and invalid Unicode are checked by TextInputGuard (one walk over every
    // argument, ids and cursors included); class-validator would reach input classes only.
    validate: false,
    emitSchemaFile: false,
  });
  guardFields(schema);
  assertTextLimits(schema);
  const taskSubject = schema.getType('TaskSubject');
  if (!isUnionType(taskSubject)) throw new Error('TaskSubject is not a union');
  installTaskSubjectResolver(taskSubject);
  return schema;
}
