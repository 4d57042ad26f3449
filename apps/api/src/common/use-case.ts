import type { Operation } from '@ipfund/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Access } from '../authz/access';
import type { Actor } from '../authz/actor';
import type { Scope } from '../authz/scope';
import type { ActivityRecorder } from '../modules/activity/activity.recorder';
import { AppError } from './errors';
import { inTransaction, type IsolationLevel } from '../db/transaction';

/** What a running use case can say about itself for the activity record. */
export interface UseCaseScope {
  em: EntityManager;
  /** The actor's scope in this transaction: builders already filtered for reading and for `operation`. */
  scope: Scope;
  /** The record the operation acts on (set as soon as it is known). */
  target(type: string, id: string): void;
  /** Extra facts for the record (amounts, decisions); never secrets. */
  detail(facts: Record<string, unknown>): void;
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
      return await inTransaction(
        this.ds,
        async (em) => {
          // A retried attempt starts from a clean slate.
          targetType = targetId = undefined;
          facts = {};
          const scope = await this.access.enter(em, actor);
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
          });
          await this.activity.ok(em, actor, { operation, targetType, targetId, detail: facts });
          return result;
        },
        opts,
      );
    } catch (err) {
      if (err instanceof AppError) {
        await this.recordRefusal(actor, { operation, targetType, targetId, detail: facts }, err.code);
      }
      throw err;
    }
  }

  /** A refusal is written in its own short transaction under the actor's settings (the rolled-back one is gone). */
  private async recordRefusal(
    actor: Actor,
    entry: { operation: Operation; targetType?: string; targetId?: string; detail: Record<string, unknown> },
    code: string,
  ): Promise<void> {
    await inTransaction(this.ds, async (em) => {
      await this.access.enter(em, actor);
      await this.activity.refused(em, actor, entry, code);
    });
  }
}
