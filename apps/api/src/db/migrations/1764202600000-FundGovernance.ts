import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './wall-helpers';

/**
 * The fund's governance around the claim pipeline (issue 12):
 *
 * - Suspension episodes (Art 19). A suspension is a record with its own id; the consents to resume
 *   are keyed by that id, not by the suspension's date — two trips on one business date are two
 *   episodes, each resumed by its own four consents.
 * - Remittances declared by the bank and confirmed by the fund manager against the bank statement
 *   (Art 18; Art 6.2 the manager keeps the accounts): only the confirmation posts to the ledger.
 * - Capital contributions by the finance bureau (Art 3, 5), the manager's annual work plan approved by
 *   the three offices (Art 6.5), and the offices' joint decision to terminate the fund (Art 24).
 *
 * Every new table: grants to the serving role (append-only records SELECT, INSERT only), ENABLE and
 * FORCE row-level security with an owner policy and a tenant policy (docs/database-wall.md).
 */

/** Kinds that read the whole programme (as in SecondWall). */
const PROGRAMME_WIDE = `ipfund_sees_all()`;
const OFFICES = `ipfund_kind() IN ('IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE')`;

/** table → [grants, who sees a row, who may write one (besides seeing it)] */
const WALL: readonly (readonly [table: string, grants: string, visible: string, writer: string])[] = [
  // Public like fund_state's `suspended` (every logged-in tenant sees whether the fund is suspended);
  // written by the final approval that trips the breaker (an office) and the last consent to resume.
  [
    'fund_suspensions',
    'SELECT, INSERT, UPDATE',
    `ipfund_kind() IS NOT NULL`,
    `ipfund_kind() IN ('IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE','FUND_MANAGER')`,
  ],
  // The fund's capital is the programme's (ledger readers); the finance bureau records it (Art 5).
  ['capital_contributions', 'SELECT, INSERT', PROGRAMME_WIDE, `ipfund_kind() = 'FINANCE_BUREAU'`],
  // The plan is the manager's (Art 6.5), approved or returned by the offices.
  [
    'annual_work_plans',
    'SELECT, INSERT, UPDATE',
    PROGRAMME_WIDE,
    `(${OFFICES} OR ipfund_kind() = 'FUND_MANAGER')`,
  ],
  ['annual_work_plan_decisions', 'SELECT, INSERT', PROGRAMME_WIDE, OFFICES],
  // Termination decides coverage (Art 24): every tenant reads it (a bank registering a loan is told
  // its loan is not covered); the offices decide it and the manager records the balance's return.
  [
    'fund_terminations',
    'SELECT, INSERT, UPDATE',
    `ipfund_kind() IS NOT NULL`,
    `(${OFFICES} OR ipfund_kind() = 'FUND_MANAGER')`,
  ],
  ['fund_termination_consents', 'SELECT, INSERT', PROGRAMME_WIDE, OFFICES],
];

const APPEND_ONLY = ['capital_contributions', 'annual_work_plan_decisions', 'fund_termination_consents'];

export class FundGovernance1764202600000 implements MigrationInterface {
  name = 'FundGovernance1764202600000';

