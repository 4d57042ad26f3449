import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { toFundForecastType } from './forecast.mapper';
import { FundForecastInput, FundForecastType } from './forecast.types';

@Resolver(() => FundForecastType)
export class ForecastResolver {
  @Query(() => FundForecastType, {
    description:
      'Issue 13: seeded stress forecast of the fund over the covered portfolio (Art 11, 14, 17, 19): P(breaker trips) ' +
      'within 12/24/36 months with a 90 % interval, payouts, balance fan, leverage, contributing banks, and each ' +
      'lever side by side with the base case. The offices, the manager and the auditor only (FORBIDDEN otherwise).',
  })
  async fundForecast(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => FundForecastInput) input: FundForecastInput,
  ): Promise<FundForecastType> {
    const actor = requireActor(ctx);
    return toFundForecastType(await ctx.services.forecast.forecast(actor, input));
  }
}
