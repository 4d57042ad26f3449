import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Operation } from '@ipfund/shared';
import { requireActor, type GqlContext } from '../../graphql/context';
import { toContributionType, toPlanType, toTerminationType } from './fund-governance.mapper';
import {
  AnnualPlanStatus,
  AnnualWorkPlanType,
  CapitalContributionType,
  FundTerminationStatus,
  FundTerminationType,
  ProposeFundTerminationInput,
  RecordCapitalContributionInput,
  SubmitAnnualPlanInput,
} from './fund-governance.types';

/** The fund's capital, annual work plan and termination (Art 3, 5, 6.5, 24). Thin: the service decides. */
@Resolver()
export class FundGovernanceResolver {
  @Query(() => [CapitalContributionType], {
    description:
      'Capital contributions, newest first. Offices, fund manager and auditor (FORBIDDEN otherwise).',
  })
  async capitalContributions(@Ctx() ctx: GqlContext): Promise<CapitalContributionType[]> {
    return (await ctx.services.fundGovernance.contributions(requireActor(ctx))).map(toContributionType);
  }

  @Query(() => [AnnualWorkPlanType], {
    description: 'Annual work plans, newest year first (Art 6.5). Offices, fund manager and auditor.',
  })
  async annualWorkPlans(@Ctx() ctx: GqlContext): Promise<AnnualWorkPlanType[]> {
    return (await ctx.services.fundGovernance.plans(requireActor(ctx))).map(toPlanType);
  }

  @Query(() => FundTerminationType, {
    nullable: true,
    description:
      'The latest termination proposal or decision with every office’s answer (Art 24); null when none. ' +
      'Offices, fund manager and auditor; everyone sees the decided state in fundStatus.',
  })
  async fundTermination(@Ctx() ctx: GqlContext): Promise<FundTerminationType | null> {
    const t = await ctx.services.fundGovernance.termination(requireActor(ctx));
    return t ? toTerminationType(t) : null;
  }

  @Mutation(() => CapitalContributionType, {
    description:
      'Finance bureau: a capital contribution, posted to the principal (Art 3, 5). Idempotent by key.',
  })
  async recordCapitalContribution(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => RecordCapitalContributionInput) input: RecordCapitalContributionInput,
  ): Promise<CapitalContributionType> {
    return toContributionType(await ctx.services.fundGovernance.recordContribution(requireActor(ctx), input));
  }

  @Mutation(() => AnnualWorkPlanType, {
    description: "Fund manager: submit the year's work plan, or revise it after a return (Art 6.5)",
  })
  async submitAnnualPlan(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => SubmitAnnualPlanInput) input: SubmitAnnualPlanInput,
  ): Promise<AnnualWorkPlanType> {
    return toPlanType(await ctx.services.fundGovernance.submitAnnualPlan(requireActor(ctx), input));
  }

  @Mutation(() => AnnualWorkPlanType, {
    description: 'Office: approve the submitted plan; it is approved when every office has (Art 6.5)',
  })
  async approveAnnualPlan(
    @Ctx() ctx: GqlContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ): Promise<AnnualWorkPlanType> {
    return toPlanType(
      await ctx.services.fundGovernance.approveAnnualPlan(requireActor(ctx), planId, comment),
    );
  }

  @Mutation(() => AnnualWorkPlanType, {
    description: 'Office: return the submitted plan to the manager with a reason (Art 6.5)',
  })
  async returnAnnualPlan(
    @Ctx() ctx: GqlContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('reason') reason: string,
  ): Promise<AnnualWorkPlanType> {
    return toPlanType(await ctx.services.fundGovernance.returnAnnualPlan(requireActor(ctx), planId, reason));
  }

  @Mutation(() => FundTerminationType, {
    description: 'Office: propose terminating the fund with a reason and an effective date (Art 24)',
  })
  async proposeFundTermination(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => ProposeFundTerminationInput) input: ProposeFundTerminationInput,
  ): Promise<FundTerminationType> {
    return toTerminationType(await ctx.services.fundGovernance.proposeTermination(requireActor(ctx), input));
  }

  @Mutation(() => FundTerminationType, {
    description: 'Office: consent to the proposed termination; terminated when every office has (Art 24)',
  })
  async consentToFundTermination(
    @Ctx() ctx: GqlContext,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ): Promise<FundTerminationType> {
    return toTerminationType(
      await ctx.services.fundGovernance.consentToTermination(requireActor(ctx), comment),
    );
  }

  @Mutation(() => FundTerminationType, {
    description: 'Office: decline the proposed termination with a reason, which ends it (Art 24)',
  })
  async declineFundTermination(
    @Ctx() ctx: GqlContext,
    @Arg('reason') reason: string,
  ): Promise<FundTerminationType> {
    return toTerminationType(await ctx.services.fundGovernance.declineTermination(requireActor(ctx), reason));
  }

  @Mutation(() => FundTerminationType, {
    description:
      'Fund manager: after the termination took effect and the claims under way finished, return the ' +
      "special account's balance to the funder (TERMINATION_RETURN, Art 24). Idempotent by key.",
  })
  async returnFundBalance(
    @Ctx() ctx: GqlContext,
    @Arg('idempotencyKey') idempotencyKey: string,
  ): Promise<FundTerminationType> {
    return toTerminationType(
      await ctx.services.fundGovernance.returnBalance(requireActor(ctx), idempotencyKey),
    );
  }
}

@Resolver(() => AnnualWorkPlanType)
export class AnnualWorkPlanResolver {
  @FieldResolver(() => [String], {
    description:
      'Operations the caller may take on this plan now: fund.approveAnnualPlan / fund.returnAnnualPlan while ' +
      'it awaits an office that has not decided on this revision; fund.submitAnnualPlan after a return',
  })
  viewerCan(@Root() plan: AnnualWorkPlanType, @Ctx() ctx: GqlContext): Operation[] {
    const actor = requireActor(ctx);
    const may = (op: Operation) => ctx.services.access.mayTake(actor, op);
    if (plan.status === AnnualPlanStatus.RETURNED)
      return may('fund.submitAnnualPlan') ? ['fund.submitAnnualPlan'] : [];
    if (plan.status !== AnnualPlanStatus.SUBMITTED) return [];
    const decided = plan.decisions.some((d) => d.revision === plan.revision && d.orgKind === actor.orgKind);
    if (decided) return [];
    return (['fund.approveAnnualPlan', 'fund.returnAnnualPlan'] as const).filter(may);
  }
}

@Resolver(() => FundTerminationType)
export class FundTerminationResolver {
  @FieldResolver(() => [String], {
    description:
      'Operations the caller may take on this termination now: consent or decline while proposed and its ' +
      'office has not answered; fund.returnBalance once terminated',
  })
  viewerCan(@Root() t: FundTerminationType, @Ctx() ctx: GqlContext): Operation[] {
    const actor = requireActor(ctx);
    const may = (op: Operation) => ctx.services.access.mayTake(actor, op);
    if (t.status === FundTerminationStatus.PROPOSED) {
      if (t.consents.some((c) => c.orgKind === actor.orgKind)) return [];
      return (['fund.consentToTermination', 'fund.declineTermination'] as const).filter(may);
    }
    if (t.status === FundTerminationStatus.TERMINATED || t.status === FundTerminationStatus.SETTLED) {
      return may('fund.returnBalance') ? ['fund.returnBalance'] : [];
    }
    return [];
  }
}
