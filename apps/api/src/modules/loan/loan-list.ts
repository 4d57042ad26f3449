import { addDays, type IsoDate } from '@ipfund/policy';
import type { Scope } from '../../authz/scope';
import { isUuid } from '../../common/ids';
import { decodeSortCursor, encodeSortCursor, keysetSql, type SortColumn } from '../../common/keyset';
import { pageSize } from '../../common/pagination';
import { SortDirection } from '../../graphql/sorting';
import { LoanSortField, type LoanFilterInput, type LoanOrderInput } from './loan-list.types';
import { LoanStatus } from './loan.types';

/**
 * The loan list as one SQL statement (issue 10): the caller's scope predicate, the filters, the
 * keyset and the sort pushed into SQL; the count of the filtered list in the same statement (so the
 * two come from one snapshot and one round trip), without joins — the count reads the loans' list
 * index alone — and only the page joins the bank, guarantor, enterprise and acknowledger names. Raw
 * rows, no entity hydration; loan.mapper.ts `toLoanTypeFromRow` turns a row into the GraphQL type.
 */
export interface LoanListRow {
  id: string;
  seq: string;
  contract_no: string;
  bank_id: string;
  bank_name: string;
  guarantor_id: string | null;
  guarantor_name: string | null;
  enterprise_id: string;
  enterprise_name: string;
  enterprise_credit_code: string;
  blacklisted_since: IsoDate | null;
  blacklist_reason: string | null;
  principal: string;
  ip_pledged_principal: string;
  outstanding_principal: string;
  issued_on: IsoDate;
  matures_on: IsoDate;
  purpose: string;
  earliest_unpaid_due_date: IsoDate | null;
  status: 'ACTIVE' | 'CLOSED' | 'IN_CLAIM' | 'COMPENSATED';
  status_as_of: IsoDate | null;
  covered: boolean;
  coverage_reasons: { article: string; code: string; message: string }[];
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
}

export interface LoanListArgs {
  first?: number | null;
  after?: string | null;
  filter?: LoanFilterInput | null;
  orderBy?: LoanOrderInput | null;
}

export interface LoanListPage {
  totalCount: number;
  rows: LoanListRow[];
  hasNextPage: boolean;
  cursorOf(row: LoanListRow): string;
}

const SORTS: Record<LoanSortField, SortColumn & { of: (r: LoanListRow) => string | null }> = {
  [LoanSortField.ISSUED_ON]: { sql: 'l.issued_on', kind: 'date', of: (r) => r.issued_on },
  [LoanSortField.MATURES_ON]: { sql: 'l.matures_on', kind: 'date', of: (r) => r.matures_on },
  [LoanSortField.PRINCIPAL]: { sql: 'l.principal', kind: 'money', of: (r) => r.principal },
  [LoanSortField.OUTSTANDING_PRINCIPAL]: {
    sql: 'l.outstanding_principal',
    kind: 'money',
    of: (r) => r.outstanding_principal,
  },
  // Nothing due sorts after every date (ascending: the longest overdue first).
  [LoanSortField.EARLIEST_UNPAID_DUE_DATE]: {
    sql: 'l.earliest_unpaid_due_date',
    kind: 'date',
    nullAs: '9999-12-31',
    of: (r) => r.earliest_unpaid_due_date ?? '9999-12-31',
  },
};

/** Escapes LIKE's wildcards in a caller's search text. */
function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The filters as SQL conditions on the loan alias `l` (the business date fixes the derived
 * OVERDUE status and the overdue days, R3). Shared by the page and the count.
 */
export function loanFilterSql(
  filter: LoanFilterInput | null | undefined,
  today: IsoDate,
  param: (value: unknown) => string,
): string[] {
  if (!filter) return [];
  const where: string[] = [];
  // A malformed id matches nothing (as a missing one), rather than failing the cast.
  if (filter.bankId)
    where.push(isUuid(filter.bankId) ? `l.bank_id = ${param(filter.bankId)}::uuid` : 'FALSE');
  if (filter.guarantorId) {
    where.push(isUuid(filter.guarantorId) ? `l.guarantor_id = ${param(filter.guarantorId)}::uuid` : 'FALSE');
  }
  const search = filter.enterprise?.trim();
  if (search) {
    where.push(
      `EXISTS (SELECT 1 FROM enterprises fe WHERE fe.id = l.enterprise_id AND (fe.name ILIKE ${param(
        `%${likeText(search)}%`,
      )} OR fe.credit_code LIKE ${param(`${likeText(search.toUpperCase())}%`)}))`,
    );
  }
  const contract = filter.contractNo?.trim();
  if (contract) where.push(`l.contract_no ILIKE ${param(`%${likeText(contract)}%`)}`);
  if (filter.issuedFrom) where.push(`l.issued_on >= ${param(filter.issuedFrom)}::date`);
  if (filter.issuedTo) where.push(`l.issued_on <= ${param(filter.issuedTo)}::date`);
  // R3: days overdue = business date − earliest unpaid due date, 0 for a closed loan or nothing due.
  if (filter.overdueDaysMin != null && filter.overdueDaysMin > 0) {
    where.push(
      `(l.status <> 'CLOSED' AND l.earliest_unpaid_due_date <= ${param(addDays(today, -filter.overdueDaysMin))}::date)`,
    );
  }
  if (filter.overdueDaysMax != null) {
    where.push(
      filter.overdueDaysMax < 0
        ? 'FALSE'
        : `(l.status = 'CLOSED' OR l.earliest_unpaid_due_date IS NULL OR l.earliest_unpaid_due_date >= ${param(
            addDays(today, -filter.overdueDaysMax),
          )}::date)`,
    );
  }
  if (filter.status) {
    const t = () => `${param(today)}::date`;
    const parts = [...new Set(filter.status)].map((s) => {
      switch (s) {
        case LoanStatus.OVERDUE:
          return `(l.status = 'ACTIVE' AND l.earliest_unpaid_due_date < ${t()})`;
        case LoanStatus.ACTIVE:
          return `(l.status = 'ACTIVE' AND (l.earliest_unpaid_due_date IS NULL OR l.earliest_unpaid_due_date >= ${t()}))`;
        default:
          return `l.status = ${param(s)}`;
      }
    });
    where.push(parts.length ? `(${parts.join(' OR ')})` : 'FALSE');
  }
  return where;
}

