import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { toEnterpriseType, toIpAssetType } from './enterprise.mapper';
import {
  AddIpAssetInput,
  CreateEnterpriseInput,
  EnterpriseConnectionType,
  EnterpriseType,
  IpAssetType,
} from './enterprise.types';

@Resolver(() => EnterpriseType)
export class EnterpriseResolver {
  @Query(() => EnterpriseConnectionType, {
    description:
      'Enterprises the caller may see, newest first; first ≤ 100. search: a name fragment or a credit code prefix.',
  })
  async enterprises(
    @Ctx() ctx: GqlContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('search', () => String, { nullable: true }) search?: string,
  ): Promise<EnterpriseConnectionType> {
    const page = await ctx.services.enterprises.list(requireActor(ctx), { first, after, search });
    const edges = page.rows.map((row) => ({ cursor: page.cursorOf(row), node: toEnterpriseType(row) }));
    return {
      totalCount: page.totalCount,
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Query(() => EnterpriseType, {
    nullable: true,
    description: 'null for an enterprise that does not exist or is not visible',
  })
  async enterprise(@Ctx() ctx: GqlContext, @Arg('id', () => ID) id: string): Promise<EnterpriseType | null> {
    const row = await ctx.services.enterprises.byId(requireActor(ctx), id);
    return row ? toEnterpriseType(row) : null;
  }

  @Mutation(() => EnterpriseType, {
    description:
      'Fund manager (Art 6.3) or a bank adding a new borrower; the credit code is validated and unique',
  })
  async createEnterprise(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => CreateEnterpriseInput) input: CreateEnterpriseInput,
  ): Promise<EnterpriseType> {
    return toEnterpriseType(await ctx.services.enterprises.create(requireActor(ctx), input));
  }

  @Mutation(() => IpAssetType, {
    description: 'Fund manager or a bank: a patent or trademark of an enterprise it can see',
  })
  async addIpAsset(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => AddIpAssetInput) input: AddIpAssetInput,
  ): Promise<IpAssetType> {
    return toIpAssetType(await ctx.services.enterprises.addIpAsset(requireActor(ctx), input));
  }
}
