import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import { badInput, forbidden } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination';

export interface ActivityFilter {
  userId?: string | null;
  organizationId?: string | null;
  operation?: string | null;
  outcome?: 'OK' | 'REFUSED' | null;
  article?: string | null;
  fromDate?: string | null;
  toDate?: string | null;
  subjectId?: string | null;
}

/** One record as the browser and the export show it. */
export interface ActivityRow {
  id: string;
  occurredAt: Date;
  businessDate: string;
  userId: string | null;
  userName: string | null;
  organizationId: string | null;
  organizationName: string | null;
  orgKind: string | null;
  operation: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'OK' | 'REFUSED';
  article: string | null;
  detail: unknown;
  rowHash: string;
}

export interface ActivityPage {
  rows: ActivityRow[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface ChainStatus {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
}

/** Rows an export may hold (the sheet is for people; a narrower filter gets the rest). */
export const ACTIVITY_EXPORT_LIMIT = 10_000;

const OPERATION_NAME = /^[a-zA-Z][a-zA-Z0-9_-]*(\.[a-zA-Z0-9_-]*)*$/;

/**
 * The activity log browser and its chain check (Art 20). Only the readers of the log — the offices,
 * the fund manager and an auditor inside its engagement (Access.read refuses the auditor outside it)
 * — get anything; a bank, guarantor or enterprise is refused with the article. PostgreSQL holds the
 * same line with RLS on activity_log (migration AuditAndEvaluation).
 */
export class ActivityService {
  constructor(private readonly access: Access) {}

  /** Newest first, keyset-paged on the id (ids follow the chain, so a page never shifts). */
  list(
    actor: Actor,
    filter: ActivityFilter,
    first?: number | null,
    after?: string | null,
  ): Promise<ActivityPage> {
    const size = pageSize(first);
    return this.access.read(actor, async (scope) => {
      const rows = await this.select(scope, filter, size + 1, after ?? null);
      const page = rows.slice(0, size);
      return {
        rows: page,
        hasNextPage: rows.length > size,
        endCursor: page.length ? encodeCursor([page[page.length - 1].id]) : null,
      };
    });
  }

  /** The same filters for the export, up to ACTIVITY_EXPORT_LIMIT rows, newest first. */
  exportRows(actor: Actor, filter: ActivityFilter): Promise<ActivityRow[]> {
    return this.access.read(actor, (scope) => this.select(scope, filter, ACTIVITY_EXPORT_LIMIT, null));
  }

  /** Every record's hash recomputed and every link checked, in the database (one statement). */
  verifyChain(actor: Actor): Promise<ChainStatus> {
    return this.access.read(actor, async (scope) => {
      this.requireReader(scope);
      const [row] = (await scope.em.query(
        `SELECT ok, checked::text AS checked, first_broken_id::text AS "firstBrokenId" FROM ipfund_verify_activity_chain()`,
      )) as { ok: boolean; checked: string; firstBrokenId: string | null }[];
      return { ok: row.ok, checked: Number(row.checked), firstBrokenId: row.firstBrokenId };
    });
  }

  private requireReader(scope: Scope): void {
    if (!scope.canRead('ActivityRecord')) {
      throw forbidden('activity.readers', {}, scope.policy.provisions.audit.article);
    }
  }

  private async select(
    scope: Scope,
    filter: ActivityFilter,
    limit: number,
    after: string | null,
  ): Promise<ActivityRow[]> {
    this.requireReader(scope);
    const allowed = scope.where('read', 'ActivityRecord', 'a');
    const where: string[] = [allowed.sql];
    const params: Record<string, unknown> = { ...allowed.params, limit };
    const uuid = (name: 'userId' | 'organizationId') => {
      const v = filter[name];
      if (v == null || v === '') return;
      if (!isUuid(v)) throw badInput('activity.badFilter', { detail: `${name} is not an id` });
      params[name] = v;
      where.push(name === 'userId' ? 'a.user_id = :userId' : 'a.organization_id = :organizationId');
    };
    uuid('userId');
    uuid('organizationId');
    if (filter.operation) {
      if (!OPERATION_NAME.test(filter.operation)) {
        throw badInput('activity.badFilter', { detail: 'operation is a name like claim.approve or claim.' });
      }
      if (filter.operation.endsWith('.')) {
        params.operationPrefix = `${filter.operation}%`;
        where.push('a.operation LIKE :operationPrefix');
      } else {
        params.operation = filter.operation;
        where.push('a.operation = :operation');
      }
    }
    if (filter.outcome) {
      params.outcome = filter.outcome;
      where.push('a.outcome = :outcome');
    }
    if (filter.article) {
      params.article = filter.article;
      where.push('a.article = :article');
    }
    if (filter.fromDate) {
      params.fromDate = filter.fromDate;
      where.push('a.business_date >= :fromDate');
    }
    if (filter.toDate) {
      params.toDate = filter.toDate;
      where.push('a.business_date <= :toDate');
    }
    if (filter.fromDate && filter.toDate && filter.fromDate > filter.toDate) {
      throw badInput('activity.badFilter', { detail: 'fromDate is after toDate' });
    }
    if (filter.subjectId) {
      params.subjectId = filter.subjectId;
      where.push('a.target_id = :subjectId');
    }
    if (after) {
      params.after = decodeCursor(after, ['seq'])[0];
      where.push('a.id < :after');
    }
    const [sql, values] = scope.em.connection.driver.escapeQueryWithParameters(
      `SELECT a.id::text AS id, a.occurred_at AS "occurredAt", to_char(a.business_date, 'YYYY-MM-DD') AS "businessDate",
              a.user_id AS "userId", un.display_name AS "userName", a.organization_id AS "organizationId",
              o.name AS "organizationName", a.org_kind AS "orgKind", a.operation, a.target_type AS "targetType",
              a.target_id AS "targetId", a.outcome, a.article, a.detail, a.row_hash AS "rowHash"
         FROM activity_log a
         LEFT JOIN user_names un ON un.id = a.user_id
         LEFT JOIN organizations o ON o.id = a.organization_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.id DESC
        LIMIT :limit`,
      params,
    );
    return (await scope.em.query(sql, values)) as ActivityRow[];
  }
}
