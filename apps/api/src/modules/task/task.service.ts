import { addDays, type IsoDate, type PolicyParameters } from '@ipfund/policy';
import type { Operation } from '@ipfund/shared';
import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { badInput } from '../../common/errors';
import { rowReader } from '../../db/row-reader';
import { pageSize } from '../../common/pagination';
import { ClaimEntity, RecoveryEntity } from '../claim/claim.entity';
import { CLAIM_ACTION_OPERATION } from '../claim/claim.service';
import { readFundState } from '../claim/fund-state';
import type { FundService } from '../claim/fund.service';
import type { BlacklistProposalEntity } from '../enterprise/blacklist.entity';
import { toLoanType } from '../loan/loan.mapper';
import type { EnterpriseEntity, IpAssetEntity } from '../enterprise/enterprise.entity';
import { collectionIn } from '../financials/financials.collection';
import { periodLabelZh, quarterOf } from '../report/report.period';
import type { LoanEntity } from '../loan/loan.entity';
import type { RiskEventEntity, SuspensionProposalEntity } from '../risk/risk.entity';
import type { BankRiskRow, RiskService } from '../risk/risk.service';
import {
  TaskJudge,
  bankRiskTasks,
  blacklistProposalTasks,
  claimTasks,
  compareTasks,
  loanTasks,
  recoveryTasks,
  resumptionTasks,
  riskEventTasks,
  statementTasks,
  suspensionProposalTasks,
  type MissingStatementFacts,
  type ClaimStepFacts,
  type Task,
  type TaskActor,
} from './task.rules';

/** The records the tasks of one answer concern, by id (the resolver maps them to GraphQL). */
export interface TaskSubjects {
  claims: Map<string, ClaimEntity>;
  loans: Map<string, LoanEntity>;
  recoveries: Map<string, RecoveryEntity>;
  suspensionProposals: Map<string, SuspensionProposalEntity>;
  blacklistProposals: Map<string, BlacklistProposalEntity>;
  riskEvents: Map<string, RiskEventEntity>;
  bankRisks: Map<string, BankRiskRow>;
  enterprises: Map<string, { enterprise: EnterpriseEntity; assets: IpAssetEntity[] }>;
}

export interface TaskPage {
  totalCount: number;
  tasks: Task[];
  hasNextPage: boolean;
  subjects: TaskSubjects;
}

const emptySubjects = (): TaskSubjects => ({
  claims: new Map(),
  loans: new Map(),
  recoveries: new Map(),
  suspensionProposals: new Map(),
  blacklistProposals: new Map(),
  riskEvents: new Map(),
  bankRisks: new Map(),
  enterprises: new Map(),
});

/** How far back an unsent quarterly statement stays on the borrower's list (Art 22): a year. */
const STATEMENT_QUARTERS = 4;

/** Claim statuses in which some party still has a step to take (R6). */
const OPEN_CLAIM_STATUSES = ['SUBMITTED', 'RETURNED', 'GUARANTOR_CONFIRMED', 'VERIFIED', 'APPROVED'];
/** The claim procedure's operations (read when used: claim.service imports this module too). */
const claimOperations = (): readonly Operation[] => [
  ...Object.values(CLAIM_ACTION_OPERATION),
  'claim.uploadDocument',
];

/** The kinds of record the work queue judges (the notifier reads only those an operation can change). */
export type CandidateKind =
  'claims' | 'recoveries' | 'loans' | 'suspensionProposals' | 'blacklistProposals' | 'riskEvents';

/**
 * Narrows a candidate query. myTasks reads every open record the caller may act on; the notifier
 * reads only the rows the current transaction wrote (`touchedOnly`).
 */
type Restrict = (alias: string) => { sql: string; params?: Record<string, unknown> };

/** Rows inserted or updated by the current transaction (PostgreSQL stamps them with its xid). */
export const touchedOnly = (alias: string): string => `${alias}.xmin = pg_current_xact_id()::xid`;

/**
 * Candidate records for the work queue, loaded through the caller's scope (its read rules in SQL and
 * PostgreSQL's row-level security), each judged by task.rules.ts for one or many organisations.
 * A bounded number of statements whatever the data: one per kind of record the judges' kinds may
 * act on, plus the claims' steps.
 */
