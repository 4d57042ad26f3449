import type DataLoader from 'dataloader';
import { loaderFor } from '../../graphql/loaders';
import type { GqlContext } from '../../graphql/context';
import { toCollateralType, toStatusReportType } from './loan.mapper';
import type { LoanCollateralType, LoanStatusReportType } from './loan.types';

/**
 * Per-request batch loaders for the Loan's list fields: one statement per field for a whole page
 * (no N+1), in the caller's scope: only readable loans' items load.
 */
export function collateralLoader(ctx: GqlContext): DataLoader<string, LoanCollateralType[]> {
  return loaderFor(ctx, 'loan.collateral', async (scope, ids) => {
    const map = await ctx.services.loans.collateralOf(scope, ids);
    return ids.map((id) => (map.get(id) ?? []).map(toCollateralType));
  });
}

export function statusReportsLoader(ctx: GqlContext): DataLoader<string, LoanStatusReportType[]> {
  return loaderFor(ctx, 'loan.statusReports', async (scope, ids) => {
    const map = await ctx.services.loans.statusReportsOf(scope, ids);
    return ids.map((id) => (map.get(id) ?? []).map(toStatusReportType));
  });
}
