import { MigrationInterface, QueryRunner } from 'typeorm';
import { PINNED, appRole } from './wall-helpers';

/**
 * The enterprise library shared as Art 6.3 intends (issue 8, part 5). The library is the fund
 * manager's and every partner bank works from it: a bank lends to an enterprise another bank or the
 * manager added, once it has found it by its public credit code. Those steps cross tenants, so they
 * are SECURITY DEFINER functions returning only what the step needs, for the kinds that take it.
 */

/** Kinds that register loans on, or add IP to, library enterprises (authz/operations.ts). */
const LIBRARY_USERS = `('LENDING_BANK', 'FUND_MANAGER')`;

export class EnterpriseLibrary1764202300000 implements MigrationInterface {
  name = 'EnterpriseLibrary1764202300000';

  async up(q: QueryRunner): Promise<void> {
    const role = await appRole(q);

    // registerLoan: the borrower's blacklist date (R2, Art 21), under a share lock so a blacklisting
    // decided meanwhile either waits for the registration or is seen by it. VOLATILE: it locks.
    await q.query(`
      CREATE FUNCTION ipfund_enterprise_for_lending(p_enterprise_id uuid)
        RETURNS TABLE (id uuid, blacklisted_since date)
        LANGUAGE sql VOLATILE SECURITY DEFINER ${PINNED} AS $$
        SELECT e.id, e.blacklisted_since FROM enterprises e
         WHERE ipfund_kind() IN ${LIBRARY_USERS} AND e.id = p_enterprise_id
         FOR SHARE
      $$`);
    // registerLoan: which of the named IP items belong to the borrower (Art 2, 4: its own IP), and
    // their kind — nothing about items of other enterprises.
    await q.query(`
      CREATE FUNCTION ipfund_enterprise_ip_assets(p_enterprise_id uuid, p_ids uuid[])
        RETURNS TABLE (id uuid, kind text)
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT a.id, a.kind FROM ip_assets a
         WHERE ipfund_kind() IN ${LIBRARY_USERS} AND a.enterprise_id = p_enterprise_id AND a.id = ANY(p_ids)
      $$`);
    for (const fn of ['ipfund_enterprise_for_lending(uuid)', 'ipfund_enterprise_ip_assets(uuid, uuid[])']) {
      await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO "${role}"`);
    }
    // Who acted on a record, by name only: a bank reading a notice or a claim step sees the name of the
    // manager's user who issued it, although RLS keeps other organisations' user rows from it. The
    // view runs as its owner (not security_invoker), and exposes no username and no password hash.
    await q.query(`CREATE VIEW user_names AS SELECT id, display_name FROM users`);
    await q.query(`GRANT SELECT ON user_names TO "${role}"`);

    // A bank records the IP it takes as pledge on any library entry (enterprise.addIpAsset), even one
    // it cannot read yet; it still reads only the IP of enterprises it may see.
    await q.query(`
      CREATE POLICY ip_assets_library_insert ON ip_assets FOR INSERT TO "${role}"
        WITH CHECK (ipfund_kind() IN ${LIBRARY_USERS})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS user_names`);
    await q.query(`DROP POLICY IF EXISTS ip_assets_library_insert ON ip_assets`);
    await q.query(`DROP FUNCTION IF EXISTS ipfund_enterprise_ip_assets(uuid, uuid[])`);
    await q.query(`DROP FUNCTION IF EXISTS ipfund_enterprise_for_lending(uuid)`);
  }
}
