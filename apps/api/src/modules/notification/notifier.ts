import type { IsoDate } from '@ipfund/policy';
import { ORG_KINDS, type OrgKind } from '@ipfund/shared';
import type { EntityManager } from 'typeorm';
import type { UseCaseObserver } from '../../common/use-case';
import type { BusinessClock } from '../../common/business-clock';
import { TaskCandidates, touchedOnly, type CandidateKind } from '../task/task.service';
import { TaskJudge, resumptionTasks, statementTasks, type Task, type TaskActor } from '../task/task.rules';
import { parsePeriod, periodLabelZh } from '../report/report.period';

/** A judge for every organisation of a kind at once: no organisation id matches a condition. */
const ANY_ORG = '00000000-0000-0000-0000-000000000000';

/**
 * Which records each kind of operation can change in a way that opens a task, so a use case reads only
 * those (each read is of the rows this transaction wrote). Any other operation (partners, the ledger, a
 * password) costs the notifier nothing.
 */
const TOUCHES: readonly [prefix: string, kinds: readonly CandidateKind[]][] = [
  ['claim.', ['claims']],
  ['recovery.', ['recoveries']],
  ['loan.', ['loans']],
  ['risk.', ['suspensionProposals', 'riskEvents']],
  ['blacklist.', ['blacklistProposals']],
  ['fund.', []],
  ['financials.remind', []],
];

/** Where a task is announced: the organisation the judge stood for, or every organisation of its kind. */
interface Announcement {
  task: Task;
  orgIds: string[];
  orgKinds: OrgKind[];
}

/**
 * Notifications of new work (issue 12), in the transaction of the change that opened it.
 *
 * After every use case (the runner's observer), the records this transaction wrote — PostgreSQL stamps
 * them with its transaction id (`xmin`), so nothing has to be told what changed — are judged by the
 * work queue's own rules (modules/task/task.rules.ts) for every organisation that could act on them:
 * each kind of organisation at once where its read rule is programme-wide (the offices, the manager),
 * and each bank, guarantor or enterprise named on the records where the rule is theirs alone. Every
 * task found is handed to `ipfund_notify`, which writes one notification per active user (and an
 * e-mail per user with an address) unless that user already has it: a task is announced once, to
 * exactly the users whose organisation the rules give the action — so no message reaches a tenant
 * that may not read its subject — and only if the change commits.
 *
 * Why this and not a Notifier call in every use case: a call per service is a second list of who gets
 * told what, and drifts from the rules as they change; re-judging what changed with the same rules
 * cannot. Why not a diff of every user's queue: that reads the whole programme per change. Tasks that
 * open by the passing of time alone (a remittance falling overdue) are announced with the next change
 * of their record.
 */
export class Notifier {
  constructor(private readonly clock: BusinessClock) {}

  async afterUseCase(uc: Parameters<UseCaseObserver>[0]): Promise<void> {
    const touches = TOUCHES.find(([prefix]) => uc.operation.startsWith(prefix));
    if (!touches) return;
    const today = this.clock.today();
    const policy = uc.scope.policy;
    // The rows this transaction wrote; loans also by the acting partner's own index (a loan is written
    // only by its bank or its guarantor), so a busy portfolio is not scanned per report.
    const candidates = new TaskCandidates(uc.scope, today, (alias) =>
      alias === 'loan' && (uc.actor.orgKind === 'LENDING_BANK' || uc.actor.orgKind === 'GUARANTOR')
        ? {
            sql: `${touchedOnly(alias)} AND (loan.bank_id = :touchingOrg OR loan.guarantor_id = :touchingOrg)`,
            params: { touchingOrg: uc.actor.orgId },
          }
        : { sql: touchedOnly(alias) },
    );
    const kindJudges = ORG_KINDS.map(
      (orgKind) => new TaskJudge({ orgId: ANY_ORG, orgKind, orgRetired: false }, policy),
    );
    await candidates.load(kindJudges, new Set(touches[1]));

    // The parties named on the touched records, each judged as itself.
    const parties = new Map<string, TaskActor>();
    const party = (orgId: string | null | undefined, orgKind: OrgKind) => {
      if (orgId) parties.set(`${orgKind}:${orgId}`, { orgId, orgKind, orgRetired: false });
    };
    const s = candidates.subjects;
    for (const c of s.claims.values()) {
      party(c.bankId, 'LENDING_BANK');
      party(c.guarantorId, 'GUARANTOR');
    }
    for (const l of s.loans.values()) {
      party(l.bankId, 'LENDING_BANK');
      party(l.guarantorId, 'GUARANTOR');
      party(l.enterprise?.organizationId, 'ENTERPRISE');
    }
    for (const r of s.recoveries.values()) party(r.bankId, 'LENDING_BANK');
    for (const e of s.riskEvents.values()) {
      party(e.loan?.bankId, 'LENDING_BANK');
      party(e.loan?.guarantorId, 'GUARANTOR');
    }

    const announcements: Announcement[] = [];
    for (const judge of kindJudges) {
      for (const task of candidates.tasksOf(judge)) {
        announcements.push({ task, orgIds: [], orgKinds: [judge.actor.orgKind] });
      }
    }
    for (const actor of parties.values()) {
      const judge = new TaskJudge(actor, policy);
      for (const task of candidates.tasksOf(judge))
        announcements.push({ task, orgIds: [actor.orgId], orgKinds: [] });
    }

    // Art 22: the manager's reminder delivers the borrower's statement task to the enterprise itself.
    if (uc.operation === 'financials.remind') {
      const reminded = (await uc.em.query(
        `SELECT e.id, e.name, e.organization_id AS "organizationId", e.created_by_org_id AS "createdByOrgId", m.quarter
           FROM financial_statement_reminders m JOIN enterprises e ON e.id = m.enterprise_id
          WHERE m.xmin = pg_current_xact_id()::xid AND e.organization_id IS NOT NULL`,
      )) as {
        id: string;
        name: string;
        organizationId: string;
        createdByOrgId: string | null;
        quarter: string;
      }[];
      for (const r of reminded) {
        const q = parsePeriod(r.quarter);
        const judge = new TaskJudge(
          { orgId: r.organizationId, orgKind: 'ENTERPRISE', orgRetired: false },
          policy,
        );
        for (const task of statementTasks(judge, {
          enterpriseId: r.id,
          enterpriseName: r.name,
          organizationId: r.organizationId,
          createdByOrgId: r.createdByOrgId,
          quarterKey: q.key,
          quarterLabel: periodLabelZh(q),
          quarterEnd: q.to,
        })) {
          announcements.push({ task, orgIds: [r.organizationId], orgKinds: [] });
        }
      }
    }

    // The breaker: a final approval that trips it opens a resumption vote for every voter. The
    // breaker is written in the approval's own final step, under the fund-state lock, after this
    // observer ran: the approval signals the trip, and this step (run after it) announces the vote.
    if (uc.operation === 'claim.approve')
      uc.atCommit(async () => {
        const votes = uc.signals
          .filter((s) => s.kind === 'fund.suspended')
          .flatMap((trip) => resumptionVotes(kindJudges, trip));
        if (votes.length) await this.announce(uc.em, votes, today);
      });

    await this.announce(uc.em, announcements, today);
  }