/** Named parameters for TypeORM's escaping (`:p0`, `:p1`, …), collected as the SQL is built. */
export function paramCollector(params: Record<string, unknown>, prefix = 'p'): (value: unknown) => string {
  let n = 0;
  return (value) => {
    const name = `${prefix}${n++}`;
    params[name] = value;
    return `:${name}`;
  };
}

const PAGE_COLUMNS = `l.id, l.seq::text AS seq, l.contract_no, l.bank_id, b.name AS bank_name, l.guarantor_id,
  g.name AS guarantor_name, l.enterprise_id, e.name AS enterprise_name, e.credit_code AS enterprise_credit_code,
  e.blacklisted_since, e.blacklist_reason, l.principal, l.ip_pledged_principal, l.outstanding_principal,
  l.issued_on, l.matures_on, l.purpose, l.earliest_unpaid_due_date, l.status, l.status_as_of, l.covered,
  l.coverage_reasons, l.acknowledged_at, u.display_name AS acknowledged_by_name`;

const PAGE_JOINS = `JOIN organizations b ON b.id = l.bank_id
  LEFT JOIN organizations g ON g.id = l.guarantor_id
  JOIN enterprises e ON e.id = l.enterprise_id
  LEFT JOIN user_names u ON u.id = l.acknowledged_by`;

function sortOf(orderBy: LoanOrderInput | null | undefined) {
  const field = orderBy?.field ?? LoanSortField.ISSUED_ON;
  return {
    field,
    column: SORTS[field],
    descending: (orderBy?.direction ?? SortDirection.DESC) === SortDirection.DESC,
  };
}

/**
 * One page of the caller's loans and the filtered count, in one statement (see the file comment).
 * `limit` overrides the page size (exports read in batches of their own size).
 */
export async function loanPage(
  scope: Scope,
  args: LoanListArgs,
  today: IsoDate,
  opts: { limit?: number; withCount?: boolean } = {},
): Promise<LoanListPage> {
  const limit = opts.limit ?? pageSize(args.first);
  const withCount = opts.withCount ?? true;
  const sort = sortOf(args.orderBy);
  const after = args.after ? decodeSortCursor(args.after, sort.field, sort.column.kind) : null;
  const visible = scope.where('read', 'Loan', 'l');
  const params: Record<string, unknown> = { ...visible.params };
  const param = paramCollector(params);
  const filters = [visible.sql, ...loanFilterSql(args.filter, today, param)];
  const keyset = keysetSql(sort.column, 'l.seq', sort.descending, after, param);
  const pageWhere = [...filters, ...(keyset.after ? [keyset.after] : [])].join(' AND ');
  const page = `SELECT ${PAGE_COLUMNS} FROM loans l ${PAGE_JOINS} WHERE ${pageWhere}
    ORDER BY ${keyset.orderBy} LIMIT ${limit + 1}`;
  const sql = withCount
    ? `SELECT c.total_count, p.* FROM (SELECT count(*)::int AS total_count FROM loans l WHERE ${filters.join(' AND ')}) c
       LEFT JOIN LATERAL (${page}) p ON true`
    : page;
  const result = await scope.query<LoanListRow & { total_count?: number }>(sql, params);
  const rows = result.filter((r) => r.id !== null);
  return {
    totalCount: withCount ? (result[0]?.total_count ?? 0) : -1,
    rows: rows.slice(0, limit),
    hasNextPage: rows.length > limit,
    cursorOf: (row) => encodeSortCursor(sort.field, sort.column.of(row) ?? '', row.seq),
  };
}
