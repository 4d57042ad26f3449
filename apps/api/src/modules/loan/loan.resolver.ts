import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { toLoanType } from './loan.mapper';
import { LoanConnectionType, LoanType } from './loan.types';

@Resolver(() => LoanType)
export class LoanResolver {
  @Query(() => LoanConnectionType, { description: 'Loans the caller may see, newest first; first ≤ 100' })
  async loans(
    @Ctx() ctx: GqlContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<LoanConnectionType> {
    const actor = requireActor(ctx);
    const page = await ctx.services.loans.list(actor, { first, after });
    const today = ctx.services.clock.today();
    const edges = page.rows.map((row) => ({ cursor: page.cursorOf(row), node: toLoanType(row, today) }));
    return {
      totalCount: page.totalCount,
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Query(() => LoanType, {
    nullable: true,
    description: 'null for a loan that does not exist or is not visible',
  })
  async loan(@Ctx() ctx: GqlContext, @Arg('id', () => ID) id: string): Promise<LoanType | null> {
    const actor = requireActor(ctx);
    const loan = await ctx.services.loans.byId(actor, id);
    return loan ? toLoanType(loan, ctx.services.clock.today()) : null;
  }
}
