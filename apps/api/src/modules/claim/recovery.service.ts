import { randomUUID } from 'node:crypto';
import type { Operation } from '@ipfund/shared';
import { Money, compareDates, computeRemittance, type IsoDate } from '@ipfund/policy';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, conflict, notFound, policyViolation } from '../../common/errors';
import type { PolicyBook } from '../../common/policy-book';
import type { UseCaseRunner } from '../../common/use-case';
import { RecoveryEntity } from './claim.entity';
import type { LedgerService } from '../ledger/ledger.service';
import { isUuid } from '../../common/ids';

/**
 * Recoveries after payout (R8, Art 18): for each amount R the bank recovers on day d it owes the
 * fund R × F ÷ B by d + 30 days. Recording it makes the amount receivable in the ledger. The bank
 * then declares its remittance; only the fund manager's confirmation against the bank statement
 * moves the money back into the principal account.
 */
export class RecoveryService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
    private readonly ledger: LedgerService,
  ) {}

  record(
    actor: Actor,
    input: { claimId: string; amount: string; receivedOn: IsoDate; idempotencyKey?: string | null },
  ): Promise<RecoveryEntity> {
    return this.useCases.run(actor, 'recovery.record', async ({ em, scope, target, detail }) => {
      // Without a key every call is a new recovery: two equal amounts on one day can both be real.
      const key = input.idempotencyKey ?? `auto:${randomUUID()}`;
      const repeat = await em.findOne(RecoveryEntity, {
        where: { bankId: actor.orgId, idempotencyKey: key },
      });
      if (repeat) {
        target('Recovery', repeat.id);
        detail({ replay: true });
        return repeat;
      }
      if (!isUuid(input.claimId)) throw notFound('Claim');
      const claim = await scope
        .claims('recovery.record')
        .andWhere('claim.id = :id', { id: input.claimId })
        .setLock('pessimistic_write')
        .getOne();
      if (!claim) throw notFound('Claim');
      target('Claim', claim.id);
      const today = this.clock.today();
      const policy = this.policies.inForce(today);
      const article = policy.provisions.recovery.article;
      if (claim.status !== 'PAID' || !claim.paidOn) {
        throw policyViolation('recovery.beforePayout', {}, article);
      }
      if (compareDates(input.receivedOn, today) > 0) throw badInput('recovery.future', {});
      if (compareDates(input.receivedOn, claim.paidOn) < 0) {
        throw policyViolation('recovery.predatesPayout', { paidOn: claim.paidOn }, article);
      }
      const amount = Money.of(input.amount);
      if (!amount.isPositive()) throw badInput('recovery.amountPositive', {});
      const owed: { total: string }[] = await em.query(
        `SELECT COALESCE(SUM(amount_owed), 0)::numeric(18,2)::text AS total FROM recoveries WHERE claim_id = $1`,
        [claim.id],
      );
      const remittance = computeRemittance(
        {
          recovered: amount,
          receivedOn: input.receivedOn,
          fundShare: Money.of(claim.finalFundShare!),
          lossBase: Money.of(claim.lossBase),
          owedSoFar: Money.of(owed[0].total),
        },
        policy,
      );
      const recovery = await em.save(
        em.create(RecoveryEntity, {
          claimId: claim.id,
          bankId: claim.bankId,
          amount: amount.toString(),
          receivedOn: input.receivedOn,
          amountOwed: remittance.amountOwed.toString(),
          dueOn: remittance.dueOn,
          idempotencyKey: key,
          recordedBy: actor.userId,
          remittanceStatus: remittance.amountOwed.isPositive() ? 'DUE' : 'NONE_OWED',
        }),
      );
      if (remittance.amountOwed.isPositive()) {
        // The memo names the loan by its contract number, as the journal's readers know it (not an id).
        const [{ contract_no: contractNo }] = (await em.query(`SELECT contract_no FROM loans WHERE id = $1`, [
          claim.loanId,
        ])) as { contract_no: string }[];
        const { id: transactionId } = await this.ledger.postRecoveryReceivable(em, {
          claimId: claim.id,
          reference: { type: 'Recovery', id: recovery.id },
          amount: remittance.amountOwed,
          idempotencyKey: `recovery:${recovery.id}`,
          actor,
          businessDate: today,
          memo: `确认应收追偿返还款（贷款合同 ${contractNo}）`,
        });
        recovery.receivableTransactionId = transactionId;
        await em.save(recovery);
      }
      target('Recovery', recovery.id);
      detail({
        claimId: claim.id,
        amount: amount.toString(),
        amountOwed: recovery.amountOwed,
        dueOn: recovery.dueOn,
      });
      return recovery;
    });
  }

  /**
   * The bank declares that it remitted the fund's share (Art 18). A declaration is the bank's word,
   * not the money: nothing is posted until the fund manager finds the amount on the special
   * account's statement (`confirmRemittance`). The same key again answers the same declaration.
   */
  declareRemittance(
    actor: Actor,
    input: {
      recoveryId: string;
      idempotencyKey: string;
      remittedOn?: IsoDate | null;
      reference?: string | null;
    },
  ): Promise<RecoveryEntity> {
    return this.useCases.run(actor, 'recovery.remit', async ({ em, scope, target, detail }) => {
      const recovery = await this.lockFor(scope, 'recovery.remit', input.recoveryId);
      target('Recovery', recovery.id);
      const today = this.clock.today();
      const article = this.policies.inForce(today).provisions.recovery.article;
      if (recovery.remittanceStatus === 'DECLARED' && recovery.declarationKey === input.idempotencyKey) {
        detail({ replay: true });
        return recovery;
      }
      switch (recovery.remittanceStatus) {
        case 'NONE_OWED':
          throw conflict('recovery.noneOwed', {}, article);
        case 'DECLARED':
          throw conflict('recovery.declaredAlready', { declaredOn: recovery.declaredOn ?? '' }, article);
        case 'CONFIRMED':
          throw conflict(
            'recovery.alreadyConfirmed',
            {
              confirmedOn: recovery.confirmedOn ?? recovery.remittedOn ?? '',
              statementRef: recovery.bankStatementRef ?? '',
            },
            article,
          );
        default:
          break;
      }
      const remittedOn = input.remittedOn ?? today;
      this.checkRemittanceDate(recovery, remittedOn, today);
      const reference = input.reference?.trim() || null;
      Object.assign(recovery, {
        remittanceStatus: 'DECLARED',
        declaredRemittedOn: remittedOn,
        declaredReference: reference,
        declaredBy: actor.userId,
        declaredOn: today,
        declarationKey: input.idempotencyKey,
      });
      await em.save(recovery);
      detail({ declared: recovery.amountOwed, remittedOn, reference, posted: false });
      return recovery;
    });
  }

  /**
   * The fund manager confirms that the declared remittance reached the special account, citing the
   * bank statement's reference and the date the money arrived; only this posts REMITTANCE_RECEIVED
   * (Art 18; the manager keeps the accounts, Art 6.2). Confirming again with the same statement
   * reference answers the confirmed recovery and posts nothing; concurrent confirmations wait on the
   * recovery's row lock and the ledger's idempotency key, so the amount is posted once.
   */
  confirmRemittance(
    actor: Actor,
    input: { recoveryId: string; bankStatementRef: string; receivedOn: IsoDate },
  ): Promise<RecoveryEntity> {
    return this.useCases.run(actor, 'recovery.confirmRemittance', async ({ em, scope, target, detail }) => {
      const statementRef = input.bankStatementRef.trim();
      if (!statementRef || statementRef.length > 100) throw badInput('recovery.statementRef', {});
      const recovery = await this.lockFor(scope, 'recovery.confirmRemittance', input.recoveryId);
      target('Recovery', recovery.id);
      const today = this.clock.today();
      const article = this.policies.inForce(today).provisions.recovery.article;
      if (recovery.remittanceStatus === 'CONFIRMED') {
        if (recovery.bankStatementRef === statementRef) {
          detail({ replay: true });
          return recovery;
        }
        throw conflict(
          'recovery.alreadyConfirmed',
          {
            confirmedOn: recovery.confirmedOn ?? recovery.remittedOn ?? '',
            statementRef: recovery.bankStatementRef ?? '',
          },
          article,
        );
      }
      if (recovery.remittanceStatus !== 'DECLARED') {
        throw conflict('recovery.notDeclared', { status: recovery.remittanceStatus }, article);
      }
      this.checkRemittanceDate(recovery, input.receivedOn, today);
      const amount = Money.of(recovery.amountOwed);
      const { id: transactionId } = await this.ledger.postRemittanceReceived(em, {
        claimId: recovery.claimId,
        reference: { type: 'Recovery', id: recovery.id },
        amount,
        idempotencyKey: `remittance:${recovery.id}`,
        actor,
        businessDate: input.receivedOn,
        memo: `收到追偿返还款（银行流水 ${statementRef}）`.slice(0, 500),
      });
      Object.assign(recovery, {
        remittanceStatus: 'CONFIRMED',
        remittedOn: input.receivedOn,
        remittanceTransactionId: transactionId,
        bankStatementRef: statementRef,
        confirmedBy: actor.userId,
        confirmedOn: today,
      });
      await em.save(recovery);
      detail({ amount: amount.toString(), receivedOn: input.receivedOn, statementRef, transactionId });
      return recovery;
    });
  }

  /**
   * The manager did not find the declared remittance on the statement: the declaration is rejected
   * with the reason, the share stays owed (and overdue once past due), and the bank declares again.
   */
  rejectRemittance(actor: Actor, recoveryId: string, reason: string): Promise<RecoveryEntity> {
    return this.useCases.run(actor, 'recovery.rejectRemittance', async ({ em, scope, target, detail }) => {
      const why = reason.trim();
      if (!why) throw badInput('common.reasonRequired', {});
      const recovery = await this.lockFor(scope, 'recovery.rejectRemittance', recoveryId);
      target('Recovery', recovery.id);
      const article = this.policies.inForce(this.clock.today()).provisions.recovery.article;
      if (recovery.remittanceStatus !== 'DECLARED') {
        throw conflict('recovery.notDeclared', { status: recovery.remittanceStatus }, article);
      }
      Object.assign(recovery, {
        remittanceStatus: 'REJECTED',
        rejectionReason: why,
        rejectedBy: actor.userId,
        rejectedOn: this.clock.today(),
        declarationKey: null,
      });
      await em.save(recovery);
      detail({ rejected: true, reason: why });
      return recovery;
    });
  }

  /** A remittance is made after the recovery it returns and not after today. */
  private checkRemittanceDate(recovery: RecoveryEntity, remittedOn: IsoDate, today: IsoDate): void {
    if (compareDates(remittedOn, today) > 0) {
      throw badInput('recovery.remittedInFuture', { remittedOn, today });
    }
    if (compareDates(remittedOn, recovery.receivedOn) < 0) {
      throw badInput('recovery.remittedBeforeRecovery', { remittedOn, receivedOn: recovery.receivedOn });
    }
  }

  /** The recovery, locked for this transaction — NOT_FOUND when missing or not the actor's to act on. */
  private async lockFor(scope: Scope, operation: Operation, recoveryId: string): Promise<RecoveryEntity> {
    if (!isUuid(recoveryId)) throw notFound('Recovery');
    const recovery = await scope
      .recoveries(operation)
      .andWhere('recovery.id = :id', { id: recoveryId })
      .setLock('pessimistic_write')
      .getOne();
    if (!recovery) throw notFound('Recovery');
    return recovery;
  }

  /** Recoveries the actor may see; `openOnly` for the remittances not yet made. */
  list(actor: Actor, args: { openOnly?: boolean }): Promise<RecoveryEntity[]> {
    return this.access.read(actor, (scope) => this.visible(scope, args));
  }

  /** Recoveries of several claims, in the caller's scope (the Claim.recoveries loader). */
  visible(
    scope: Scope,
    args: { claimIds?: readonly string[]; openOnly?: boolean },
  ): Promise<RecoveryEntity[]> {
    const qb = scope.recoveries().orderBy('recovery.due_on', 'ASC').addOrderBy('recovery.created_at', 'ASC');
    if (args.claimIds) {
      if (args.claimIds.length === 0) return Promise.resolve([]);
      qb.andWhere('recovery.claim_id IN (:...claimIds)', { claimIds: [...args.claimIds] });
    }
    if (args.openOnly) qb.andWhere('recovery.remitted_on IS NULL AND recovery.amount_owed > 0');
    return qb.getMany();
  }
}
