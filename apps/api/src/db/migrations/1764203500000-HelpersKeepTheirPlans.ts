import { MigrationInterface, QueryRunner } from 'typeorm';
import { PINNED } from './wall-helpers';

/**
 * Issue 10: the row-level security helpers stop being parsed and planned on every call.
 *
 * PostgreSQL (before 18) keeps no plan for a LANGUAGE sql function it cannot inline: each statement
 * that calls one parses, analyses and plans its body again. It cannot inline a function that is
 * SECURITY DEFINER, carries a SET clause, or whose body has a sub-select. Profiled under the claim
 * lifecycle bench (perf, PostgreSQL's own symbols), `fmgr_sql` was a quarter of the database's CPU,
 * nearly all of it in these helpers:
 *
 * - `ipfund_sees_all()` sits in every tenant policy, so every statement on a tenant table called it
 *   (an init plan, ReadIndexes), about twenty times per write. Its auditor test was a sub-select
 *   (AuditAndEvaluation), which made the whole function opaque: 0.09 ms per call over `SELECT 1` in
 *   pgbench, against 0.007 ms for the inlined `ipfund_kind()`. The same test written as a plain AND
 *   is inlined again; the AND still stops at `ipfund_kind() = 'AUDITOR'`, so only an auditor's
 *   statement reads the engagements.
 * - Every other SQL function that cannot be inlined (SECURITY DEFINER, or a pinned search path)
 *   moves to PL/pgSQL, which plans each query once per session: the enterprise-year cap's
 *   `ipfund_enterprise_year_compensated` (three nested SQL functions, 1.15 ms per call → 0.1 ms), the
 *   auditor's engagement and the enterprise login's own enterprise (read once per statement by the
 *   policies), the activity record's hash (every commit), the lookups of loan registration (two or
 *   three per row of a loan tape), the login and its throttle, and the mailer's outbox.
 *
 * Each body is the SQL function's query unchanged. A function of one value returns it as a scalar
 * subquery, which answers NULL for no row as the SQL function did (every one returns at most one
 * row: a single expression, or a lookup by a unique key); a function of rows returns the query's
 * rows. Owners, grants, volatility, parallel safety and pinned search paths are kept (CREATE OR
 * REPLACE keeps owner and grants). second-wall.test.ts checks that no LANGUAGE sql function is left
 * that PostgreSQL cannot inline.
 */
interface Helper {
  signature: string;
  returns: string;
  attributes: string;
  /**
   * What the function answers: one value (`RETURN (query)`), rows (`RETURN QUERY query`) or nothing
   * (the statements run in order). Default one value.
   */
  shape?: 'value' | 'rows' | 'void';
  /** The function's query, the same text for the SQL function (down) and the PL/pgSQL one (up). */
  body: string;
}

const DEFINER = `STABLE SECURITY DEFINER ${PINNED}`;

