import type { QueryRunner } from 'typeorm';

/** Definer functions run with a pinned search path: a TEMP table cannot shadow what they read. */
export const PINNED = `SET search_path = pg_catalog, public, pg_temp`;

/** Role names we accept: a plain lower-case identifier, so it can be quoted into SQL as is. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The serving role's name (DB_APP_ROLE), read from the session setting `ipfund.app_role` that
 * db/data-source.ts sets on the migration connection (migrations are classes and read no env).
 */
export async function appRole(q: QueryRunner): Promise<string> {
  const [{ role }] = (await q.query(
    `SELECT COALESCE(NULLIF(current_setting('ipfund.app_role', true), ''), 'ipfund_app') AS role`,
  )) as { role: string }[];
  if (!ROLE_NAME.test(role)) throw new Error(`ipfund.app_role "${role}" is not a plain role name`);
  return role;
}
