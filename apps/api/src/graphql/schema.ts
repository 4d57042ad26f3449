import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
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
import { ReportResolver } from '../modules/report/report.resolver';
import { FinancialsResolver } from '../modules/financials/financials.resolver';
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

const RequireLogin: MiddlewareFn<GqlContext> = ({ context, info }, next) => {
  const root = info.parentType.name;
  if ((root === 'Query' || root === 'Mutation') && !context.actor) {
    if (!PUBLIC_ROOT_FIELDS.has(`${root}.${info.fieldName}`)) throw context.authError ?? unauthenticated();
  }
  return next();
};

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
      DashboardResolver,
      FundGovernanceResolver,
      AnnualWorkPlanResolver,
      FundTerminationResolver,
      ReportResolver,
      FinancialsResolver,
    ],
    // RequireLogin first: an anonymous caller learns nothing about what its input would have met.
    globalMiddlewares: [RequireLogin, TextInputGuard],
    // Text limits, NUL and invalid Unicode are checked by TextInputGuard (one walk over every
    // argument, ids and cursors included); class-validator would reach input classes only.
    validate: false,
    emitSchemaFile: false,
  });
  assertTextLimits(schema);
  return schema;
}
