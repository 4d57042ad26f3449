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
 * The page reads only the columns, and makes only the joins, that the fields asked for need
 * (`pageColumns`); a row then carries just those keys.
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

/** Each sort's column, and the row key its cursor is read from (which the page must then carry). */
const SORTS: Record<
  LoanSortField,
  SortColumn & {
    row: 'issued_on' | 'matures_on' | 'principal' | 'outstanding_principal' | 'earliest_unpaid_due_date';
  }
> = {
  [LoanSortField.ISSUED_ON]: { sql: 'l.issued_on', kind: 'date', row: 'issued_on' },
  [LoanSortField.MATURES_ON]: { sql: 'l.matures_on', kind: 'date', row: 'matures_on' },
  [LoanSortField.PRINCIPAL]: { sql: 'l.principal', kind: 'money', row: 'principal' },
  [LoanSortField.OUTSTANDING_PRINCIPAL]: {
    sql: 'l.outstanding_principal',
    kind: 'money',
    row: 'outstanding_principal',
  },
  // Nothing due sorts after every date (ascending: the longest overdue first).
  [LoanSortField.EARLIEST_UNPAID_DUE_DATE]: {
    sql: 'l.earliest_unpaid_due_date',
    kind: 'date',
    nullAs: '9999-12-31',
    row: 'earliest_unpaid_due_date',
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

type PageJoin = 'bank' | 'guarantor' | 'enterprise' | 'acknowledger';

const JOINS: Record<PageJoin, string> = {
  bank: 'JOIN organizations b ON b.id = l.bank_id',
  guarantor: 'LEFT JOIN organizations g ON g.id = l.guarantor_id',
  enterprise: 'JOIN enterprises e ON e.id = l.enterprise_id',
  acknowledger: 'LEFT JOIN user_names u ON u.id = l.acknowledged_by',
};

/** Every key of a row: its SQL, and the join it needs. */
const ROW_COLUMNS: Record<keyof LoanListRow, { sql: string; join?: PageJoin }> = {
  id: { sql: 'l.id' },
  seq: { sql: 'l.seq::text AS seq' },
  contract_no: { sql: 'l.contract_no' },
  bank_id: { sql: 'l.bank_id' },
  bank_name: { sql: 'b.name AS bank_name', join: 'bank' },
  guarantor_id: { sql: 'l.guarantor_id' },
  guarantor_name: { sql: 'g.name AS guarantor_name', join: 'guarantor' },
  enterprise_id: { sql: 'l.enterprise_id' },
  enterprise_name: { sql: 'e.name AS enterprise_name', join: 'enterprise' },
  blacklisted_since: { sql: 'e.blacklisted_since', join: 'enterprise' },
  blacklist_reason: { sql: 'e.blacklist_reason', join: 'enterprise' },
  principal: { sql: 'l.principal' },
  ip_pledged_principal: { sql: 'l.ip_pledged_principal' },
  outstanding_principal: { sql: 'l.outstanding_principal' },
  issued_on: { sql: 'l.issued_on' },
  matures_on: { sql: 'l.matures_on' },
  purpose: { sql: 'l.purpose' },
  earliest_unpaid_due_date: { sql: 'l.earliest_unpaid_due_date' },
  status: { sql: 'l.status' },
  status_as_of: { sql: 'l.status_as_of' },
  covered: { sql: 'l.covered' },
  coverage_reasons: { sql: 'l.coverage_reasons' },
  acknowledged_at: { sql: 'l.acknowledged_at' },
  acknowledged_by_name: { sql: 'u.display_name AS acknowledged_by_name', join: 'acknowledger' },
};
const ALL_ROW_KEYS = Object.keys(ROW_COLUMNS) as (keyof LoanListRow)[];

/**
 * What each field of the GraphQL `Loan` reads of a row (loan.mapper.ts `toLoanTypeFromRow`), and
 * what the type's field resolvers read of their root. loan-columns.test.ts checks every field of the
 * schema's `Loan` is here; a field missing at run time makes the page read every column.
 */
export const LOAN_FIELD_ROWS: Readonly<Record<string, readonly (keyof LoanListRow)[]>> = {
  __typename: [],
  id: ['id'],
  contractNo: ['contract_no'],
  principal: ['principal'],
  ipPledgedPrincipal: ['ip_pledged_principal'],
  outstandingPrincipal: ['outstanding_principal'],
  issuedOn: ['issued_on'],
  maturesOn: ['matures_on'],
  purpose: ['purpose'],
  earliestUnpaidDueDate: ['earliest_unpaid_due_date'],
  // R3: the derived OVERDUE status and the days overdue come from the lifecycle and the due date.
  overdueDays: ['status', 'earliest_unpaid_due_date'],
  status: ['status', 'earliest_unpaid_due_date'],
  covered: ['covered'],
  coverageReasons: ['coverage_reasons'],
  bank: ['bank_id', 'bank_name'],
  guarantor: ['guarantor_id', 'guarantor_name'],
  enterprise: ['enterprise_id', 'enterprise_name', 'blacklisted_since', 'blacklist_reason'],
  acknowledgedAt: ['acknowledged_at'],
  acknowledgedBy: ['acknowledged_at', 'acknowledged_by_name'],
  statusAsOf: ['status_as_of'],
  collateral: ['id'],
  statusReports: ['id'],
  // loan.state.ts loanActionsInState, by the loan's id for the permission.
  viewerCan: ['id', 'status', 'earliest_unpaid_due_date', 'covered', 'acknowledged_at', 'guarantor_id'],
};

/**
 * The page's select list and joins for the fields asked for (`null`: all of them). The id, the
 * keyset's sequence and the sort column are always read: the cursor is made from them.
 */
export function pageColumns(
  fields: ReadonlySet<string> | null | undefined,
  sortRow: keyof LoanListRow,
): { select: string; joins: string } {
  let keys: Set<keyof LoanListRow>;
  if (!fields || [...fields].some((f) => !Object.hasOwn(LOAN_FIELD_ROWS, f))) keys = new Set(ALL_ROW_KEYS);
  else {
    keys = new Set<keyof LoanListRow>(['id', 'seq', sortRow]);
    for (const field of fields) for (const key of LOAN_FIELD_ROWS[field]) keys.add(key);
  }
  // In ROW_COLUMNS' order, so one set of fields always makes one statement text (one prepared plan).
  const ordered = ALL_ROW_KEYS.filter((k) => keys.has(k));
  const joins = new Set(ordered.map((k) => ROW_COLUMNS[k].join).filter((j) => j !== undefined));
  return {
    select: ordered.map((k) => ROW_COLUMNS[k].sql).join(', '),
    joins: (Object.keys(JOINS) as PageJoin[])
      .filter((j) => joins.has(j))
      .map((j) => JOINS[j])
      .join(' '),
  };
}

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
 * `limit` overrides the page size (exports read in batches of their own size); `fields` are the
 * GraphQL fields of `Loan` the response asks for (default: every column).
 */
export async function loanPage(
  scope: Scope,
  args: LoanListArgs,
  today: IsoDate,
  opts: { limit?: number; withCount?: boolean; fields?: ReadonlySet<string> | null } = {},
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
  const columns = pageColumns(opts.fields, sort.column.row);
  const page = `SELECT ${columns.select} FROM loans l ${columns.joins} WHERE ${pageWhere}
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
    cursorOf: (row) =>
      encodeSortCursor(sort.field, row[sort.column.row] ?? sort.column.nullAs ?? '', row.seq),
  };
}
