import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { toBlacklistProposalType } from './blacklist.mapper';
import { BlacklistProposalStatus, BlacklistProposalType } from './blacklist.types';

@Resolver(() => BlacklistProposalType)
export class BlacklistResolver {
  @Query(() => [BlacklistProposalType], {
    description: 'Blacklist proposals, newest first. Offices, fund manager and auditor; others see none.',
  })
  async blacklistProposals(
    @Ctx() ctx: GqlContext,
    @Arg('status', () => BlacklistProposalStatus, { nullable: true }) status?: BlacklistProposalStatus | null,
  ): Promise<BlacklistProposalType[]> {
    const rows = await ctx.services.blacklist.list(requireActor(ctx), status ?? null);
    return rows.map(toBlacklistProposalType);
  }

  @Mutation(() => BlacklistProposalType, {
    description: 'Fund manager: propose to disqualify an enterprise that refuses to repay (Art 21)',
  })
  async proposeBlacklist(
    @Ctx() ctx: GqlContext,
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('reason') reason: string,
  ): Promise<BlacklistProposalType> {
    return toBlacklistProposalType(
      await ctx.services.blacklist.propose(requireActor(ctx), enterpriseId, reason),
    );
  }

  @Mutation(() => BlacklistProposalType, {
    description:
      'IP bureau: approve (the enterprise is blacklisted from the business date; its later loans are not covered) ' +
      'or decline (comment required). A decision is final.',
  })
  async decideBlacklist(
    @Ctx() ctx: GqlContext,
    @Arg('proposalId', () => ID) proposalId: string,
    @Arg('approve', () => Boolean) approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ): Promise<BlacklistProposalType> {
    return toBlacklistProposalType(
      await ctx.services.blacklist.decide(requireActor(ctx), proposalId, approve, comment),
    );
  }
}
