import type DataLoader from 'dataloader';
import { loaderFor } from '../../graphql/loaders';
import type { GqlContext } from '../../graphql/context';
import type { IpAssetEntity } from '../enterprise/enterprise.entity';
import type { LoanStatusReportEntity } from './loan-status-report.entity';

/**
 * Per-request batch loaders for the Loan's list fields: one statement per field for a whole page
 * (no N+1). The parent Loan was already authorized, so loading by its id reveals nothing more.
 */
export function collateralLoader(ctx: GqlContext): DataLoader<string, IpAssetEntity[]> {
  return loaderFor(ctx, 'loan.collateral', async (ids) => {
    const map = await ctx.services.loans.collateralOf(ids);
    return ids.map((id) => map.get(id) ?? []);
  });
}

export function statusReportsLoader(ctx: GqlContext): DataLoader<string, LoanStatusReportEntity[]> {
  return loaderFor(ctx, 'loan.statusReports', async (ids) => {
    const map = await ctx.services.loans.statusReportsOf(ids);
    return ids.map((id) => map.get(id) ?? []);
  });
}
