import type { DashboardView, StatusFigure } from './dashboard.service';
import type { DashboardType, StatusFigureType } from './dashboard.types';

const figure = (f: StatusFigure): StatusFigureType => ({
  status: f.status,
  count: f.count,
  amount: f.amount.toString(),
});

export function toDashboardType(view: DashboardView): DashboardType {
  return {
    asOf: view.asOf,
    portfolio: {
      loanCount: view.portfolio.loanCount,
      outstandingPrincipal: view.portfolio.outstandingPrincipal.toString(),
      overdueLoans: view.portfolio.overdueLoans,
      overduePrincipal: view.portfolio.overduePrincipal.toString(),
      riskOverdueLoans: view.portfolio.riskOverdueLoans,
    },
    loansByStatus: view.loansByStatus.map(figure),
    claimsByStatus: view.claimsByStatus.map(figure),
    quarters: view.quarters.map((q) => ({
      quarter: q.quarter,
      endsOn: q.endsOn,
      loansIssued: q.loansIssued,
      principalIssued: q.principalIssued.toString(),
      claimsFiled: q.claimsFiled,
      compensationApproved: q.compensationApproved.toString(),
      compensationPaid: q.compensationPaid.toString(),
      cumulativeCompensation: q.cumulativeCompensation.toString(),
    })),
    riskHistory: view.riskHistory.map((s) => ({
      bank: { id: s.bankId, name: s.bankName },
      points: s.points.map((p) => ({ asOf: p.asOf, ratio: p.ratio })),
    })),
  };
}
