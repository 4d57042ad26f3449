import type { Scope } from '../../authz/scope';
import { isUuid } from '../../common/ids';
import { decodeSortCursor, encodeSortCursor, keysetSql, type SortColumn } from '../../common/keyset';
import { pageSize } from '../../common/pagination';
import { SortDirection } from '../../graphql/sorting';
import { paramCollector } from '../loan/loan-list';
import { rowReader } from '../../db/row-reader';
import { ClaimEntity } from './claim.entity';
import { ClaimSortField, type ClaimFilterInput, type ClaimOrderInput } from './claim-list.types';

export interface ClaimListArgs {
  first?: number | null;
  after?: string | null;
  filter?: ClaimFilterInput | null;
  orderBy?: ClaimOrderInput | null;
}

/** The names an export prints beside a claim (its loan's contract, bank and enterprise). */
export interface ClaimNames {
  contractNo: string;
  bankName: string;
  enterpriseName: string;
}

export interface ClaimListPage {
  totalCount: number;
  rows: ClaimEntity[];
  /** With `opts.names`: by claim id. */
  names: Map<string, ClaimNames>;
  hasNextPage: boolean;
  cursorOf(claim: ClaimEntity): string;
}

/** Each sort's column, and the claim property its cursor is read from (which the page must then carry). */
const SORTS: Record<
  ClaimSortField,
  SortColumn & { property: 'seq' | 'filedOn' | 'lossBase' | 'outstandingPrincipal' }
> = {
  [ClaimSortField.SUBMITTED]: { sql: 'c.seq', kind: 'seq', property: 'seq' },
  [ClaimSortField.FILED_ON]: { sql: 'c.filed_on', kind: 'date', property: 'filedOn' },
  [ClaimSortField.LOSS_BASE]: { sql: 'c.loss_base', kind: 'money', property: 'lossBase' },
  [ClaimSortField.OUTSTANDING_PRINCIPAL]: {
    sql: 'c.outstanding_principal',
    kind: 'money',
    property: 'outstandingPrincipal',
  },
};

/**
 * What each field of the GraphQL `Claim` reads of the claim (entity properties, through
 * claim.mapper.ts `toClaimType` and the field resolvers), so a page reads only those columns
 * (issue 10; loan-list.ts LOAN_FIELD_ROWS does the same for loans). The two stored computations are
 * JSON of about 600 bytes each: node-pg read a page of 50 claims with every column in 1.1–1.4 ms,
 * and with a list's usual columns in 0.55–0.63 ms (docs/PERFORMANCE.md).
 */
export const CLAIM_FIELD_PROPERTIES: Readonly<Record<string, readonly (keyof ClaimEntity)[]>> = {
  __typename: [],
  id: ['id'],
  status: ['status'],
  threeParty: ['threeParty'],
  filedOn: ['filedOn'],
  overdueDaysAtFiling: ['overdueDaysAtFiling'],
  outstandingPrincipal: ['outstandingPrincipal'],
  lossBase: ['lossBase'],
  // The effective split: the final one once approved (a final share is there), else as filed.
  fundShare: ['finalFundShare', 'fundShare'],
  guarantorShare: ['finalFundShare', 'finalGuarantorShare', 'guarantorShare'],
  bankShare: ['finalFundShare', 'finalBankShare', 'bankShare'],
  limitedBy: ['finalFundShare', 'finalLimitedBy', 'limitedBy'],
  filing: ['computation'],
  final: ['finalComputation'],
  approvedOn: ['approvedOn'],
  paidOn: ['paidOn'],
  payoutTransactionId: ['payoutTransactionId'],
  loan: ['loanId'],
  approvals: ['id'],
  history: ['id'],
  documents: ['id'],
  recoveries: ['id'],
  // claim.service.ts claimSnapshot: the state and the parties, with the claim's events.
  allowedActions: ['id', 'status', 'threeParty'],
  viewerCan: ['id', 'status', 'threeParty'],
  documentChecklist: ['id', 'threeParty'],
};

/**
 * The claim properties a page reads for the fields asked for; `null` (every column) when no fields
 * are given or one is not in the table above — an unforeseen field costs speed, never a value. The
 * id, the keyset's sequence and the sort's property are always read: the cursor is made from them.
 */
export function claimPageProperties(
  fields: ReadonlySet<string> | null | undefined,
  sort: ClaimSortField,
): ReadonlySet<string> | null {
  if (!fields || [...fields].some((f) => !Object.hasOwn(CLAIM_FIELD_PROPERTIES, f))) return null;
  const properties = new Set<string>(['id', 'seq', SORTS[sort].property]);
  for (const field of fields) for (const p of CLAIM_FIELD_PROPERTIES[field]) properties.add(p);
  return properties;
}

