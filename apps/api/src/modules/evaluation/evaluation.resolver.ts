import { EVALUATION_CRITERIA } from '@ipfund/policy';
import type { Operation } from '@ipfund/shared';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import type { EvaluationRoundRow } from './evaluation.service';
import { EvaluationRoundType, ScorePartnerInput } from './evaluation.types';

/** Whitelists what a round shows; the operations come from the operations table and the round's state. */
function toType(row: EvaluationRoundRow, ctx: GqlContext): EvaluationRoundType {
  const actor = requireActor(ctx);
  const access = ctx.services.access;
  const draft = row.status === 'DRAFT';
  const roundOps: Operation[] = draft
    ? (['evaluation.compute', 'evaluation.submit'] as const).filter((op) => access.mayTake(actor, op))
    : [];
  const mayScore = draft && access.mayTake(actor, 'evaluation.score');
  return {
    id: row.id,
    half: row.half,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    asOf: row.asOf,
    status: row.status,
    policyId: row.policyId,
    weights: EVALUATION_CRITERIA.map((c) => ({ criterion: c, weight: row.weights[c] })),
    computedOn: row.computedOn,
    submittedOn: row.submittedOn,
    article: ctx.services.policies.inForce(ctx.services.clock.today()).provisions.partnerEvaluation.article,
    viewerCan: roundOps,
    entries: row.entries.map((e) => ({
      id: e.id,
      partner: { id: e.partnerId, name: e.partnerName },
      partnerKind: e.partnerKind,
      indicators: e.indicators,
      scores: {
        productInnovation: e.innovationScore,
        workEffectiveness: e.effectivenessScore,
        creditGranted: e.measuredScores.creditGranted ?? null,
        enterpriseReach: e.measuredScores.enterpriseReach ?? null,
        loanEfficiency: e.measuredScores.loanEfficiency ?? null,
        assetQuality: e.measuredScores.assetQuality ?? null,
      },
      scoreComment: e.scoreComment,
      totalScore: e.totalScore,
      rank: e.rank,
      viewerCan: mayScore ? ['evaluation.score'] : [],
    })),
  };
}

@Resolver(() => EvaluationRoundType)
export class EvaluationResolver {
  @Query(() => EvaluationRoundType, {
    description:
      "A half year's evaluation round (period: '2026-H2'). The offices, the manager and an engaged auditor see " +
      'every entry and the ranking; a bank or guarantor its own entry of a submitted round only (Art 23)',
  })
  async evaluationRound(
    @Ctx() ctx: GqlContext,
    @Arg('period', () => String) period: string,
  ): Promise<EvaluationRoundType> {
    return toType(await ctx.services.evaluation.round(requireActor(ctx), period), ctx);
  }

  @Query(() => [EvaluationRoundType], { description: 'Every round the caller may see, newest half first' })
  async evaluationRounds(@Ctx() ctx: GqlContext): Promise<EvaluationRoundType[]> {
    return (await ctx.services.evaluation.rounds(requireActor(ctx))).map((r) => toType(r, ctx));
  }

  @Mutation(() => EvaluationRoundType, {
    description:
      "The manager computes (or recomputes, while a draft) a half year's round from the data (Art 23)",
  })
  async computeEvaluation(
    @Ctx() ctx: GqlContext,
    @Arg('period', () => String) period: string,
  ): Promise<EvaluationRoundType> {
    return toType(await ctx.services.evaluation.compute(requireActor(ctx), period), ctx);
  }

  @Mutation(() => EvaluationRoundType, {
    description: "The manager scores a partner's product innovation and work effectiveness (0–100, Art 23)",
  })
  async scorePartnerEvaluation(
    @Ctx() ctx: GqlContext,
    @Arg('entryId', () => ID) entryId: string,
    @Arg('input', () => ScorePartnerInput) input: ScorePartnerInput,
  ): Promise<EvaluationRoundType> {
    return toType(await ctx.services.evaluation.score(requireActor(ctx), entryId, input), ctx);
  }

  @Mutation(() => EvaluationRoundType, {
    description: 'The manager submits the round to the offices; it is frozen from then on (Art 23)',
  })
  async submitEvaluation(
    @Ctx() ctx: GqlContext,
    @Arg('period', () => String) period: string,
  ): Promise<EvaluationRoundType> {
    return toType(await ctx.services.evaluation.submit(requireActor(ctx), period), ctx);
  }
}
