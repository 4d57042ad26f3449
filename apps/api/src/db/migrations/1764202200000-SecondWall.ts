import { MigrationInterface, QueryRunner } from 'typeorm';
import { PINNED, appRole } from './wall-helpers';

/**
 * PostgreSQL as the second wall (issue 8, part 4; ARCHITECTURE.md "The database as the second wall").
 *
 * Requests are served by a role that owns nothing (`ipfund_app` by default): it cannot ALTER,
 * DISABLE TRIGGER or TRUNCATE, has no UPDATE/DELETE on the append-only records, and reads tenant
 * tables only through row-level security keyed on per-transaction settings the app sets from the
 * token's organisation (`app.org_id`, `app.org_kind`, `app.user_id`; db/tenant.ts). Without them a
 * query sees no rows. The tenancy mirrors authz/ability.ts (DOMAIN.md §2). The few lookups that must
 * cross tenants are SECURITY DEFINER functions that return only what they must.
 *
 * The role name comes from config (DB_APP_ROLE) through the session setting `ipfund.app_role` that
 * db/data-source.ts sets on the migration connection (migrations are classes and read no env).
 */

/** Kinds that read the whole programme (DOMAIN.md §2; ability.ts PROGRAMME_WIDE_READERS). */
const PROGRAMME_WIDE = `'IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE','FUND_MANAGER','AUDITOR'`;

/**
 * Grants per table. No DELETE anywhere: no service deletes a row. Append-only records (ledger lines
 * and transactions, the activity log, claim events, status reports, notices, agreement versions)
 * get SELECT and INSERT only. UPDATE also covers SELECT … FOR UPDATE/SHARE, which PostgreSQL
 * allows only with UPDATE privilege. The ledger's balance rows are updated by the posting trigger,
 * which runs as the caller; their guard refuses any UPDATE not made by the ledger's own triggers.
 */
const GRANTS: Readonly<Record<string, string>> = {
  organizations: 'SELECT, INSERT, UPDATE',
  users: 'SELECT, INSERT, UPDATE',
  enterprises: 'SELECT, INSERT, UPDATE',
  ip_assets: 'SELECT, INSERT',
  loans: 'SELECT, INSERT, UPDATE',
  loan_collateral: 'SELECT, INSERT',
  loan_status_reports: 'SELECT, INSERT',
  activity_log: 'SELECT, INSERT',
  cooperation_agreements: 'SELECT, INSERT',
  blacklist_proposals: 'SELECT, INSERT, UPDATE',
  suspension_proposals: 'SELECT, INSERT, UPDATE',
  bank_suspensions: 'SELECT, INSERT, UPDATE',
  risk_notices: 'SELECT, INSERT',
  risk_events: 'SELECT, INSERT, UPDATE',
  ledger_accounts: 'SELECT, UPDATE',
  ledger_account_balances: 'SELECT, UPDATE',
  ledger_templates: 'SELECT',
  ledger_transactions: 'SELECT, INSERT',
  ledger_entries: 'SELECT, INSERT',
  claims: 'SELECT, INSERT, UPDATE',
  claim_events: 'SELECT, INSERT',
  claim_documents: 'SELECT, INSERT',
  fund_state: 'SELECT, UPDATE',
  fund_resumption_votes: 'SELECT, INSERT',
  recoveries: 'SELECT, INSERT, UPDATE',
};

/**
 * Who sees a row of each tenant table, for `ipfund_app` (DOMAIN.md §2, mirror of ability.ts).
 * Children follow their parent with an EXISTS on the parent table, which is itself under RLS.
 * Loans reach enterprises only through a SECURITY DEFINER function, so no policy recurses.
 */
