import { exportHref } from '../../../lib/tableQuery';
import {
  ledgerExportParams,
  ledgerListFromParams,
  ledgerListVariables,
  trialBalanceExportParams,
} from '../ledgerListState';

describe('资金账簿 journal state in the URL', () => {
  it('an empty URL filters nothing and keeps the posting order', () => {
    const state = ledgerListFromParams({});
    expect(ledgerListVariables(state)).toEqual({ filter: null, orderBy: null });
    expect(exportHref('ledger-entries', ledgerExportParams(state))).toBe('/export/ledger-entries.xlsx');
    expect(exportHref('trial-balance', trialBalanceExportParams(state))).toBe('/export/trial-balance.xlsx');
  });

  it('reads the filters and the sort, drops junk, and exports the same', () => {
    const state = ledgerListFromParams({
      from: '2026-01-01',
      to: 'tomorrow',
      accountCode: '100201',
      memo: ' 利息 ',
      minAmount: '1,500',
      maxAmount: '-3',
      sort: 'AMOUNT.desc',
      asOf: '2026-06-30',
    });
    expect(ledgerListVariables(state)).toEqual({
      filter: { from: '2026-01-01', accountCode: '100201', memo: '利息', minAmount: '1500.00' },
      orderBy: { field: 'AMOUNT', direction: 'DESC' },
    });
    expect(exportHref('ledger-entries', ledgerExportParams(state))).toBe(
      '/export/ledger-entries.xlsx?from=2026-01-01&accountCode=100201&memo=%E5%88%A9%E6%81%AF&minAmount=1500.00&orderBy=AMOUNT&direction=DESC',
    );
    expect(exportHref('trial-balance', trialBalanceExportParams(state))).toBe(
      '/export/trial-balance.xlsx?asOf=2026-06-30',
    );
  });

  it('takes only the sorts the journal offers', () => {
    expect(ledgerListFromParams({ sort: 'BUSINESS_DATE.asc' }).sort).toEqual({
      field: 'BUSINESS_DATE',
      direction: 'ASC',
    });
    expect(ledgerListFromParams({ sort: 'POSTED.asc' }).sort).toBeNull();
    expect(ledgerListFromParams({ sort: 'PRINCIPAL.desc' }).sort).toBeNull();
  });
});
