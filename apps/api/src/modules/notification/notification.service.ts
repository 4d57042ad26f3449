import type { IsoDate } from '@ipfund/policy';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import { forbidden } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { pageSize } from '../../common/pagination';
import type { UseCaseRunner } from '../../common/use-case';
import type { PolicyBook } from '../../common/policy-book';
import type { BusinessClock } from '../../common/business-clock';

export interface NotificationRow {
  id: string;
  seq: string;
  taskId: string;
  kind: string;
  title: string;
  article: string;
  subjectType: string;
  subjectId: string;
  dueOn: IsoDate;
  businessDate: IsoDate;
  createdAt: Date;
  readAt: Date | null;
}

export interface OutboxRow {
  id: string;
  toAddress: string;
  subject: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  recipientUsername: string;
}

/**
 * Art 6: the fund manager runs the programme's daily operation, its correspondence included; it alone
 * follows the e-mail outbox (PostgreSQL's policy on the table says the same).
 */
const OUTBOX_READER = 'FUND_MANAGER';

const COLUMNS = `id, seq::text AS seq, task_id AS "taskId", kind, title, article, subject_type AS "subjectType",
  subject_id AS "subjectId", due_on::text AS "dueOn", business_date::text AS "businessDate",
  created_at AS "createdAt", read_at AS "readAt"`;

/**
 * The caller's own notifications (issue 12) and, for the fund manager, the delivery state of the
 * e-mail outbox. A notification is the caller's alone: the query names the caller and PostgreSQL's
 * row-level security allows nothing else.
 */
export class NotificationService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
  ) {}

  mine(
    actor: Actor,
    args: { first?: number | null; unreadOnly?: boolean | null },
  ): Promise<{ rows: NotificationRow[]; unread: number; totalCount: number }> {
    const limit = pageSize(args.first);
    return this.access.read(actor, async (scope) => {
      const rows = (await scope.em.query(
        `SELECT ${COLUMNS} FROM notifications
          WHERE recipient_user_id = $1 ${args.unreadOnly ? 'AND read_at IS NULL' : ''}
          ORDER BY seq DESC LIMIT $2`,
        [actor.userId, limit],
      )) as NotificationRow[];
      const [counts] = (await scope.em.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
           FROM notifications WHERE recipient_user_id = $1`,
        [actor.userId],
      )) as { total: number; unread: number }[];
      return { rows, unread: counts.unread, totalCount: counts.total };
    });
  }

  /** Marks the caller's notifications read (all of them when `ids` is null); returns how many changed. */
  markRead(actor: Actor, ids: readonly string[] | null): Promise<number> {
    return this.useCases.run(actor, 'notification.markRead', async ({ em, detail }) => {
      const valid = ids?.filter(isUuid) ?? null;
      const rows = (await em.query(
        `UPDATE notifications SET read_at = now()
          WHERE recipient_user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
          RETURNING id`,
        [actor.userId, valid],
      )) as [unknown[], number] | unknown[];
      const changed = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
      detail({ marked: changed });
      return changed;
    });
  }

  /** The outbox, newest first: to whom, what, and whether it was delivered (the fund manager only). */
  outbox(actor: Actor, args: { first?: number | null; status?: string | null }): Promise<OutboxRow[]> {
    const limit = pageSize(args.first);
    return this.access.read(actor, async (scope) => {
      if (actor.orgKind !== OUTBOX_READER) {
        const article = this.policies.inForce(this.clock.today()).provisions.managerDuties.article;
        throw forbidden('authz.forbidden', {}, article);
      }
      return (await scope.em.query(
        `SELECT o.id, o.to_address AS "toAddress", o.subject, o.status, o.attempts,
                o.next_attempt_at AS "nextAttemptAt", o.last_error AS "lastError", o.delivered_at AS "deliveredAt",
                o.created_at AS "createdAt", COALESCE(u.username, '') AS "recipientUsername"
           FROM notification_outbox o LEFT JOIN users u ON u.id = o.recipient_user_id
          WHERE ($1::text IS NULL OR o.status = $1)
          ORDER BY o.seq DESC LIMIT $2`,
        [args.status ?? null, limit],
      )) as OutboxRow[];
    });
  }
}
