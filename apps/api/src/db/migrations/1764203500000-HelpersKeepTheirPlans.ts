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
 * - The SECURITY DEFINER helpers (they must read across row-level security, so they cannot be
 *   inlined) move to PL/pgSQL, which plans each query once per session: the enterprise-year cap's
 *   `ipfund_enterprise_year_compensated` (three nested SQL functions, 1.15 ms per call → 0.07 ms), the
 *   auditor's engagement test and the enterprise login's own enterprise, both read once per
 *   statement by the policies, and the activity record's hash, computed at every commit.
 *
 * Each body is the SQL function's query unchanged: the PL/pgSQL function returns it as a scalar
 * subquery, which answers NULL for no row as the SQL function did (every one returns at most one
 * row: a single expression, or a lookup by a unique key). Owners, grants, volatility, parallel
 * safety and pinned search paths are kept (CREATE OR REPLACE keeps owner and grants).
 */
interface Helper {
  signature: string;
  returns: string;
  attributes: string;
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
];

/** Kinds that see the whole programme (SecondWall, FundGovernance, AuditAndEvaluation). */
const OPERATORS = `'IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE','FUND_MANAGER'`;

export class HelpersKeepTheirPlans1764203500000 implements MigrationInterface {
  name = 'HelpersKeepTheirPlans1764203500000';

  async up(q: QueryRunner): Promise<void> {
    // Art 20: an auditor sees the programme only inside an active engagement. No sub-select, no
    // SET, not a definer: the planner inlines it into each policy's init plan.
    await q.query(`
      CREATE OR REPLACE FUNCTION ipfund_sees_all() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT COALESCE(public.ipfund_kind() IN (${OPERATORS}), false)
            OR COALESCE(public.ipfund_kind() = 'AUDITOR' AND public.ipfund_audit_engaged(), false)
      $$`);
    for (const h of HELPERS)
      await q.query(`CREATE OR REPLACE FUNCTION ${h.signature} RETURNS ${h.returns}
        LANGUAGE plpgsql ${h.attributes} AS $f$ BEGIN RETURN (${h.body}); END $f$`);
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
