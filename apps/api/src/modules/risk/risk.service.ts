import Decimal from 'decimal.js';
import {
  addDays,
  bankRiskRatioOfTotals,
  compareDates,
  Money,
  type BankRiskRatio,
  type IsoDate,
} from '@ipfund/policy';
import type { Operation } from '@ipfund/shared';
import type { EntityManager } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { conflict, notFound, policyViolation } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { PolicyBook } from '../../common/policy-book';
import type { UseCaseRunner } from '../../common/use-case';
import {
  BankSuspensionEntity,
  RiskEventEntity,
  RiskNoticeEntity,
  SuspensionProposalEntity,
  type ProposalStatus,
  type RiskEventKind,
  type RiskNoticeKind,
} from './risk.entity';
import { requiredText } from './risk.text';

/** What the manager is prompted to do about a bank (a nudge; the rules are checked when acting). */
export type SuggestedAction = 'NONE' | 'ISSUE_WARNING' | 'PROPOSE_SUSPENSION';

/** A warning is suggested again when the last one is older than this (the measures set no period). */
export const WARNING_REMINDER_DAYS = 30;

/** One bank's risk ratio (R4) at the business date, with its supervision state. */
export interface BankRiskRow {
  bankId: string;
  bankName: string;
  asOf: IsoDate;
  risk: BankRiskRatio;
  coveredLoans: number;
  atRiskLoans: number;
  suspendedSince: IsoDate | null;
  lastWarningOn: IsoDate | null;
  /** null for callers who may not see proposals (the bank itself). */
  pendingProposalId: string | null;
  suggestedAction: SuggestedAction | null;
}

/** The ratio for display: four decimals, half up (the level is decided on the exact ratio). */
export function formatRatio(ratio: Decimal.Value): string {
  return new Decimal(ratio).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4);
}

const LIST_LIMIT = 200;

/**
 * Bank risk supervision (Art 12) and early warning (Art 16). The ratio itself is the policy
 * package's `bankRiskRatio`; this service only loads the figures (in one statement for every
 * visible bank) and records the decisions. Who may decide is the operations table's business
 * (authz/operations.ts, checked by the use-case runner); which bank, proposal or event an actor may
 * act on is its scope's.
 */
export class RiskService {
  constructor(
    private readonly access: Access,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
    private readonly useCases: UseCaseRunner,
  ) {}

  /** Every bank the actor may see the risk of, ranked by ratio (highest first). */
  bankRisks(actor: Actor): Promise<BankRiskRow[]> {
    return this.access.read(actor, (scope) => this.risksIn(scope));
  }

