import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars';

@ObjectType('PortalInfo')
export class PortalInfoType {
  @Field({ description: 'Demo mode: demo logins exist and the business date can be set' })
  demoMode: boolean;

  @Field(() => DateScalar, {
    description: 'The business date (Asia/Shanghai) deadlines are computed against',
  })
  businessDate: string;
}

@Resolver()
export class PortalResolver {
  /** Public: the login page uses it to show the demo logins. */
  @Query(() => PortalInfoType)
  portalInfo(@Ctx() ctx: GqlContext): PortalInfoType {
    return { demoMode: ctx.services.config.demo, businessDate: ctx.services.clock.today() };
  }
}
