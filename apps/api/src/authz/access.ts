import type { PolicyParameters } from '@ipfund/policy';
import { READABLE_SUBJECTS, type Operation, type ReadableSubject } from '@ipfund/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { BusinessClock } from '../common/business-clock';
import { forbidden } from '../common/errors';
import type { PolicyBook } from '../common/policy-book';
import { enterTenant } from '../db/tenant';
import { inTransaction } from '../db/transaction';
import type { Actor } from './actor';
import { defineAbilityFor, type SubjectType } from './ability';
import { OPERATION_TABLE, actorMayTake, articleOf, kindMayTake, operationsOfActor } from './operations';
import { Scope } from './scope';

/**
 * The access kernel: the one way into the database on behalf of a caller. Every read opens a
 * transaction with the caller's tenant settings (PostgreSQL's row-level security, the second wall)
 * and hands the work a `Scope` whose builders are already filtered by the caller's ability (the
 * first wall). Use cases get the same `Scope` from the use-case runner.
 */
export class Access {
  private readonly readsAllCache = new Map<string, boolean>();

  constructor(
    private readonly ds: DataSource,
    private readonly policies: PolicyBook,
    private readonly clock: BusinessClock,
    /** The role requests are served under (`DB_APP_ROLE`); null only where roles are unavailable. */
    private readonly appRole: string | null,
  ) {}

  /** The measures in force on the business date: who may take what comes from them. */
  policyNow(): PolicyParameters {
    return this.policies.inForce(this.clock.today());
  }

  /**
   * Runs `work` as the actor in one REPEATABLE READ transaction, so a count and the page it counts
   * (or a row and its children) come from one snapshot.
   */
  read<T>(actor: Actor, work: (scope: Scope) => Promise<T>): Promise<T> {
    return inTransaction(this.ds, async (em) => work(await this.enter(em, actor)), {
      isolation: 'REPEATABLE READ',
    });
  }

  /** Sets the actor's tenant settings on a transaction and returns its scope. */
  async enter(em: EntityManager, actor: Actor): Promise<Scope> {
    await enterTenant(em, actor, this.appRole);
    return new Scope(actor, this.policyNow(), em);
  }

  /**
   * Does the actor read every record of the subject (the programme), not only its own? Aggregates
   * over other tenants' records are shown only then (DOMAIN.md §2).
   */
  readsAll(actor: Actor, subject: SubjectType): boolean {
    // Depends only on the kind and the measures (a rule without conditions), so one answer serves
    // every row of a page.
    const policy = this.policyNow();
    const key = `${actor.orgKind}|${policy.id}|${subject}`;
    let all = this.readsAllCache.get(key);
    if (all === undefined) {
      all = defineAbilityFor(actor, policy)
        .rulesFor('read', subject)
        .some((r) => !r.conditions && !r.inverted);
      this.readsAllCache.set(key, all);
    }
    return all;
  }

  /** May the actor's organisation take the operation at all (kind level)? */
  mayTake(actor: Actor, operation: Operation): boolean {
    return actorMayTake(actor, operation, this.policyNow());
  }

  /** Kind-level permissions for menus and "new …" buttons (`viewerPermissions`). */
  permissionsOf(actor: Actor): { operations: Operation[]; readable: ReadableSubject[] } {
    const policy = this.policyNow();
    const ability = defineAbilityFor(actor, policy);
    return {
      operations: operationsOfActor(actor, policy),
      readable: READABLE_SUBJECTS.filter((s) => ability.can('read', s)),
    };
  }

  /** FORBIDDEN, with the article that gives the power to others, unless the actor's kind may take it. */
  requireOperation(actor: Actor, operation: Operation): void {
    const policy = this.policyNow();
    if (actorMayTake(actor, operation, policy)) return;
    if (kindMayTake(actor.orgKind, operation, policy)) {
      // The kind may, but the organisation left the programme: no new business after retirement.
      throw forbidden('authz.partnerRetired', {}, policy.provisions.partnerRetirement.article);
    }
    throw forbidden(
      'authz.operationForbidden',
      { operation, summary: OPERATION_TABLE[operation].summary.replace(/^./, (c) => c.toLowerCase()) },
      articleOf(operation, policy),
    );
  }
}
