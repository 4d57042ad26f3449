import { Ctx, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { toPolicyType } from './policy.mapper';
import { PolicyType } from './policy.types';

@Resolver()
export class PolicyResolver {
  /**
   * The measures every rule applies today: the version of the configured district (POLICY) in force on
   * the business date. Public to every logged-in user, since the measures are published; the web reads
   * its thresholds, co-signers and articles here instead of hard-coding them.
   */
  @Query(() => PolicyType, {
    description: 'The measures in force on the business date: thresholds, lists and articles',
  })
  policy(@Ctx() ctx: GqlContext): PolicyType {
    requireActor(ctx);
    return toPolicyType(ctx.services.policies.inForce(ctx.services.clock.today()));
  }
}