  /**
   * One statement for every visible bank (issue 10): the banks the scope may read, their supervision
   * state, and their covered books summed in SQL — an index-only aggregate per bank
   * (loans_bank_risk_idx) instead of every covered loan loaded into Node. The sums are R4's
   * (`isAtRisk` in the policy package, stated in SQL below) and the ratio, level and reasons come
   * from `bankRiskRatioOfTotals`, so the rule of the measures stays in one place. A bank sees its own
   * ratio, never another's (Art 12, DOMAIN.md §2): the bank rows are the scope's, and the loans are
   * read under the same transaction's row-level security.
   */
  private async risksIn(scope: Scope, onlyBankId?: string): Promise<BankRiskRow[]> {
    const today = this.clock.today();
    const policy = scope.policy;
    const mayReadProposals = scope.canRead('SuspensionProposal');
    const visible = scope.where('read', 'BankRisk', 'bank');
    const params: Record<string, unknown> = {
      ...visible.params,
      today,
      // R4: at least riskOverdueDays overdue ⇔ the earliest unpaid due date is on or before this.
      riskCutoff: addDays(today, -policy.riskOverdueDays.value),
      ...(onlyBankId ? { onlyBankId } : {}),
    };
    const banks = await scope.query<{
      id: string;
      name: string;
      suspended_from: IsoDate | null;
      last_warning_on: IsoDate | null;
      pending_proposal_id: string | null;
      covered_loans: number;
      issued_loans: number;
      at_risk_loans: number;
      denominator: string;
      numerator: string;
    }>(
      `SELECT bank.id, bank.name,
              (SELECT s.suspended_from FROM bank_suspensions s WHERE s.bank_id = bank.id AND s.lifted_on IS NULL) AS suspended_from,
              (SELECT max(n.business_date) FROM risk_notices n WHERE n.bank_id = bank.id AND n.kind = 'WARNING') AS last_warning_on,
              (SELECT p.id FROM suspension_proposals p WHERE p.bank_id = bank.id AND p.status = 'PENDING') AS pending_proposal_id,
              f.covered_loans, f.issued_loans, f.at_risk_loans, f.denominator::text, f.numerator::text
         FROM organizations bank
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS covered_loans,
                  count(*) FILTER (WHERE r.issued)::int AS issued_loans,
                  count(*) FILTER (WHERE r.issued AND r.at_risk)::int AS at_risk_loans,
                  COALESCE(sum(r.amount) FILTER (WHERE r.issued), 0) AS denominator,
                  COALESCE(sum(r.amount) FILTER (WHERE r.issued AND r.at_risk), 0) AS numerator
             FROM (SELECT l.ip_pledged_principal AS amount, l.issued_on <= :today::date AS issued,
                          l.status <> 'CLOSED' AND (l.status IN ('IN_CLAIM', 'COMPENSATED')
                            OR l.earliest_unpaid_due_date <= :riskCutoff::date) AS at_risk
                     FROM loans l WHERE l.bank_id = bank.id AND l.covered) r) f
        WHERE bank.kind = 'LENDING_BANK' AND ${visible.sql}${onlyBankId ? ' AND bank.id = :onlyBankId' : ''}`,
      params,
    );

    const rows = banks.map((b): BankRiskRow => {
      const risk = bankRiskRatioOfTotals(
        {
          numerator: Money.of(b.numerator),
          denominator: Money.of(b.denominator),
          atRiskLoans: b.at_risk_loans,
          issuedLoans: b.issued_loans,
        },
        today,
        policy,
      );
      return {
        bankId: b.id,
        bankName: b.name,
        asOf: today,
        risk,
        coveredLoans: b.covered_loans,
        atRiskLoans: b.at_risk_loans,
        suspendedSince: b.suspended_from,
        lastWarningOn: b.last_warning_on,
        pendingProposalId: mayReadProposals ? b.pending_proposal_id : null,
        suggestedAction: mayReadProposals ? suggest(risk, b, today) : null,
      };
    });
    return rows.sort((a, b) => b.risk.ratio.cmp(a.risk.ratio) || a.bankName.localeCompare(b.bankName, 'zh'));
  }

  /**
   * The bank an operation acts on, locked, with its current ratio; NOT_FOUND for any other id (one
   * answer for missing and not permitted). The lock serialises decisions about one bank (warnings,
   * proposals, consent, lift, registrations' coverage).
   */
  private async lockBank(scope: Scope, operation: Operation, bankId: string): Promise<BankRiskRow> {
    if (!isUuid(bankId)) throw notFound('Bank');
    const bank = await scope
      .bankRisks(operation)
      .select('bank.id', 'id')
      .andWhere('bank.id = :bankId', { bankId })
      .setLock('pessimistic_write')
      .getRawOne<{ id: string }>();
    const [row] = bank ? await this.risksIn(scope, bank.id) : [];
    if (!row) throw notFound('Bank');
    return row;
  }

  /** Art 12: at ≥ 5 % the manager sends the bank a warning notice with a comment. */
  async issueWarning(actor: Actor, bankId: string, comment: string): Promise<RiskNoticeEntity> {
    return this.useCases.run(actor, 'risk.issueWarning', async ({ em, scope, target, detail }) => {
      const text = requiredText(comment, 'comment');
      const row = await this.lockBank(scope, 'risk.issueWarning', bankId);
      target('Organization', row.bankId);
      detail({ ratio: formatRatio(row.risk.ratio), level: row.risk.level });
      const policy = scope.policy;
      if (row.risk.level === 'NONE') {
        throw policyViolation(
          'risk.notBelowWarning',
          {
            ratio: formatRatio(row.risk.ratio),
            level: policy.warningRatio.value.toPercentString(),
            asOf: row.asOf,
            article: policy.warningRatio.article,
          },
          policy.warningRatio.article,
        );
      }
      const notice = await this.writeNotice(em, actor, row.bankId, 'WARNING', text, row.risk, null);
      return this.noticeById(scope, notice);
    });
  }

