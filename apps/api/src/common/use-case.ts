import type { IsoDate } from '@ipfund/policy';
import type { Operation } from '@ipfund/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Access } from '../authz/access';
import type { Actor } from '../authz/actor';
import { articleOf } from '../authz/operations';
import type { Scope } from '../authz/scope';
import type { ActivityRecorder } from '../modules/activity/activity.recorder';
import { AppError, badInput, conflict } from './errors';
import { inTransaction, sqlState, type IsolationLevel } from '../db/transaction';

/**
 * Work that commits with every use case, after its own and under the same actor (e.g. the notifier:
 * announcements of the tasks the change opened, modules/notification/notifier.ts). What depends on
 * the use case's own `atCommit` steps (e.g. the breaker a final approval trips under the fund-state
 * lock) registers an `atCommit` step of its own: it runs after theirs.
 */
export type UseCaseObserver = (uc: {
  em: EntityManager;
  scope: Scope;
  actor: Actor;
  operation: Operation;
  atCommit(step: () => Promise<void>): void;
  /** What the use case has signalled so far; complete when the observer's `atCommit` steps run. */
  signals: readonly UseCaseSignal[];
}) => Promise<void>;

/**
 * A fact a use case tells its observers because they could not see it in time otherwise: it happens
 * in an `atCommit` step, after the observers ran. (A query for it would be one more statement under
 * the step's contended lock, for every use case of the kind.)
 */
export type UseCaseSignal = {
  /** This final approval tripped the breaker (the measures' circuit breaker) and opened a suspension episode. */
  kind: 'fund.suspended';
  suspensionId: string;
  since: IsoDate;
};

/** What a running use case can say about itself for the activity record. */
export interface UseCaseScope {
  em: EntityManager;
  /** The actor's scope in this transaction: builders already filtered for reading and for `operation`. */
  scope: Scope;
  /** The record the operation acts on (set as soon as it is known). */
  target(type: string, id: string): void;
  /** Extra facts for the record (amounts, decisions); never secrets. */
  detail(facts: Record<string, unknown>): void;
  /**
   * Work for the very end of the transaction: after the use case and its observers, just before the
   * activity row and COMMIT. For the one step that must take a contended lock (the fund state, Art 19)
   * — everything else is done by then, so the lock is held for that step's statements and the commit
   * only, not across the use case's other reads and writes and the notifier's.
   */
  atCommit(step: () => Promise<void>): void;
  /** Tells the observers a fact of this use case (see `UseCaseSignal`). */
  signal(fact: UseCaseSignal): void;
}

/**
 * Thrown by a use case whose end-of-transaction check found the world changed since its optimistic
 * read (e.g. the breaker tripped between the unlocked read and the locked one): the transaction is
 * rolled back and run again from the start, like a serialization failure (same SQLSTATE).
 */
export class RetryTransaction extends Error {
  readonly code = '40001';
  constructor(why: string) {
    super(`retry: ${why}`);
  }
}

const UNIQUE_VIOLATION = '23505';

/**
 * Database refusals that can only come from what the caller sent, as the AppError they mean, so
 * that they answer BAD_USER_INPUT or CONFLICT (not INTERNAL_SERVER_ERROR) and are recorded. The
 * GraphQL layer refuses such input first (graphql/text.ts, the Decimal scalar); these are the wall
 * behind it — e.g. a sum that overflows numeric(18,2) although each amount fits.
 */
function asRefusal(err: unknown): unknown {
  switch (sqlState(err)) {
    case '22003': // numeric_value_out_of_range
      return badInput('common.amountOutOfRange', {});
    case '22P05': // untranslatable_character (e.g. \u0000 in text)
    case '22021': // character_not_in_repertoire
      return badInput('common.textUnstorable', {});
    case '23514': {
      // Only the length limits are input errors; any other CHECK is an invariant a bug broke.
      const constraint = (err as { driverError?: { constraint?: string } }).driverError?.constraint ?? '';
      return constraint.endsWith('_length') ? badInput('common.textTooLongDb', {}) : err;
    }
    case UNIQUE_VIOLATION:
      return conflict('common.concurrentWrite', {});
    default:
      return err;
  }
}