export class TaskCandidates {
  readonly subjects = emptySubjects();
  private readonly claimSteps = new Map<string, ClaimStepFacts[]>();
  private claimDocuments = new Map<string, string[]>();
  private fundSuspended = false;
  /** Statements owed for recent ended quarters and not given (Art 22). */
  readonly missingStatements: MissingStatementFacts[] = [];

  constructor(
    private readonly scope: Scope,
    private readonly today: IsoDate,
    private readonly restrict?: Restrict,
  ) {}

  private get policy(): PolicyParameters {
    return this.scope.policy;
  }

  /** Loads what any of `judges` could have a task on. */
  async load(judges: readonly TaskJudge[], only?: ReadonlySet<CandidateKind>): Promise<void> {
    const any = (ops: readonly Operation[]) => judges.some((j) => ops.some((op) => j.mayTake(op)));
    const wanted = (k: CandidateKind) => !only || only.has(k);
    if (wanted('claims') && any(claimOperations())) await this.loadClaims();
    if (wanted('recoveries') && any(['recovery.remit', 'recovery.confirmRemittance']))
      await this.loadRecoveries();
    if (wanted('loans') && any(['loan.acknowledge', 'claim.submit'])) await this.loadLoans(judges);
    if (wanted('suspensionProposals') && any(['risk.decideSuspension'])) await this.loadSuspensionProposals();
    if (wanted('blacklistProposals') && any(['blacklist.decide'])) await this.loadBlacklistProposals();
    if (wanted('riskEvents') && any(['risk.verifyEvent'])) await this.loadRiskEvents();
    // Statements: asked of the borrowers only (the notifier does not look for them: a quarter's end
    // is not a change of any record).
    if (!this.restrict && judges.some((j) => j.mayTake('financials.submit') && !j.readsAll('Enterprise')))
      await this.loadMissingStatements();
  }

  /** The last four ended quarters' collections as the caller's scope reads them: its own enterprise. */
  private async loadMissingStatements(): Promise<void> {
    let q = quarterOf(this.today);
    for (let i = 0; i < STATEMENT_QUARTERS; i++) {
      q = quarterOf(addDays(q.from, -1));
      const { rows } = await collectionIn(this.scope, q);
      const missing = rows.filter((r) => r.statement === null);
      if (!missing.length) continue;
      const enterprises = await this.scope
        .enterprises()
        .andWhere('enterprise.id = ANY(:ids::uuid[])', { ids: missing.map((r) => r.enterpriseId) })
        .getMany();
      const assets = enterprises.length
        ? await this.scope
            .ipAssets()
            .andWhere('asset.enterprise_id = ANY(:ids::uuid[])', { ids: enterprises.map((e) => e.id) })
            .getMany()
        : [];
      for (const e of enterprises) {
        this.missingStatements.push({
          enterpriseId: e.id,
          enterpriseName: e.name,
          organizationId: e.organizationId,
          createdByOrgId: e.createdByOrgId,
          quarterKey: q.key,
          quarterLabel: periodLabelZh(q),
          quarterEnd: q.to,
        });
        this.subjects.enterprises.set(e.id, {
          enterprise: e,
          assets: assets.filter((a) => a.enterpriseId === e.id),
        });
      }
    }
  }

