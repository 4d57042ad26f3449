import { formatSort, listParam, parseSort, textParam, type SortState } from '../../lib/tableQuery';
import { CLAIM_STATUSES } from './claimLabels';
import type { ClaimFilter, ClaimSortField, KnownClaimStatus } from './claims.graphql';

export const CLAIM_SORT_FIELDS: readonly ClaimSortField[] = [
  'SUBMITTED',
  'FILED_ON',
  'LOSS_BASE',
  'OUTSTANDING_PRINCIPAL',
];

/** The table column each sortable field belongs to (column key → API sort field). */
export const CLAIM_SORTABLE_COLUMNS: Readonly<Record<string, ClaimSortField>> = {
  filedOn: 'FILED_ON',
  lossBase: 'LOSS_BASE',
};

export interface ClaimListState {
  filter: ClaimFilter;
  sort: SortState<ClaimSortField> | null;
}

/** 补偿申请's filters and sort from the hash query (names as the API's ClaimFilter). */
export function claimListFromParams(params: Readonly<Record<string, string>>): ClaimListState {
  return {
    filter: {
      status: listParam(params.status, CLAIM_STATUSES as readonly KnownClaimStatus[]),
      enterprise: textParam(params.enterprise),
      bankId: textParam(params.bankId),
      awaitingMe: params.awaitingMe === 'true' ? true : null,
    },
    sort: parseSort(params.sort, CLAIM_SORT_FIELDS),
  };
}

export function claimListVariables(state: ClaimListState): {
  filter: ClaimFilter | null;
  orderBy: { field: ClaimSortField; direction: 'ASC' | 'DESC' } | null;
} {
  const entries = Object.entries(state.filter).filter(
    ([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0),
  );
  return {
    filter: entries.length ? (Object.fromEntries(entries) as ClaimFilter) : null,
    orderBy: state.sort ? { field: state.sort.field, direction: state.sort.direction } : null,
  };
}

export function claimExportParams(
  state: ClaimListState,
): Record<string, string | boolean | readonly string[] | null> {
  return {
    ...(state.filter as Record<string, string | boolean | readonly string[] | null>),
    orderBy: state.sort?.field ?? null,
    direction: state.sort?.direction ?? null,
  };
}

export { formatSort };