  async up(q: QueryRunner): Promise<void> {
    const role = await appRole(q);
    const r = `"${role}"`;

    // ---- suspension episodes (Art 19) ----
    await q.query(`
      CREATE TABLE fund_suspensions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        suspended_on date NOT NULL,
        -- the final approval that crossed the threshold; NULL for episodes before this table existed
        tripped_by_claim_id uuid REFERENCES claims(id),
        cumulative_at_trip numeric(18,2),
        resumed_on date,
        resumed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((resumed_on IS NULL) = (resumed_at IS NULL))
      )`);
    // At most one suspension is open at a time.
    await q.query(
      `CREATE UNIQUE INDEX fund_suspensions_one_open ON fund_suspensions ((true)) WHERE resumed_on IS NULL`,
    );
    await q.query(`ALTER TABLE fund_state ADD COLUMN suspension_id bigint REFERENCES fund_suspensions(id)`);
    await q.query(
      `ALTER TABLE fund_resumption_votes ADD COLUMN suspension_id bigint REFERENCES fund_suspensions(id)`,
    );
    // The open suspension, if any, becomes an episode; its consents (keyed by its date) follow it.
    await q.query(`
      WITH open AS (
        INSERT INTO fund_suspensions (suspended_on, tripped_by_claim_id, cumulative_at_trip)
        SELECT suspended_since, suspended_by_claim_id, cumulative_compensation FROM fund_state
         WHERE id = 1 AND suspended
        RETURNING id, suspended_on)
      UPDATE fund_state SET suspension_id = open.id FROM open WHERE fund_state.id = 1`);
    await q.query(`
      UPDATE fund_resumption_votes v SET suspension_id = s.suspension_id
        FROM fund_state s WHERE s.id = 1 AND s.suspended AND v.suspended_since = s.suspended_since`);
    // Earlier, resumed episodes: one per suspension date their consents name (the old key).
    await q.query(`
      INSERT INTO fund_suspensions (suspended_on, resumed_on, resumed_at)
      SELECT suspended_since, max(business_date), max(occurred_at)
        FROM fund_resumption_votes WHERE suspension_id IS NULL GROUP BY suspended_since`);
    await q.query(`
      UPDATE fund_resumption_votes v SET suspension_id = s.id
        FROM fund_suspensions s
       WHERE v.suspension_id IS NULL AND s.resumed_on IS NOT NULL AND s.suspended_on = v.suspended_since`);
    await q.query(`ALTER TABLE fund_resumption_votes ALTER COLUMN suspension_id SET NOT NULL`);
    await q.query(`
      DO $$ DECLARE c text;
      BEGIN
        SELECT conname INTO c FROM pg_constraint
         WHERE conrelid = 'fund_resumption_votes'::regclass AND contype = 'u';
        IF c IS NOT NULL THEN EXECUTE format('ALTER TABLE fund_resumption_votes DROP CONSTRAINT %I', c); END IF;
      END $$`);
    await q.query(
      `ALTER TABLE fund_resumption_votes ADD CONSTRAINT fund_resumption_votes_one_per_kind UNIQUE (suspension_id, org_kind)`,
    );
    await q.query(
      `ALTER TABLE fund_state ADD CONSTRAINT fund_state_suspension_recorded CHECK (suspended = (suspension_id IS NOT NULL))`,
    );

    // ---- remittances: declared by the bank, confirmed by the manager (Art 18) ----
    await q.query(`
      ALTER TABLE recoveries
        ADD COLUMN remittance_status text NOT NULL DEFAULT 'DUE'
          CHECK (remittance_status IN ('NONE_OWED','DUE','DECLARED','REJECTED','CONFIRMED')),
        ADD COLUMN declared_remitted_on date,
        ADD COLUMN declared_reference text CONSTRAINT recoveries_declared_reference_length CHECK (char_length(declared_reference) <= 100),
        ADD COLUMN declared_by uuid REFERENCES users(id),
        ADD COLUMN declared_on date,
        ADD COLUMN declaration_key text CONSTRAINT recoveries_declaration_key_length CHECK (char_length(declaration_key) <= 128),
        ADD COLUMN rejection_reason text CONSTRAINT recoveries_rejection_reason_length CHECK (char_length(rejection_reason) <= 2000),
        ADD COLUMN rejected_by uuid REFERENCES users(id),
        ADD COLUMN rejected_on date,
        ADD COLUMN bank_statement_ref text CONSTRAINT recoveries_bank_statement_ref_length CHECK (char_length(bank_statement_ref) <= 100),
        ADD COLUMN confirmed_by uuid REFERENCES users(id),
        ADD COLUMN confirmed_on date`);
    // Remittances recorded before this migration were posted on the bank's word; they stay posted.
    await q.query(`
      UPDATE recoveries SET remittance_status = CASE
        WHEN remitted_on IS NOT NULL THEN 'CONFIRMED'
        WHEN amount_owed = 0 THEN 'NONE_OWED'
        ELSE 'DUE' END`);
    await q.query(`
      ALTER TABLE recoveries
        ADD CONSTRAINT recoveries_confirmed_is_remitted CHECK ((remittance_status = 'CONFIRMED') = (remitted_on IS NOT NULL)),
        ADD CONSTRAINT recoveries_declared_has_date CHECK (remittance_status <> 'DECLARED' OR (declared_remitted_on IS NOT NULL AND declared_by IS NOT NULL)),
        ADD CONSTRAINT recoveries_rejected_has_reason CHECK (remittance_status <> 'REJECTED' OR rejection_reason IS NOT NULL)`);
    await q.query(
      `CREATE INDEX recoveries_declared_idx ON recoveries (declared_on) WHERE remittance_status = 'DECLARED'`,
    );

    // ---- capital contributions (Art 3, 5) ----
    await q.query(`
      CREATE TABLE capital_contributions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        contributed_on date NOT NULL,
        document_ref text NOT NULL CONSTRAINT capital_contributions_document_ref_length CHECK (char_length(document_ref) BETWEEN 1 AND 100),
        memo text CONSTRAINT capital_contributions_memo_length CHECK (char_length(memo) <= 500),
        idempotency_key text NOT NULL UNIQUE CONSTRAINT capital_contributions_idempotency_key_length CHECK (char_length(idempotency_key) <= 128),
        transaction_id uuid NOT NULL UNIQUE REFERENCES ledger_transactions(id),
        recorded_by uuid NOT NULL REFERENCES users(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        business_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    // ---- the annual work plan (Art 6.5) ----
    await q.query(`
      CREATE TABLE annual_work_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year int NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
        revision int NOT NULL DEFAULT 1 CHECK (revision >= 1),
        status text NOT NULL CHECK (status IN ('SUBMITTED','RETURNED','APPROVED')),
        title text NOT NULL CONSTRAINT annual_work_plans_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
        summary text NOT NULL CONSTRAINT annual_work_plans_summary_length CHECK (char_length(summary) BETWEEN 1 AND 5000),
        planned_loan_volume numeric(18,2) CHECK (planned_loan_volume >= 0),
        planned_compensation numeric(18,2) CHECK (planned_compensation >= 0),
        planned_enterprises int CHECK (planned_enterprises >= 0),
        submitted_by uuid NOT NULL REFERENCES users(id),
        submitted_on date NOT NULL,
        approved_on date,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'APPROVED') = (approved_on IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE annual_work_plan_decisions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES annual_work_plans(id),
        revision int NOT NULL,
        org_kind text NOT NULL CHECK (org_kind IN ('IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE')),
        decision text NOT NULL CHECK (decision IN ('APPROVE','RETURN')),
        comment text CONSTRAINT annual_work_plan_decisions_comment_length CHECK (char_length(comment) <= 2000),
        user_id uuid NOT NULL REFERENCES users(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        business_date date NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CHECK (decision = 'APPROVE' OR comment IS NOT NULL),
        UNIQUE (plan_id, revision, org_kind)
      )`);

    // ---- termination (Art 24) ----
    await q.query(`
      CREATE TABLE fund_terminations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        status text NOT NULL CHECK (status IN ('PROPOSED','DECLINED','TERMINATED','SETTLED')),
        reason text NOT NULL CONSTRAINT fund_terminations_reason_length CHECK (char_length(reason) BETWEEN 1 AND 2000),
        effective_on date NOT NULL,
        proposed_by uuid NOT NULL REFERENCES users(id),
        proposed_org_kind text NOT NULL,
        proposed_on date NOT NULL,
        decided_on date,
        settled_on date,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status IN ('TERMINATED','SETTLED')) = (decided_on IS NOT NULL)),
        CHECK ((status = 'SETTLED') = (settled_on IS NOT NULL))
      )`);
    // One proposal under way or one decision: a declined proposal leaves room for a new one.
    await q.query(
      `CREATE UNIQUE INDEX fund_terminations_one_live ON fund_terminations ((true)) WHERE status <> 'DECLINED'`,
    );
    await q.query(`
      CREATE TABLE fund_termination_consents (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        termination_id uuid NOT NULL REFERENCES fund_terminations(id),
        org_kind text NOT NULL CHECK (org_kind IN ('IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE')),
        decision text NOT NULL CHECK (decision IN ('CONSENT','DECLINE')),
        comment text CONSTRAINT fund_termination_consents_comment_length CHECK (char_length(comment) <= 2000),
        user_id uuid NOT NULL REFERENCES users(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        business_date date NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CHECK (decision = 'CONSENT' OR comment IS NOT NULL),
        UNIQUE (termination_id, org_kind)
      )`);

    for (const table of APPEND_ONLY) {
      await q.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    }

    // ---- the second wall ----
    for (const [table, grants, visible, writer] of WALL) {
      await q.query(`GRANT ${grants} ON ${table} TO ${r}`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`,
      );
      await q.query(`
        CREATE POLICY ${table}_tenant ON ${table} TO ${r}
          USING (${visible})
          WITH CHECK (ipfund_may_write() AND (${visible}) AND ${writer})`);
    }
    await q.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${r}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE fund_termination_consents, fund_terminations, annual_work_plan_decisions, annual_work_plans, capital_contributions`,
    );
    await q.query(`DROP INDEX recoveries_declared_idx`);
    await q.query(`
      ALTER TABLE recoveries
        DROP CONSTRAINT recoveries_confirmed_is_remitted, DROP CONSTRAINT recoveries_declared_has_date,
        DROP CONSTRAINT recoveries_rejected_has_reason,
        DROP COLUMN remittance_status, DROP COLUMN declared_remitted_on, DROP COLUMN declared_reference,
        DROP COLUMN declared_by, DROP COLUMN declared_on, DROP COLUMN declaration_key, DROP COLUMN rejection_reason,
        DROP COLUMN rejected_by, DROP COLUMN rejected_on, DROP COLUMN bank_statement_ref, DROP COLUMN confirmed_by,
        DROP COLUMN confirmed_on`);
    await q.query(`ALTER TABLE fund_state DROP CONSTRAINT fund_state_suspension_recorded`);
    await q.query(`ALTER TABLE fund_resumption_votes DROP CONSTRAINT fund_resumption_votes_one_per_kind`);
    await q.query(
      `ALTER TABLE fund_resumption_votes ADD CONSTRAINT fund_resumption_votes_suspended_since_org_kind_key UNIQUE (suspended_since, org_kind)`,
    );
    await q.query(`ALTER TABLE fund_resumption_votes DROP COLUMN suspension_id`);
    await q.query(`ALTER TABLE fund_state DROP COLUMN suspension_id`);
    await q.query(`DROP TABLE fund_suspensions`);
  }
}