  /** Every task of one organisation on the loaded records. */
  tasksOf(judge: TaskJudge): Task[] {
    const s = this.subjects;
    const tasks: Task[] = [];
    for (const c of s.claims.values()) {
      tasks.push(
        ...claimTasks(
          judge,
          {
            id: c.id,
            status: c.status,
            threeParty: c.threeParty,
            bankId: c.bankId,
            guarantorId: c.guarantorId,
            filedOn: c.filedOn,
            contractNo: c.loan?.contractNo ?? '',
            enterpriseName: c.loan?.enterprise?.name ?? '',
          },
          this.claimSteps.get(c.id) ?? [],
          this.fundSuspended,
          this.claimDocuments.get(c.id) ?? [],
        ),
      );
    }
    for (const l of s.loans.values()) {
      const view = toLoanType(l, this.today);
      tasks.push(
        ...loanTasks(judge, {
          id: l.id,
          contractNo: l.contractNo,
          enterpriseName: l.enterprise?.name ?? '',
          bankId: l.bankId,
          guarantorId: l.guarantorId,
          enterpriseOrgId: l.enterprise?.organizationId ?? null,
          view,
          issuedOn: l.issuedOn,
          claimableFrom: l.earliestUnpaidDueDate
            ? addDays(l.earliestUnpaidDueDate, this.policy.claimOverdueDays.value)
            : null,
        }),
      );
    }
    for (const r of s.recoveries.values()) {
      const extra = r as RecoveryEntity & { guarantorId?: string | null; contractNo?: string };
      tasks.push(
        ...recoveryTasks(
          judge,
          {
            id: r.id,
            claimId: r.claimId,
            bankId: r.bankId,
            guarantorId: extra.guarantorId ?? null,
            amountOwed: r.amountOwed,
            dueOn: r.dueOn,
            remittanceStatus: r.remittanceStatus,
            declaredOn: r.declaredOn,
            contractNo: extra.contractNo ?? '',
          },
          this.today,
        ),
      );
    }
    for (const m of this.missingStatements) tasks.push(...statementTasks(judge, m));
    for (const p of s.suspensionProposals.values()) {
      tasks.push(
        ...suspensionProposalTasks(judge, {
          id: p.id,
          bankId: p.bankId,
          bankName: p.bank?.name ?? '',
          status: p.status,
          proposedOn: p.proposedOn,
        }),
      );
    }
    for (const p of s.blacklistProposals.values()) {
      tasks.push(
        ...blacklistProposalTasks(judge, {
          id: p.id,
          enterpriseId: p.enterpriseId,
          enterpriseName: p.enterprise?.name ?? '',
          status: p.status,
          proposedOn: p.proposedOn,
        }),
      );
    }
    for (const e of s.riskEvents.values()) {
      tasks.push(
        ...riskEventTasks(judge, {
          id: e.id,
          bankId: e.loan?.bankId ?? '',
          guarantorId: e.loan?.guarantorId ?? null,
          verified: e.verifiedBy !== null,
          reportedOn: e.reportedOn,
          contractNo: e.loan?.contractNo ?? '',
        }),
      );
    }
    for (const b of s.bankRisks.values()) tasks.push(...bankRiskTasksOf(judge, b));
    return tasks;
  }

  private narrow<Q extends SelectQueryBuilder<ObjectLiteral>>(qb: Q, alias: string): Q {
    const r = this.restrict?.(alias);
    if (r) qb.andWhere(r.sql, r.params ?? {});
    return qb;
  }

  /**
   * The open claims with what the rules need besides them, in ONE statement (issue 10: the notifier
   * runs this in every claim step's transaction): each claim's loan contract and borrower's name, its
   * steps (through the caller's scope, as `Scope.claimEvents`), the kinds of material attached (the
   * measures' checklist) and whether the last co-signature would be held (the breaker: the fund's
   * one state row). Lean: no query builder, the claim read by the entity's row reader.
   */
  private async loadClaims(): Promise<void> {
    const reader = rowReader(this.scope.em.connection, ClaimEntity);
    const claimScope = this.scope.where('read', 'Claim', 'claim');
    const readable = this.scope.readableClaimChild('e');
    const restrict = this.restrict?.('claim');
    const rows = await this.scope.query<
      Record<string, unknown> & {
        task_contract_no: string;
        task_enterprise_name: string;
        task_steps: (ClaimStepFacts & { claimId: string })[];
        task_documents: string[] | null;
        task_suspended: boolean;
      }
    >(
      `SELECT ${reader.columns('claim')},
              loan.contract_no AS task_contract_no, enterprise.name AS task_enterprise_name,
              (SELECT coalesce(json_agg(json_build_object('id', e.id::text, 'claimId', e.claim_id,
                        'action', e.action, 'orgKind', e.org_kind, 'fromStatus', e.from_status,
                        'toStatus', e.to_status, 'businessDate', e.business_date::text) ORDER BY e.id), '[]')
                 FROM claim_events e WHERE e.claim_id = claim.id AND ${readable.sql}) AS task_steps,
              (SELECT array_agg(DISTINCT d.kind) FROM claim_documents d WHERE d.claim_id = claim.id)
                AS task_documents,
              (SELECT suspended FROM fund_state WHERE id = 1) AS task_suspended
         FROM claims claim
         JOIN loans loan ON loan.id = claim.loan_id
         JOIN enterprises enterprise ON enterprise.id = loan.enterprise_id
        WHERE ${claimScope.sql} AND claim.status = ANY(:open::text[])${restrict ? ` AND ${restrict.sql}` : ''}`,
      { ...claimScope.params, ...readable.params, ...restrict?.params, open: OPEN_CLAIM_STATUSES },
    );
    for (const row of rows) {
      const claim = reader.read(row);
      // The loan as the rules and the work queue read it: its contract and its borrower's name.
      claim.loan = {
        id: claim.loanId,
        contractNo: row.task_contract_no,
        enterprise: { name: row.task_enterprise_name },
      } as LoanEntity;
      this.subjects.claims.set(claim.id, claim);
      this.claimSteps.set(claim.id, row.task_steps);
      if (row.task_documents) this.claimDocuments.set(claim.id, row.task_documents);
      this.fundSuspended = row.task_suspended;
    }
  }

