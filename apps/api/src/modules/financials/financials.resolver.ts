import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import {
  CollectionType,
  FinancialStatementInput,
  FinancialStatementType,
  ReminderType,
} from './financials.types';

/** Borrowers' quarterly financial statements (Art 22). Thin: context → service. */
@Resolver()
export class FinancialsResolver {
  @Query(() => CollectionType, {
    description:
      'Who owes a statement for an ended quarter (an outstanding covered loan at its end), who gave it, who was ' +
      'reminded (Art 22). Offices, manager and auditor; FORBIDDEN for banks, guarantors and enterprises.',
  })
  async financialStatementCollection(
    @Ctx() ctx: GqlContext,
    @Arg('quarter', () => String) quarter: string,
  ): Promise<CollectionType> {
    const actor = requireActor(ctx);
    const c = await ctx.services.financials.collection(actor, quarter);
    const mayRemind = ctx.services.access.mayTake(actor, 'financials.remind');
    return {
      quarter: c.quarter.key,
      label: c.label,
      expected: c.rows.length,
      submitted: c.rows.filter((r) => r.statement).length,
      missing: c.rows.filter((r) => !r.statement).length,
      rows: c.rows.map((r) => ({ ...r, viewerCan: mayRemind && !r.statement ? ['financials.remind'] : [] })),
    };
  }

  @Query(() => [FinancialStatementType], {
    description:
      'Statements the caller may read, every version, newest quarter first: the programme all, a lending bank ' +
      'those of the enterprises it lends to, an enterprise its own (Art 22)',
  })
  async financialStatements(
    @Ctx() ctx: GqlContext,
    @Arg('enterpriseId', () => ID, { nullable: true }) enterpriseId?: string | null,
    @Arg('quarter', () => String, { nullable: true }) quarter?: string | null,
  ): Promise<FinancialStatementType[]> {
    return ctx.services.financials.statements(requireActor(ctx), { enterpriseId, quarter });
  }

  @Query(() => [ReminderType], { description: 'Reminders of missing statements for a quarter' })
  async financialStatementReminders(
    @Ctx() ctx: GqlContext,
    @Arg('quarter', () => String) quarter: string,
  ): Promise<ReminderType[]> {
    return ctx.services.financials.reminders(requireActor(ctx), quarter);
  }

  @Mutation(() => FinancialStatementType, {
    description:
      'An enterprise submits its statement for an ended quarter, or the manager on its behalf (Art 22); a second ' +
      'submission is CONFLICT: correct it with a reason',
  })
  async submitFinancialStatement(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => FinancialStatementInput) input: FinancialStatementInput,
  ): Promise<FinancialStatementType> {
    return ctx.services.financials.submit(requireActor(ctx), input);
  }

  @Mutation(() => FinancialStatementType, {
    description: 'A correction: the next version with its reason; the earlier versions are kept (Art 22)',
  })
  async correctFinancialStatement(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => FinancialStatementInput) input: FinancialStatementInput,
    @Arg('reason', () => String) reason: string,
  ): Promise<FinancialStatementType> {
    return ctx.services.financials.correct(requireActor(ctx), input, reason);
  }

  @Mutation(() => ReminderType, {
    description: 'The manager reminds an enterprise whose statement for an ended quarter is missing (Art 22)',
  })
  async remindFinancialStatement(
    @Ctx() ctx: GqlContext,
    @Arg('enterpriseId', () => ID) enterpriseId: string,
    @Arg('quarter', () => String) quarter: string,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ): Promise<ReminderType> {
    return ctx.services.financials.remind(requireActor(ctx), enterpriseId, quarter, comment);
  }
}
