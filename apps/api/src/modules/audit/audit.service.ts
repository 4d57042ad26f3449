import { compareDates, type IsoDate } from '@ipfund/policy';
import { ERROR_CODES, READABLE_SUBJECTS } from '@ipfund/shared';
import type { EntityManager } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { BusinessClock } from '../../common/business-clock';
import { AppError, badInput, conflict } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { UseCaseRunner } from '../../common/use-case';
import type { ActivityRecorder } from '../activity/activity.recorder';

export interface AuditEngagementRow {
  id: string;
  auditorOrgId: string;
  auditorName: string;
  scope: string;
  subjects: string[];
  startsOn: string;
  endsOn: string;
  status: 'ACTIVE' | 'ENDED';
  engagedOn: string;
  endedOn: string | null;
  endReason: string | null;
}

export interface EngageInput {
  auditorOrgId: string;
  scope: string;
  subjects?: string[] | null;
  startsOn: string;
  endsOn: string;
}

/** What one GraphQL operation of an auditor asked for, for the record (Art 20). */
export interface AuditedOperation {
  operationType: string;
  operationName: string | null;
  rootFields: string[];
  variables: Record<string, unknown>;
}

const ROW = `e.id, e.auditor_org_id AS "auditorOrgId", o.name AS "auditorName", e.scope, e.subjects,
  to_char(e.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(e.ends_on, 'YYYY-MM-DD') AS "endsOn", e.status,
  to_char(e.engaged_on, 'YYYY-MM-DD') AS "engagedOn", to_char(e.ended_on, 'YYYY-MM-DD') AS "endedOn",
  e.end_reason AS "endReason"`;

/** Variables whose values never go into the record, whoever sends them. */
const SECRET_VARIABLE = /password|token|secret/i;

const notFound = () => new AppError(ERROR_CODES.NOT_FOUND, 'audit.notFound', {});

/**
 * Audit engagements (Art 20: 江北区知识产权局可委托会计师事务所等中介机构对资金使用和管理情况进行专项审计和检查).
 * The IP bureau engages an audit firm for a scope and a window of business dates and may end it early;
 * the firm's users then read the whole programme, read-only, within the window (Access.read and the
 * database's `ipfund_sees_all()` check it), and every GraphQL operation of theirs is written to the
 * activity log (`recordOperation`, called once per operation by the audit-trail plugin).
 */