  private async loadRecoveries(): Promise<void> {
    const { entities, raw } = await this.narrow(
      this.scope
        .recoveries()
        .innerJoin(ClaimEntity, 'rc', 'rc.id = recovery.claim_id')
        .innerJoin('loans', 'rl', 'rl.id = rc.loan_id')
        .addSelect(['rc.guarantor_id AS task_guarantor_id', 'rl.contract_no AS task_contract_no'])
        .andWhere(
          `recovery.remittance_status IN ('DUE', 'REJECTED', 'DECLARED') AND recovery.amount_owed > 0`,
        )
        .orderBy('recovery.id'),
      'recovery',
    ).getRawAndEntities<{
      recovery_id: string;
      task_guarantor_id: string | null;
      task_contract_no: string;
    }>();
    const byId = new Map(raw.map((r) => [r.recovery_id, r]));
    for (const r of entities) {
      const extra = byId.get(r.id);
      this.subjects.recoveries.set(
        r.id,
        Object.assign(r, {
          guarantorId: extra?.task_guarantor_id ?? null,
          contractNo: extra?.task_contract_no ?? '',
        }),
      );
    }
  }

  private async loadLoans(judges: readonly TaskJudge[]): Promise<void> {
    const ack = judges.some((j) => j.mayTake('loan.acknowledge'));
    const file = judges.some((j) => j.mayTake('claim.submit'));
    const cutoff = addDays(this.today, -this.policy.claimOverdueDays.value);
    const loans = await this.narrow(
      this.scope
        .loans()
        .innerJoinAndSelect('loan.bank', 'bank')
        .innerJoinAndSelect('loan.enterprise', 'enterprise')
        .leftJoinAndSelect('loan.guarantor', 'guarantor')
        .andWhere(
          `((:ack AND loan.guarantor_id IS NOT NULL AND loan.acknowledged_at IS NULL)
            OR (:file AND loan.covered AND loan.status = 'ACTIVE' AND loan.earliest_unpaid_due_date <= :cutoff))`,
          { ack, file, cutoff },
        ),
      'loan',
    ).getMany();
    for (const l of loans) this.subjects.loans.set(l.id, l);
  }

  private async loadSuspensionProposals(): Promise<void> {
    const rows = await this.narrow(
      this.scope
        .suspensionProposals()
        .innerJoinAndSelect('proposal.bank', 'bank')
        .leftJoin('proposal.proposer', 'proposer')
        .addSelect(['proposer.id', 'proposer.displayName'])
        .andWhere(`proposal.status = 'PENDING'`),
      'proposal',
    ).getMany();
    for (const p of rows) this.subjects.suspensionProposals.set(p.id, p);
  }

  private async loadBlacklistProposals(): Promise<void> {
    const rows = await this.narrow(
      this.scope
        .blacklistProposals()
        .innerJoinAndSelect('proposal.enterprise', 'enterprise')
        .innerJoinAndSelect('proposal.proposedByOrg', 'proposedByOrg')
        .leftJoinAndSelect('proposal.decidedByOrg', 'decidedByOrg')
        .andWhere(`proposal.status = 'PENDING'`),
      'proposal',
    ).getMany();
    for (const p of rows) this.subjects.blacklistProposals.set(p.id, p);
  }

  private async loadRiskEvents(): Promise<void> {
    const rows = await this.narrow(
      this.scope
        .riskEvents()
        .innerJoinAndSelect('event.loan', 'loan')
        .innerJoinAndSelect('loan.bank', 'bank')
        .leftJoinAndSelect('loan.guarantor', 'guarantor')
        .innerJoinAndSelect('loan.enterprise', 'enterprise')
        .innerJoinAndSelect('event.reporterOrg', 'reporterOrg')
        .leftJoin('event.reporter', 'reporter')
        .addSelect(['reporter.id', 'reporter.displayName'])
        .andWhere('event.verified_by IS NULL'),
      'event',
    ).getMany();
    for (const e of rows) this.subjects.riskEvents.set(e.id, e);
  }
}