  /** Art 12: at ≥ 8 % the manager proposes suspension; it takes effect when the IP bureau consents. */
  async proposeSuspension(actor: Actor, bankId: string, comment: string): Promise<SuspensionProposalEntity> {
    return this.useCases.run(actor, 'risk.proposeSuspension', async ({ em, scope, target, detail }) => {
      const text = requiredText(comment, 'comment');
      const row = await this.lockBank(scope, 'risk.proposeSuspension', bankId);
      detail({ bankId: row.bankId, ratio: formatRatio(row.risk.ratio), level: row.risk.level });
      const policy = scope.policy;
      if (row.risk.level !== 'SUSPENSION_PROPOSED') {
        throw policyViolation(
          'risk.notBelowSuspension',
          {
            ratio: formatRatio(row.risk.ratio),
            level: policy.suspensionRatio.value.toPercentString(),
            asOf: row.asOf,
            article: policy.suspensionRatio.article,
          },
          policy.suspensionRatio.article,
        );
      }
      const supervision = policy.provisions.bankSupervision.article;
      if (row.suspendedSince)
        throw conflict('risk.suspendedSince', { since: row.suspendedSince }, supervision);
      if (row.pendingProposalId) throw conflict('risk.proposalPending', {}, supervision);
      const saved = await em.save(
        em.create(SuspensionProposalEntity, {
          bankId: row.bankId,
          proposedOn: row.asOf,
          numerator: row.risk.numerator.toString(),
          denominator: row.risk.denominator.toString(),
          comment: text,
          proposedBy: actor.userId,
          status: 'PENDING',
        }),
      );
      target('SuspensionProposal', saved.id);
      return this.proposalById(scope, saved.id);
    });
  }

  /**
   * Art 12: the IP bureau consents to or declines a proposal, once. On consent the suspension starts
   * at the decision's business date and the bank is notified; loans issued before stay covered.
   */
  async decideSuspension(
    actor: Actor,
    proposalId: string,
    consent: boolean,
    comment: string,
  ): Promise<SuspensionProposalEntity> {
    return this.useCases.run(actor, 'risk.decideSuspension', async ({ em, scope, target, detail }) => {
      const text = requiredText(comment, 'comment');
      if (!isUuid(proposalId)) throw notFound('Suspension proposal');
      const proposal = await scope
        .suspensionProposals('risk.decideSuspension')
        .andWhere('proposal.id = :proposalId', { proposalId })
        .setLock('pessimistic_write')
        .getOne();
      if (!proposal) throw notFound('Suspension proposal');
      target('SuspensionProposal', proposal.id);
      detail({ consent, bankId: proposal.bankId });
      const today = this.clock.today();
      const supervision = this.policies.inForce(today).provisions.bankSupervision.article;
      if (proposal.status !== 'PENDING')
        throw conflict('risk.proposalDecided', { status: proposal.status }, supervision);
      await em.query(`SELECT id FROM organizations WHERE id = $1 FOR UPDATE`, [proposal.bankId]);
      await em.query(
        `UPDATE suspension_proposals
           SET status = $2, decided_on = $3, decided_by = $4, decided_at = now(), decision_comment = $5
         WHERE id = $1`,
        [proposal.id, consent ? 'CONSENTED' : 'DECLINED', today, actor.userId, text],
      );
      if (consent) {
        const periods = (await em.query(
          `SELECT suspended_from, lifted_on FROM bank_suspensions WHERE bank_id = $1`,
          [proposal.bankId],
        )) as { suspended_from: IsoDate; lifted_on: IsoDate | null }[];
        if (periods.some((p) => p.lifted_on === null))
          throw conflict('risk.alreadySuspended', {}, supervision);
        if (periods.some((p) => p.lifted_on !== null && compareDates(p.lifted_on, today) > 0)) {
          throw conflict('risk.liftedAfterToday', {}, supervision);
        }
        const suspension = await em.save(
          em.create(BankSuspensionEntity, {
            bankId: proposal.bankId,
            proposalId: proposal.id,
            suspendedFrom: today,
          }),
        );
        await this.writeNotice(
          em,
          actor,
          proposal.bankId,
          'SUSPENSION',
          text,
          { numerator: Money.of(proposal.numerator), denominator: Money.of(proposal.denominator) },
          suspension.id,
        );
        detail({ suspendedFrom: today });
      }
      return this.proposalById(scope, proposal.id);
    });
  }

