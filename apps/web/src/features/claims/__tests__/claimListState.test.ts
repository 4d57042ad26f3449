import { exportHref } from '../../../lib/tableQuery';
import { claimExportParams, claimListFromParams, claimListVariables } from '../claimListState';

describe('补偿申请 state in the URL', () => {
  it('reads status, search, awaiting-me and sort; exports the same', () => {
    const state = claimListFromParams({
      status: 'VERIFIED,NOPE',
      awaitingMe: 'true',
      sort: 'FILED_ON.asc',
      enterprise: '',
    });
    expect(claimListVariables(state)).toEqual({
      filter: { status: ['VERIFIED'], awaitingMe: true },
      orderBy: { field: 'FILED_ON', direction: 'ASC' },
    });
    expect(exportHref('claims', claimExportParams(state))).toBe(
      '/export/claims.xlsx?status=VERIFIED&awaitingMe=true&orderBy=FILED_ON&direction=ASC',
    );
    expect(claimListVariables(claimListFromParams({ awaitingMe: 'false' }))).toEqual({
      filter: null,
      orderBy: null,
    });
  });
});