/** Opaque keyset cursor over (dueOn, id). */
export function encodeTaskCursor(task: Pick<Task, 'dueOn' | 'id'>): string {
  return Buffer.from(JSON.stringify([task.dueOn, task.id]), 'utf8').toString('base64url');
}

const TASK_ID = /^[A-Z_]{3,40}(:[A-Za-z0-9-]{1,64}){1,2}$/;

export function decodeTaskCursor(cursor: string): { dueOn: IsoDate; id: string } {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      typeof key[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(key[0]) &&
      typeof key[1] === 'string' &&
      TASK_ID.test(key[1])
    )
      return { dueOn: key[0] as IsoDate, id: key[1] };
  } catch {
    // any undecodable cursor is bad input
  }
  throw badInput('common.invalidCursor', {});
}

/**
 * The caller's work queue (issue 11): every item awaiting its own action, by due date then id.
 * Computed on demand from the records and the rules that allow the actions (task.rules.ts), never
 * stored, so a task disappears the moment its step is taken.
 */
export class TaskService {
  constructor(
    private readonly access: Access,
    private readonly clock: BusinessClock,
    private readonly risk: RiskService,
    private readonly fund: FundService,
  ) {}

  /** Every open task of the caller, in queue order, with the records they concern. */
  async all(actor: Actor): Promise<{ tasks: Task[]; subjects: TaskSubjects }> {
    const today = this.clock.today();
    const policy = this.access.policyNow();
    const judge = new TaskJudge(taskActorOf(actor), policy);
    const { tasks, subjects, fund } = await this.access.read(actor, async (scope) => {
      const candidates = new TaskCandidates(scope, today);
      await candidates.load([judge]);
      const state = judge.mayTake('fund.consentToResume') ? await readFundState(scope.em) : null;
      return { tasks: candidates.tasksOf(judge), subjects: candidates.subjects, fund: state };
    });
    // Supervision (Art 12): the ratio is risk.service's own computation, read as the caller.
    if (judge.mayTake('risk.issueWarning') || judge.mayTake('risk.proposeSuspension')) {
      for (const row of await this.risk.bankRisks(actor)) {
        const found = bankRiskTasksOf(judge, row);
        if (found.length) subjects.bankRisks.set(row.bankId, row);
        tasks.push(...found);
      }
    }
    // Art 19: the fund service knows whether this organisation's consent is still missing.
    if (fund?.suspended && (await this.fund.awaitsConsentOf(actor))) {
      tasks.push(
        ...resumptionTasks(
          judge,
          // A suspension is its own episode (fund-state.ts): two on one day are two votes.
          {
            suspended: true,
            suspensionKey: fund.suspensionId ?? fund.suspendedSince,
            suspendedSince: fund.suspendedSince,
          },
          [],
        ),
      );
    }
    return { tasks: tasks.sort(compareTasks), subjects };
  }

  async page(actor: Actor, args: { first?: number | null; after?: string | null }): Promise<TaskPage> {
    const limit = pageSize(args.first);
    const after = args.after ? decodeTaskCursor(args.after) : null;
    const { tasks, subjects } = await this.all(actor);
    const rest = after
      ? tasks.filter((t) => compareTasks(t, { ...t, dueOn: after.dueOn, id: after.id }) > 0)
      : tasks;
    return {
      totalCount: tasks.length,
      tasks: rest.slice(0, limit),
      hasNextPage: rest.length > limit,
      subjects,
    };
  }
}

export function taskActorOf(actor: Pick<Actor, 'orgId' | 'orgKind' | 'orgRetired'>): TaskActor {
  return { orgId: actor.orgId, orgKind: actor.orgKind, orgRetired: actor.orgRetired };
}

export function bankRiskTasksOf(judge: TaskJudge, row: BankRiskRow): Task[] {
  return bankRiskTasks(judge, {
    bankId: row.bankId,
    bankName: row.bankName,
    asOf: row.asOf,
    level: row.risk.level,
    suspended: row.suspendedSince !== null,
    suspendedSince: row.suspendedSince,
    pendingProposalId: row.pendingProposalId,
    lastWarningOn: row.lastWarningOn,
    suggestedAction: row.suggestedAction,
  });
}
