import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Operation } from '@ipfund/shared';
import { requireActor, type GqlContext } from '../../graphql/context';
import { viewerCanLoader } from '../../graphql/loaders';
import { connectionNodeFields } from '../../graphql/selection';
import { OrgRefType } from '../org/org.types';
import { collateralLoader, statusReportsLoader } from './loan.loaders';
import { loanActionsInState } from './loan.state';
import { toBorrowerOptionType, toLoanType, toLoanTypeFromRow } from './loan.mapper';
import { LoanFilterInput, LoanOrderInput } from './loan-list.types';
import {
  BorrowerOptionType,
  DownloadableFileType,
  LoanCollateralType,
  LoanConnectionType,
  LoanStatusReportType,
  LoanTapeResultType,
  LoanType,
  RegisterLoanInput,
  ReportLoanStatusInput,
  TapeFormat,
  UploadLoanTapeInput,
} from './loan.types';

const LOAN_OPERATIONS: readonly Operation[] = [
  'loan.reportStatus',
  'loan.acknowledge',
  'risk.reportEvent',
  'claim.submit',
];

@Resolver(() => LoanType)
export class LoanResolver {
  @Query(() => LoanConnectionType, {
    description:
      'Loans the caller may see, filtered and sorted on the server (default: newest issue first); first ≤ 100. ' +
      'totalCount counts the filtered list.',
  })
  async loans(
    @Ctx() ctx: GqlContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => LoanFilterInput, { nullable: true }) filter?: LoanFilterInput | null,
    @Arg('orderBy', () => LoanOrderInput, { nullable: true }) orderBy?: LoanOrderInput | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<LoanConnectionType> {
    const actor = requireActor(ctx);
    // Only the columns the response's loans need (issue 10).
    const fields = info ? connectionNodeFields(info) : null;
    const page = await ctx.services.loans.list(actor, { first, after, filter, orderBy }, fields);
    const today = ctx.services.clock.today();
    const edges = page.rows.map((row) => ({
      cursor: page.cursorOf(row),
      node: toLoanTypeFromRow(row, today),
    }));
    return {
      totalCount: page.totalCount,
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  @Query(() => LoanType, {
    nullable: true,
    description: 'null for a loan that does not exist or is not visible',
  })
  async loan(@Ctx() ctx: GqlContext, @Arg('id', () => ID) id: string): Promise<LoanType | null> {
    const actor = requireActor(ctx);
    const loan = await ctx.services.loans.byId(actor, id);
    return loan ? toLoanType(loan, ctx.services.clock.today()) : null;
  }

  @FieldResolver(() => [LoanCollateralType], { description: 'The pledged patents and trademarks (Art 2, 4)' })
  async collateral(@Root() loan: LoanType, @Ctx() ctx: GqlContext): Promise<LoanCollateralType[]> {
    return collateralLoader(ctx).load(loan.id);
  }

  @FieldResolver(() => [LoanStatusReportType], {
    description: 'Every status reported for the loan, oldest first (Art 12, 16)',
  })
  async statusReports(@Root() loan: LoanType, @Ctx() ctx: GqlContext): Promise<LoanStatusReportType[]> {
    return statusReportsLoader(ctx).load(loan.id);
  }

  @FieldResolver(() => [String], {
    description:
      'Operations the caller may take on this loan now (loan.reportStatus, loan.acknowledge, ' +
      'risk.reportEvent, claim.submit): its organisation may, the loan is its own, and the loan is in a state that allows it',
  })
  async viewerCan(@Root() loan: LoanType, @Ctx() ctx: GqlContext): Promise<Operation[]> {
    const permitted = await viewerCanLoader(ctx, 'Loan', LOAN_OPERATIONS).load(loan.id);
    const policy = ctx.services.access.policyNow();
    return loanActionsInState(loan, policy).filter((op) => permitted.has(op));
  }

  @Query(() => [BorrowerOptionType], {
    description: 'Enterprises the caller may see, with their patents and trademarks (the registration form)',
  })
  async borrowerOptions(@Ctx() ctx: GqlContext): Promise<BorrowerOptionType[]> {
    const actor = requireActor(ctx);
    return (await ctx.services.loans.borrowerOptions(actor)).map(toBorrowerOptionType);
  }

  @Query(() => [OrgRefType], {
    description: 'Active partner guarantors, for a three-party loan (Art 11, 14)',
  })
  async guarantorOptions(@Ctx() ctx: GqlContext): Promise<OrgRefType[]> {
    const actor = requireActor(ctx);
    return (await ctx.services.loans.guarantorOptions(actor)).map((g) => ({ id: g.id, name: g.name }));
  }

  @Mutation(() => LoanType, {
    description:
      'A bank registers a loan it issued. Coverage (R2) is decided by the measures in force on the issue date ' +
      'and stored with its reasons; an uncovered loan is recorded, marked, and can never be claimed. ' +
      "A suspended bank's new loans are registered uncovered (Art 12).",
  })
  async registerLoan(@Ctx() ctx: GqlContext, @Arg('input') input: RegisterLoanInput): Promise<LoanType> {
    const actor = requireActor(ctx);
    const loan = await ctx.services.loans.register(actor, input);
    return toLoanType(loan, ctx.services.clock.today());
  }

  @Mutation(() => LoanType, { description: 'A bank reports a loan status as of a date (Art 12, 16)' })
  async reportLoanStatus(
    @Ctx() ctx: GqlContext,
    @Arg('input') input: ReportLoanStatusInput,
  ): Promise<LoanType> {
    const actor = requireActor(ctx);
    const loan = await ctx.services.loans.reportStatus(actor, input);
    return toLoanType(loan, ctx.services.clock.today());
  }

  @Mutation(() => LoanType, { description: 'The guarantor acknowledges a loan it guarantees (Art 14)' })
  async acknowledgeLoan(@Ctx() ctx: GqlContext, @Arg('loanId', () => ID) loanId: string): Promise<LoanType> {
    const actor = requireActor(ctx);
    const loan = await ctx.services.loans.acknowledge(actor, loanId);
    return toLoanType(loan, ctx.services.clock.today());
  }

  @Mutation(() => LoanTapeResultType, {
    description:
      'A bank uploads a CSV or XLSX of loan statuses (≤ 5 MB, ≤ 10,000 rows). Every row is validated; ' +
      'the answer lists each bad row with line, column and reason. One transaction.',
  })
  async uploadLoanTape(
    @Ctx() ctx: GqlContext,
    @Arg('input') input: UploadLoanTapeInput,
  ): Promise<LoanTapeResultType> {
    const actor = requireActor(ctx);
    const r = await ctx.services.loanTape.upload(actor, input);
    return {
      totalRows: r.totalRows,
      validRows: r.validRows,
      applied: r.applied,
      registered: r.registered,
      newLoans: r.newLoans,
      errors: r.errors.map((e) => ({
        line: e.line,
        column: e.column,
        field: e.field,
        code: e.code,
        reason: e.reason,
      })),
    };
  }

  @Query(() => DownloadableFileType, {
    description: "The loan tape template, pre-filled with the bank's active loans (banks only)",
  })
  async loanTapeTemplate(
    @Ctx() ctx: GqlContext,
    @Arg('format', () => TapeFormat) format: TapeFormat,
  ): Promise<DownloadableFileType> {
    const actor = requireActor(ctx);
    return ctx.services.loanTape.template(actor, format);
  }
}