  /** Art 12: lifting a suspension is an IP-bureau decision; the period ends (exclusive) on the business date. */
  async liftSuspension(actor: Actor, bankId: string, comment: string): Promise<BankSuspensionEntity> {
    return this.useCases.run(actor, 'risk.liftSuspension', async ({ em, scope, target, detail }) => {
      const text = requiredText(comment, 'comment');
      const row = await this.lockBank(scope, 'risk.liftSuspension', bankId);
      const today = this.clock.today();
      const current = await em
        .getRepository(BankSuspensionEntity)
        .createQueryBuilder('s')
        .where('s.bank_id = :bankId AND s.lifted_on IS NULL', { bankId: row.bankId })
        .getOne();
      const supervision = this.policies.inForce(today).provisions.bankSupervision.article;
      if (!current) throw conflict('risk.notSuspended', {}, supervision);
      target('BankSuspension', current.id);
      if (compareDates(today, current.suspendedFrom) < 0) {
        throw conflict('risk.suspensionStartsLater', { from: current.suspendedFrom }, supervision);
      }
      await em.query(
        `UPDATE bank_suspensions SET lifted_on = $2, lifted_by = $3, lift_comment = $4 WHERE id = $1`,
        [current.id, today, actor.userId, text],
      );
      await this.writeNotice(em, actor, row.bankId, 'SUSPENSION_LIFTED', text, null, current.id);
      detail({ bankId: row.bankId, liftedOn: today });
      return em.getRepository(BankSuspensionEntity).findOneByOrFail({ id: current.id });
    });
  }

  private async writeNotice(
    em: EntityManager,
    actor: Actor,
    bankId: string,
    kind: RiskNoticeKind,
    comment: string,
    figures: Pick<BankRiskRatio, 'numerator' | 'denominator'> | null,
    suspensionId: string | null,
  ): Promise<string> {
    const saved = await em.save(
      em.create(RiskNoticeEntity, {
        bankId,
        kind,
        businessDate: this.clock.today(),
        numerator: figures?.numerator.toString() ?? null,
        denominator: figures?.denominator.toString() ?? null,
        comment,
        issuedBy: actor.userId,
        issuerOrgId: actor.orgId,
        suspensionId,
      }),
    );
    return saved.id;
  }

  /** Notices the scope may read, with the bank, the issuing organisation and the issuer's name. */
  private noticesQuery(scope: Scope) {
    return scope
      .riskNotices()
      .innerJoinAndSelect('notice.bank', 'bank')
      .innerJoinAndSelect('notice.issuerOrg', 'issuerOrg')
      .leftJoin('notice.issuer', 'issuer')
      .addSelect(['issuer.id', 'issuer.displayName']);
  }

  /** A notice just written by the acting manager or bureau (who may read every notice). */
  private noticeById(scope: Scope, id: string): Promise<RiskNoticeEntity> {
    return this.noticesQuery(scope).andWhere('notice.id = :id', { id }).getOneOrFail();
  }

  /** Notices the actor may see (a bank: those addressed to it), newest first. */
  notices(actor: Actor, bankId?: string | null): Promise<RiskNoticeEntity[]> {
    return this.access.read(actor, (scope) => {
      const qb = this.noticesQuery(scope);
      if (bankId) qb.andWhere('notice.bank_id = :bankId', { bankId: isUuid(bankId) ? bankId : null });
      return qb.orderBy('notice.seq', 'DESC').limit(LIST_LIMIT).getMany();
    });
  }

  /** Proposals the scope may read, with the bank and the proposer's and decider's names. */
  private proposalsQuery(scope: Scope) {
    return scope
      .suspensionProposals()
      .innerJoinAndSelect('proposal.bank', 'bank')
      .leftJoin('proposal.proposer', 'proposer')
      .addSelect(['proposer.id', 'proposer.displayName'])
      .leftJoin('proposal.decider', 'decider')
      .addSelect(['decider.id', 'decider.displayName']);
  }

  /** A proposal just written by the acting manager or bureau (who may read every proposal). */
  private proposalById(scope: Scope, id: string): Promise<SuspensionProposalEntity> {
    return this.proposalsQuery(scope).andWhere('proposal.id = :id', { id }).getOneOrFail();
  }

  /** Suspension proposals (programme-internal: the offices, the manager and the auditor). */
  proposals(actor: Actor, status?: ProposalStatus | null): Promise<SuspensionProposalEntity[]> {
    return this.access.read(actor, (scope) => {
      const qb = this.proposalsQuery(scope);
      if (status) qb.andWhere('proposal.status = :status', { status });
      return qb.orderBy('proposal.seq', 'DESC').limit(LIST_LIMIT).getMany();
    });
  }

  // --- Art 16: early warning ----------------------------------------------------------------------

  /** Events the scope may read (or take `action` on), with the loan, its parties and the people. */
  private eventsQuery(scope: Scope, action: 'read' | Operation = 'read') {
    return scope
      .riskEvents(action)
      .innerJoinAndSelect('event.loan', 'loan')
      .innerJoinAndSelect('loan.bank', 'bank')
      .leftJoinAndSelect('loan.guarantor', 'guarantor')
      .innerJoinAndSelect('loan.enterprise', 'enterprise')
      .innerJoinAndSelect('event.reporterOrg', 'reporterOrg')
      .leftJoin('event.reporter', 'reporter')
      .addSelect(['reporter.id', 'reporter.displayName'])
      .leftJoin('event.verifier', 'verifier')
      .addSelect(['verifier.id', 'verifier.displayName']);
  }