const VISIBLE: Readonly<Record<string, string>> = {
  loans: `ipfund_sees_all()
    OR (ipfund_kind() = 'LENDING_BANK' AND bank_id = ipfund_org_id())
    OR (ipfund_kind() = 'GUARANTOR' AND guarantor_id = ipfund_org_id())
    OR (ipfund_kind() = 'ENTERPRISE' AND enterprise_id = ipfund_own_enterprise_id())`,
  loan_status_reports: `ipfund_sees_all() OR EXISTS (SELECT 1 FROM loans l WHERE l.id = loan_id)`,
  loan_collateral: `ipfund_sees_all() OR EXISTS (SELECT 1 FROM loans l WHERE l.id = loan_id)`,
  // Art 16: early warnings involve the loan's bank and guarantor, not the borrower's login.
  risk_events: `ipfund_sees_all()
    OR (ipfund_kind() IN ('LENDING_BANK','GUARANTOR') AND EXISTS (SELECT 1 FROM loans l WHERE l.id = loan_id))`,
  // Art 14, 17: the bank that filed it and the guarantor of its loan.
  claims: `ipfund_sees_all()
    OR (ipfund_kind() = 'LENDING_BANK' AND bank_id = ipfund_org_id())
    OR (ipfund_kind() = 'GUARANTOR' AND guarantor_id = ipfund_org_id())`,
  claim_events: `ipfund_sees_all() OR EXISTS (SELECT 1 FROM claims c WHERE c.id = claim_id)`,
  claim_documents: `ipfund_sees_all() OR EXISTS (SELECT 1 FROM claims c WHERE c.id = claim_id)`,
  recoveries: `ipfund_sees_all() OR EXISTS (SELECT 1 FROM claims c WHERE c.id = claim_id)`,
  // On the row's own columns: a WITH CHECK on a new row cannot look the row up by id.
  enterprises: `ipfund_sees_all() OR ipfund_enterprise_row_visible(id, organization_id, created_by_org_id)`,
  ip_assets: `ipfund_sees_all() OR EXISTS (SELECT 1 FROM enterprises e WHERE e.id = enterprise_id)`,
  // Art 12: notices addressed to the bank; Art 8: its own agreement versions.
  risk_notices: `ipfund_sees_all() OR (ipfund_kind() = 'LENDING_BANK' AND bank_id = ipfund_org_id())`,
  cooperation_agreements: `ipfund_sees_all() OR (ipfund_kind() = 'LENDING_BANK' AND bank_id = ipfund_org_id())`,
  // Users of one's own organisation; the offices and the manager administer partners' users (Art 8).
  users: `(ipfund_kind() IS NOT NULL AND organization_id = ipfund_org_id())
    OR ipfund_kind() IN ('IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE','FUND_MANAGER')`,
};

/** Functions the serving role may call (policy helpers and the cross-tenant lookups). */
const APP_FUNCTIONS = [
  'ipfund_org_id()',
  'ipfund_user_id()',
  'ipfund_kind()',
  'ipfund_sees_all()',
  'ipfund_may_write()',
  'ipfund_own_enterprise_id()',
  'ipfund_enterprise_row_visible(uuid, uuid, uuid)',
  'ipfund_enterprise_visible(uuid)',
  'ipfund_login(text)',
  'ipfund_actor(uuid)',
  'ipfund_enterprise_by_credit_code(text)',
  'ipfund_enterprise_year_compensated(uuid, integer, uuid)',
  'ipfund_ip_asset_by_registration(text, text)',
];

export class SecondWall1764202200000 implements MigrationInterface {
  name = 'SecondWall1764202200000';

