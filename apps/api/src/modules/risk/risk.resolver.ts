import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Operation } from '@ipfund/shared';
import { requireActor, type GqlContext } from '../../graphql/context';
import { viewerCanLoader } from '../../graphql/loaders';
import {
  toBankRiskType,
  toBankSuspensionType,
  toRiskEventType,
  toRiskNoticeType,
  toSuspensionProposalType,
} from './risk.mapper';
import {
  BankRiskType,
  BankSuspensionType,
  ProposalStatus,
  ReportRiskEventInput,
  RiskEventType,
  RiskNoticeType,
  SuspensionProposalType,
} from './risk.types';
import {
  BANK_RISK_OPERATIONS,
  RISK_EVENT_OPERATIONS,
  SUSPENSION_PROPOSAL_OPERATIONS,
  bankRiskActionsInState,
  riskEventActionsInState,
  suspensionProposalActionsInState,
} from './risk.state';

@Resolver(() => BankRiskType)
export class RiskResolver {
  @Query(() => [BankRiskType], {
    description:
      'Risk ratio of every bank the caller may see, highest first (R4, Art 12). A bank sees only its own row; ' +
      'the offices, the manager and the auditor see all; others none.',
  })
  async bankRisks(@Ctx() ctx: GqlContext): Promise<BankRiskType[]> {
    const actor = requireActor(ctx);
    return (await ctx.services.risk.bankRisks(actor)).map(toBankRiskType);
  }

  @FieldResolver(() => [String], {
    description:
      'Operations the caller may take on this bank now (risk.issueWarning, risk.proposeSuspension, ' +
      "risk.liftSuspension): its organisation may, and the bank's ratio and supervision state allow it (Art 12)",
  })
  async viewerCan(@Root() risk: BankRiskType, @Ctx() ctx: GqlContext): Promise<Operation[]> {
    const permitted = await viewerCanLoader(ctx, 'BankRisk', BANK_RISK_OPERATIONS).load(risk.bank.id);
    return bankRiskActionsInState(risk).filter((op) => permitted.has(op));
  }

  @Query(() => [RiskNoticeType], {
    description: 'Warnings, suspension and lift notices the caller may see (a bank: its own), newest first',
  })
  async riskNotices(
    @Ctx() ctx: GqlContext,
    @Arg('bankId', () => ID, { nullable: true }) bankId?: string,
  ): Promise<RiskNoticeType[]> {
    const actor = requireActor(ctx);
    const policy = ctx.services.policies.inForce(ctx.services.clock.today());
    return (await ctx.services.risk.notices(actor, bankId)).map((n) => toRiskNoticeType(n, policy));
  }

  @Query(() => [SuspensionProposalType], {
    description: 'Suspension proposals (offices, manager, auditor only), newest first',
  })
  async suspensionProposals(
    @Ctx() ctx: GqlContext,
    @Arg('status', () => ProposalStatus, { nullable: true }) status?: ProposalStatus,
  ): Promise<SuspensionProposalType[]> {
    const actor = requireActor(ctx);
    return (await ctx.services.risk.proposals(actor, status)).map(toSuspensionProposalType);
  }

  @Mutation(() => RiskNoticeType, {
    description: 'The manager warns a bank at ≥ 5 % (Art 12); refused with Art 12 below the warning level',
  })
  async issueRiskWarning(
    @Ctx() ctx: GqlContext,
    @Arg('bankId', () => ID) bankId: string,
    @Arg('comment') comment: string,
  ): Promise<RiskNoticeType> {
    const actor = requireActor(ctx);
    const notice = await ctx.services.risk.issueWarning(actor, bankId, comment);
    return toRiskNoticeType(notice, ctx.services.policies.inForce(ctx.services.clock.today()));
  }

  @Mutation(() => SuspensionProposalType, {
    description: 'The manager proposes suspending a bank at ≥ 8 % (Art 12); the IP bureau decides',
  })
  async proposeSuspension(
    @Ctx() ctx: GqlContext,
    @Arg('bankId', () => ID) bankId: string,
    @Arg('comment') comment: string,
  ): Promise<SuspensionProposalType> {
    const actor = requireActor(ctx);
    return toSuspensionProposalType(await ctx.services.risk.proposeSuspension(actor, bankId, comment));
  }

