import { exportHref } from '../../../lib/tableQuery';
import { loanExportParams, loanListFromParams, loanListVariables } from '../loanListState';

describe('贷款台账 state in the URL', () => {
  it('an empty URL filters nothing and sorts by the default', () => {
    const state = loanListFromParams({});
    expect(loanListVariables(state)).toEqual({ filter: null, orderBy: null });
    expect(exportHref('loans', loanExportParams(state))).toBe('/export/loans.xlsx');
  });

  it('reads the filters and the sort, drops junk, and exports the same', () => {
    const state = loanListFromParams({
      status: 'OVERDUE,IN_CLAIM,BOGUS',
      enterprise: ' 科技 ',
      overdueDaysMin: '15',
      issuedFrom: '2026-01-01',
      issuedTo: 'yesterday',
      sort: 'OUTSTANDING_PRINCIPAL.desc',
    });
    expect(loanListVariables(state)).toEqual({
      filter: {
        status: ['OVERDUE', 'IN_CLAIM'],
        enterprise: '科技',
        overdueDaysMin: 15,
        issuedFrom: '2026-01-01',
      },
      orderBy: { field: 'OUTSTANDING_PRINCIPAL', direction: 'DESC' },
    });
    expect(exportHref('loans', loanExportParams(state))).toBe(
      '/export/loans.xlsx?enterprise=%E7%A7%91%E6%8A%80&status=OVERDUE%2CIN_CLAIM&overdueDaysMin=15&issuedFrom=2026-01-01&orderBy=OUTSTANDING_PRINCIPAL&direction=DESC',
    );
  });
});
