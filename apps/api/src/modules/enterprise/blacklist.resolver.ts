import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Operation } from '@ipfund/shared';
import { requireActor, type GqlContext } from '../../graphql/context';
import { viewerCanLoader } from '../../graphql/loaders';
import { toBlacklistProposalType } from './blacklist.mapper';
import { BLACKLIST_PROPOSAL_OPERATIONS, blacklistProposalActionsInState } from './blacklist.state';
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

  @FieldResolver(() => [String], {
    description:
      'Operations the caller may take on this proposal now (blacklist.decide while pending, Art 21)',
  })
  async viewerCan(@Root() proposal: BlacklistProposalType, @Ctx() ctx: GqlContext): Promise<Operation[]> {
    const permitted = await viewerCanLoader(ctx, 'BlacklistProposal', BLACKLIST_PROPOSAL_OPERATIONS).load(
      proposal.id,
    );
    return blacklistProposalActionsInState(proposal).filter((op) => permitted.has(op));
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
