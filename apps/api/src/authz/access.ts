import type { PolicyParameters } from '@ipfund/policy';
import { READABLE_SUBJECTS, type Operation, type ReadableSubject } from '@ipfund/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { BusinessClock } from '../common/business-clock';
import { AppError, forbidden, unauthenticated } from '../common/errors';
import type { PolicyBook } from '../common/policy-book';
import { beginReadSql, enterTenant, tenantSettingsSql, type ActorStanding } from '../db/tenant';
import { openTransaction } from '../db/transaction';
import { auditWindowRefusal } from '../modules/audit/audit-window';
import type { Actor } from './actor';
import { abilityFor, type SubjectType } from './ability';
import { OPERATION_TABLE, actorMayTake, articleOf, kindMayTake, operationsOfActor } from './operations';
import { Scope } from './scope';

/** The node-pg client under a TypeORM query runner (the part used here). */
interface PgClient {
  query(...args: unknown[]): unknown;
}

const SERIALIZED = Symbol('ipfund.serializedQueries');

/**
 * The fields of one GraphQL operation resolve concurrently and share one transaction, so their
 * statements meet on one connection. node-pg queues them, but deprecates issuing a query while
 * another runs (gone in pg 9): the client's promise-style `query` is wrapped, once per pooled
 * connection, to send each statement after the previous one settles. Callback-style and
 * submittable (cursor, stream) calls pass through untouched.
 */
function serialized(client: PgClient): PgClient {
  const marked = client as PgClient & { [SERIALIZED]?: true };
  if (marked[SERIALIZED]) return client;
  const original = client.query.bind(client);
  let tail: Promise<unknown> = Promise.resolve();
  client.query = (...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') {
      return original(...args);
    }
    const run = () => original(...args) as Promise<unknown>;
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  };
  marked[SERIALIZED] = true;
  return client;
}

/** A read-only snapshot under an actor's tenant settings. */
interface ReadSession {
  scope: Scope;
  /** Art 20: an auditor outside its engagement's window is refused every read of the snapshot. */
  refusal: AppError | null;
  /** COMMIT (or ROLLBACK) and give the connection back; idempotent. */
  end(ok: boolean): Promise<void>;
}

/**
 * The access kernel: the one way into the database on behalf of a caller. Every read opens a
 * transaction with the caller's tenant settings (PostgreSQL's row-level security, the second wall)
 * and hands the work a `Scope` whose builders are already filtered by the caller's ability (the
 * first wall). Use cases get the same `Scope` from the use-case runner.
 */
