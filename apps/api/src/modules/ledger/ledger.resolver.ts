import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Operation } from '@ipfund/shared';
import type { Actor } from '../../authz/actor';
import { LedgerEntryFilterInput, LedgerEntryOrderInput } from './ledger-list.types';
import { requireActor, type GqlContext } from '../../graphql/context';
import { DateScalar } from '../../graphql/scalars';
import {
  toFundStatusType,
  toLedgerEntryType,
  toLedgerTransactionType,
  toTrialBalanceType,
} from './ledger.mapper';
import type { PostedTransaction } from './ledger.service';
import {
  FundStatusType,
  LedgerEntryConnectionType,
  LedgerTransactionType,
  RecordInterestIncomeInput,
  RecordProgrammeCostInput,
  SetFundDepositBankInput,
  TrialBalanceType,
} from './ledger.types';

async function viewOf(
  ctx: GqlContext,
  actor: Actor,
  posted: PostedTransaction,
): Promise<LedgerTransactionType> {
  const view = await ctx.services.ledger.transaction(actor, posted.id);
  if (!view) throw new Error(`ledger transaction ${posted.id} not readable after posting`);
  return toLedgerTransactionType(view);
}

@Resolver()
export class LedgerResolver {
  @Query(() => TrialBalanceType, {
    description:
      'Per account Σ debit, Σ credit and balance. Offices, fund manager and auditor only (FORBIDDEN otherwise).',
  })
  async trialBalance(
    @Ctx() ctx: GqlContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<TrialBalanceType> {
    const actor = requireActor(ctx);
    return toTrialBalanceType(await ctx.services.ledger.trialBalance(actor, asOf));
  }

  @Query(() => LedgerEntryConnectionType, {
    description:
      'The journal, newest transaction first, its lines in posting order; first ≤ 100. Offices, fund manager and auditor only.',
  })
  async ledgerEntries(
    @Ctx() ctx: GqlContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('accountCode', () => String, { nullable: true }) accountCode?: string,
    @Arg('filter', () => LedgerEntryFilterInput, { nullable: true }) filter?: LedgerEntryFilterInput | null,
    @Arg('orderBy', () => LedgerEntryOrderInput, { nullable: true }) orderBy?: LedgerEntryOrderInput | null,
  ): Promise<LedgerEntryConnectionType> {
    const actor = requireActor(ctx);
    const page = await ctx.services.ledger.entries(actor, { first, after, accountCode, filter, orderBy });
    const edges = page.rows.map((row) => ({ cursor: page.cursorOf(row), node: toLedgerEntryType(row) }));
    return {
      totalCount: page.totalCount,
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Query(() => LedgerTransactionType, {
    nullable: true,
    description: 'null for a transaction that does not exist or that the caller may not see',
  })
  async ledgerTransaction(
    @Ctx() ctx: GqlContext,
    @Arg('id', () => ID) id: string,
  ): Promise<LedgerTransactionType | null> {
    const actor = requireActor(ctx);
    const view = await ctx.services.ledger.transaction(actor, id);
    return view ? toLedgerTransactionType(view) : null;
  }

  @Query(() => FundStatusType, {
    description:
      'The fund at a glance. Everyone logged in sees `suspended`; banks, guarantors and enterprises get null amounts.',
  })
  async fundStatus(@Ctx() ctx: GqlContext): Promise<FundStatusType> {
    const actor = requireActor(ctx);
    return toFundStatusType(await ctx.services.ledger.fundStatus(actor, ctx.services.fundCompensation));
  }

  @Mutation(() => LedgerTransactionType, {
    description: 'Fund manager: interest credited to the interest sub-account (Art 10). Idempotent by key.',
  })
  async recordInterestIncome(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => RecordInterestIncomeInput) input: RecordInterestIncomeInput,
  ): Promise<LedgerTransactionType> {
    const actor = requireActor(ctx);
    return viewOf(ctx, actor, await ctx.services.ledger.recordInterestIncome(actor, input));
  }

  @Mutation(() => LedgerTransactionType, {
    description:
      'Fund manager: a programme cost paid from the interest sub-account (Art 10); refused beyond its balance.',
  })
  async recordProgrammeCost(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => RecordProgrammeCostInput) input: RecordProgrammeCostInput,
  ): Promise<LedgerTransactionType> {
    const actor = requireActor(ctx);
    return viewOf(ctx, actor, await ctx.services.ledger.recordProgrammeCost(actor, input));
  }

  @Mutation(() => LedgerTransactionType, {
    description:
      'Fund manager: corrects a ledger-only posting with a mirroring REVERSAL (once per transaction). Returns the reversal.',
  })
  async reverseLedgerTransaction(
    @Ctx() ctx: GqlContext,
    @Arg('transactionId', () => ID) transactionId: string,
    @Arg('reason') reason: string,
    @Arg('idempotencyKey') idempotencyKey: string,
  ): Promise<LedgerTransactionType> {
    const actor = requireActor(ctx);
    return viewOf(
      ctx,
      actor,
      await ctx.services.ledger.reverseLedgerTransaction(actor, transactionId, reason, idempotencyKey),
    );
  }

  @Mutation(() => TrialBalanceType, {
    description:
      'Fund manager: the deposit bank holding the special account (Art 7). Returns the trial balance.',
  })
  async setFundDepositBank(
    @Ctx() ctx: GqlContext,
    @Arg('input', () => SetFundDepositBankInput) input: SetFundDepositBankInput,
  ): Promise<TrialBalanceType> {
    const actor = requireActor(ctx);
    await ctx.services.ledger.setDepositBank(actor, input);
    return toTrialBalanceType(await ctx.services.ledger.trialBalance(actor));
  }
}

/** Ledger operations the fund manager takes on the fund as a whole (Art 6, 7, 10). */
const FUND_LEDGER_OPERATIONS: readonly Operation[] = [
  'ledger.recordInterestIncome',
  'ledger.recordProgrammeCost',
  'ledger.reverseTransaction',
  'ledger.setDepositBank',
];

/** Governance operations started on the fund itself (a plan's or a termination's next steps are on them). */
const FUND_GOVERNANCE_OPERATIONS: readonly Operation[] = [
  'fund.recordContribution',
  'fund.submitAnnualPlan',
  'fund.proposeTermination',
];

@Resolver(() => FundStatusType)
export class FundStatusResolver {
  @FieldResolver(() => [String], {
    description:
      'Operations the caller may take on the fund now: the ledger movements of its kind, ' +
      'fund.consentToResume while the fund is suspended and its organisation has not consented yet, and ' +
      'the governance operations of its kind (contribution, annual plan, termination proposal)',
  })
  async viewerCan(@Ctx() ctx: GqlContext): Promise<Operation[]> {
    const actor = requireActor(ctx);
    const ops = FUND_LEDGER_OPERATIONS.filter((op) => ctx.services.access.mayTake(actor, op));
    if (await ctx.services.fund.awaitsConsentOf(actor)) ops.push('fund.consentToResume');
    // The fund's governance (Art 3, 5, 6.5, 24): what the caller's kind may start on the fund as a whole.
    for (const op of FUND_GOVERNANCE_OPERATIONS) if (ctx.services.access.mayTake(actor, op)) ops.push(op);
    return ops;
  }
}
