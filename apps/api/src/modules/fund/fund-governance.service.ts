import { Money, compareDates, isIsoDate, yearOf, type IsoDate } from '@ipfund/policy';
import type { EntityManager } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, conflict, forbidden, notFound, policyViolation } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { PolicyBook } from '../../common/policy-book';
import type { UseCaseRunner } from '../../common/use-case';
import { sqlState } from '../../db/transaction';
import { ACCOUNT } from '../ledger/ledger.chart';
import type { LedgerService } from '../ledger/ledger.service';
import type { TerminationStatus } from './termination-state';

const AMOUNT_TEXT = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

export interface ContributionView {
  id: string;
  amount: Money;
  contributedOn: IsoDate;
  documentRef: string;
  memo: string | null;
  transactionId: string;
  recordedByName: string | null;
  organizationName: string;
  createdAt: Date;
}

export type PlanStatus = 'SUBMITTED' | 'RETURNED' | 'APPROVED';

export interface PlanDecisionView {
  revision: number;
  orgKind: string;
  decision: 'APPROVE' | 'RETURN';
  comment: string | null;
  businessDate: IsoDate;
  userName: string | null;
}

export interface PlanView {
  id: string;
  year: number;
  revision: number;
  /** SUBMITTED: awaits the offices; RETURNED: awaits the manager's revision; APPROVED. */
  status: PlanStatus;
  title: string;
  summary: string;
  plannedLoanVolume: Money | null;
  plannedCompensation: Money | null;
  plannedEnterprises: number | null;
  submittedOn: IsoDate;
  approvedOn: IsoDate | null;
  /** Every decision of every revision, oldest first. */
  decisions: PlanDecisionView[];
}

export interface TerminationConsentView {
  orgKind: string;
  decision: 'CONSENT' | 'DECLINE';
  comment: string | null;
  businessDate: IsoDate;
  userName: string | null;
}

export interface TerminationView {
  id: string;
  /** PROPOSED: awaits the other offices; DECLINED; TERMINATED: decided; SETTLED: balance returned. */
  status: TerminationStatus;
  reason: string;
  effectiveOn: IsoDate;
  proposedOrgKind: string;
  proposedOn: IsoDate;
  decidedOn: IsoDate | null;
  settledOn: IsoDate | null;
  consents: TerminationConsentView[];
}

interface PlanRow {
  id: string;
  year: number;
  revision: number;
  status: PlanStatus;
  title: string;
  summary: string;
  planned_loan_volume: string | null;
  planned_compensation: string | null;
  planned_enterprises: number | null;
  submitted_on: IsoDate;
  approved_on: IsoDate | null;
}

interface TerminationRow {
  id: string;
  status: TerminationStatus;
  reason: string;
  effective_on: IsoDate;
  proposed_org_kind: string;
  proposed_on: IsoDate;
  decided_on: IsoDate | null;
  settled_on: IsoDate | null;
}

const PLAN_COLUMNS = `id, year, revision, status, title, summary, planned_loan_volume::text, planned_compensation::text,
  planned_enterprises, submitted_on::text, approved_on::text`;
const TERMINATION_COLUMNS = `id, status, reason, effective_on::text, proposed_org_kind, proposed_on::text,
  decided_on::text, settled_on::text`;

/**
 * The fund's governance around the claims (issue 12): the finance bureau's capital contributions
 * (Art 3, 5), the manager's annual work plan approved by the offices (Art 6.5), and the offices'
 * joint decision to terminate the fund, after which the balance returns to the funder (Art 24).
 * Each use case is one transaction through the use-case runner; reads go through the access kernel.
 */
