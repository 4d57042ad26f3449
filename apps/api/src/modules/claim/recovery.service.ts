import { randomUUID } from 'node:crypto';
import { Money, compareDates, computeRemittance, type IsoDate } from '@ipfund/policy';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, notFound, policyViolation } from '../../common/errors';
import type { PolicyBook } from '../../common/policy-book';
import type { UseCaseRunner } from '../../common/use-case';
import { RecoveryEntity } from './claim.entity';
import type { LedgerService } from '../ledger/ledger.service';
import { isUuid } from '../../common/ids';

/**
 * Recoveries after payout (R8, Art 18): for each amount R the bank recovers on day d it owes the
 * fund R × F ÷ B by d + 30 days. Recording it makes the amount receivable in the ledger; the
 * remittance moves it back into the principal account.
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
        }),
      );
      if (remittance.amountOwed.isPositive()) {
        const { id: transactionId } = await this.ledger.postRecoveryReceivable(em, {
          claimId: claim.id,
          reference: { type: 'Recovery', id: recovery.id },
          amount: remittance.amountOwed,
          idempotencyKey: `recovery:${recovery.id}`,
          actor,
          businessDate: today,
          memo: `确认应收追偿返还款（${claim.id}）`,
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

  /** The bank remits the fund's share; the ledger moves it back into the principal account. */
  remit(actor: Actor, recoveryId: string, idempotencyKey: string): Promise<RecoveryEntity> {
    return this.useCases.run(actor, 'recovery.remit', async ({ em, scope, target, detail }) => {
      if (!isUuid(recoveryId)) throw notFound('Recovery');
      const recovery = await scope
        .recoveries('recovery.remit')
        .andWhere('recovery.id = :id', { id: recoveryId })
        .setLock('pessimistic_write')
        .getOne();
      if (!recovery) throw notFound('Recovery');
      target('Recovery', recovery.id);
      // A recovery is remitted once, for the amount fixed when it was recorded: a repeat is a replay.
      if (recovery.remittedOn) {
        detail({ replay: true });
        return recovery;
      }
      const amount = Money.of(recovery.amountOwed);
      const today = this.clock.today();
      if (amount.isPositive()) {
        const { id: transactionId } = await this.ledger.postRemittanceReceived(em, {
          claimId: recovery.claimId,
          reference: { type: 'Recovery', id: recovery.id },
          amount,
          idempotencyKey: `remittance:${recovery.id}`,
          actor,
          businessDate: today,
          memo: `收到追偿返还款（${idempotencyKey}）`,
        });
        recovery.remittanceTransactionId = transactionId;
      }
      recovery.remittedOn = today;
      await em.save(recovery);
      detail({ amount: amount.toString(), remittedOn: today });
      return recovery;
    });
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
