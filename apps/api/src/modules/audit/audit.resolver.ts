import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { OrgRefType } from '../org/org.types';
import type { AuditEngagementRow } from './audit.service';
import { AuditEngagementType, EngageAuditorInput } from './audit.types';

function toType(row: AuditEngagementRow, ctx: GqlContext): AuditEngagementType {
  const today = ctx.services.clock.today();
  return {
    id: row.id,
    auditor: { id: row.auditorOrgId, name: row.auditorName },
    scope: row.scope,
    subjects: row.subjects,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    status: row.status,
    activeToday: ctx.services.audit.isActiveOn(row, today),
    engagedOn: row.engagedOn,
    endedOn: row.endedOn,
    endReason: row.endReason,
    article: ctx.services.policies.inForce(today).provisions.audit.article,
  };
}

@Resolver(() => AuditEngagementType)
export class AuditResolver {
  @Query(() => [AuditEngagementType], {
    description:
      'Audit engagements (Art 20): the offices and the manager see all, an auditor its own (within its window); ' +
      'others none',
  })
  async auditEngagements(@Ctx() ctx: GqlContext): Promise<AuditEngagementType[]> {
    return (await ctx.services.audit.list(requireActor(ctx))).map((r) => toType(r, ctx));
  }

  @Query(() => [OrgRefType], { description: 'Audit firms (AUDITOR organisations) the IP bureau may engage' })
  async auditFirms(@Ctx() ctx: GqlContext): Promise<OrgRefType[]> {
    return ctx.services.audit.auditFirms(requireActor(ctx));
  }

  @Mutation(() => AuditEngagementType, {
    description: 'The IP bureau engages an audit firm for a scope and a window of business dates (Art 20)',
  })
  async engageAuditor(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => EngageAuditorInput) input: EngageAuditorInput,
  ): Promise<AuditEngagementType> {
    return toType(await ctx.services.audit.engage(requireActor(ctx), input), ctx);
  }

  @Mutation(() => AuditEngagementType, {
    description: 'The IP bureau ends an engagement early: the firm reads nothing more (Art 20)',
  })
  async endAuditEngagement(
    @Ctx() ctx: GqlContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<AuditEngagementType> {
    return toType(await ctx.services.audit.end(requireActor(ctx), id, reason), ctx);
  }
}
