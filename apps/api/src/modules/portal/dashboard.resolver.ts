import { Ctx, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { toDashboardType } from './dashboard.mapper';
import { DashboardType } from './dashboard.types';

@Resolver()
export class DashboardResolver {
  @Query(() => DashboardType, {
    description:
      "The caller's home page figures: portfolio, loans and claims by status, 8 quarters, risk ratios over time",
  })
  async dashboard(@Ctx() ctx: GqlContext): Promise<DashboardType> {
    return toDashboardType(await ctx.services.dashboard.dashboard(requireActor(ctx)));
  }
}
