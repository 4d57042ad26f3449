import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { toFundStatusType } from '../ledger/ledger.mapper';
import { toTaskType } from './task.mapper';
import { encodeTaskCursor } from './task.service';
import { TaskConnectionType, TaskType } from './task.types';

@Resolver(() => TaskType)
export class TaskResolver {
  @Query(() => TaskConnectionType, {
    description:
      'Everything awaiting the caller\u2019s own action, by due date then id: computed from the operations ' +
      'table, the read rules and each record\u2019s state (the same rules that allow the action), so a task ' +
      'disappears as soon as its step is taken',
  })
  async myTasks(
    @Ctx() ctx: GqlContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<TaskConnectionType> {
    const actor = requireActor(ctx);
    const page = await ctx.services.tasks.page(actor, { first, after });
    const needsFund = page.tasks.some((t) => t.subjectType === 'FundStatus');
    const fundStatus = needsFund
      ? toFundStatusType(await ctx.services.ledger.fundStatus(actor, ctx.services.fundCompensation))
      : null;
    const audience = {
      today: ctx.services.clock.today(),
      readsAllClaims: ctx.services.access.readsAll(actor, 'Claim'),
      fundStatus,
      // Server text in the caller's language (Accept-Language); Chinese when none was asked for.
      lang: ctx.lang ?? 'zh-CN',
    };
    const edges = page.tasks.map((t) => ({
      cursor: encodeTaskCursor(t),
      node: toTaskType(t, page.subjects, audience),
    }));
    return {
      totalCount: page.totalCount,
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