  /** Risk events the actor may see (a bank: on its loans; a guarantor: on loans it guarantees), newest first. */
  events(
    actor: Actor,
    filter: { open?: boolean | null; loanId?: string | null } = {},
  ): Promise<RiskEventEntity[]> {
    return this.access.read(actor, (scope) => {
      const qb = this.eventsQuery(scope);
      if (filter.open === true) qb.andWhere('event.verified_by IS NULL');
      if (filter.open === false) qb.andWhere('event.verified_by IS NOT NULL');
      if (filter.loanId)
        qb.andWhere('event.loan_id = :loanId', { loanId: isUuid(filter.loanId) ? filter.loanId : null });
      return qb.orderBy('event.seq', 'DESC').limit(LIST_LIMIT).getMany();
    });
  }

  /** Art 16: the bank or guarantor of a loan reports a risk event on it. */
  async reportEvent(
    actor: Actor,
    input: { loanId: string; kind: RiskEventKind; description: string },
  ): Promise<RiskEventEntity> {
    return this.useCases.run(actor, 'risk.reportEvent', async ({ em, scope, target, detail }) => {
      const description = requiredText(input.description, 'description');
      if (!isUuid(input.loanId)) throw notFound('Loan');
      // Shared lock: a status report closing the loan meanwhile waits for this event, or this sees it.
      const loan = await scope
        .loans('risk.reportEvent')
        .andWhere('loan.id = :loanId', { loanId: input.loanId })
        .setLock('pessimistic_read')
        .getOne();
      if (!loan) throw notFound('Loan');
      detail({ loanId: loan.id, kind: input.kind });
      if (loan.status === 'CLOSED') throw conflict('risk.loanClosed', { contractNo: loan.contractNo });
      const saved = await em.save(
        em.create(RiskEventEntity, {
          loanId: loan.id,
          kind: input.kind,
          description,
          reportedOn: this.clock.today(),
          reportedBy: actor.userId,
          reporterOrgId: actor.orgId,
        }),
      );
      target('RiskEvent', saved.id);
      return this.eventsQuery(scope).andWhere('event.id = :id', { id: saved.id }).getOneOrFail();
    });
  }

  /** Art 16: the manager records the joint verification and the measures taken, once. */
  async verifyEvent(
    actor: Actor,
    input: { eventId: string; verification: string; measures: string; contractSuspended: boolean },
  ): Promise<RiskEventEntity> {
    return this.useCases.run(actor, 'risk.verifyEvent', async ({ em, scope, target, detail }) => {
      const verification = requiredText(input.verification, 'verification');
      const measures = requiredText(input.measures, 'measures');
      if (!isUuid(input.eventId)) throw notFound('Risk event');
      const event = await this.eventsQuery(scope, 'risk.verifyEvent')
        .andWhere('event.id = :id', { id: input.eventId })
        .setLock('pessimistic_write', undefined, ['event'])
        .getOne();
      if (!event) throw notFound('Risk event');
      target('RiskEvent', event.id);
      detail({ contractSuspended: input.contractSuspended });
      if (event.verifiedBy) {
        throw conflict('risk.eventVerified', {}, scope.policy.provisions.earlyWarning.article);
      }
      await em.query(
        `UPDATE risk_events
           SET verification = $2, measures = $3, contract_suspended = $4, verified_on = $5, verified_by = $6,
               verified_at = now()
         WHERE id = $1`,
        [event.id, verification, measures, input.contractSuspended, this.clock.today(), actor.userId],
      );
      return this.eventsQuery(scope).andWhere('event.id = :id', { id: event.id }).getOneOrFail();
    });
  }
}

function suggest(
  risk: BankRiskRatio,
  bank: {
    suspended_from: IsoDate | null;
    last_warning_on: IsoDate | null;
    pending_proposal_id: string | null;
  },
  today: IsoDate,
): SuggestedAction {
  if (bank.suspended_from) return 'NONE';
  if (risk.level === 'SUSPENSION_PROPOSED' && !bank.pending_proposal_id) return 'PROPOSE_SUSPENSION';
  const warnedRecently =
    bank.last_warning_on !== null &&
    compareDates(bank.last_warning_on, addDays(today, -WARNING_REMINDER_DAYS)) > 0;
  if (risk.level !== 'NONE' && !warnedRecently) return 'ISSUE_WARNING';
  return 'NONE';
}