export class FundGovernanceService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
    private readonly ledger: LedgerService,
  ) {}

  // ---------------------------------------------------------------- reads

  contributions(actor: Actor): Promise<ContributionView[]> {
    return this.access.read(actor, async (scope) => {
      this.requireReader(scope);
      const rows: {
        id: string;
        amount: string;
        contributed_on: IsoDate;
        document_ref: string;
        memo: string | null;
        transaction_id: string;
        user_name: string | null;
        org_name: string;
        created_at: Date;
      }[] = await scope.em.query(
        `SELECT c.id, c.amount::text, c.contributed_on::text, c.document_ref, c.memo, c.transaction_id,
                u.display_name AS user_name, o.name AS org_name, c.created_at
           FROM capital_contributions c
           JOIN organizations o ON o.id = c.organization_id
           LEFT JOIN user_names u ON u.id = c.recorded_by
          ORDER BY c.contributed_on DESC, c.seq DESC`,
      );
      return rows.map((r) => ({
        id: r.id,
        amount: Money.of(r.amount),
        contributedOn: r.contributed_on,
        documentRef: r.document_ref,
        memo: r.memo,
        transactionId: r.transaction_id,
        recordedByName: r.user_name,
        organizationName: r.org_name,
        createdAt: r.created_at,
      }));
    });
  }

  plans(actor: Actor): Promise<PlanView[]> {
    return this.access.read(actor, async (scope) => {
      this.requireReader(scope);
      const rows: PlanRow[] = await scope.em.query(
        `SELECT ${PLAN_COLUMNS} FROM annual_work_plans ORDER BY year DESC`,
      );
      return this.withDecisions(scope.em, rows);
    });
  }

  termination(actor: Actor): Promise<TerminationView | null> {
    return this.access.read(actor, async (scope) => {
      this.requireReader(scope);
      const [row]: TerminationRow[] = await scope.em.query(
        `SELECT ${TERMINATION_COLUMNS} FROM fund_terminations ORDER BY seq DESC LIMIT 1`,
      );
      return row ? this.terminationView(scope.em, row) : null;
    });
  }

  // ---------------------------------------------------------------- capital (Art 3, 5)

  /**
   * The finance bureau records a capital contribution to the fund; it is posted to the principal
   * (CAPITAL_INJECTION) in the same transaction. The same key again answers the first contribution
   * and posts nothing; the same key with other facts is a CONFLICT.
   */
  recordContribution(
    actor: Actor,
    input: {
      amount: string;
      contributedOn: string;
      documentRef: string;
      memo?: string | null;
      idempotencyKey: string;
    },
  ): Promise<ContributionView> {
    return this.useCases.run(actor, 'fund.recordContribution', async ({ em, target, detail }) => {
      if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) throw badInput('common.idempotencyKey', {});
      if (!AMOUNT_TEXT.test(input.amount) || !Money.of(input.amount).isPositive()) {
        throw badInput('common.amountPositive', {});
      }
      if (!isIsoDate(input.contributedOn)) throw badInput('common.dateField', { field: 'contributedOn' });
      const documentRef = input.documentRef.trim();
      if (!documentRef || documentRef.length > 100) throw badInput('fund.contributionDocument', {});
      const amount = Money.of(input.amount);
      const contributedOn = input.contributedOn;
      const memo = input.memo?.trim() || null;
      const today = this.clock.today();
      const policy = this.policies.inForce(today);
      const article = policy.provisions.capitalContribution.article;

      const replay = await this.contributionByKey(em, input.idempotencyKey);
      if (replay) {
        if (
          !replay.amount.eq(amount) ||
          replay.contributedOn !== contributedOn ||
          replay.documentRef !== documentRef
        ) {
          throw conflict('fund.contributionKeyReused', {}, article);
        }
        target('CapitalContribution', replay.id);
        detail({ replay: true });
        return replay;
      }
      // After the offices terminated the fund its balance goes back to the funder: no new capital.
      const [ended]: { effective_on: IsoDate }[] = await em.query(
        `SELECT effective_on::text AS effective_on FROM fund_terminations WHERE status IN ('TERMINATED','SETTLED')`,
      );
      if (ended) {
        throw policyViolation(
          'fund.terminated',
          { effectiveOn: ended.effective_on },
          policy.provisions.termination.article,
        );
      }
      const posted = await this.ledger.post(em, {
        kind: 'CAPITAL_INJECTION',
        lines: [
          { account: ACCOUNT.PRINCIPAL, debit: amount },
          { account: ACCOUNT.FUND_CAPITAL, credit: amount },
        ],
        memo: `${article} 财政追加出资（${documentRef}）`.slice(0, 500),
        reference: { type: 'CapitalContribution', id: input.idempotencyKey },
        idempotencyKey: `contribution:${input.idempotencyKey}`,
        actor,
        businessDate: contributedOn,
      });
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO capital_contributions (amount, contributed_on, document_ref, memo, idempotency_key, transaction_id,
           recorded_by, organization_id, business_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          amount.toString(),
          contributedOn,
          documentRef,
          memo,
          input.idempotencyKey,
          posted.id,
          actor.userId,
          actor.orgId,
          today,
        ],
      );
      target('CapitalContribution', row.id);
      detail({ amount: amount.toString(), contributedOn, documentRef, transactionId: posted.id });
      return (await this.contributionByKey(em, input.idempotencyKey))!;
    });
  }

  private async contributionByKey(em: EntityManager, key: string): Promise<ContributionView | null> {
    const [r]: {
      id: string;
      amount: string;
      contributed_on: IsoDate;
      document_ref: string;
      memo: string | null;
      transaction_id: string;
      user_name: string | null;
      org_name: string;
      created_at: Date;
    }[] = await em.query(
      `SELECT c.id, c.amount::text, c.contributed_on::text, c.document_ref, c.memo, c.transaction_id,
              u.display_name AS user_name, o.name AS org_name, c.created_at
         FROM capital_contributions c
         JOIN organizations o ON o.id = c.organization_id
         LEFT JOIN user_names u ON u.id = c.recorded_by
        WHERE c.idempotency_key = $1`,
      [key],
    );
    if (!r) return null;
    return {
      id: r.id,
      amount: Money.of(r.amount),
      contributedOn: r.contributed_on,
      documentRef: r.document_ref,
      memo: r.memo,
      transactionId: r.transaction_id,
      recordedByName: r.user_name,
      organizationName: r.org_name,
      createdAt: r.created_at,
    };
  }

  // ---------------------------------------------------------------- the annual work plan (Art 6.5)

  /**
   * The manager submits the year's work plan; after a return it revises the same plan (a new
   * revision, which every office approves afresh). A plan awaiting decision or approved is not changed.
   */
  submitAnnualPlan(
    actor: Actor,
    input: {
      year: number;
      title: string;
      summary: string;
      plannedLoanVolume?: string | null;
      plannedCompensation?: string | null;
      plannedEnterprises?: number | null;
    },
  ): Promise<PlanView> {
    return this.useCases.run(actor, 'fund.submitAnnualPlan', async ({ em, target, detail }) => {
      const today = this.clock.today();
      const policy = this.policies.inForce(today);
      const article = policy.provisions.annualWorkPlan.article;
      const min = yearOf(policy.effectiveFrom);
      const max = yearOf(today) + 1;
      if (!Number.isInteger(input.year) || input.year < min || input.year > max) {
        throw badInput('fund.planYear', { min, max });
      }
      const title = input.title.trim();
      const summary = input.summary.trim();
      if (!title || title.length > 200 || !summary || summary.length > 5000)
        throw badInput('fund.planText', {});
      const figures = [input.plannedLoanVolume, input.plannedCompensation].map((v) => {
        if (v === null || v === undefined || v === '') return null;
        if (!AMOUNT_TEXT.test(v)) throw badInput('fund.planFigure', {});
        return Money.of(v).toString();
      });
      const enterprises = input.plannedEnterprises ?? null;
      if (
        enterprises !== null &&
        (!Number.isInteger(enterprises) || enterprises < 0 || enterprises > 1_000_000)
      ) {
        throw badInput('fund.planFigure', {});
      }
      // Serialises two submissions of one year (the first inserts, the second finds it).
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`annual-plan:${input.year}`]);
      const [existing]: PlanRow[] = await em.query(
        `SELECT ${PLAN_COLUMNS} FROM annual_work_plans WHERE year = $1 FOR UPDATE`,
        [input.year],
      );
      let id: string;
      if (!existing) {
        const [row]: { id: string }[] = await em.query(
          `INSERT INTO annual_work_plans (year, status, title, summary, planned_loan_volume, planned_compensation,
             planned_enterprises, submitted_by, submitted_on)
           VALUES ($1, 'SUBMITTED', $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [input.year, title, summary, figures[0], figures[1], enterprises, actor.userId, today],
        );
        id = row.id;
      } else if (existing.status === 'RETURNED') {
        await em.query(
          `UPDATE annual_work_plans SET status = 'SUBMITTED', revision = revision + 1, title = $2, summary = $3,
             planned_loan_volume = $4, planned_compensation = $5, planned_enterprises = $6, submitted_by = $7,
             submitted_on = $8, updated_at = now()
           WHERE id = $1`,
          [existing.id, title, summary, figures[0], figures[1], enterprises, actor.userId, today],
        );
        id = existing.id;
      } else if (existing.status === 'APPROVED') {
        throw conflict('fund.planApproved', { year: input.year }, article);
      } else {
        throw conflict('fund.planAwaiting', { year: input.year }, article);
      }
      target('AnnualWorkPlan', id);
      detail({ year: input.year, revision: existing ? existing.revision + 1 : 1 });
      return this.planById(em, id);
    });
  }

  /** An office approves the submitted revision; the plan is approved when every office has. */
  approveAnnualPlan(actor: Actor, planId: string, comment?: string | null): Promise<PlanView> {
    return this.decidePlan(actor, 'fund.approveAnnualPlan', planId, 'APPROVE', comment?.trim() || null);
  }

  /** An office returns the submitted revision to the manager with a reason. */
  returnAnnualPlan(actor: Actor, planId: string, reason: string): Promise<PlanView> {
    const why = reason.trim();
    if (!why) throw badInput('common.reasonRequired', {});
    return this.decidePlan(actor, 'fund.returnAnnualPlan', planId, 'RETURN', why);
  }

  private decidePlan(
    actor: Actor,
    operation: 'fund.approveAnnualPlan' | 'fund.returnAnnualPlan',
    planId: string,
    decision: 'APPROVE' | 'RETURN',
    comment: string | null,
  ): Promise<PlanView> {
    return this.useCases.run(actor, operation, async ({ em, target, detail }) => {
      if (!isUuid(planId)) throw notFound('Annual work plan');
      const [plan]: PlanRow[] = await em.query(
        `SELECT ${PLAN_COLUMNS} FROM annual_work_plans WHERE id = $1 FOR UPDATE`,
        [planId],
      );
      if (!plan) throw notFound('Annual work plan');
      target('AnnualWorkPlan', plan.id);
      const today = this.clock.today();
      const policy = this.policies.inForce(today);
      const article = policy.provisions.annualWorkPlan.article;
      if (plan.status !== 'SUBMITTED') {
        throw conflict('fund.planNotAwaiting', { year: plan.year, status: plan.status }, article);
      }
      try {
        await em.query(
          `INSERT INTO annual_work_plan_decisions (plan_id, revision, org_kind, decision, comment, user_id,
             organization_id, business_date)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [plan.id, plan.revision, actor.orgKind, decision, comment, actor.userId, actor.orgId, today],
        );
      } catch (err) {
        if (sqlState(err) === '23505') {
          throw conflict('fund.planAlreadyDecided', { orgKind: actor.orgKind }, article);
        }
        throw err;
      }
      let status: PlanStatus = 'SUBMITTED';
      if (decision === 'RETURN') {
        status = 'RETURNED';
        await em.query(`UPDATE annual_work_plans SET status = 'RETURNED', updated_at = now() WHERE id = $1`, [
          plan.id,
        ]);
      } else {
        const offices = policy.coSigningOffices.value;
        const [{ n }]: { n: number }[] = await em.query(
          `SELECT count(DISTINCT org_kind)::int AS n FROM annual_work_plan_decisions
            WHERE plan_id = $1 AND revision = $2 AND decision = 'APPROVE' AND org_kind = ANY($3::text[])`,
          [plan.id, plan.revision, offices],
        );
        if (n >= offices.length) {
          status = 'APPROVED';
          await em.query(
            `UPDATE annual_work_plans SET status = 'APPROVED', approved_on = $2, updated_at = now() WHERE id = $1`,
            [plan.id, today],
          );
        }
      }
      detail({ year: plan.year, revision: plan.revision, decision, status });
      return this.planById(em, plan.id);
    });
  }

  private async planById(em: EntityManager, id: string): Promise<PlanView> {
    const rows: PlanRow[] = await em.query(`SELECT ${PLAN_COLUMNS} FROM annual_work_plans WHERE id = $1`, [
      id,
    ]);
    const [view] = await this.withDecisions(em, rows);
    return view;
  }

  private async withDecisions(em: EntityManager, rows: PlanRow[]): Promise<PlanView[]> {
    if (rows.length === 0) return [];
    const decisions: {
      plan_id: string;
      revision: number;
      org_kind: string;
      decision: 'APPROVE' | 'RETURN';
      comment: string | null;
      business_date: IsoDate;
      user_name: string | null;
    }[] = await em.query(
      `SELECT d.plan_id, d.revision, d.org_kind, d.decision, d.comment, d.business_date::text AS business_date,
              u.display_name AS user_name
         FROM annual_work_plan_decisions d LEFT JOIN user_names u ON u.id = d.user_id
        WHERE d.plan_id = ANY($1::uuid[]) ORDER BY d.id`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: r.id,
      year: r.year,
      revision: r.revision,
      status: r.status,
      title: r.title,
      summary: r.summary,
      plannedLoanVolume: r.planned_loan_volume === null ? null : Money.of(r.planned_loan_volume),
      plannedCompensation: r.planned_compensation === null ? null : Money.of(r.planned_compensation),
      plannedEnterprises: r.planned_enterprises,
      submittedOn: r.submitted_on,
      approvedOn: r.approved_on,
      decisions: decisions
        .filter((d) => d.plan_id === r.id)
        .map((d) => ({
          revision: d.revision,
          orgKind: d.org_kind,
          decision: d.decision,
          comment: d.comment,
          businessDate: d.business_date,
          userName: d.user_name,
        })),
    }));
  }

  // ---------------------------------------------------------------- termination (Art 24)

  /**
   * An office proposes terminating the fund, with a reason and the date it takes effect (not before
   * today). Its proposal is its own consent; the other offices consent or decline.
   */
  proposeTermination(actor: Actor, input: { reason: string; effectiveOn: string }): Promise<TerminationView> {
    return this.useCases.run(actor, 'fund.proposeTermination', async ({ em, target, detail }) => {
      const reason = input.reason.trim();
      if (!reason) throw badInput('common.reasonRequired', {});
      if (!isIsoDate(input.effectiveOn)) throw badInput('common.dateField', { field: 'effectiveOn' });
      const today = this.clock.today();
      const policy = this.policies.inForce(today);
      const article = policy.provisions.termination.article;
      if (compareDates(input.effectiveOn, today) < 0) {
        throw badInput('fund.terminationEffectiveDate', { effectiveOn: input.effectiveOn, today });
      }
      const [live]: { status: TerminationStatus }[] = await em.query(
        `SELECT status FROM fund_terminations WHERE status <> 'DECLINED' FOR UPDATE`,
      );
      if (live) throw conflict('fund.terminationExists', { status: live.status }, article);
      let id: string;
      try {
        const [row]: { id: string }[] = await em.query(
          `INSERT INTO fund_terminations (status, reason, effective_on, proposed_by, proposed_org_kind, proposed_on)
           VALUES ('PROPOSED', $1, $2, $3, $4, $5) RETURNING id`,
          [reason, input.effectiveOn, actor.userId, actor.orgKind, today],
        );
        id = row.id;
      } catch (err) {
        // A concurrent proposal took the one live slot first (fund_terminations_one_live).
        if (sqlState(err) === '23505')
          throw conflict('fund.terminationExists', { status: 'PROPOSED' }, article);
        throw err;
      }
      target('FundTermination', id);
      await this.recordConsent(em, actor, id, 'CONSENT', reason, today, article);
      const status = await this.decideIfAllConsented(em, id, today);
      detail({ effectiveOn: input.effectiveOn, status });
      return this.terminationById(em, id);
    });
  }

  /** Another office consents; when every office has, the fund is terminated from the effective date. */
  consentToTermination(actor: Actor, comment?: string | null): Promise<TerminationView> {
    return this.answerTermination(actor, 'fund.consentToTermination', 'CONSENT', comment?.trim() || null);
  }

  /** An office declines with a reason: the proposal ends (a new one may be made). */
  declineTermination(actor: Actor, reason: string): Promise<TerminationView> {
    const why = reason.trim();
    if (!why) throw badInput('common.reasonRequired', {});
    return this.answerTermination(actor, 'fund.declineTermination', 'DECLINE', why);
  }

  private answerTermination(
    actor: Actor,
    operation: 'fund.consentToTermination' | 'fund.declineTermination',
    decision: 'CONSENT' | 'DECLINE',
    comment: string | null,
  ): Promise<TerminationView> {
    return this.useCases.run(actor, operation, async ({ em, target, detail }) => {
      const today = this.clock.today();
      const article = this.policies.inForce(today).provisions.termination.article;
      const [proposal]: { id: string }[] = await em.query(
        `SELECT id FROM fund_terminations WHERE status = 'PROPOSED' FOR UPDATE`,
      );
      if (!proposal) throw conflict('fund.terminationNone', {}, article);
      target('FundTermination', proposal.id);
      await this.recordConsent(em, actor, proposal.id, decision, comment, today, article);
      let status: TerminationStatus;
      if (decision === 'DECLINE') {
        status = 'DECLINED';
        await em.query(`UPDATE fund_terminations SET status = 'DECLINED', updated_at = now() WHERE id = $1`, [
          proposal.id,
        ]);
      } else {
        status = await this.decideIfAllConsented(em, proposal.id, today);
      }
      detail({ decision, status });
      return this.terminationById(em, proposal.id);
    });
  }

  private async recordConsent(
    em: EntityManager,
    actor: Actor,
    terminationId: string,
    decision: 'CONSENT' | 'DECLINE',
    comment: string | null,
    today: IsoDate,
    article: string,
  ): Promise<void> {
    try {
      await em.query(
        `INSERT INTO fund_termination_consents (termination_id, org_kind, decision, comment, user_id, organization_id,
           business_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [terminationId, actor.orgKind, decision, comment, actor.userId, actor.orgId, today],
      );
    } catch (err) {
      if (sqlState(err) === '23505')
        throw conflict('fund.terminationAnswered', { orgKind: actor.orgKind }, article);
      throw err;
    }
  }

  /** Every office (as the measures list them) has consented → TERMINATED from the effective date. */
  private async decideIfAllConsented(
    em: EntityManager,
    id: string,
    today: IsoDate,
  ): Promise<TerminationStatus> {
    const offices = this.policies.inForce(today).coSigningOffices.value;
    const [{ n }]: { n: number }[] = await em.query(
      `SELECT count(DISTINCT org_kind)::int AS n FROM fund_termination_consents
        WHERE termination_id = $1 AND decision = 'CONSENT' AND org_kind = ANY($2::text[])`,
      [id, offices],
    );
    if (n < offices.length) return 'PROPOSED';
    await em.query(
      `UPDATE fund_terminations SET status = 'TERMINATED', decided_on = $2, updated_at = now() WHERE id = $1`,
      [id, today],
    );
    return 'TERMINATED';
  }

  /**
   * After the termination took effect and every claim under way has finished (paid or rejected), the
   * manager returns the special account's balance — principal and interest sub-account — to the funder
   * with the ledger's TERMINATION_RETURN template (Art 24). It holds the fund-state lock, so no final
   * approval can commit principal meanwhile. A remittance confirmed later can be returned the same
   * way with a new key; the same key again answers the first posting.
   */
  returnBalance(actor: Actor, idempotencyKey: string): Promise<TerminationView> {
    return this.useCases.run(actor, 'fund.returnBalance', async ({ em, target, detail }) => {
      if (!IDEMPOTENCY_KEY.test(idempotencyKey)) throw badInput('common.idempotencyKey', {});
      const today = this.clock.today();
      const policy = this.policies.inForce(today);
      const article = policy.provisions.termination.article;
      await em.query(`SELECT 1 FROM fund_state WHERE id = 1 FOR UPDATE`);
      const [t]: TerminationRow[] = await em.query(
        `SELECT ${TERMINATION_COLUMNS} FROM fund_terminations WHERE status IN ('TERMINATED','SETTLED') FOR UPDATE`,
      );
      if (!t) throw policyViolation('fund.notTerminated', {}, article);
      target('FundTermination', t.id);
      const key = `termination-return:${idempotencyKey}`;
      const earlier = await this.ledger.transactionByKey(em, key);
      if (earlier) {
        detail({ replay: true, transactionId: earlier.id });
        return this.terminationById(em, t.id);
      }
      if (compareDates(today, t.effective_on) < 0) {
        throw policyViolation('fund.terminationNotEffective', { effectiveOn: t.effective_on }, article);
      }
      const [{ n }]: { n: number }[] = await em.query(
        `SELECT count(*)::int AS n FROM claims WHERE status NOT IN ('PAID','REJECTED')`,
      );
      if (n > 0) throw policyViolation('fund.claimsUnderWay', { count: n }, article, { claimsUnderWay: n });
      const balances = await this.ledger.balances(em);
      const principal = balances.principal;
      const interest = balances.interest;
      const total = principal.plus(interest);
      if (!total.isPositive()) throw conflict('fund.nothingToReturn', {}, article);
      const lines = [
        { account: ACCOUNT.RETURNED_TO_FUNDER, debit: total },
        ...(principal.isPositive() ? [{ account: ACCOUNT.PRINCIPAL, credit: principal }] : []),
        ...(interest.isPositive() ? [{ account: ACCOUNT.INTEREST, credit: interest }] : []),
      ];
      const posted = await this.ledger.post(em, {
        kind: 'TERMINATION_RETURN',
        lines,
        memo: `${article} 风险补偿资金终止，存量余额返还出资人`,
        reference: { type: 'FundTermination', id: t.id },
        idempotencyKey: key,
        actor,
      });
      if (t.status === 'TERMINATED') {
        await em.query(
          `UPDATE fund_terminations SET status = 'SETTLED', settled_on = $2, updated_at = now() WHERE id = $1`,
          [t.id, today],
        );
      }
      detail({ principal: principal.toString(), interest: interest.toString(), transactionId: posted.id });
      return this.terminationById(em, t.id);
    });
  }

  private async terminationById(em: EntityManager, id: string): Promise<TerminationView> {
    const [row]: TerminationRow[] = await em.query(
      `SELECT ${TERMINATION_COLUMNS} FROM fund_terminations WHERE id = $1`,
      [id],
    );
    return this.terminationView(em, row);
  }

  private async terminationView(em: EntityManager, row: TerminationRow): Promise<TerminationView> {
    const consents: {
      org_kind: string;
      decision: 'CONSENT' | 'DECLINE';
      comment: string | null;
      business_date: IsoDate;
      user_name: string | null;
    }[] = await em.query(
      `SELECT c.org_kind, c.decision, c.comment, c.business_date::text AS business_date, u.display_name AS user_name
         FROM fund_termination_consents c LEFT JOIN user_names u ON u.id = c.user_id
        WHERE c.termination_id = $1 ORDER BY c.id`,
      [row.id],
    );
    return {
      id: row.id,
      status: row.status,
      reason: row.reason,
      effectiveOn: row.effective_on,
      proposedOrgKind: row.proposed_org_kind,
      proposedOn: row.proposed_on,
      decidedOn: row.decided_on,
      settledOn: row.settled_on,
      consents: consents.map((c) => ({
        orgKind: c.org_kind,
        decision: c.decision,
        comment: c.comment,
        businessDate: c.business_date,
        userName: c.user_name,
      })),
    };
  }

  /** The fund's governance records are the programme's (Art 5, 20): never a bank's, guarantor's or enterprise's. */
  private requireReader(scope: Scope): void {
    if (!scope.canRead('FundGovernance')) {
      throw forbidden('authz.forbidden', {}, scope.policy.provisions.programmeGovernance.article);
    }
  }
}
