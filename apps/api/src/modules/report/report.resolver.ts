import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireActor, type GqlContext } from '../../graphql/context';
import { fundReportUrl } from './report.urls';
import { FundReportSummaryType, FundReportType } from './report.types';
import type { FundReportSummary, FundReportView } from './report.service';

const withLinks = <T extends FundReportView | FundReportSummary>(r: T) => ({
  ...r,
  xlsxUrl: fundReportUrl(r.period, 'xlsx'),
  pdfUrl: fundReportUrl(r.period, 'pdf'),
});

/** Operation reports (Art 6.6). Thin: context → service. */
@Resolver()
export class ReportResolver {
  @Query(() => FundReportType, {
    description:
      'The operation report of a quarter ("2026-Q4") or year ("2026"): the latest issued version (frozen), or ' +
      'the live figures marked DRAFT. Offices, manager and auditor; FORBIDDEN for others (Art 6.6).',
  })
  async fundReport(
    @Ctx() ctx: GqlContext,
    @Arg('period', () => String) period: string,
  ): Promise<FundReportType> {
    return withLinks(await ctx.services.reports.report(requireActor(ctx), period));
  }

  @Query(() => [FundReportSummaryType], {
    description: 'Issued reports with their versions and acknowledgements, and recent periods still in draft',
  })
  async fundReports(@Ctx() ctx: GqlContext): Promise<FundReportSummaryType[]> {
    return (await ctx.services.reports.reports(requireActor(ctx))).map(withLinks);
  }

  @Mutation(() => FundReportType, {
    description:
      'The manager issues the report of an ended period (frozen with its hash). Issuing again is a correction: a ' +
      'new version, and `reason` is required (CONFLICT without it).',
  })
  async issueFundReport(
    @Ctx() ctx: GqlContext,
    @Arg('period', () => String) period: string,
    @Arg('reason', () => String, { nullable: true }) reason?: string | null,
  ): Promise<FundReportType> {
    return withLinks(await ctx.services.reports.issue(requireActor(ctx), period, reason));
  }

  @Mutation(() => FundReportType, {
    description: 'An office acknowledges an issued version (once per version)',
  })
  async acknowledgeFundReport(
    @Ctx() ctx: GqlContext,
    @Arg('period', () => String) period: string,
    @Arg('version', () => Int) version: number,
    @Arg('comment', () => String, { nullable: true }) comment?: string | null,
  ): Promise<FundReportType> {
    return withLinks(await ctx.services.reports.acknowledge(requireActor(ctx), period, version, comment));
  }
}