export class AuditService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
    private readonly activity: ActivityRecorder,
    /** A transaction of its own (READ COMMITTED) for the read record, apart from the read itself. */
    private readonly transact: <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>,
  ) {}

  /** The engagements the caller may see: the offices and the manager all, an auditor its own. */
  list(actor: Actor): Promise<AuditEngagementRow[]> {
    return this.access.read(actor, async (scope) => {
      const operator = ['IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER'].includes(
        actor.orgKind,
      );
      if (!operator && actor.orgKind !== 'AUDITOR') return [];
      return (await scope.em.query(
        `SELECT ${ROW} FROM audit_engagements e JOIN organizations o ON o.id = e.auditor_org_id
          WHERE ($1::boolean OR e.auditor_org_id = $2) ORDER BY e.starts_on DESC, e.created_at DESC`,
        [operator, actor.orgId],
      )) as AuditEngagementRow[];
    });
  }

  /** Audit firms the IP bureau may engage (its form's choices). */
  auditFirms(actor: Actor): Promise<{ id: string; name: string }[]> {
    return this.access.read(actor, (scope) =>
      scope
        .partners()
        .select(['org.id AS id', 'org.name AS name'])
        .andWhere("org.kind = 'AUDITOR'")
        .orderBy('org.name')
        .getRawMany<{ id: string; name: string }>(),
    );
  }

  isActiveOn(row: AuditEngagementRow, date: string): boolean {
    const d = date as IsoDate;
    return (
      row.status === 'ACTIVE' &&
      compareDates(row.startsOn as IsoDate, d) <= 0 &&
      compareDates(d, row.endsOn as IsoDate) <= 0
    );
  }

  engage(actor: Actor, input: EngageInput): Promise<AuditEngagementRow> {
    return this.useCases.run(actor, 'audit.engage', async ({ em, scope: access, target, detail }) => {
      const today = this.clock.today();
      const scope = input.scope.trim();
      if (!scope) throw badInput('common.invalidRequest', { detail: 'scope must not be empty' });
      const subjects = [...new Set(input.subjects ?? [])];
      const unknown = subjects.filter((s) => !(READABLE_SUBJECTS as readonly string[]).includes(s));
      if (unknown.length) {
        throw badInput('common.invalidRequest', { detail: `unknown subjects: ${unknown.join(', ')}` });
      }
      const [starts, ends] = [input.startsOn as IsoDate, input.endsOn as IsoDate];
      if (compareDates(ends, starts) < 0 || compareDates(ends, today) < 0) {
        throw badInput('audit.badWindow', { date: today });
      }
      const [org] = isUuid(input.auditorOrgId)
        ? ((await em.query(`SELECT kind, status FROM organizations WHERE id = $1`, [input.auditorOrgId])) as {
            kind: string;
            status: string;
          }[])
        : [];
      if (!org || org.kind !== 'AUDITOR' || org.status !== 'ACTIVE') throw badInput('audit.notAuditor', {});
      const [{ id }] = (await em.query(
        `INSERT INTO audit_engagements (auditor_org_id, scope, subjects, starts_on, ends_on, engaged_on, engaged_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [input.auditorOrgId, scope, subjects, input.startsOn, input.endsOn, today, actor.userId],
      )) as { id: string }[];
      target('AuditEngagement', id);
      detail({ auditorOrgId: input.auditorOrgId, startsOn: input.startsOn, endsOn: input.endsOn, subjects });
      // The firm's users learn of the engagement in the portal (and by e-mail through the outbox):
      // it is not a task — an auditor acts on nothing — but it opens their window (Art 20).
      const title = `审计委托：${scope.slice(0, 200)}（${input.startsOn} 至 ${input.endsOn}）`;
      await em.query(
        `SELECT ipfund_notify($1, 'AUDIT_ENGAGED', $2, $3, 'AuditEngagement', $4, $5::date, $6::date,
                              ARRAY[$7]::uuid[], ARRAY[]::text[], $8, $9)`,
        [
          `audit-engagement:${id}`,
          title,
          access.policy.provisions.audit.article,
          id,
          input.startsOn,
          today,
          input.auditorOrgId,
          `【知识产权质押融资风险补偿平台】${title}`.slice(0, 500),
          [
            '您好：',
            '',
            `区知识产权局已委托贵所开展专项审计：${scope}`,
            `查阅期间：${input.startsOn} 至 ${input.endsOn}（期间内可只读查阅，所有查阅均有记录）。`,
          ].join('\n'),
        ],
      );
      return this.one(em, id);
    });
  }

  end(actor: Actor, engagementId: string, reason: string): Promise<AuditEngagementRow> {
    return this.useCases.run(actor, 'audit.end', async ({ em, target, detail }) => {
      if (!isUuid(engagementId)) throw notFound();
      target('AuditEngagement', engagementId);
      const [row] = (await em.query(
        `SELECT status, to_char(ended_on, 'YYYY-MM-DD') AS "endedOn" FROM audit_engagements WHERE id = $1 FOR UPDATE`,
        [engagementId],
      )) as { status: string; endedOn: string | null }[];
      if (!row) throw notFound();
      if (row.status !== 'ACTIVE') throw conflict('audit.alreadyEnded', { date: row.endedOn ?? '' });
      const text = reason.trim();
      if (!text) throw badInput('common.invalidRequest', { detail: 'a reason is required' });
      await em.query(
        `UPDATE audit_engagements SET status = 'ENDED', ended_on = $2, ended_by = $3, end_reason = $4 WHERE id = $1`,
        [engagementId, this.clock.today(), actor.userId, text],
      );
      detail({ reason: text });
      return this.one(em, engagementId);
    });
  }

  /**
   * One activity record per GraphQL operation of an auditor (Art 20: every read of theirs is on the
   * record): the operation's name and type, its root fields and its variables (bounded like any
   * record; secrets never). OK when an engagement is active at the business date, REFUSED (with the
   * article) otherwise — the operation's reads are then refused too. Written in its own short
   * transaction before any field runs, so a read that fails is on the record as well.
   */
  async recordOperation(actor: Actor, op: AuditedOperation): Promise<void> {
    const today = this.clock.today();
    const article = this.access.policyNow().provisions.audit.article;
    const variables = Object.fromEntries(
      Object.entries(op.variables).map(([k, v]) => [k, SECRET_VARIABLE.test(k) ? '[withheld]' : v]),
    );
    const entry = {
      operation: 'audit.read',
      targetType: 'GraphQLOperation',
      targetId: op.operationName ?? undefined,
      article,
      detail: { operationType: op.operationType, rootFields: op.rootFields, variables },
    };
    await this.transact(async (em) => {
      await this.access.enter(em, actor);
      const [{ engaged }] = (await em.query(
        `SELECT EXISTS (SELECT 1 FROM audit_engagements e WHERE e.auditor_org_id = $1 AND e.status = 'ACTIVE'
                         AND e.starts_on <= $2::date AND $2::date <= e.ends_on) AS engaged`,
        [actor.orgId, today],
      )) as { engaged: boolean }[];
      if (engaged) await this.activity.ok(em, actor, entry);
      else await this.activity.refused(em, actor, entry, 'FORBIDDEN');
    });
  }

  private async one(em: EntityManager, id: string): Promise<AuditEngagementRow> {
    const [row] = (await em.query(
      `SELECT ${ROW} FROM audit_engagements e JOIN organizations o ON o.id = e.auditor_org_id WHERE e.id = $1`,
      [id],
    )) as AuditEngagementRow[];
    return row;
  }
}
