import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars';

@ObjectType('PortalInfo')
export class PortalInfoType {
  @Field({ description: 'Demo mode: demo logins exist and the business date can be set' })
  demoMode: boolean;

  @Field(() => DateScalar, {
    description: 'The business date (Asia/Shanghai) deadlines are computed against',
  })
  businessDate: string;

  @Field({ description: 'The business date can be moved (demo and test mode only)' })
  businessDateSettable: boolean;
}

@Resolver()
export class PortalResolver {
  /** Public: the login page uses it to show the demo logins. */
  @Query(() => PortalInfoType)
  portalInfo(@Ctx() ctx: GqlContext): PortalInfoType {
    return {
      demoMode: ctx.services.config.demo,
      businessDate: ctx.services.clock.today(),
      businessDateSettable: ctx.services.clock.isSettable,
    };
  }

  /**
   * Demo and test mode only (the clock refuses otherwise with FORBIDDEN): moves the business date
   * every overdue count and deadline is computed against. Only the programme's operators — the
   * fund manager and the three offices — may move it; a bank or guarantor moving the clock would
   * change its own figures. Recorded in the activity log with the old and new date.
   */
  @Mutation(() => DateScalar, { description: 'Demo/test only; the fund manager and the three offices' })
  async setBusinessDate(
    @Ctx() ctx: GqlContext,
    @Arg('date', () => DateScalar) date: string,
  ): Promise<string> {
    const actor = requireActor(ctx);
    const clock = ctx.services.clock;
    return ctx.services.useCases.run(actor, 'clock.set', async ({ detail }) => {
      const from = clock.today();
      detail({ from, to: date });
      return clock.set(date);
    });
  }
}
