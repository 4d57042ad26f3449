import { toIsoDate } from '@ipfund/policy';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { toAgreementType } from './agreement.mapper';
import { AgreementType, RecordAgreementInput } from './agreement.types';

@Resolver(() => AgreementType)
export class AgreementResolver {
  @Query(() => [AgreementType], {
    description:
      'Cooperation agreement versions, per bank newest first. Offices, manager, auditor: all; a bank: its own; others: none.',
  })
  async agreements(
    @Ctx() ctx: GqlContext,
    @Arg('bankId', () => ID, { nullable: true }) bankId?: string | null,
  ): Promise<AgreementType[]> {
    const { rows, inForce } = await ctx.services.agreements.list(requireActor(ctx), { bankId });
    return rows.map((row) => toAgreementType(row, inForce.has(row.id)));
  }

  @Mutation(() => AgreementType, {
    description:
      'Offices and fund manager: a new version of a bank agreement (Art 8). Refused with the article when a rate ' +
      'breaks the measures (tier cap Art 11, guarantor ≥ 40 % Art 14, fund + guarantor ≤ 100 %).',
  })
  async recordAgreement(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => RecordAgreementInput) input: RecordAgreementInput,
  ): Promise<AgreementType> {
    const actor = requireActor(ctx);
    const row = await ctx.services.agreements.record(actor, {
      ...input,
      effectiveFrom: toIsoDate(input.effectiveFrom),
    });
    return toAgreementType(row, await ctx.services.agreements.isInForce(actor, row));
  }
}