  @Mutation(() => SuspensionProposalType, {
    description:
      'The IP bureau consents to or declines a suspension proposal; on consent it starts today (Art 12)',
  })
  async decideSuspension(
    @Ctx() ctx: GqlContext,
    @Arg('proposalId', () => ID) proposalId: string,
    @Arg('consent') consent: boolean,
    @Arg('comment') comment: string,
  ): Promise<SuspensionProposalType> {
    const actor = requireActor(ctx);
    return toSuspensionProposalType(
      await ctx.services.risk.decideSuspension(actor, proposalId, consent, comment),
    );
  }

  @Mutation(() => BankSuspensionType, { description: "The IP bureau lifts a bank's suspension (Art 12)" })
  async liftSuspension(
    @Ctx() ctx: GqlContext,
    @Arg('bankId', () => ID) bankId: string,
    @Arg('comment') comment: string,
  ): Promise<BankSuspensionType> {
    const actor = requireActor(ctx);
    return toBankSuspensionType(await ctx.services.risk.liftSuspension(actor, bankId, comment));
  }

  @Query(() => [RiskEventType], {
    description: "Early warnings (Art 16) the caller may see: the loan's bank and guarantor, the programme",
  })
  async riskEvents(
    @Ctx() ctx: GqlContext,
    @Arg('open', () => Boolean, { nullable: true, description: 'true: awaiting verification' })
    open?: boolean,
    @Arg('loanId', () => ID, { nullable: true }) loanId?: string,
  ): Promise<RiskEventType[]> {
    const actor = requireActor(ctx);
    return (await ctx.services.risk.events(actor, { open, loanId })).map(toRiskEventType);
  }

  @Mutation(() => RiskEventType, {
    description: 'The bank or guarantor reports a risk event on a loan (Art 16)',
  })
  async reportRiskEvent(
    @Ctx() ctx: GqlContext,
    @Arg('input') input: ReportRiskEventInput,
  ): Promise<RiskEventType> {
    const actor = requireActor(ctx);
    return toRiskEventType(await ctx.services.risk.reportEvent(actor, input));
  }

  @Mutation(() => RiskEventType, {
    description: 'The manager records the joint verification and the measures taken (Art 16)',
  })
  async recordRiskEventVerification(
    @Ctx() ctx: GqlContext,
    @Arg('eventId', () => ID) eventId: string,
    @Arg('verification') verification: string,
    @Arg('measures') measures: string,
    @Arg('contractSuspended') contractSuspended: boolean,
  ): Promise<RiskEventType> {
    const actor = requireActor(ctx);
    return toRiskEventType(
      await ctx.services.risk.verifyEvent(actor, { eventId, verification, measures, contractSuspended }),
    );
  }
}

@Resolver(() => SuspensionProposalType)
export class SuspensionProposalResolver {
  @FieldResolver(() => [String], {
    description:
      'Operations the caller may take on this proposal now (risk.decideSuspension while pending, Art 12)',
  })
  async viewerCan(@Root() proposal: SuspensionProposalType, @Ctx() ctx: GqlContext): Promise<Operation[]> {
    const permitted = await viewerCanLoader(ctx, 'SuspensionProposal', SUSPENSION_PROPOSAL_OPERATIONS).load(
      proposal.id,
    );
    return suspensionProposalActionsInState(proposal).filter((op) => permitted.has(op));
  }
}

@Resolver(() => RiskEventType)
export class RiskEventResolver {
  @FieldResolver(() => [String], {
    description: 'Operations the caller may take on this event now (risk.verifyEvent until verified, Art 16)',
  })
  async viewerCan(@Root() event: RiskEventType, @Ctx() ctx: GqlContext): Promise<Operation[]> {
    const permitted = await viewerCanLoader(ctx, 'RiskEvent', RISK_EVENT_OPERATIONS).load(event.id);
    return riskEventActionsInState(event).filter((op) => permitted.has(op));
  }
}