export class Access {
  private readonly readsAllCache = new Map<string, boolean>();
  /**
   * GraphQL operations in flight, by their request's actor object (one per request). `waitsForWrite`:
   * a mutation's, whose reads share a snapshot only once a use case of the operation has committed.
   */
  private readonly operations = new WeakMap<
    Actor,
    { opened: Promise<ReadSession> | null; waitsForWrite?: boolean }
  >();

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
   * Runs `work` as the actor in one read-only REPEATABLE READ snapshot, so a count and the page it
   * counts (or a row and its children) agree. Inside a GraphQL query operation (`beginOperation`)
   * every read of the operation — root fields and their batch loaders — shares ONE transaction, opened
   * on the first read; elsewhere (mutations' answers, direct calls) each read gets its own.
   */
  async read<T>(actor: Actor, work: (scope: Scope) => Promise<T>): Promise<T> {
    const shared = this.operations.get(actor);
    if (shared && !shared.waitsForWrite) {
      shared.opened ??= this.openRead(actor);
      const opened = await shared.opened;
      if (opened.refusal) throw opened.refusal;
      return work(opened.scope);
    }
    const session = await this.openRead(actor);
    try {
      if (session.refusal) throw session.refusal;
      const result = await work(session.scope);
      await session.end(true);
      return result;
    } catch (err) {
      await session.end(false);
      throw err;
    }
  }

  /**
   * Marks the start of a GraphQL query operation of this actor object (one per request, see
   * graphql/operation.ts): its reads share one snapshot until `endOperation`. Nothing is opened yet,
   * so an operation that reads nothing costs no connection.
   */
  beginOperation(actor: Actor): void {
    if (!this.operations.has(actor)) this.operations.set(actor, { opened: null });
  }

  /**
   * Marks the start of a GraphQL mutation of this actor object: its answer — what it reads after its
   * use case committed — shares one snapshot, like a query's reads. Reads before any use case
   * committed (a resolver's own checks) keep their own transactions, and each further committed use
   * case (a second root mutation field) ends the shared snapshot, so the next read sees its write.
   */
  beginMutationAnswer(actor: Actor): void {
    if (!this.operations.has(actor)) this.operations.set(actor, { opened: null, waitsForWrite: true });
  }

  /** The use-case runner tells that a use case of this actor committed (see `beginMutationAnswer`). */
  async committed(actor: Actor): Promise<void> {
    const shared = this.operations.get(actor);
    if (!shared || shared.waitsForWrite === undefined) return;
    shared.waitsForWrite = false;
    const opened = shared.opened;
    shared.opened = null;
    // The use case has committed: a snapshot that cannot be ended cleanly is dropped, not reported.
    if (opened) await (await opened.catch(() => null))?.end(true).catch(() => undefined);
  }

  /**
   * Opens the operation's snapshot now rather than on its first read: the first round trip then
   * re-checks a cached login before any field runs (graphql/operation.ts). Rejects UNAUTHENTICATED
   * when the login's user or organisation changed.
   */
  async openOperation(actor: Actor): Promise<void> {
    const shared = this.operations.get(actor);
    if (!shared) throw new Error('openOperation without beginOperation');
    shared.opened ??= this.openRead(actor);
    await shared.opened;
  }

  /** Ends the operation's shared snapshot (COMMIT of a read-only transaction) and frees its connection. */
  async endOperation(actor: Actor): Promise<void> {
    const shared = this.operations.get(actor);
    if (!shared) return;
    this.operations.delete(actor);
    if (!shared.opened) return;
    const session = await shared.opened.catch(() => null);
    await session?.end(true);
  }

  /**
   * One round trip opens the snapshot, sets the serving role and the tenant settings and re-checks
   * the actor's standing (db/tenant.ts beginReadSql): a login cached by the auth service that was
   * deactivated, or whose organisation was disqualified or retired since, is refused here, on every
   * instance, at no extra statement.
   */
  private async openRead(actor: Actor): Promise<ReadSession> {
    const { begin, settings } = beginReadSql(actor, this.appRole);
    const tx = await openTransaction(this.ds, begin, settings, serialized);
    try {
      this.checkStanding(actor, tx.results[1]?.rows[0] as ActorStanding | undefined);
      const scope = new Scope(actor, this.policyNow(), tx.manager);
      // Art 20: an auditor reads only inside an active engagement (modules/audit/audit-window.ts);
      // outside it every read of this snapshot is refused (the refusal is thrown by `read`, not here,
      // so it reaches the field as FORBIDDEN with the article).
      const refusal =
        actor.orgKind === 'AUDITOR'
          ? await auditWindowRefusal(tx.manager, actor, this.clock.today(), scope.policy)
          : null;
      return { scope, refusal, end: tx.end };
    } catch (err) {
      await tx.end(false).catch(() => undefined);
      throw err;
    }
  }

  /** Refuses a login whose user or organisation changed since it was read (auth/actor-cache.ts). */
  private checkStanding(actor: Actor, standing: ActorStanding | undefined): void {
    const same =
      standing?.active === true &&
      standing.orgId === actor.orgId &&
      standing.orgStatus !== 'DISQUALIFIED' &&
      (standing.orgStatus === 'RETIRED') === actor.orgRetired &&
      // A password change ends every session issued before it (auth.service.ts sessionEpochOf).
      (actor.sessionEpoch === undefined ||
        actor.sessionEpoch ===
          (standing.passwordChangedAt ? new Date(standing.passwordChangedAt).getTime() : 0));
    if (!same) throw unauthenticated('auth.invalidToken');
  }

  /** Sets the actor's tenant settings on a transaction and returns its scope. */
  async enter(em: EntityManager, actor: Actor): Promise<Scope> {
    await enterTenant(em, actor, this.appRole);
    return this.enteredScope(em, actor);
  }

  /**
   * The actor's tenant settings as the statement a transaction sends as it opens (db/transaction.ts
   * `opening`), for `enteredScope` below: the use-case runner opens its transactions this way.
   */
  tenantOpening(actor: Actor): string {
    return tenantSettingsSql(actor, this.appRole);
  }

  /** The scope of a transaction opened with `tenantOpening(actor)` (no statement of its own). */
  enteredScope(em: EntityManager, actor: Actor): Scope {
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
      all = abilityFor(actor, policy)
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
    const ability = abilityFor(actor, policy);
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
