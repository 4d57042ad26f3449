import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../authz/actor';
import type { ActivityRecorder } from '../modules/activity/activity.recorder';
import { AppError } from './errors';
import { inTransaction, type IsolationLevel } from '../db/transaction';

/** What a running use case can say about itself for the activity record. */
export interface UseCaseScope {
  em: EntityManager;
  /** The record the operation acts on (set as soon as it is known). */
  target(type: string, id: string): void;
  /** Extra facts for the record (amounts, decisions); never secrets. */
  detail(facts: Record<string, unknown>): void;
}

/**
 * Every mutation runs through here: one transaction (retried on serialization failure), and one
 * row in the append-only activity record — committed with the change on success, or written on
 * its own after a refusal, so attempts are on record too.
 */
export class UseCaseRunner {
  constructor(
    private readonly ds: DataSource,
    private readonly activity: ActivityRecorder,
  ) {}

  async run<T>(
    actor: Actor,
    operation: string,
    work: (scope: UseCaseScope) => Promise<T>,
    opts: { isolation?: IsolationLevel } = {},
  ): Promise<T> {
    let targetType: string | undefined;
    let targetId: string | undefined;
    let facts: Record<string, unknown> = {};
    try {
      return await inTransaction(
        this.ds,
        async (em) => {
          // A retried attempt starts from a clean slate.
          targetType = targetId = undefined;
          facts = {};
          const result = await work({
            em,
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
        await this.activity.refused(
          this.ds.manager,
          actor,
          { operation, targetType, targetId, detail: facts },
          err.code,
        );
      }
      throw err;
    }
  }
}
