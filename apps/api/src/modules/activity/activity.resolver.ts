import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { encodeCursor } from '../../common/pagination';
import { requireActor, type GqlContext } from '../../graphql/context';
import { toActivityRecordType } from './activity.mapper';
import {
  ActivityChainStatusType,
  ActivityConnectionType,
  ActivityFilterInput,
  ActivityRecordType,
} from './activity.types';

@Resolver(() => ActivityRecordType)
export class ActivityResolver {
  @Query(() => ActivityConnectionType, {
    description:
      'The activity log, newest first, with filters (Art 20). The offices, the fund manager and an engaged ' +
      'auditor only; anyone else is refused FORBIDDEN with the article.',
  })
  async activityLog(
    @Ctx() ctx: GqlContext,
    @Arg('filter', () => ActivityFilterInput, { nullable: true }) filter?: ActivityFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ActivityConnectionType> {
    const actor = requireActor(ctx);
    const page = await ctx.services.activity.list(actor, filter ?? {}, first, after);
    return {
      edges: page.rows.map((row) => ({ cursor: encodeCursor([row.id]), node: toActivityRecordType(row) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }

  @Query(() => ActivityChainStatusType, {
    description:
      "Checks the activity log's hash chain end to end (Art 20: the record an audit relies on). " +
      'The offices, the fund manager and an engaged auditor only.',
  })
  async verifyActivityChain(@Ctx() ctx: GqlContext): Promise<ActivityChainStatusType> {
    return ctx.services.activity.verifyChain(requireActor(ctx));
  }
}