  async up(q: QueryRunner): Promise<void> {
    const role = await appRole(q);
    const r = `"${role}"`;

    // ---- the role: NOLOGIN here (a production LOGIN of the same name may already exist, see docker/) ----
    // Roles are cluster-wide and test suites migrate databases concurrently: the loser of the race
    // gets duplicate_object (or unique_violation on pg_authid) and carries on with the winner's role.
    await q.query(`
      DO $$ BEGIN
        CREATE ROLE ${r} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // A pre-existing role must not be able to jump the wall.
    const [flags] = (await q.query(
      `SELECT rolsuper OR rolbypassrls OR rolcreaterole OR rolreplication AS strong FROM pg_roles WHERE rolname = $1`,
      [role],
    )) as { strong: boolean }[];
    if (!flags || flags.strong) {
      throw new Error(`Role ${role} must exist without SUPERUSER, BYPASSRLS, CREATEROLE or REPLICATION`);
    }
    // The owner login serves requests by SET ROLE when it is not a superuser (a superuser may anyway).
    await q.query(`
      DO $$ BEGIN
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
           AND NOT pg_has_role(current_user, '${role}', 'MEMBER') THEN
          GRANT ${r} TO CURRENT_USER;
        END IF;
      END $$`);

    // ---- what PUBLIC has by default and nobody here needs ----
    await q.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    // A temporary table could otherwise shadow a real one inside unpinned functions (see below).
    await q.query(`DO $$ BEGIN
      EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    END $$`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC`);
    await q.query(`REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC`);

    // ---- the guards run with a pinned search path ----
    // A session's temporary schema is searched FIRST for tables unless it is listed explicitly, so
    // `pg_temp` goes last: a TEMP table named ledger_entries can no longer feed the balance check.
    // The guards run as the caller, and a trigger calling a function (ledger_check_transaction) needs
    // EXECUTE on it: the serving role gets EXECUTE on each of them (trigger functions cannot be
    // called directly, and the check only raises).
    await q.query(`
      DO $$ DECLARE f regprocedure;
      BEGIN
        FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
                  WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'
                    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        LOOP
          EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
          EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, '${role}');
        END LOOP;
      END $$`);

    // ---- tenant settings (set per transaction by db/tenant.ts) ----
    // Plain SQL, not definer, no SET clause: the planner inlines them into the policies. They call
    // only pg_catalog, which is always searched first, and the serving role can create nothing.
    const uuidOf = (setting: string) => `
      SELECT CASE WHEN pg_catalog.current_setting('${setting}', true)
                       ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
                  THEN pg_catalog.current_setting('${setting}', true)::uuid END`;
    await q.query(
      `CREATE FUNCTION ipfund_org_id() RETURNS uuid LANGUAGE sql STABLE AS $$${uuidOf('app.org_id')}$$`,
    );
    await q.query(
      `CREATE FUNCTION ipfund_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$${uuidOf('app.user_id')}$$`,
    );
    // The kind counts only with an organisation and a user: a missing setting means no tenant.
    await q.query(`
      CREATE FUNCTION ipfund_kind() RETURNS text LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN public.ipfund_org_id() IS NOT NULL AND public.ipfund_user_id() IS NOT NULL
                     AND pg_catalog.current_setting('app.org_kind', true) IN ('IP_BUREAU','FINANCE_BUREAU',
                       'FINANCIAL_OFFICE','FUND_MANAGER','AUDITOR','LENDING_BANK','GUARANTOR','ENTERPRISE')
                    THEN pg_catalog.current_setting('app.org_kind', true) END
      $$`);
    await q.query(`
      CREATE FUNCTION ipfund_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT COALESCE(public.ipfund_kind() IN (${PROGRAMME_WIDE}), false)
      $$`);
    // Art 20: the auditor reads the programme and writes nothing.
    await q.query(`
      CREATE FUNCTION ipfund_may_write() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT COALESCE(public.ipfund_kind() <> 'AUDITOR', false)
      $$`);

    // ---- membership tests that read across RLS (definer: they would recurse as policies) ----
    await q.query(`
      CREATE FUNCTION ipfund_own_enterprise_id() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT e.id FROM enterprises e
         WHERE ipfund_kind() = 'ENTERPRISE' AND e.organization_id = ipfund_org_id()
      $$`);
    // Art 6.3 and DOMAIN.md §2: a bank sees the enterprises it lends to or added to the library, a
    // guarantor those on the loans it guarantees, an enterprise login its own row. Written on the
    // row's columns so the policy can check a row being inserted; it reads loans across RLS.
    await q.query(`
      CREATE FUNCTION ipfund_enterprise_row_visible(p_id uuid, p_organization_id uuid, p_created_by_org_id uuid)
        RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT ipfund_sees_all()
            OR (ipfund_kind() = 'ENTERPRISE' AND p_organization_id = ipfund_org_id())
            OR (ipfund_kind() = 'LENDING_BANK' AND (p_created_by_org_id = ipfund_org_id()
                  OR EXISTS (SELECT 1 FROM loans l WHERE l.enterprise_id = p_id AND l.bank_id = ipfund_org_id())))
            OR (ipfund_kind() = 'GUARANTOR'
                  AND EXISTS (SELECT 1 FROM loans l WHERE l.enterprise_id = p_id AND l.guarantor_id = ipfund_org_id()))
      $$`);
    // The same rule for an existing enterprise by id (NULL → false).
    await q.query(`
      CREATE FUNCTION ipfund_enterprise_visible(p_enterprise_id uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT COALESCE((SELECT ipfund_enterprise_row_visible(e.id, e.organization_id, e.created_by_org_id)
                           FROM enterprises e WHERE e.id = p_enterprise_id), false)
      $$`);

    // ---- lookups that must cross tenants, each returning only what it must ----
    // Login by username, before any tenant is known (auth/auth.service.ts).
    await q.query(`
      CREATE FUNCTION ipfund_login(p_username text)
        RETURNS TABLE (user_id uuid, username text, display_name text, password_hash text, active boolean,
                       org_id uuid, org_kind text, org_name text, org_status text)
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT u.id, u.username, u.display_name, u.password_hash, u.active, o.id, o.kind, o.name, o.status
          FROM users u JOIN organizations o ON o.id = u.organization_id
         WHERE u.username = p_username
      $$`);
    // The per-request re-read of the token's user and organisation (Art 25: a disqualified partner
    // loses access at once). No password hash.
    await q.query(`
      CREATE FUNCTION ipfund_actor(p_user_id uuid)
        RETURNS TABLE (user_id uuid, username text, display_name text, active boolean,
                       org_id uuid, org_kind text, org_name text, org_status text)
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT u.id, u.username, u.display_name, u.active, o.id, o.kind, o.name, o.status
          FROM users u JOIN organizations o ON o.id = u.organization_id
         WHERE u.id = p_user_id
      $$`);
    // Art 6.3: a partner finds a library enterprise by its exact (public) credit code: id and name only.
    await q.query(`
      CREATE FUNCTION ipfund_enterprise_by_credit_code(p_credit_code text)
        RETURNS TABLE (id uuid, name text)
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT e.id, e.name FROM enterprises e
         WHERE ipfund_kind() IS NOT NULL AND e.credit_code = p_credit_code
      $$`);
    // Art 11, R5.6: Σ F finally approved for an enterprise in a calendar year, over every bank's
    // claims — one figure, for an enterprise the caller may see (NULL otherwise).
    await q.query(`
      CREATE FUNCTION ipfund_enterprise_year_compensated(p_enterprise_id uuid, p_year integer, p_exclude_claim_id uuid)
        RETURNS numeric LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT CASE WHEN ipfund_enterprise_visible(p_enterprise_id) THEN (
          SELECT COALESCE(sum(c.final_fund_share), 0)::numeric(18,2) FROM claims c
           WHERE c.enterprise_id = p_enterprise_id
             AND c.approved_on >= make_date(p_year, 1, 1) AND c.approved_on < make_date(p_year + 1, 1, 1)
             AND c.status IN ('APPROVED', 'PAID')
             AND (p_exclude_claim_id IS NULL OR c.id <> p_exclude_claim_id)) END
      $$`);
    // Registration numbers are unique per kind across the library: the existing asset's id and
    // enterprise, so adding a known patent answers with it instead of a conflict (issue 8, part 5).
    await q.query(`
      CREATE FUNCTION ipfund_ip_asset_by_registration(p_kind text, p_registration_no text)
        RETURNS TABLE (id uuid, enterprise_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT a.id, a.enterprise_id FROM ip_assets a
         WHERE ipfund_kind() IS NOT NULL AND a.kind = p_kind AND a.registration_no = p_registration_no
      $$`);

    // ---- grants ----
    await q.query(`GRANT USAGE ON SCHEMA public TO ${r}`);
    for (const [table, privileges] of Object.entries(GRANTS)) {
      await q.query(`GRANT ${privileges} ON ${table} TO ${r}`);
    }
    await q.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
    for (const fn of APP_FUNCTIONS) {
      await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${r}`);
    }

    // ---- row-level security: ENABLE and FORCE, so the owner is subject too ----
    for (const [table, visible] of Object.entries(VISIBLE)) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      // Migrations, the demo seed, operator commands and tests' raw SQL run as the owner.
      await q.query(
        `CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`,
      );
      // A tenant writes only rows it may see; the auditor writes nothing.
      await q.query(`
        CREATE POLICY ${table}_tenant ON ${table} TO ${r}
          USING (${visible})
          WITH CHECK (ipfund_may_write() AND (${visible}))`);
    }

    // ---- session_replication_role disables every trigger: it must stay superuser-only ----
    // (per-parameter grants exist from PostgreSQL 15; before that only a superuser may set it)
    const [{ version }] = (await q.query(`SELECT current_setting('server_version_num')::int AS version`)) as {
      version: number;
    }[];
    if (version >= 150000) {
      const [{ canSet }] = (await q.query(
        `SELECT has_parameter_privilege($1, 'session_replication_role', 'SET') AS "canSet"`,
        [role],
      )) as { canSet: boolean }[];
      if (canSet) throw new Error(`${role} may SET session_replication_role: revoke it before serving`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const role = await appRole(q);
    const r = `"${role}"`;
    for (const table of Object.keys(VISIBLE)) {
      await q.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await q.query(`DROP POLICY ${table}_owner ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${r}`);
    // Reverse dependency order: the definer lookups and policies use the helpers.
    for (const fn of [...APP_FUNCTIONS].reverse()) await q.query(`DROP FUNCTION ${fn}`);
    await q.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO PUBLIC`);
    await q.query(`DO $$ BEGIN
      EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO PUBLIC', current_database());
    END $$`);
    // The role is cluster-wide (other databases may use it) and stays; the pinned search paths stay
    // too: they only make the guards stricter.
  }
}
