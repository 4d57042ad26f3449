import type { Operation } from '@ipfund/shared';
import type { EntityManager } from 'typeorm';
import {
  Money,
  circuitBreaker,
  claimChecklist,
  claimEligibility,
  computeCompensation,
  isFinalApproval,
  isOfficeKind,
  nextClaimState,
  yearOf,
  type ClaimAction,
  type ClaimSnapshot,
  type CompensationResult,
  type IsoDate,
  type OfficeKind,
  type PolicyParameters,
} from '@ipfund/policy';
import { ERROR_CODES } from '@ipfund/shared';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { AppError, badInput, conflict, notFound, policyViolation } from '../../common/errors';
import type { PolicyBook } from '../../common/policy-book';
import { RetryTransaction, type UseCaseRunner, type UseCaseScope } from '../../common/use-case';
import { sqlState } from '../../db/transaction';
import type { AgreementService } from '../agreement/agreement.service';
import { claimPage, type ClaimListArgs, type ClaimListPage } from './claim-list';

/** Ids of the claims awaiting the scope's organisation (claim-awaiting.ts, passed in to avoid an import cycle). */
export type AwaitingClaims = (scope: Scope, today: IsoDate) => Promise<string[]>;
import { LoanEntity } from '../loan/loan.entity';
import { ClaimEntity, ClaimEventEntity, type StoredComputation } from './claim.entity';
import type { LedgerService } from '../ledger/ledger.service';
import { approvalFigures, readFundState, recordFinalApproval, type FundState } from './fund-state';
import { ACCOUNT } from '../ledger/ledger.chart';
import { isUuid } from '../../common/ids';
import { rowReader } from '../../db/row-reader';
import { documentKindsOf } from './claim-document.service';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** The operation of the operations table behind each step of the policy's claim state machine. */
export const CLAIM_ACTION_OPERATION: Readonly<Record<ClaimAction, Operation>> = {
  SUBMIT: 'claim.submit',
  RESUBMIT: 'claim.resubmit',
  CONFIRM_GUARANTOR_SHARE: 'claim.confirmGuarantorShare',
  VERIFY: 'claim.verify',
  RETURN: 'claim.return',
  APPROVE: 'claim.approve',
  REJECT: 'claim.reject',
  PAY: 'claim.pay',
};

/** A claim step with the names of who took it. */
/** What a claim shows of its loan (`Claim.loan`, the approval form). Amounts as decimal strings. */
export interface ClaimLoanFacts {
  id: string;
  contractNo: string;
  bankName: string;
  enterpriseName: string;
  guarantorName: string | null;
  principal: string;
  ipPledgedPrincipal: string;
}

export interface ClaimEventRow extends ClaimEventEntity {
  orgName: string;
  userDisplayName: string;
}

function checkIdempotencyKey(key: string): void {
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw badInput('common.idempotencyKey', {});
  }
}

/** R5 in the stored shape: strings for amounts, reasons with their articles. */
function storeComputation(c: CompensationResult, asOf: IsoDate, soFar: Money): StoredComputation {
  return {
    asOf,
    lossBase: c.lossBase.toString(),
    tier: c.tier,
    tierCapRate: c.tierCapRate.toString(),
    fundRate: c.fundRate.toString(),
    fundShareBeforeCaps: c.fundShareBeforeCaps.toString(),
    fundShareAfterLoanCap: c.fundShareAfterLoanCap.toString(),
    fundShare: c.fundShare.toString(),
    guarantorRate: c.guarantorRate?.toString() ?? null,
    guarantorShare: c.guarantorShare.toString(),
    bankShare: c.bankShare.toString(),
    limitedBy: c.limitedBy,
    enterpriseYearCompensatedSoFar: soFar.toString(),
    reasons: c.reasons.map((r) => ({ article: r.article, code: r.code, message: r.message })),
  };
}

/**
 * Compensation claims (R5–R8, Art 11, 14, 16–19). Every transition: authorize, lock the claim row,
 * ask the policy's state machine, record the step with who/org/when/comment. A final approval also
 * locks the fund's state row, so the circuit breaker and the enterprise-year cap hold under races.
 */
