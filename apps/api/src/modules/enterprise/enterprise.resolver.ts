import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Operation } from '@ipfund/shared';
import { requireActor, type GqlContext } from '../../graphql/context';
import { viewerCanLoader } from '../../graphql/loaders';
import { toEnterpriseType, toIpAssetType } from './enterprise.mapper';
import {
  AddIpAssetInput,
  CreateEnterpriseInput,
  EnterpriseConnectionType,
  EnterpriseType,
  IpAssetType,
  LibraryEntryType,
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

  @Query(() => LibraryEntryType, {
    nullable: true,
    description:
      'The library entry with this exact unified social credit code (public information), for a bank to ' +
      'lend to it (Art 6.3): id and name only; null when the code is not in the library',
  })
  async enterpriseByCreditCode(
    @Ctx() ctx: GqlContext,
    @Arg('creditCode') creditCode: string,
  ): Promise<LibraryEntryType | null> {
    return ctx.services.enterprises.byCreditCode(requireActor(ctx), creditCode);
  }

  @Mutation(() => LibraryEntryType, {
    description:
      'Fund manager (Art 6.3) or a bank adding a borrower to the library; the credit code is validated. ' +
      'A code already in the library answers with that entry (alreadyInLibrary), exactly as enterpriseByCreditCode does',
  })
  async createEnterprise(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => CreateEnterpriseInput) input: CreateEnterpriseInput,
  ): Promise<LibraryEntryType> {
    return ctx.services.enterprises.create(requireActor(ctx), input);
  }

  @FieldResolver(() => [String], {
    description:
      'Operations the caller may take on this enterprise now (enterprise.addIpAsset; blacklist.propose while not blacklisted)',
  })
  async viewerCan(@Root() enterprise: EnterpriseType, @Ctx() ctx: GqlContext): Promise<Operation[]> {
    const ops: Operation[] = [];
    if (ctx.services.access.mayTake(requireActor(ctx), 'enterprise.addIpAsset'))
      ops.push('enterprise.addIpAsset');
    if (!enterprise.blacklisted) {
      const permitted = await viewerCanLoader(ctx, 'Enterprise', ['blacklist.propose']).load(enterprise.id);
      if (permitted.has('blacklist.propose')) ops.push('blacklist.propose');
    }
    return ops;
  }

  @Mutation(() => IpAssetType, {
    description:
      'Fund manager or a bank: a patent or trademark of an enterprise of the library. An item already on ' +
      'record for it answers with its record; one registered to another enterprise is refused',
  })
  async addIpAsset(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => AddIpAssetInput) input: AddIpAssetInput,
  ): Promise<IpAssetType> {
    return toIpAssetType(await ctx.services.enterprises.addIpAsset(requireActor(ctx), input));
  }
}
