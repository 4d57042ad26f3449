import { dateParam, formatSort, parseSort, textParam, type SortState } from '../../lib/tableQuery';
import type { LedgerEntryFilter, LedgerEntrySortField } from './ledger.graphql';
import { normalizeAmount } from './ledgerDisplay';

/** The journal's sorts a user picks (POSTED, the API's default, is the order with none). */
export const LEDGER_SORT_FIELDS: readonly LedgerEntrySortField[] = ['BUSINESS_DATE', 'AMOUNT'];

/** The table column each sortable field belongs to (column key → API sort field). */
export const LEDGER_SORTABLE_COLUMNS: Readonly<Record<string, LedgerEntrySortField>> = {
  date: 'BUSINESS_DATE',
  debit: 'AMOUNT',
  credit: 'AMOUNT',
};

export interface LedgerListState {
  filter: LedgerEntryFilter;
  sort: SortState<LedgerEntrySortField> | null;
  /** The trial balance's date (up to and including it); null = everything. */
  asOf: string | null;
}

/** An amount typed into the URL as the API's Decimal ("1,500" → "1500.00"); junk → null. */
function amountParam(value: string | undefined): string | null {
  return value === undefined ? null : normalizeAmount(value);
}

/** The journal's filters and sort from the hash query (names as the API's LedgerEntryFilter). */
export function ledgerListFromParams(params: Readonly<Record<string, string>>): LedgerListState {
  return {
    filter: {
      from: dateParam(params.from),
      to: dateParam(params.to),
      accountCode: textParam(params.accountCode),
      memo: textParam(params.memo),
      minAmount: amountParam(params.minAmount),
      maxAmount: amountParam(params.maxAmount),
    },
    sort: parseSort(params.sort, LEDGER_SORT_FIELDS),
    asOf: dateParam(params.asOf),
  };
}

/** The API's variables: empty filters left out. */
export function ledgerListVariables(state: LedgerListState): {
  filter: LedgerEntryFilter | null;
  orderBy: { field: LedgerEntrySortField; direction: 'ASC' | 'DESC' } | null;
} {
  const entries = Object.entries(state.filter).filter(([, v]) => v !== null && v !== undefined);
  return {
    filter: entries.length ? (Object.fromEntries(entries) as LedgerEntryFilter) : null,
    orderBy: state.sort ? { field: state.sort.field, direction: state.sort.direction } : null,
  };
}

/** `/export/ledger-entries.xlsx`'s query parameters: the same filter names, plus orderBy and direction. */
export function ledgerExportParams(state: LedgerListState): Record<string, string | null> {
  return {
    ...(state.filter as Record<string, string | null>),
    orderBy: state.sort?.field ?? null,
    direction: state.sort?.direction ?? null,
  };
}

/** `/export/trial-balance.xlsx`'s query parameters: its date. */
export function trialBalanceExportParams(state: LedgerListState): Record<string, string | null> {
  return { asOf: state.asOf };
}

export { formatSort };