export class ClaimService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
    private readonly agreements: AgreementService,
    private readonly ledger: LedgerService,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  /**
   * The caller's claims, filtered and sorted in SQL with the filtered count in the same statement
   * (claim-list.ts). `awaitingMe` keeps the claims with a step awaiting the caller's organisation,
   * judged by the work queue's rules (claim-awaiting.ts) in the same snapshot. `fields`: the GraphQL
   * fields of `Claim` the response asks for, so the page reads only their columns (default: all).
   */
  list(
    actor: Actor,
    args: ClaimListArgs,
    awaiting?: AwaitingClaims,
    fields?: ReadonlySet<string> | null,
  ): Promise<ClaimListPage> {
    return this.access.read(actor, async (scope) =>
      claimPage(scope, args, await this.awaitingFor(scope, args, awaiting), { fields }),
    );
  }

  /** Every claim of the filtered list in its sort order, `batch` at a time, from one snapshot (exports). */
  async forEachListed(
    actor: Actor,
    args: Omit<ClaimListArgs, 'first' | 'after'>,
    batch: number,
    each: (rows: ClaimEntity[], names: ClaimListPage['names']) => Promise<void> | void,
    awaiting?: AwaitingClaims,
  ): Promise<void> {
    await this.access.read(actor, async (scope) => {
      const ids = await this.awaitingFor(scope, args, awaiting);
      let after: string | null = null;
      for (;;) {
        const page = await claimPage(scope, { ...args, after }, ids, {
          limit: batch,
          withCount: false,
          names: true,
        });
        if (page.rows.length) await each(page.rows, page.names);
        if (!page.hasNextPage) return;
        after = page.cursorOf(page.rows[page.rows.length - 1]);
      }
    });
  }

  private async awaitingFor(
    scope: Scope,
    args: Pick<ClaimListArgs, 'filter'>,
    awaiting: AwaitingClaims | undefined,
  ): Promise<string[] | null> {
    if (!args.filter?.awaitingMe) return null;
    if (!awaiting) throw new Error('awaitingMe needs the work queue rules (claim-awaiting.ts)');
    return awaiting(scope, this.clock.today());
  }

  async byId(actor: Actor, id: string): Promise<ClaimEntity | null> {
    if (!isUuid(id)) return null;
    return this.access.read(actor, (scope) => scope.claims().andWhere('claim.id = :id', { id }).getOne());
  }

  /**
   * Steps of several readable claims in one query, with the acting organisation's and user's names
   * (the Claim.history / approvals loader).
   */
  async eventsOf(scope: Scope, claimIds: readonly string[]): Promise<ClaimEventRow[]> {
    if (claimIds.length === 0) return [];
    // Lean (issue 10): every mutation's answer reads its claim's steps; the query builder hydrated
    // them through TypeORM's generic transformer and sent a new text per number of claims.
    const reader = rowReader(scope.em.connection, ClaimEventEntity);
    const { sql, params } = scope.readableClaimChild('e');
    const rows = await scope.query<Record<string, unknown> & { orgName: string; userDisplayName: string }>(
      `SELECT ${reader.columns('e')}, o.name AS "orgName", u.display_name AS "userDisplayName"
         FROM claim_events e
         JOIN organizations o ON o.id = e.organization_id
         JOIN user_names u ON u.id = e.user_id
        WHERE e.claim_id = ANY(:claimIds::uuid[]) AND ${sql}
        ORDER BY e.id`,
      { ...params, claimIds: [...claimIds] },
    );
    return rows.map((row) =>
      Object.assign(reader.read(row), { orgName: row.orgName, userDisplayName: row.userDisplayName }),
    );
  }

  /**
   * The claims' loans with their parties' names: a claim is readable, so are these facts of its loan.
   * One prepared statement of just these columns (issue 10): the claims page asks for them on every
   * row, and the query builder hydrated the loan, its bank, its enterprise and its guarantor as
   * entities to show these seven values (docs/PERFORMANCE.md: the web client's claims query went
   * from 171–191 to 213–279 requests a second at 16 clients).
   */
  async loansOf(scope: Scope, loanIds: readonly string[]): Promise<ClaimLoanFacts[]> {
    const { sql, params } = scope.where('read', 'Claim', 'lc');
    return scope.query<ClaimLoanFacts>(
      `SELECT l.id, l.contract_no AS "contractNo", b.name AS "bankName", e.name AS "enterpriseName",
              g.name AS "guarantorName", l.principal, l.ip_pledged_principal AS "ipPledgedPrincipal"
         FROM loans l
         JOIN organizations b ON b.id = l.bank_id
         JOIN enterprises e ON e.id = l.enterprise_id
         LEFT JOIN organizations g ON g.id = l.guarantor_id
        WHERE l.id = ANY(:claimLoanIds::uuid[])
          AND EXISTS (SELECT 1 FROM claims lc WHERE lc.loan_id = l.id AND ${sql})`,
      { ...params, claimLoanIds: [...loanIds] },
    );
  }

  // ---- use cases ---------------------------------------------------------------------------

  /** R6.2: a bank files a claim on its own loan ≥ 60 days overdue (Art 17). Idempotent per key. */
  submit(
    actor: Actor,
    input: { loanId: string; idempotencyKey: string; comment?: string | null },
  ): Promise<ClaimEntity> {
    return this.useCases.run(actor, 'claim.submit', async ({ em, scope, target, detail }) => {
      checkIdempotencyKey(input.idempotencyKey);
      const replay = async (): Promise<ClaimEntity | null> => {
        const repeat = await em.findOne(ClaimEntity, {
          where: { bankId: actor.orgId, idempotencyKey: input.idempotencyKey },
        });
        if (!repeat) return null;
        if (repeat.loanId !== input.loanId) throw conflict('claim.keyForOtherLoan', {});
        target('Claim', repeat.id);
        detail({ replay: true });
        return repeat;
      };
      const early = await replay();
      if (early) return early;
      const loan = await this.lockLoanFor(scope, 'claim.submit', input.loanId);
      // Looked up again under the loan's lock: a concurrent request with the same key that held the
      // lock first has committed its claim by now, and this one must answer it, not "already open".
      const late = await replay();
      if (late) return late;
      target('Loan', loan.id);
      const today = this.clock.today();
      const policy = this.policies.inForce(today);
      if (loan.status === 'CLOSED') throw conflict('claim.loanClosed', {});
      // The measures compensate each loan once ("每笔", Art 11 in Jiangbei): one claim per loan.
      const perLoan = policy.perLoanCap.article;
      if (loan.status === 'IN_CLAIM' || loan.status === 'COMPENSATED') {
        throw conflict('claim.onePerLoan', { article: perLoan }, perLoan);
      }
      const filing = await this.assessFiling(em, loan, today, policy);
      const transition = nextClaimState(
        { state: 'DRAFT', threeParty: loan.guarantorId !== null, guarantorConfirmed: false, approvals: [] },
        'SUBMIT',
        actor.orgKind,
        { fundSuspended: filing.fundSuspended, eligibility: filing.eligibility },
        policy,
      );
      if (!transition.ok) throw refusal(transition);
      const c = filing.compensation;
      const claim = em.create(ClaimEntity, {
        loanId: loan.id,
        bankId: loan.bankId,
        guarantorId: loan.guarantorId,
        enterpriseId: loan.enterpriseId,
        threeParty: loan.guarantorId !== null,
        status: 'SUBMITTED',
        idempotencyKey: input.idempotencyKey,
        filedOn: today,
        overdueDaysAtFiling: filing.eligibility.overdueDays,
        outstandingPrincipal: loan.outstandingPrincipal,
        lossBase: c.lossBase.toString(),
        fundShare: c.fundShare.toString(),
        guarantorShare: c.guarantorShare.toString(),
        bankShare: c.bankShare.toString(),
        limitedBy: c.limitedBy,
        computation: storeComputation(c, today, filing.yearSoFar),
        policyId: policy.id,
        updatedAt: new Date(),
      });
      try {
        await em.save(claim);
      } catch (err) {
        if (sqlState(err) === '23505') throw conflict('claim.openOnLoan', { article: perLoan }, perLoan);
        throw err;
      }
      await em.update(LoanEntity, { id: loan.id }, { status: 'IN_CLAIM' });
      await this.recordEvent(em, actor, claim.id, 'SUBMIT', null, 'SUBMITTED', input.comment ?? null, today);
      target('Claim', claim.id);
      detail({
        loanId: loan.id,
        lossBase: c.lossBase.toString(),
        fundShare: c.fundShare.toString(),
        limitedBy: c.limitedBy,
      });
      return claim;
    });
  }

  /** After a return: the bank amends (reports the loan's status, adds documents) and resubmits; amounts are recomputed. */
  resubmit(actor: Actor, claimId: string, comment?: string | null): Promise<ClaimEntity> {
    return this.transition(actor, claimId, 'RESUBMIT', comment ?? null, async (em, claim, today, policy) => {
      const loan = await em.findOneByOrFail(LoanEntity, { id: claim.loanId });
      const filing = await this.assessFiling(em, loan, today, policy);
      const c = filing.compensation;
      Object.assign(claim, {
        outstandingPrincipal: loan.outstandingPrincipal,
        overdueDaysAtFiling: filing.eligibility.overdueDays,
        lossBase: c.lossBase.toString(),
        fundShare: c.fundShare.toString(),
        guarantorShare: c.guarantorShare.toString(),
        bankShare: c.bankShare.toString(),
        limitedBy: c.limitedBy,
        computation: storeComputation(c, today, filing.yearSoFar),
        policyId: policy.id,
      });
      return { fundSuspended: filing.fundSuspended, eligibility: filing.eligibility };
    });
  }

  /** R6.3: on a three-party loan the guarantor confirms its ≥ 40 % share (Art 14). */
  confirmGuarantorShare(actor: Actor, claimId: string, comment?: string | null): Promise<ClaimEntity> {
    return this.transition(actor, claimId, 'CONFIRM_GUARANTOR_SHARE', comment ?? null);
  }

  /** R6.4: the manager verifies documents, eligibility and amounts (Art 17). */
  verify(actor: Actor, claimId: string, comment?: string | null): Promise<ClaimEntity> {
    return this.transition(
      actor,
      claimId,
      'VERIFY',
      comment ?? null,
      async (em, claim, _today, policy, snapshot) => {
        // A refusal of the procedure itself (e.g. the guarantor has not confirmed, Art 14) comes first.
        if (!nextClaimState(snapshot, 'VERIFY', actor.orgKind, { fundSuspended: false }, policy).ok)
          return { fundSuspended: false };
        // Art 17: the manager verifies the materials; every item the measures list must be attached.
        const kinds = (await documentKindsOf(em, [claim.id])).get(claim.id) ?? [];
        const checklist = claimChecklist(claim, kinds, policy);
        if (!checklist.complete) {
          throw policyViolation(
            'claim.documentsMissing',
            { missing: checklist.missing.map((m) => m.label).join('、') },
            policy.claimDocuments.article,
            { missing: checklist.missing.map((m) => m.kind), reasons: checklist.reasons },
          );
        }
        return { fundSuspended: false };
      },
    );
  }

  /** The manager returns the claim to the bank for more documents. */
  returnToBank(actor: Actor, claimId: string, comment: string): Promise<ClaimEntity> {
    return this.transition(actor, claimId, 'RETURN', comment);
  }

  /**
   * R6.5: an office co-signs. The last signature is the final approval: it recomputes R5 against the
   * enterprise's year and the fund's state of that day, runs the circuit breaker (Art 19) — refused
   * while suspended, honoured when it crosses the line — and commits no more than the principal holds
   * less the shares approved but not yet paid (Art 7).
   *
   * The fund-state lock serialises final approvals, so it is taken only for the last check and write:
   * the claim's next state is decided from an unlocked read, everything else of the transaction (the
   * claim, its event, the notifier) is written, and at the very end (`atCommit`) the fund state, the
   * principal's commitment and the enterprise's year are read again under the lock, the approval is
   * recomputed from them and written with the fund's new cumulative figure. Only if that recomputation
   * reverses the decision (the breaker tripped or was lifted in between) does the transaction run again.
   */
  approve(actor: Actor, claimId: string, comment?: string | null): Promise<ClaimEntity> {
    return this.transition(
      actor,
      claimId,
      'APPROVE',
      comment ?? null,
      async (em, claim, today, policy, snapshot, { detail, atCommit, signal }) => {
        // Only the last signature is the final approval; the others are not held by a suspension (R7).
        if (!isFinalApproval(snapshot, 'APPROVE', actor.orgKind, policy)) return { fundSuspended: false };
        const loan = await em.findOneByOrFail(LoanEntity, { id: claim.loanId });
        const agreement = await this.agreements.agreementInForce(em, claim.bankId, today);
        const decide = (fund: FundState, yearSoFar: Money) => {
          const c = computeCompensation(
            {
              principal: Money.of(loan.principal),
              ipPledgedPrincipal: Money.of(loan.ipPledgedPrincipal),
              outstandingPrincipal: Money.of(claim.outstandingPrincipal),
              threeParty: claim.threeParty,
              agreement,
              enterpriseYearCompensatedSoFar: yearSoFar,
            },
            policy,
          );
          const computed = circuitBreaker(
            {
              cumulativeBefore: fund.cumulative,
              claimFundShare: c.fundShare,
              cumulativeAtLastResumption: fund.cumulativeAtLastResumption,
            },
            policy,
          );
          // The recorded suspension stands until the joint resumption decision lifts it (Art 19).
          const breaker = fund.suspended ? { ...computed, finalApprovalAllowed: false } : computed;
          if (breaker.finalApprovalAllowed && !c.approvable) {
            const cap = c.reasons.find((r) => r.code.includes('CAP')) ?? c.reasons[0];
            throw policyViolation(
              'claim.nothingToCompensate',
              { limitedBy: c.limitedBy },
              cap?.article ?? policy.provisions.riskSharing.article,
              { limitedBy: c.limitedBy },
            );
          }
          return { c, breaker };
        };
        const year = yearOf(today);
        const assumedYear = await this.enterpriseYearSoFar(em, claim.enterpriseId, year, claim.id);
        const assumed = decide(await readFundState(em), assumedYear);
        const finalsOf = (c: CompensationResult, yearSoFar: Money) => ({
          approvedOn: today,
          finalFundShare: c.fundShare.toString(),
          finalGuarantorShare: c.guarantorShare.toString(),
          finalBankShare: c.bankShare.toString(),
          finalLimitedBy: c.limitedBy,
          finalComputation: storeComputation(c, today, yearSoFar),
        });
        if (assumed.breaker.finalApprovalAllowed) {
          // Written with the status (the database requires an approved claim to carry its amounts);
          // rewritten under the lock below with what the locked figures give.
          Object.assign(claim, finalsOf(assumed.c, assumedYear));
          atCommit(async () => {
            // ---- under the fund-state lock from here to the commit ----
            const fund = await readFundState(em, { forUpdate: true });
            // Read after the lock is granted, so in a snapshot that sees every approval before this one.
            const { principal, committed, yearSoFar } = await approvalFigures(
              em,
              ACCOUNT.PRINCIPAL,
              claim.enterpriseId,
              year,
              claim.id,
            );
            const { c, breaker } = decide(fund, yearSoFar);
            if (!breaker.finalApprovalAllowed) throw new RetryTransaction('the breaker tripped meanwhile');
            // Art 7: the principal pays compensation and only what it holds. Shares already approved
            // but unpaid are promised out of it, so this approval may commit only what is left — the
            // payout would otherwise be refused after the offices had signed.
            const available = principal.minus(committed);
            if (c.fundShare.gt(available)) {
              throw policyViolation(
                'fund.principalCommitted',
                {
                  fundShare: c.fundShare.toString(),
                  principal: principal.toString(),
                  committed: committed.toString(),
                  available: available.toString(),
                },
                policy.provisions.fundUse.article,
                { rule: 'PRINCIPAL_COMMITTED' },
              );
            }
            const finals = finalsOf(c, yearSoFar);
            const { suspensionId } = await recordFinalApproval(em, {
              cumulativeAfter: breaker.cumulativeAfter,
              suspendedAfter: breaker.suspendedAfter,
              wasSuspended: fund.suspended,
              on: today,
              claimId: claim.id,
              claimFinals: finals,
            });
            Object.assign(claim, finals);
            // The observers ran before this step: they learn of the breaker's trip from the signal.
            if (suspensionId) signal({ kind: 'fund.suspended', suspensionId, since: today });
            detail({
              finalApproval: true,
              fundShare: c.fundShare.toString(),
              cumulativeAfter: breaker.cumulativeAfter.toString(),
              fundSuspendedAfter: breaker.suspendedAfter,
              committedBefore: committed.toString(),
            });
          });
        }
        return { fundSuspended: !assumed.breaker.finalApprovalAllowed };
      },
    );
  }

  /** Any office may reject with a reason, which ends the claim (R6.5). */
  reject(actor: Actor, claimId: string, reason: string): Promise<ClaimEntity> {
    return this.transition(actor, claimId, 'REJECT', reason, async (em, claim) => {
      await em.update(LoanEntity, { id: claim.loanId }, { status: 'ACTIVE' });
      return { fundSuspended: false };
    });
  }

  /**
   * R6.6: the manager records the payout; the ledger moves F out of the principal account in the
   * same transaction. The same key again answers with the paid claim and moves nothing.
   */
  pay(actor: Actor, claimId: string, idempotencyKey: string, comment?: string | null): Promise<ClaimEntity> {
    checkIdempotencyKey(idempotencyKey);
    return this.useCases.run(actor, 'claim.pay', async ({ em, scope, target, detail, atCommit }) => {
      const claim = await this.lockClaimFor(scope, 'claim.pay', claimId);
      target('Claim', claim.id);
      if (claim.status === 'PAID') {
        const key: { idempotency_key: string }[] = await em.query(
          `SELECT idempotency_key FROM ledger_transactions WHERE id = $1`,
          [claim.payoutTransactionId],
        );
        if (key[0]?.idempotency_key === payoutKey(idempotencyKey)) {
          detail({ replay: true });
          return claim;
        }
        throw conflict('claim.alreadyPaid', {});
      }
      const today = this.clock.today();
      const policy = this.policies.inForce(today);
      const snapshot = await this.snapshotOf(em, claim);
      const t = nextClaimState(snapshot, 'PAY', actor.orgKind, { fundSuspended: false }, policy);
      if (!t.ok) throw refusal(t);
      const amount = Money.of(claim.finalFundShare!);
      // The memo names the loan by its contract number, as the journal's readers know it (not an id).
      const [{ contract_no: contractNo }] = (await em.query(`SELECT contract_no FROM loans WHERE id = $1`, [
        claim.loanId,
      ])) as { contract_no: string }[];
      const from = claim.status;
      Object.assign(claim, { status: 'PAID', paidOn: today, updatedAt: new Date() });
      await em.update(
        ClaimEntity,
        { id: claim.id },
        { status: claim.status, paidOn: claim.paidOn, updatedAt: claim.updatedAt },
      );
      await em.update(LoanEntity, { id: claim.loanId }, { status: 'COMPENSATED' });
      await this.recordEvent(em, actor, claim.id, 'PAY', from, 'PAID', comment ?? null, today);
      // The posting locks the principal's balance until COMMIT (payouts are serialised there, Art 7):
      // done last, so the lock spans the posting, the claim's link to it and the commit only.
      atCommit(async () => {
        const { id: transactionId } = await this.ledger.postCompensationPayout(em, {
          claimId: claim.id,
          amount,
          idempotencyKey: payoutKey(idempotencyKey),
          actor,
          businessDate: today,
          memo: `支付风险补偿资金（贷款合同 ${contractNo}）`,
        });
        await em.update(ClaimEntity, { id: claim.id }, { payoutTransactionId: transactionId });
        claim.payoutTransactionId = transactionId;
        detail({ amount: amount.toString(), transactionId });
      });
      return claim;
    });
  }

  // ---- internals ---------------------------------------------------------------------------

  /** One transition of the policy's state machine, with its step recorded. */
  private transition(
    actor: Actor,
    claimId: string,
    action: ClaimAction,
    comment: string | null,
    prepare?: (
      em: EntityManager,
      claim: ClaimEntity,
      today: IsoDate,
      policy: PolicyParameters,
      snapshot: ClaimSnapshot,
      uc: Pick<UseCaseScope, 'detail' | 'atCommit' | 'signal'>,
    ) => Promise<{
      fundSuspended: boolean;
      eligibility?: {
        eligible: boolean;
        reasons: readonly { article: string; code: string; message: string }[];
      };
    }>,
  ): Promise<ClaimEntity> {
    const operation = CLAIM_ACTION_OPERATION[action];
    return this.useCases.run(actor, operation, async ({ em, scope, target, detail, atCommit, signal }) => {
      const claim = await this.lockClaimFor(scope, operation, claimId);
      const loaded = { ...claim };
      target('Claim', claim.id);
      const today = this.clock.today();
      const policy = this.policies.inForce(today);
      const snapshot = await this.snapshotOf(em, claim);
      // The state machine decides who may act; ask it before any other work (authorization first).
      const precheck = nextClaimState(
        snapshot,
        action,
        actor.orgKind,
        { fundSuspended: false, reason: comment ?? undefined, eligibility: { eligible: true, reasons: [] } },
        policy,
      );
      if (!precheck.ok && precheck.errorCode !== 'POLICY_VIOLATION') throw refusal(precheck);
      const context = prepare
        ? await prepare(em, claim, today, policy, snapshot, { detail, atCommit, signal })
        : { fundSuspended: false };
      const t = nextClaimState(
        snapshot,
        action,
        actor.orgKind,
        { ...context, reason: comment ?? undefined },
        policy,
      );
      if (!t.ok) throw refusal(t);
      const from = claim.status;
      claim.status = t.next.state as ClaimEntity['status'];
      claim.updatedAt = new Date();
      // Only the columns this step changed, in one UPDATE (a save would read the row back first).
      await em.update(ClaimEntity, { id: claim.id }, changedColumns(loaded, claim));
      await this.recordEvent(em, actor, claim.id, action, from, claim.status, comment, today);
      detail({ from, to: claim.status });
      return claim;
    });
  }

  private async recordEvent(
    em: EntityManager,
    actor: Actor,
    claimId: string,
    action: ClaimAction,
    from: string | null,
    to: string,
    comment: string | null,
    today: IsoDate,
  ): Promise<void> {
    try {
      await em.insert(ClaimEventEntity, {
        claimId,
        action,
        fromStatus: from,
        toStatus: to,
        userId: actor.userId,
        organizationId: actor.orgId,
        orgKind: actor.orgKind,
        comment: comment?.trim() || null,
        businessDate: today,
      });
    } catch (err) {
      // The database's own guard: an office approves a claim once (Art 17).
      if (sqlState(err) === '23505') {
        const article = this.policies.inForce(today).coSigningOffices.article;
        throw conflict('claim.alreadyApproved', { orgKind: actor.orgKind }, article);
      }
      throw err;
    }
  }

  private async snapshotOf(em: EntityManager, claim: ClaimEntity): Promise<ClaimSnapshot> {
    const events: { action: string; orgKind: string }[] = await em.query(
      `SELECT action, org_kind AS "orgKind" FROM claim_events WHERE claim_id = $1 ORDER BY id`,
      [claim.id],
    );
    return claimSnapshot(claim, events);
  }

  /** Eligibility (R6.2) and the split (R5) as of the filing date. */
  private async assessFiling(em: EntityManager, loan: LoanEntity, today: IsoDate, policy: PolicyParameters) {
    const fund = await readFundState(em);
    const eligibility = claimEligibility(
      {
        covered: loan.covered,
        overdue: { earliestUnpaidDueDate: loan.earliestUnpaidDueDate },
        asOf: today,
        fundSuspended: fund.suspended,
      },
      policy,
    );
    if (!eligibility.eligible) {
      // An uncovered loan is refused with the article of the coverage condition it failed (R2).
      const failed = loan.covered ? [] : loan.coverageReasons;
      const first =
        failed[0] ??
        eligibility.reasons.find((r) => r.code !== 'OVERDUE_ENOUGH' && r.code !== 'FINAL_APPROVAL_HELD');
      throw policyViolation(
        'policy.refused',
        first
          ? { rule: first.code, reason: first.message }
          : { rule: 'CLAIM_NOT_ELIGIBLE', reason: 'The loan is not eligible for a claim' },
        first?.article ?? policy.provisions.claimProcedure.article,
        {
          reasons: [...failed, ...eligibility.reasons],
        },
      );
    }
    const agreement = await this.agreements.agreementInForce(em, loan.bankId, today);
    const yearSoFar = await this.enterpriseYearSoFar(em, loan.enterpriseId, yearOf(today));
    const compensation = computeCompensation(
      {
        principal: Money.of(loan.principal),
        ipPledgedPrincipal: Money.of(loan.ipPledgedPrincipal),
        outstandingPrincipal: Money.of(loan.outstandingPrincipal),
        threeParty: loan.guarantorId !== null,
        agreement,
        enterpriseYearCompensatedSoFar: yearSoFar,
      },
      policy,
    );
    return { eligibility, compensation, yearSoFar, fundSuspended: fund.suspended };
  }

  /** Σ F finally approved (paid or not) for the enterprise in a calendar year (Art 11, R5.6). */
  private async enterpriseYearSoFar(
    em: EntityManager,
    enterpriseId: string,
    year: number,
    excludeClaimId?: string,
  ): Promise<Money> {
    // Other banks' claims on a shared borrower count towards the cap, but a bank may not read them:
    // the database function returns the one sum and nothing else (the second wall stays closed).
    const rows: { total: string | null }[] = await em.query(
      `SELECT ipfund_enterprise_year_compensated($1::uuid, $2::int, $3::uuid)::text AS total`,
      [enterpriseId, year, excludeClaimId ?? null],
    );
    return Money.of(rows[0].total ?? '0');
  }

  /** The loan the operation acts on, locked; NOT_FOUND when missing or not the actor's to act on. */
  private async lockLoanFor(scope: Scope, operation: Operation, loanId: string): Promise<LoanEntity> {
    if (!isUuid(loanId)) throw notFound('Loan');
    const loan = await scope
      .loans(operation)
      .andWhere('loan.id = :loanId', { loanId })
      .setLock('pessimistic_write')
      .getOne();
    if (!loan) throw notFound('Loan');
    return loan;
  }

  /** The claim, locked for this transaction — or NOT_FOUND when missing or not the actor's to act on. */
  private async lockClaimFor(scope: Scope, operation: Operation, claimId: string): Promise<ClaimEntity> {
    if (!isUuid(claimId)) throw notFound('Claim');
    // Lean (issue 10): every step of a claim starts here; the query builder rebuilt and rewrote this
    // statement and hydrated the row through TypeORM's generic transformer on each call.
    const reader = rowReader(scope.em.connection, ClaimEntity);
    const { sql, params } = scope.where(operation, 'Claim', 'claim');
    const [row] = await scope.query<Record<string, unknown>>(
      `SELECT ${reader.columns('claim')} FROM claims claim WHERE claim.id = :claimId AND ${sql} FOR UPDATE OF claim`,
      { ...params, claimId },
    );
    if (!row) throw notFound('Claim');
    return reader.read(row);
  }
}