const HELPERS: readonly Helper[] = [
  {
    signature: 'ipfund_audit_engaged()',
    returns: 'boolean',
    attributes: `STABLE PARALLEL SAFE SECURITY DEFINER ${PINNED}`,
    body: `SELECT COALESCE(ipfund_kind() = 'AUDITOR' AND EXISTS (
          SELECT 1 FROM audit_engagements e
           WHERE e.auditor_org_id = ipfund_org_id() AND e.status = 'ACTIVE'
             AND e.starts_on <= d.day AND d.day <= e.ends_on), false)
          FROM (SELECT CASE WHEN current_setting('app.business_date', true) ~ '^\\d{4}-\\d{2}-\\d{2}$'
                            THEN current_setting('app.business_date', true)::date END AS day) d`,
  },
  {
    signature: 'ipfund_own_enterprise_id()',
    returns: 'uuid',
    attributes: `STABLE PARALLEL SAFE SECURITY DEFINER ${PINNED}`,
    body: `SELECT e.id FROM enterprises e
         WHERE ipfund_kind() = 'ENTERPRISE' AND e.organization_id = ipfund_org_id()`,
  },
  {
    signature: 'ipfund_enterprise_row_visible(p_id uuid, p_organization_id uuid, p_created_by_org_id uuid)',
    returns: 'boolean',
    attributes: DEFINER,
    body: `SELECT ipfund_sees_all()
            OR (ipfund_kind() = 'ENTERPRISE' AND p_organization_id = ipfund_org_id())
            OR (ipfund_kind() = 'LENDING_BANK' AND (p_created_by_org_id = ipfund_org_id()
                  OR EXISTS (SELECT 1 FROM loans l WHERE l.enterprise_id = p_id AND l.bank_id = ipfund_org_id())))
            OR (ipfund_kind() = 'GUARANTOR'
                  AND EXISTS (SELECT 1 FROM loans l WHERE l.enterprise_id = p_id AND l.guarantor_id = ipfund_org_id()))`,
  },
  {
    signature: 'ipfund_enterprise_visible(p_enterprise_id uuid)',
    returns: 'boolean',
    attributes: DEFINER,
    body: `SELECT COALESCE((SELECT ipfund_enterprise_row_visible(e.id, e.organization_id, e.created_by_org_id)
                           FROM enterprises e WHERE e.id = p_enterprise_id), false)`,
  },
  {
    signature:
      'ipfund_enterprise_year_compensated(p_enterprise_id uuid, p_year integer, p_exclude_claim_id uuid)',
    returns: 'numeric',
    attributes: DEFINER,
    body: `SELECT CASE WHEN ipfund_enterprise_visible(p_enterprise_id) THEN (
          SELECT COALESCE(sum(c.final_fund_share), 0)::numeric(18,2) FROM claims c
           WHERE c.enterprise_id = p_enterprise_id
             AND c.approved_on >= make_date(p_year, 1, 1) AND c.approved_on < make_date(p_year + 1, 1, 1)
             AND c.status IN ('APPROVED', 'PAID')
             AND (p_exclude_claim_id IS NULL OR c.id <> p_exclude_claim_id)) END`,
  },
  {
    signature: `activity_row_hash(
        p_id bigint, p_occurred_at timestamptz, p_business_date date, p_user_id uuid, p_organization_id uuid,
        p_org_kind text, p_operation text, p_target_type text, p_target_id text, p_outcome text,
        p_article text, p_detail jsonb, p_prev_hash text)`,
    returns: 'text',
    attributes: `STABLE ${PINNED}`,
    body: `SELECT encode(sha256(convert_to(jsonb_build_array(
          p_id::text,
          to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          to_char(p_business_date, 'YYYY-MM-DD'),
          p_user_id::text, p_organization_id::text, p_org_kind, p_operation, p_target_type, p_target_id,
          p_outcome, p_article, p_detail, p_prev_hash)::text, 'UTF8')), 'hex')`,
  },
  // The lookups of loan registration and the loan tape (each tape row calls two or three).
  {
    signature: 'ipfund_enterprise_by_credit_code(p_credit_code text)',
    returns: 'TABLE(id uuid, name text)',
    attributes: DEFINER,
    shape: 'rows',
    body: `SELECT e.id, e.name FROM enterprises e
         WHERE ipfund_kind() IS NOT NULL AND e.credit_code = p_credit_code`,
  },
  {
    signature: 'ipfund_ip_asset_by_registration(p_kind text, p_registration_no text)',
    returns: 'TABLE(id uuid, enterprise_id uuid)',
    attributes: DEFINER,
    shape: 'rows',
    body: `SELECT a.id, a.enterprise_id FROM ip_assets a
         WHERE ipfund_kind() IS NOT NULL AND a.kind = p_kind AND a.registration_no = p_registration_no`,
  },
  {
    signature: 'ipfund_enterprise_blacklisted_since(p_enterprise_id uuid)',
    returns: 'TABLE(id uuid, blacklisted_since date)',
    attributes: DEFINER,
    shape: 'rows',
    body: `SELECT e.id, e.blacklisted_since FROM enterprises e
         WHERE ipfund_kind() IN ('LENDING_BANK', 'FUND_MANAGER') AND e.id = p_enterprise_id`,
  },
  {
    signature: 'ipfund_enterprise_for_lending(p_enterprise_id uuid)',
    returns: 'TABLE(id uuid, blacklisted_since date)',
    attributes: `VOLATILE SECURITY DEFINER ${PINNED}`,
    shape: 'rows',
    body: `SELECT e.id, e.blacklisted_since FROM enterprises e
         WHERE ipfund_kind() IN ('LENDING_BANK', 'FUND_MANAGER') AND e.id = p_enterprise_id
         FOR SHARE`,
  },
  {
    signature: 'ipfund_enterprise_ip_assets(p_enterprise_id uuid, p_ids uuid[])',
    returns: 'TABLE(id uuid, kind text)',
    attributes: DEFINER,
    shape: 'rows',
    body: `SELECT a.id, a.kind FROM ip_assets a
         WHERE ipfund_kind() IN ('LENDING_BANK', 'FUND_MANAGER') AND a.enterprise_id = p_enterprise_id AND a.id = ANY(p_ids)`,
  },
  // The login and its throttle.
  {
    signature: 'ipfund_login(p_username text)',
    returns: `TABLE(user_id uuid, username text, display_name text, password_hash text, active boolean, org_id uuid,
                    org_kind text, org_name text, org_status text, password_changed_at timestamptz)`,
    attributes: DEFINER,
    shape: 'rows',
    body: `SELECT u.id, u.username, u.display_name, u.password_hash, u.active, o.id, o.kind, o.name, o.status,
               u.password_changed_at
          FROM users u JOIN organizations o ON o.id = u.organization_id
         WHERE u.username = p_username`,
  },
  {
    signature: `ipfund_login_attempt(p_username text, p_address text, p_user_free integer, p_user_lock integer,
                                     p_addr_free integer, p_addr_lock integer, p_window integer)`,
    returns: 'integer',
    attributes: `VOLATILE SECURITY DEFINER ${PINNED}`,
    body: `SELECT greatest(
          ipfund_login_throttle_hit('user:' || p_username, p_user_free, p_user_lock, p_window),
          CASE WHEN p_address IS NULL THEN 0
               ELSE ipfund_login_throttle_hit('addr:' || p_address, p_addr_free, p_addr_lock, p_window) END)`,
  },
  {
    signature: 'ipfund_login_succeeded(p_username text, p_address text)',
    returns: 'void',
    attributes: `VOLATILE SECURITY DEFINER ${PINNED}`,
    shape: 'void',
    body: `UPDATE login_throttle SET failures = 0, blocked_until = NULL, window_start = clock_timestamp()
         WHERE key = 'user:' || p_username;
        UPDATE login_throttle SET failures = greatest(failures - 1, 0)
         WHERE p_address IS NOT NULL AND key = 'addr:' || p_address`,
  },
  {
    signature: 'ipfund_login_lockouts()',
    returns: 'TABLE(key text, failures integer, blocked_until timestamptz, last_attempt_at timestamptz)',
    attributes: DEFINER,
    shape: 'rows',
    body: `SELECT t.key, t.failures, t.blocked_until, t.last_attempt_at FROM login_throttle t
         WHERE ipfund_kind() IN ('IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER') AND t.blocked_until > clock_timestamp()
         ORDER BY t.blocked_until DESC, t.key
         LIMIT 500`,
  },
  // The mailer's outbox.
  {
    signature: 'ipfund_outbox_take(p_limit integer)',
    returns: 'TABLE(id uuid, to_address text, subject text, body text, attempts integer)',
    attributes: `VOLATILE SECURITY DEFINER ${PINNED}`,
    shape: 'rows',
    body: `UPDATE notification_outbox o SET status = 'SENDING', attempts = o.attempts + 1,
               next_attempt_at = clock_timestamp() + interval '10 minutes'
          FROM (SELECT d.id FROM notification_outbox d
                 WHERE d.status IN ('PENDING', 'SENDING') AND d.next_attempt_at <= clock_timestamp()
                 ORDER BY d.next_attempt_at, d.seq
                 LIMIT least(greatest(p_limit, 1), 100)
                 FOR UPDATE SKIP LOCKED) due
         WHERE o.id = due.id
        RETURNING o.id, o.to_address, o.subject, o.body, o.attempts`,
  },
  {
    signature: 'ipfund_outbox_done(p_id uuid, p_status text, p_error text, p_next_attempt_at timestamptz)',
    returns: 'void',
    attributes: `VOLATILE SECURITY DEFINER ${PINNED}`,
    shape: 'void',
    body: `UPDATE notification_outbox
           SET status = p_status,
               last_error = left(p_error, 1000),
               next_attempt_at = COALESCE(p_next_attempt_at, next_attempt_at),
               delivered_at = CASE WHEN p_status IN ('DELIVERED', 'LOGGED') THEN clock_timestamp() END
         WHERE id = p_id AND status = 'SENDING' AND p_status IN ('DELIVERED', 'LOGGED', 'PENDING', 'FAILED')`,
  },
];

