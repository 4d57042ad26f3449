import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loan lifecycle and bank supervision (Art 2, 4, 12, 13, 16): the guarantor's acknowledgement of a
 * three-party loan, the append-only history of status reports, warnings and suspensions of banks
 * (proposed by the manager, consented by the IP bureau), and early-warning risk events.
 * Invariants no code path may break are CHECKs, partial unique indexes or triggers.
 */
export class LoanLifecycle1764201900000 implements MigrationInterface {
  name = 'LoanLifecycle1764201900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE loans
        -- Art 11, 14: the guarantor of a three-party loan acknowledges it (who and when).
        ADD COLUMN acknowledged_at timestamptz,
        ADD COLUMN acknowledged_by uuid REFERENCES users(id),
        ADD CONSTRAINT loans_acknowledgement_complete
          CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
        ADD CONSTRAINT loans_acknowledgement_needs_guarantor
          CHECK (acknowledged_at IS NULL OR guarantor_id IS NOT NULL),
        ADD CONSTRAINT loans_guarantor_is_not_bank CHECK (guarantor_id IS NULL OR guarantor_id <> bank_id),
        -- Art 13: the purposes the measures name (allowed and forbidden; a forbidden one is recorded, not covered).
        ADD CONSTRAINT loans_purpose_known CHECK (purpose IN (
          'IP_OPERATION','RND','TECH_UPGRADE','INDUSTRIALISATION','WORKING_CAPITAL',
          'EQUITY_INVESTMENT','SECURITIES','FUNDS','FUTURES','OTHER_PROHIBITED')),
        -- Art 12, 16: a closed loan is fully repaid; an active one still owes principal.
        ADD CONSTRAINT loans_closed_is_repaid
          CHECK (status <> 'CLOSED' OR (outstanding_principal = 0 AND earliest_unpaid_due_date IS NULL)),
        ADD CONSTRAINT loans_active_owes CHECK (status <> 'ACTIVE' OR outstanding_principal > 0),
        ADD CONSTRAINT loans_status_after_issue CHECK (status_as_of IS NULL OR status_as_of >= issued_on)`);

    // Art 12, 16: every status a bank reports, kept for good (the loan row holds the latest).
    await q.query(`
      CREATE TABLE loan_status_reports (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        loan_id uuid NOT NULL REFERENCES loans(id),
        as_of date NOT NULL,
        outstanding_principal numeric(18,2) NOT NULL CHECK (outstanding_principal >= 0),
        earliest_unpaid_due_date date,
        closed boolean NOT NULL,
        source text NOT NULL CHECK (source IN ('REGISTRATION','REPORT','TAPE')),
        -- the uploaded file's name, for TAPE reports
        file_name text,
        reported_by uuid NOT NULL REFERENCES users(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        business_date date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT loan_status_reports_closed_is_repaid
          CHECK (NOT closed OR (outstanding_principal = 0 AND earliest_unpaid_due_date IS NULL)),
        CONSTRAINT loan_status_reports_tape_named CHECK ((source = 'TAPE') = (file_name IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX loan_status_reports_loan_idx ON loan_status_reports (loan_id, id)`);
    await this.appendOnly(q, 'loan_status_reports');

    // Art 12: the manager proposes suspending a bank at ≥ 8 %; the IP bureau consents or declines, once.
    await q.query(`
      CREATE TABLE suspension_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        bank_id uuid NOT NULL REFERENCES organizations(id),
        proposed_on date NOT NULL,
        -- the figures the proposal rests on (R4), exact
        numerator numeric(18,2) NOT NULL CHECK (numerator >= 0),
        denominator numeric(18,2) NOT NULL CHECK (denominator > 0 AND numerator <= denominator),
        comment text NOT NULL CHECK (btrim(comment) <> ''),
        proposed_by uuid NOT NULL REFERENCES users(id),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','CONSENTED','DECLINED')),
        decided_on date,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT suspension_proposals_decision
          CHECK ((status = 'PENDING') = (decided_on IS NULL AND decided_by IS NULL AND decided_at IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX suspension_proposals_one_pending ON suspension_proposals (bank_id) WHERE status = 'PENDING'`,
    );
    await q.query(`
      CREATE FUNCTION suspension_proposal_decide_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status <> 'PENDING' THEN
          RAISE EXCEPTION 'suspension proposal %: a decided proposal is final', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.bank_id <> OLD.bank_id OR NEW.proposed_on <> OLD.proposed_on OR NEW.numerator <> OLD.numerator
           OR NEW.denominator <> OLD.denominator OR NEW.comment <> OLD.comment OR NEW.proposed_by <> OLD.proposed_by THEN
          RAISE EXCEPTION 'suspension proposal %: the proposal itself is not edited', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER suspension_proposals_decide_once BEFORE UPDATE OR DELETE ON suspension_proposals
      FOR EACH ROW EXECUTE FUNCTION suspension_proposal_decide_once()`);

    // Art 12: a suspension runs from the consent's business date (inclusive) to the lift (exclusive).
    await q.query(`
      CREATE TABLE bank_suspensions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bank_id uuid NOT NULL REFERENCES organizations(id),
        proposal_id uuid NOT NULL UNIQUE REFERENCES suspension_proposals(id),
        suspended_from date NOT NULL,
        lifted_on date,
        lifted_by uuid REFERENCES users(id),
        lift_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bank_suspensions_period CHECK (lifted_on IS NULL OR lifted_on >= suspended_from),
        CONSTRAINT bank_suspensions_lift_complete
          CHECK ((lifted_on IS NULL) = (lifted_by IS NULL) AND (lifted_on IS NULL) = (lift_comment IS NULL))
      )`);
    // At most one suspension in force per bank.
    await q.query(
      `CREATE UNIQUE INDEX bank_suspensions_one_open ON bank_suspensions (bank_id) WHERE lifted_on IS NULL`,
    );
    // Only the lift is ever written after the fact; a lifted suspension is final.
    await q.query(`
      CREATE FUNCTION bank_suspension_lift_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.lifted_on IS NOT NULL THEN
          RAISE EXCEPTION 'bank suspension %: a lifted suspension is final', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.bank_id <> OLD.bank_id OR NEW.proposal_id <> OLD.proposal_id OR NEW.suspended_from <> OLD.suspended_from THEN
          RAISE EXCEPTION 'bank suspension %: only the lift may be recorded', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER bank_suspensions_lift_once BEFORE UPDATE OR DELETE ON bank_suspensions
      FOR EACH ROW EXECUTE FUNCTION bank_suspension_lift_once()`);

    // Art 12: what the bank is told — warnings, the suspension notice, the lift.
    await q.query(`
      CREATE TABLE risk_notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        bank_id uuid NOT NULL REFERENCES organizations(id),
        kind text NOT NULL CHECK (kind IN ('WARNING','SUSPENSION','SUSPENSION_LIFTED')),
        business_date date NOT NULL,
        numerator numeric(18,2) CHECK (numerator >= 0),
        denominator numeric(18,2) CHECK (denominator > 0 AND numerator <= denominator),
        comment text NOT NULL CHECK (btrim(comment) <> ''),
        issued_by uuid NOT NULL REFERENCES users(id),
        issuer_org_id uuid NOT NULL REFERENCES organizations(id),
        suspension_id uuid REFERENCES bank_suspensions(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT risk_notices_warning_has_figures
          CHECK (kind <> 'WARNING' OR (numerator IS NOT NULL AND denominator IS NOT NULL)),
        CONSTRAINT risk_notices_suspension_named CHECK ((kind = 'WARNING') = (suspension_id IS NULL))
      )`);
    await q.query(`CREATE INDEX risk_notices_bank_idx ON risk_notices (bank_id, seq DESC)`);
    await this.appendOnly(q, 'risk_notices');

    // Art 16: early warning by the bank or guarantor; the manager records the joint verification.
    await q.query(`
      CREATE TABLE risk_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        loan_id uuid NOT NULL REFERENCES loans(id),
        kind text NOT NULL CHECK (kind IN ('OVERDUE','DETERIORATION','OTHER')),
        description text NOT NULL CHECK (btrim(description) <> ''),
        reported_on date NOT NULL,
        reported_by uuid NOT NULL REFERENCES users(id),
        reporter_org_id uuid NOT NULL REFERENCES organizations(id),
        verification text,
        measures text,
        contract_suspended boolean,
        verified_on date,
        verified_by uuid REFERENCES users(id),
        verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT risk_events_verification_complete CHECK (
          (verified_by IS NULL) = (verification IS NULL)
          AND (verified_by IS NULL) = (measures IS NULL)
          AND (verified_by IS NULL) = (contract_suspended IS NULL)
          AND (verified_by IS NULL) = (verified_on IS NULL)
          AND (verified_by IS NULL) = (verified_at IS NULL)),
        CONSTRAINT risk_events_verification_text CHECK (verification IS NULL OR btrim(verification) <> '')
      )`);
    await q.query(`CREATE INDEX risk_events_loan_idx ON risk_events (loan_id)`);
    // The report is never edited; the verification is written once.
    await q.query(`
      CREATE FUNCTION risk_event_verify_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.verified_by IS NOT NULL THEN
          RAISE EXCEPTION 'risk event %: a verified event is final', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.loan_id <> OLD.loan_id OR NEW.kind <> OLD.kind OR NEW.description <> OLD.description
           OR NEW.reported_on <> OLD.reported_on OR NEW.reported_by <> OLD.reported_by THEN
          RAISE EXCEPTION 'risk event %: the report itself is not edited', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER risk_events_verify_once BEFORE UPDATE OR DELETE ON risk_events
      FOR EACH ROW EXECUTE FUNCTION risk_event_verify_once()`);
  }

  private async appendOnly(q: QueryRunner, table: string): Promise<void> {
    // refuse_change() comes from the ActivityLog migration.
    await q.query(`
      CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE risk_events, risk_notices, bank_suspensions, suspension_proposals, loan_status_reports`,
    );
    await q.query(`DROP FUNCTION risk_event_verify_once()`);
    await q.query(`DROP FUNCTION bank_suspension_lift_once()`);
    await q.query(`DROP FUNCTION suspension_proposal_decide_once()`);
    await q.query(`
      ALTER TABLE loans
        DROP CONSTRAINT loans_status_after_issue,
        DROP CONSTRAINT loans_active_owes,
        DROP CONSTRAINT loans_closed_is_repaid,
        DROP CONSTRAINT loans_purpose_known,
        DROP CONSTRAINT loans_guarantor_is_not_bank,
        DROP CONSTRAINT loans_acknowledgement_needs_guarantor,
        DROP CONSTRAINT loans_acknowledgement_complete,
        DROP COLUMN acknowledged_by,
        DROP COLUMN acknowledged_at`);
  }
}