  /** Hands the announcements to `ipfund_notify`. */
  private async announce(
    em: EntityManager,
    announcements: readonly Announcement[],
    today: string,
  ): Promise<void> {
    if (!announcements.length) return;
    // One statement for all of them (issue 10: a round trip per announcement was a fifth of a claim
    // step's statements). `ipfund_notify` runs once per row; a user already told of a task
    // is skipped by its ON CONFLICT, also when two rows of this statement name the same task.
    const rows = announcements.map((a) => {
      const { subject, body } = mailOf(a.task);
      return {
        id: a.task.id,
        kind: a.task.kind,
        title: a.task.title,
        article: a.task.article,
        subject_type: a.task.subjectType,
        subject_id: a.task.subjectId,
        due_on: a.task.dueOn,
        org_ids: a.orgIds,
        org_kinds: a.orgKinds,
        mail_subject: subject,
        mail_body: body,
      };
    });
    await em.query(
      `SELECT count(ipfund_notify(a.id, a.kind, a.title, a.article, a.subject_type, a.subject_id, a.due_on, $2::date,
                                  ARRAY(SELECT jsonb_array_elements_text(a.org_ids))::uuid[],
                                  ARRAY(SELECT jsonb_array_elements_text(a.org_kinds)),
                                  a.mail_subject, a.mail_body))
         FROM jsonb_to_recordset($1::jsonb) AS a(id text, kind text, title text, article text,
              subject_type text, subject_id text, due_on date, org_ids jsonb, org_kinds jsonb,
              mail_subject text, mail_body text)`,
      [JSON.stringify(rows), today],
    );
  }
}

/** The resumption votes a new suspension episode opens (the breaker's joint decision), one per kind that votes. */
function resumptionVotes(
  kindJudges: readonly TaskJudge[],
  trip: { suspensionId: string; since: IsoDate },
): Announcement[] {
  return kindJudges.flatMap((judge) =>
    resumptionTasks(
      judge,
      { suspended: true, suspensionKey: trip.suspensionId, suspendedSince: trip.since },
      [],
    ).map((task) => ({ task, orgIds: [], orgKinds: [judge.actor.orgKind] })),
  );
}

/** The e-mail of a task: what to do and by when, and where to do it — nothing the title does not say. */
export function mailOf(task: Task): { subject: string; body: string } {
  return {
    subject: `【知识产权质押融资风险补偿平台】待办：${task.title}`.slice(0, 500),
    body: [
      '您好：',
      '',
      `您有一项新的待办事项：${task.title}`,
      `办理依据：${task.article}`,
      `${task.kind.startsWith('REMITTANCE') ? '到期日' : '起始日'}：${task.dueOn}`,
      '',
      '请登录平台，在“首页 · 待办”中办理。',
      '（本邮件由系统自动发送，请勿回复。）',
    ].join('\n'),
  };
}
