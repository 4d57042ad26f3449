import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Money, compareDates, computeRemittance, type IsoDate } from '@ipfund/policy';
import type { Actor } from '../../authz/actor';
import { defineAbilityFor } from '../../authz/ability';
import { whereAbility } from '../../authz/ability-to-sql';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, forbidden, notFound, policyViolation } from '../../common/errors';
import type { PolicyBook } from '../../common/policy-book';
import type { UseCaseRunner } from '../../common/use-case';
import { ClaimEntity, RecoveryEntity } from './claim.entity';
import type { LedgerService } from '../ledger/ledger.service';
import { CLAIM_FIELDS } from './claim.service';
import { isUuid } from '../../common/ids';

/**
 * Recoveries after payout (R8, Art 18): for each amount R the bank recovers on day d it owes the
 * fund R × F ÷ B by d + 30 days. Recording it makes the amount receivable in the ledger; the
 * remittance moves it back into the principal account.
 */
export class RecoveryService {
  constructor(
    private readonly ds: DataSource,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
    private readonly ledger: LedgerService,
  ) {}

  record(
    actor: Actor,
    input: { claimId: string; amount: string; receivedOn: IsoDate; idempotencyKey?: string | null },
  ): Promise<RecoveryEntity> {
    return this.useCases.run(actor, 'recovery.record', async ({ em, target, detail }) => {
      if (actor.orgKind !== 'LENDING_BANK') throw forbidden('Only the bank records its recoveries (Art 18)');
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
      const qb = em
        .getRepository(ClaimEntity)
        .createQueryBuilder('claim')
        .where('claim.id = :id', { id: input.claimId })
        .setLock('pessimistic_write');
      whereAbility(qb, defineAbilityFor(actor), 'read', 'Claim', CLAIM_FIELDS);
      const claim = await qb.getOne();
      if (!claim) throw notFound('Claim');
      target('Claim', claim.id);
      const today = this.clock.today();
      const policy = this.policies.inForce(today);
      const article = policy.provisions.recovery.article;
      if (claim.status !== 'PAID' || !claim.paidOn) {
        throw policyViolation('Recoveries are recorded after the compensation is paid', article);
      }
      if (compareDates(input.receivedOn, today) > 0)
        throw badInput('A recovery cannot be received in the future');
      if (compareDates(input.receivedOn, claim.paidOn) < 0) {
        throw policyViolation(`The recovery predates the payout (${claim.paidOn})`, article);
      }
      const amount = Money.of(input.amount);
      if (!amount.isPositive()) throw badInput('A recovery must be a positive amount');
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
    return this.useCases.run(actor, 'recovery.remit', async ({ em, target, detail }) => {
      if (actor.orgKind !== 'LENDING_BANK') throw forbidden('Only the bank records its remittances (Art 18)');
      if (!isUuid(recoveryId)) throw notFound('Recovery');
      const recovery = await em
        .getRepository(RecoveryEntity)
        .createQueryBuilder('r')
        .where('r.id = :id AND r.bank_id = :bank', { id: recoveryId, bank: actor.orgId })
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

  /** Recoveries on claims the actor may see; `openOnly` for the remittances not yet made. */
  async list(
    actor: Actor,
    args: { claimIds?: readonly string[]; openOnly?: boolean },
  ): Promise<RecoveryEntity[]> {
    const qb = this.ds
      .getRepository(RecoveryEntity)
      .createQueryBuilder('r')
      .innerJoin(ClaimEntity, 'claim', 'claim.id = r.claim_id')
      .orderBy('r.due_on', 'ASC')
      .addOrderBy('r.created_at', 'ASC');
    whereAbility(qb, defineAbilityFor(actor), 'read', 'Claim', CLAIM_FIELDS);
    if (args.claimIds) {
      if (args.claimIds.length === 0) return [];
      qb.andWhere('r.claim_id IN (:...ids)', { ids: [...args.claimIds] });
    }
    if (args.openOnly) qb.andWhere('r.remitted_on IS NULL AND r.amount_owed > 0');
    return qb.getMany();
  }
}
