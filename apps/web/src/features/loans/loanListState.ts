import {
  dateParam,
  formatSort,
  intParam,
  listParam,
  parseSort,
  textParam,
  type SortState,
} from '../../lib/tableQuery';
import type { KnownLoanStatus, LoanFilter, LoanSortField } from './loans.graphql';

export const LOAN_STATUSES: readonly KnownLoanStatus[] = [
  'ACTIVE',
  'OVERDUE',
  'IN_CLAIM',
  'COMPENSATED',
  'CLOSED',
];
export const LOAN_SORT_FIELDS: readonly LoanSortField[] = [
  'ISSUED_ON',
  'MATURES_ON',
  'PRINCIPAL',
  'OUTSTANDING_PRINCIPAL',
  'EARLIEST_UNPAID_DUE_DATE',
];

/** The table column each sortable field belongs to (column key → API sort field). */
export const LOAN_SORTABLE_COLUMNS: Readonly<Record<string, LoanSortField>> = {
  outstandingPrincipal: 'OUTSTANDING_PRINCIPAL',
  principal: 'PRINCIPAL',
  issuedOn: 'ISSUED_ON',
  // More days overdue = an earlier unpaid due date: the column sorts by the date, reversed.
  overdueDays: 'EARLIEST_UNPAID_DUE_DATE',
};

/** Columns whose order is the reverse of their sort field's (overdue days vs the due date). */
export const REVERSED_SORT_COLUMNS: ReadonlySet<string> = new Set(['overdueDays']);

export interface LoanListState {
  filter: LoanFilter;
  sort: SortState<LoanSortField> | null;
}

/** The 贷款台账's filters and sort from the hash query (names as the API's LoanFilter). */
export function loanListFromParams(params: Readonly<Record<string, string>>): LoanListState {
  return {
    filter: {
      contractNo: textParam(params.contractNo),
      enterprise: textParam(params.enterprise),
      bankId: textParam(params.bankId),
      guarantorId: textParam(params.guarantorId),
      status: listParam(params.status, LOAN_STATUSES),
      overdueDaysMin: intParam(params.overdueDaysMin),
      overdueDaysMax: intParam(params.overdueDaysMax),
      issuedFrom: dateParam(params.issuedFrom),
      issuedTo: dateParam(params.issuedTo),
    },
    sort: parseSort(params.sort, LOAN_SORT_FIELDS),
  };
}

/** The API's variables: empty filters left out (an empty list would mean "none of these"). */
export function loanListVariables(state: LoanListState): {
  filter: LoanFilter | null;
  orderBy: { field: LoanSortField; direction: 'ASC' | 'DESC' } | null;
} {
  const entries = Object.entries(state.filter).filter(
    ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
  );
  return {
    filter: entries.length ? (Object.fromEntries(entries) as LoanFilter) : null,
    orderBy: state.sort ? { field: state.sort.field, direction: state.sort.direction } : null,
  };
}

/** The export's query parameters: the same filter names, plus orderBy and direction. */
export function loanExportParams(
  state: LoanListState,
): Record<string, string | number | readonly string[] | null> {
  return {
    ...(state.filter as Record<string, string | number | readonly string[] | null>),
    orderBy: state.sort?.field ?? null,
    direction: state.sort?.direction ?? null,
  };
}

export { formatSort };
