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
  await em.query(tenantSettingsSql(actor, appRole));
}

/** What the settings statement of a read transaction also answers: the actor's current standing. */
export interface ActorStanding {
  active: boolean;
  orgId: string | null;
  orgStatus: string | null;
  /** The user's last password change (ends every session issued before it). */
  passwordChangedAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
const KIND = /^[A-Z_]{1,40}$/;

/** A SQL string literal of a value that was checked against a strict pattern first (no quotes in it). */
function literal(value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) throw new Error(`enterTenant: malformed ${what}`);
  return `'${value}'`;
}

/**
 * The tenant settings (and the serving role) as one plain statement, so it can travel in the same
 * simple-protocol message as the transaction's BEGIN: one round trip opens a transaction already
 * entered (a read: `beginReadSql`; a use case: db/transaction.ts `opening`). The simple protocol
 * takes no parameters, so every value is checked against a strict pattern first.
 */
export function tenantSettingsSql(actor: TenantActor, appRole: string | null): string {
  const org = literal(actor.orgId, UUID, 'organisation id');
  const user = literal(actor.userId, UUID, 'user id');
  const kind = literal(actor.orgKind, KIND, 'organisation kind');
  const role = appRole === null ? '' : `set_config('role', ${literal(appRole, ROLE_NAME, 'role')}, true), `;
  return (
    `SELECT ${role}set_config('app.org_id', ${org}, true), set_config('app.org_kind', ${kind}, true), ` +
    `set_config('app.user_id', ${user}, true)`
  );
}

/**
 * The start of a read transaction in ONE round trip (issue 10): BEGIN a read-only REPEATABLE READ
 * snapshot and, in the same simple-protocol message, set the serving role and the tenant settings
 * and read the actor's current standing (`ipfund_actor`, a SECURITY DEFINER lookup), so a cached
 * login is re-checked by every transaction at no extra round trip. The simple protocol takes no
 * parameters, so every value is checked against a strict pattern (uuid, role name, kind) before it
 * is written as a literal.
 */
export function beginReadSql(
  actor: TenantActor,
  appRole: string | null,
): { begin: string; settings: string } {
  const user = literal(actor.userId, UUID, 'user id');
  return {
    begin: 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    settings:
      `${tenantSettingsSql(actor, appRole)}, ` +
      `a.active AS "active", a.org_id AS "orgId", a.org_status AS "orgStatus", ` +
      `a.password_changed_at AS "passwordChangedAt" ` +
      `FROM (SELECT 1) one LEFT JOIN ipfund_actor(${user}) a ON true`,
  };
}