/**
 * Every mutation runs through here. First the operations table (authz/operations.ts): an actor whose
 * organisation may not take the operation is refused FORBIDDEN, with the article, before any
 * transaction is opened. Then one transaction (retried on serialization failure) under the actor's
 * tenant settings, and one row in the append-only activity record — committed with the change on
 * success, or written on its own after a refusal, so attempts are on record too.
 */
export class UseCaseRunner {
  constructor(
    private readonly ds: DataSource,
    private readonly access: Access,
    private readonly activity: ActivityRecorder,
  ) {}

  private readonly observers: UseCaseObserver[] = [];

  /** Adds work that runs in every use case's transaction, after the use case's own. */
  observe(observer: UseCaseObserver): void {
    this.observers.push(observer);
  }

  async run<T>(
    actor: Actor,
    operation: Operation,
    work: (scope: UseCaseScope) => Promise<T>,
    opts: { isolation?: IsolationLevel } = {},
  ): Promise<T> {
    let targetType: string | undefined;
    let targetId: string | undefined;
    let facts: Record<string, unknown> = {};
    try {
      this.access.requireOperation(actor, operation);
      const result = await this.transactionRetryingDuplicates(
        this.ds,
        async (em) => {
          // A retried attempt starts from a clean slate.
          targetType = targetId = undefined;
          facts = {};
          const finalSteps: (() => Promise<void>)[] = [];
          const signals: UseCaseSignal[] = [];
          // The transaction opened with the actor's tenant settings (the `opening` below).
          const scope = this.access.enteredScope(em, actor);
          const result = await work({
            em,
            scope,
            target(type, id) {
              targetType = type;
              targetId = id;
            },
            detail(more) {
              facts = { ...facts, ...more };
            },
            atCommit(step) {
              finalSteps.push(step);
            },
            signal(fact) {
              signals.push(fact);
            },
          });
          const atCommit = (step: () => Promise<void>) => void finalSteps.push(step);
          for (const observe of this.observers)
            await observe({ em, scope, actor, operation, atCommit, signals });
          // The use case's own final steps were pushed first, so they run before the observers'.
          for (const step of finalSteps) await step();
          // Last statement of the transaction; the chain seals it inside COMMIT (ChainAtCommit migration).
          await this.activity.ok(em, actor, {
            operation,
            targetType,
            targetId,
            detail: facts,
            article: articleOf(operation, this.access.policyNow()),
          });
          return result;
        },
        { ...opts, opening: this.access.tenantOpening(actor) },
      );
      // The mutation's answer may now read through one snapshot that sees this commit.
      await this.access.committed(actor);
      return result;
    } catch (thrown) {
      const err = asRefusal(thrown);
      if (err instanceof AppError) {
        await this.recordRefusal(
          actor,
          { operation, targetType, targetId, detail: facts, article: err.article },
          err.code,
        );
      }
      throw err;
    }
  }

  /**
   * One transaction, run again (up to twice) after a unique violation: a concurrent request with
   * the same idempotency key (or the same natural key) committed first, and the fresh transaction
   * sees its row and answers as for any repeat — the first result — instead of a 500.
   */
  private async transactionRetryingDuplicates<T>(
    ds: DataSource,
    work: (em: EntityManager) => Promise<T>,
    opts: { isolation?: IsolationLevel; opening?: string },
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await inTransaction(ds, work, opts);
      } catch (err) {
        if (attempt < 2 && sqlState(err) === UNIQUE_VIOLATION) continue;
        throw err;
      }
    }
  }

  /** A refusal is written in its own short transaction under the actor's settings (the rolled-back one is gone). */
  private async recordRefusal(
    actor: Actor,
    entry: {
      operation: Operation;
      targetType?: string;
      targetId?: string;
      detail: Record<string, unknown>;
      article?: string;
    },
    code: string,
  ): Promise<void> {
    await inTransaction(this.ds, (em) => this.activity.refused(em, actor, entry, code), {
      opening: this.access.tenantOpening(actor),
    });
  }
}
