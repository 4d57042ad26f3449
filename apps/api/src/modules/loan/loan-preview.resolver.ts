import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { CoverageVerdict, LoanCoveragePreviewType, PreviewLoanCoverageInput } from './loan-preview.types';

@Resolver(() => LoanCoveragePreviewType)
export class LoanPreviewResolver {
  @Query(() => LoanCoveragePreviewType, {
    description:
      'A bank filling in the registration form: the coverage verdict registerLoan would give now (纳入补偿 / 不予补偿), ' +
      'with every reason and its article and the applicable tier. Same rule and same facts as registration; ' +
      'nothing is stored.',
  })
  async previewLoanCoverage(
    @Ctx() ctx: GqlContext,
    @Arg('input') input: PreviewLoanCoverageInput,
  ): Promise<LoanCoveragePreviewType> {
    const p = await ctx.services.loanPreview.preview(requireActor(ctx), input);
    return {
      verdict: p.coverage.covered ? CoverageVerdict.COVERED : CoverageVerdict.NOT_COVERED,
      verdictLabel: p.coverage.covered ? '纳入补偿' : '不予补偿',
      reasons: p.coverage.reasons.map((r) => ({ article: r.article, code: r.code, message: r.message })),
      tier: p.tier,
      tierCapRate: p.tierCapRate,
      loanKind: p.coverage.covered ? p.coverage.loanKind : null,
      threeParty: p.threeParty,
      policyId: p.policy.id,
    };
  }
}