/** The properties of a loaded entity that a use case has since changed (by identity: objects are replaced, not mutated). */
function changedColumns<E extends object>(loaded: E, now: E): Partial<E> {
  const changed: Partial<E> = {};
  for (const key of Object.keys(now) as (keyof E)[]) if (now[key] !== loaded[key]) changed[key] = now[key];
  return changed;
}

/** The policy's view of a claim: its state and who has signed, from its recorded steps in order. */
export function claimSnapshot(
  claim: { status: ClaimSnapshot['state']; threeParty: boolean },
  events: readonly { action: string; orgKind: string }[],
): ClaimSnapshot {
  let guarantorConfirmed = false;
  const approvals: OfficeKind[] = [];
  for (const e of events) {
    if (e.action === 'CONFIRM_GUARANTOR_SHARE') guarantorConfirmed = true;
    // A returned claim is amended; the guarantor confirms the new amounts again (Art 14).
    if (e.action === 'RETURN' || e.action === 'RESUBMIT') guarantorConfirmed = false;
    if (e.action === 'APPROVE' && isOfficeKind(e.orgKind)) approvals.push(e.orgKind);
  }
  return { state: claim.status, threeParty: claim.threeParty, guarantorConfirmed, approvals };
}

function payoutKey(clientKey: string): string {
  return `claim-payout:${clientKey}`;
}

/** A state-machine refusal as a typed error with the article that refused. */
function refusal(t: {
  code: string;
  article: string;
  errorCode: 'FORBIDDEN' | 'CONFLICT' | 'POLICY_VIOLATION';
  reasons: readonly { message: string }[];
}): AppError {
  const reason = t.reasons[0]?.message ?? t.code;
  return new AppError(ERROR_CODES[t.errorCode], 'policy.refused', { rule: t.code, reason }, t.article, {
    rule: t.code,
  });
}
