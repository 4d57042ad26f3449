import type { EntityManager } from 'typeorm';

/** The caller whose rows a transaction may see (authz/actor.ts Actor, or any object with these). */
export interface TenantActor {
  orgId: string;
  orgKind: string;
  userId: string;
}

/**
 * Enters the tenant for the rest of the current transaction: the serving role (when given) and the
 * settings the row-level security policies read (`app.org_id`, `app.org_kind`, `app.user_id`;
 * migrations/1764202200000-SecondWall.ts). All are transaction-local (`set_config(…, true)`), so
 * they end with COMMIT or ROLLBACK and never leak to the next user of the pooled connection.
 *
 * Call it first inside every request transaction. Outside a transaction a transaction-local setting
 * would end with the statement itself, so the call refuses to run there.
 */
export async function enterTenant(
  em: EntityManager,
  actor: TenantActor,
  appRole: string | null,
): Promise<void> {
  if (!em.queryRunner?.isTransactionActive) {
    throw new Error('enterTenant must be called inside a transaction');
  }
  // One statement: the role switch and the settings take effect together.
  if (appRole === null) {
    await em.query(
      `SELECT set_config('app.org_id', $1, true), set_config('app.org_kind', $2, true), set_config('app.user_id', $3, true)`,
      [actor.orgId, actor.orgKind, actor.userId],
    );
  } else {
    await em.query(
      `SELECT set_config('role', $1, true), set_config('app.org_id', $2, true),
              set_config('app.org_kind', $3, true), set_config('app.user_id', $4, true)`,
      [appRole, actor.orgId, actor.orgKind, actor.userId],
    );
  }
}