/**
 * The PL/pgSQL body. A column named like one of the function's output columns (`id`, `key`, …) is
 * the column, as it was in SQL.
 */
function plpgsql(h: Helper): string {
  const run =
    h.shape === 'rows'
      ? `RETURN QUERY ${h.body};`
      : h.shape === 'void'
        ? `${h.body};`
        : `RETURN (${h.body});`;
  return `#variable_conflict use_column
    BEGIN ${run} END`;
}

/** Kinds that see the whole programme (SecondWall, FundGovernance, AuditAndEvaluation). */
const OPERATORS = `'IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE','FUND_MANAGER'`;

export class HelpersKeepTheirPlans1764203500000 implements MigrationInterface {
  name = 'HelpersKeepTheirPlans1764203500000';

  async up(q: QueryRunner): Promise<void> {
    // The auditor's window (AuditAndEvaluation): the programme only inside an active engagement.
    // No sub-select, no SET, not a definer: the planner inlines it into each policy's init plan.
    await q.query(`
      CREATE OR REPLACE FUNCTION ipfund_sees_all() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT COALESCE(public.ipfund_kind() IN (${OPERATORS}), false)
            OR COALESCE(public.ipfund_kind() = 'AUDITOR' AND public.ipfund_audit_engaged(), false)
      $$`);
    for (const h of HELPERS)
      await q.query(`CREATE OR REPLACE FUNCTION ${h.signature} RETURNS ${h.returns}
        LANGUAGE plpgsql ${h.attributes} AS $f$ ${plpgsql(h)} $f$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const h of HELPERS)
      await q.query(`CREATE OR REPLACE FUNCTION ${h.signature} RETURNS ${h.returns}
        LANGUAGE sql ${h.attributes} AS $f$ ${h.body} $f$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION ipfund_sees_all() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT COALESCE(public.ipfund_kind() IN (${OPERATORS}), false)
            OR COALESCE(public.ipfund_kind() = 'AUDITOR' AND (SELECT public.ipfund_audit_engaged()), false)
      $$`);
  }
}