function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/**
 * The filters as SQL on the claim alias `c`. `awaiting` is the set of claim ids with a step awaiting
 * the caller, computed by the work queue's rules (modules/task) — never a second list of who may act.
 */
export function claimFilterSql(
  filter: ClaimFilterInput | null | undefined,
  awaiting: readonly string[] | null,
  param: (value: unknown) => string,
): string[] {
  const where: string[] = [];
  if (!filter) return where;
  if (filter.status) {
    where.push(
      filter.status.length ? `c.status = ANY(${param([...new Set(filter.status)])}::text[])` : 'FALSE',
    );
  }
  if (filter.bankId)
    where.push(isUuid(filter.bankId) ? `c.bank_id = ${param(filter.bankId)}::uuid` : 'FALSE');
  const search = filter.enterprise?.trim();
  if (search) {
    where.push(
      `EXISTS (SELECT 1 FROM enterprises fe WHERE fe.id = c.enterprise_id AND (fe.name ILIKE ${param(
        `%${likeText(search)}%`,
      )} OR fe.credit_code LIKE ${param(`${likeText(search.toUpperCase())}%`)}))`,
    );
  }
  if (awaiting) where.push(`c.id = ANY(${param([...awaiting])}::uuid[])`);
  return where;
}

/**
 * One page of the caller's claims and the filtered count in one statement: the claims come back as
 * entities (their stored computations are the claim's own record) — with `fields` (the GraphQL
 * fields of `Claim` the response asks for), entities of just the columns those need — and the count
 * as a scalar subquery over the same predicate without the keyset. Through `Scope.query` and a row
 * reader, not the query builder (db/row-reader.ts): a prepared statement, read without TypeORM's
 * per-call rewriting.
 */
export async function claimPage(
  scope: Scope,
  args: ClaimListArgs,
  awaiting: readonly string[] | null,
  opts: { limit?: number; withCount?: boolean; names?: boolean; fields?: ReadonlySet<string> | null } = {},
): Promise<ClaimListPage> {
  const limit = opts.limit ?? pageSize(args.first);
  const withCount = opts.withCount ?? true;
  const field = args.orderBy?.field ?? ClaimSortField.SUBMITTED;
  const sort = SORTS[field];
  const descending = (args.orderBy?.direction ?? SortDirection.DESC) === SortDirection.DESC;
  const after = args.after ? decodeSortCursor(args.after, field, sort.kind) : null;
  const visible = scope.where('read', 'Claim', 'c');
  const params: Record<string, unknown> = { ...visible.params };
  const param = paramCollector(params, 'cf');
  const filters = [visible.sql, ...claimFilterSql(args.filter, awaiting, param)].join(' AND ');
  const keyset = keysetSql(sort, 'c.seq', descending, after, param);
  const reader = rowReader(scope.em.connection, ClaimEntity);
  const extra = [
    ...(withCount ? [`(SELECT count(*) FROM claims c WHERE ${filters})::int AS total_count`] : []),
    ...(opts.names
      ? [
          '(SELECT nl.contract_no FROM loans nl WHERE nl.id = c.loan_id) AS contract_no',
          '(SELECT nb.name FROM organizations nb WHERE nb.id = c.bank_id) AS bank_name',
          '(SELECT ne.name FROM enterprises ne WHERE ne.id = c.enterprise_id) AS enterprise_name',
        ]
      : []),
  ];
  const raw = await scope.query<
    Record<string, unknown> & {
      total_count?: number;
      contract_no?: string;
      bank_name?: string;
      enterprise_name?: string;
    }
  >(
    `SELECT ${[reader.columns('c', claimPageProperties(opts.fields, field) ?? undefined), ...extra].join(', ')} FROM claims c
      WHERE ${filters}${keyset.after ? ` AND ${keyset.after}` : ''}
      ORDER BY ${keyset.orderBy} LIMIT ${limit + 1}`,
    params,
  );
  const entities = raw.map(reader.read);
  // No joins: one raw row per entity, in the same order.
  const names = new Map<string, ClaimNames>(
    opts.names
      ? entities.map((c, i) => [
          c.id,
          {
            contractNo: raw[i]?.contract_no ?? '',
            bankName: raw[i]?.bank_name ?? '',
            enterpriseName: raw[i]?.enterprise_name ?? '',
          },
        ])
      : [],
  );
  let totalCount = withCount ? (raw[0]?.total_count ?? 0) : -1;
  if (withCount && !entities.length && after) {
    // An empty page after a cursor says nothing about the count: ask for it alone (rare).
    const [row] = await scope.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM claims c WHERE ${filters}`,
      params,
    );
    totalCount = row.n;
  }
  return {
    totalCount,
    rows: entities.slice(0, limit),
    names,
    hasNextPage: entities.length > limit,
    cursorOf: (c) => encodeSortCursor(field, c[sort.property], c.seq),
  };
}
