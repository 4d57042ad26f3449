import type { Operation } from '@ipfund/shared';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { Scope } from '../../authz/scope';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, conflict, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import type { PolicyBook } from '../../common/policy-book';
import type { UseCaseRunner } from '../../common/use-case';
import { isUniqueViolation, text } from '../partner/partner.access';
import { BlacklistProposalEntity, type BlacklistProposalStatus } from './blacklist.entity';
import { EnterpriseEntity } from './enterprise.entity';

/**
 * Art 21 (with Art 25): an enterprise able but refusing to repay loses eligibility. The fund manager
 * proposes with a reason; the IP bureau approves or declines. On approval the enterprise is flagged
 * from the decision's business date: its loans issued from then on are not covered, and every partner
 * that sees the enterprise sees the flag. Who may propose and decide is the operations table's
 * business (authz/operations.ts); which enterprise or proposal is the actor's scope's.
 */
export class BlacklistService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
  ) {}

  private article(): string {
    return this.policies.inForce(this.clock.today()).provisions.blacklist.article;
  }

  /** Proposals the scope may read (or take `action` on), with the enterprise and the organisations. */
  private visible(scope: Scope, action: 'read' | Operation = 'read') {
    return scope
      .blacklistProposals(action)
      .innerJoinAndSelect('proposal.enterprise', 'enterprise')
      .innerJoinAndSelect('proposal.proposedByOrg', 'proposedByOrg')
      .leftJoinAndSelect('proposal.decidedByOrg', 'decidedByOrg');
  }

  /** Proposals the actor may read (offices, manager, auditor), newest first. */
  list(actor: Actor, status?: BlacklistProposalStatus | null): Promise<BlacklistProposalEntity[]> {
    return this.access.read(actor, (scope) => {
      const qb = this.visible(scope);
      if (status) qb.andWhere('proposal.status = :status', { status });
      return qb.orderBy('proposal.seq', 'DESC').getMany();
    });
  }

  propose(actor: Actor, enterpriseId: string, reason: string): Promise<BlacklistProposalEntity> {
    return this.useCases.run(actor, 'blacklist.propose', async ({ em, scope, target, detail }) => {
      if (!isUuid(enterpriseId)) throw notFound('Enterprise');
      // The lock orders this proposal after a decision on the same enterprise (its flag is read below).
      const enterprise = await scope
        .enterprises('blacklist.propose')
        .andWhere('enterprise.id = :enterpriseId', { enterpriseId })
        .setLock('pessimistic_write')
        .getOne();
      if (!enterprise) throw notFound('Enterprise');
      target('Enterprise', enterprise.id);
      const why = text(reason);
      if (!why) throw badInput('common.reasonRequired', {});
      detail({ reason: why });
      if (enterprise.blacklistedSince !== null) {
        throw conflict('blacklist.already', { since: enterprise.blacklistedSince }, this.article());
      }
      const pending = await em
        .getRepository(BlacklistProposalEntity)
        .exists({ where: { enterpriseId: enterprise.id, status: 'PENDING' } });
      const alreadyPending = () => conflict('blacklist.pending', {}, this.article());
      if (pending) throw alreadyPending();
      const saved = await em
        .save(
          em.create(BlacklistProposalEntity, {
            enterpriseId: enterprise.id,
            reason: why,
            proposedOn: this.clock.today(),
            proposedByUserId: actor.userId,
            proposedByOrgId: actor.orgId,
            status: 'PENDING',
          }),
        )
        .catch((err: unknown) => {
          if (isUniqueViolation(err)) throw alreadyPending();
          throw err;
        });
      detail({ proposalId: saved.id });
      return this.reload(scope, saved.id);
    });
  }

  decide(
    actor: Actor,
    proposalId: string,
    approve: boolean,
    comment?: string | null,
  ): Promise<BlacklistProposalEntity> {
    return this.useCases.run(actor, 'blacklist.decide', async ({ em, scope, target, detail }) => {
      if (!isUuid(proposalId)) throw notFound('Blacklist proposal');
      const proposal = await this.visible(scope, 'blacklist.decide')
        .andWhere('proposal.id = :proposalId', { proposalId })
        .setLock('pessimistic_write', undefined, ['proposal'])
        .getOne();
      if (!proposal) throw notFound('Blacklist proposal');
      target('BlacklistProposal', proposal.id);
      const note = text(comment);
      detail({ enterpriseId: proposal.enterpriseId, approve, comment: note });
      if (proposal.status !== 'PENDING') {
        throw conflict('blacklist.alreadyDecided', { status: proposal.status.toLowerCase() }, this.article());
      }
      if (!approve && !note) throw badInput('blacklist.declineReason', {});
      const today = this.clock.today();
      await em.update(
        BlacklistProposalEntity,
        { id: proposal.id },
        {
          status: approve ? 'APPROVED' : 'DECLINED',
          decidedOn: today,
          decidedByUserId: actor.userId,
          decidedByOrgId: actor.orgId,
          decisionComment: note,
        },
      );
      if (approve) {
        // Loans issued from the decision date on are not covered (R2, Art 21); earlier ones stay covered.
        await em
          .createQueryBuilder()
          .update(EnterpriseEntity)
          .set({ blacklistedSince: today, blacklistReason: proposal.reason })
          .where('id = :id AND blacklisted_since IS NULL', { id: proposal.enterpriseId })
          .execute();
        detail({ blacklistedSince: today });
      }
      return this.reload(scope, proposal.id);
    });
  }

  /** A proposal just written by the acting manager or bureau (who may read every proposal). */
  private reload(scope: Scope, id: string): Promise<BlacklistProposalEntity> {
    return this.visible(scope).andWhere('proposal.id = :id', { id }).getOneOrFail();
  }
}
