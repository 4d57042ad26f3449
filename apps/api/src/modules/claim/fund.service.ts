import type { EntityManager } from 'typeorm';
import type { Access } from '../../authz/access';
import type { Actor } from '../../authz/actor';
import type { BusinessClock } from '../../common/business-clock';
import { badInput, conflict, forbidden } from '../../common/errors';
import type { PolicyBook } from '../../common/policy-book';
import type { UseCaseRunner } from '../../common/use-case';
import type { FundBalanceFacts, FundCompensationStatus, FundGovernanceFacts } from '../ledger/fund-status';
import { ACCOUNT } from '../ledger/ledger.chart';
import { principalCommitment, readFundState, readFundStatusFacts, recordResumption } from './fund-state';

export interface ResumptionVote {
  orgKind: string;
  comment: string;
  businessDate: string;
  occurredAt: Date;
}

/** The circuit breaker's state and the recorded joint decision that lifts it (R7, Art 19). */
export class FundService {
  constructor(
    private readonly access: Access,
    private readonly useCases: UseCaseRunner,
    private readonly clock: BusinessClock,
    private readonly policies: PolicyBook,
  ) {}

  /** For the ledger's fundStatus: Σ F finally approved, the breaker's episode and base, the commitment. */
  async compensationStatus(em: EntityManager): Promise<FundCompensationStatus> {
    const s = await readFundState(em);
    const { committed } = await principalCommitment(em, ACCOUNT.PRINCIPAL);
    return {
      cumulativeCompensation: s.cumulative,
      suspended: s.suspended,
      suspensionId: s.suspensionId,
      suspendedSince: s.suspendedSince,
      cumulativeAtLastResumption: s.cumulativeAtLastResumption,
      committedCompensation: committed,
    };
  }

  /**
   * `fundStatus`'s facts in one statement (fund-state.ts `readFundStatusFacts`): the breaker, the
   * commitment, the funder's contributions and the termination, and the balances when asked.
   */
  async statusFacts(
    em: EntityManager,
    opts: { withBalances?: boolean } = {},
  ): Promise<FundCompensationStatus & FundGovernanceFacts & Partial<FundBalanceFacts>> {
    const f = await readFundStatusFacts(
      em,
      { principal: ACCOUNT.PRINCIPAL, interest: ACCOUNT.INTEREST },
      opts.withBalances ?? false,
    );
    return {
      cumulativeCompensation: f.state.cumulative,
      suspended: f.state.suspended,
      suspensionId: f.state.suspensionId,
      suspendedSince: f.state.suspendedSince,
      cumulativeAtLastResumption: f.state.cumulativeAtLastResumption,
      committedCompensation: f.committed,
      totalContributions: f.totalContributions,
      termination: f.termination as FundGovernanceFacts['termination'],
      ...(f.balances ? { principalBalance: f.balances.principal, interestBalance: f.balances.interest } : {}),
    };
  }

  /** The fund's state as the caller's scope reads it (fundStatus, claims' allowed actions). */
  status(actor: Actor): Promise<FundCompensationStatus> {
    return this.access.read(actor, (scope) => this.compensationStatus(scope.em));
  }

  /**
   * The consents recorded for the current suspension, with the offices' comments: the programme's
   * deliberation (Art 19), readable by the offices, the manager and the auditor only.
   */
  votes(actor: Actor): Promise<ResumptionVote[]> {
    return this.access.read(actor, async (scope) => {
      if (!scope.canRead('ResumptionVote')) {
        throw forbidden('authz.resumptionReaders', {}, scope.policy.resumptionVoters.article);
      }
      return this.currentVotes(scope.em);
    });
  }

  /** Whether the caller's organisation may still consent: the fund is suspended and it has not yet. */
  awaitsConsentOf(actor: Actor): Promise<boolean> {
    return this.access.read(actor, async (scope) => {
      if (!scope.mayTake('fund.consentToResume')) return false;
      const state = await readFundState(scope.em);
      if (!state.suspended) return false;
      const given: unknown[] = await scope.em.query(
        `SELECT 1 FROM fund_resumption_votes WHERE suspension_id = $1 AND org_kind = $2`,
        [state.suspensionId, scope.actor.orgKind],
      );
      return given.length === 0;
    });
  }

  private async currentVotes(em: EntityManager): Promise<ResumptionVote[]> {
    const state = await readFundState(em);
    if (!state.suspended || !state.suspensionId) return [];
    // The current episode's consents only: an earlier suspension's (even of the same date) are history.
    const rows: { org_kind: string; comment: string; business_date: string; occurred_at: Date }[] =
      await em.query(
        `SELECT org_kind, comment, business_date::text, occurred_at FROM fund_resumption_votes WHERE suspension_id = $1 ORDER BY id`,
        [state.suspensionId],
      );
    return rows.map((r) => ({
      orgKind: r.org_kind,
      comment: r.comment,
      businessDate: r.business_date,
      occurredAt: r.occurred_at,
    }));
  }

  /**
   * One party's consent to resume. When the three offices and the manager have all consented for
   * the current suspension, the fund resumes and the breaker counts from the cumulative figure then.
   */
  consentToResume(actor: Actor, comment: string): Promise<{ resumed: boolean; votes: number }> {
    return this.useCases.run(actor, 'fund.consentToResume', async ({ em, target, detail }) => {
      if (!comment.trim()) throw badInput('fund.consentComment', {});
      const state = await readFundState(em, { forUpdate: true });
      const policy = this.policies.inForce(this.clock.today());
      const article = policy.provisions.fundSuspension.article;
      if (!state.suspended || !state.suspensionId || !state.suspendedSince) {
        throw conflict('fund.notSuspended', {}, article);
      }
      target('FundSuspension', state.suspensionId);
      // Keyed by the episode's id: a second suspension on the same date takes fresh consents.
      const inserted: unknown[] = await em.query(
        `INSERT INTO fund_resumption_votes (suspension_id, suspended_since, org_kind, user_id, comment, business_date)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (suspension_id, org_kind) DO NOTHING RETURNING id`,
        [
          state.suspensionId,
          state.suspendedSince,
          actor.orgKind,
          actor.userId,
          comment.trim(),
          this.clock.today(),
        ],
      );
      if (inserted.length === 0) throw conflict('fund.alreadyConsented', { orgKind: actor.orgKind }, article);
      // The fund resumes once every voter the measures name has consented (resumptionVoters: in
      // Jiangbei the three offices with the fund manager, Art 19); only their consents count.
      const voters = policy.resumptionVoters.value;
      const votes: { n: number }[] = await em.query(
        `SELECT count(DISTINCT org_kind)::int AS n FROM fund_resumption_votes
          WHERE suspension_id = $1 AND org_kind = ANY($2::text[])`,
        [state.suspensionId, voters],
      );
      const resumed = votes[0].n >= voters.length;
      if (resumed) await recordResumption(em, state.suspensionId, this.clock.today());
      detail({ votes: votes[0].n, resumed });
      return { resumed, votes: votes[0].n };
    });
  }
}
