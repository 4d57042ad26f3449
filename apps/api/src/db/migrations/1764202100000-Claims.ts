import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compensation claims (Art 11, 14, 16–19): the claim with its amounts at filing and at final
 * approval, every step as an event, documents, the fund's circuit-breaker state, the joint
 * resumption decision, and recoveries with their remittances. Caps the measures set are CHECKs or
 * unique indexes here too, so the database is the last wall under concurrent approvals.
 */
export class Claims1764202100000 implements MigrationInterface {
  name = 'Claims1764202100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        loan_id uuid NOT NULL REFERENCES loans(id),
        -- copied from the loan so the tenancy filter needs no join
        bank_id uuid NOT NULL REFERENCES organizations(id),
        guarantor_id uuid REFERENCES organizations(id),
        enterprise_id uuid NOT NULL REFERENCES enterprises(id),
        three_party boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('SUBMITTED','RETURNED','GUARANTOR_CONFIRMED','VERIFIED','APPROVED','PAID','REJECTED')),
        idempotency_key text NOT NULL,
        filed_on date NOT NULL,
        overdue_days_at_filing int NOT NULL CHECK (overdue_days_at_filing >= 0),
        outstanding_principal numeric(18,2) NOT NULL CHECK (outstanding_principal > 0),
        -- R5 at filing
        loss_base numeric(18,2) NOT NULL CHECK (loss_base > 0),
        fund_share numeric(18,2) NOT NULL CHECK (fund_share >= 0 AND fund_share <= loss_base),
        guarantor_share numeric(18,2) NOT NULL CHECK (guarantor_share >= 0),
        bank_share numeric(18,2) NOT NULL CHECK (bank_share >= 0),
        limited_by text NOT NULL,
        computation jsonb NOT NULL,
        -- R5 recomputed at the final approval (enterprise-year cap and fund state of that day)
        final_fund_share numeric(18,2) CHECK (final_fund_share > 0 AND final_fund_share <= loss_base),
        final_guarantor_share numeric(18,2),
        final_bank_share numeric(18,2),
        final_limited_by text,
        final_computation jsonb,
        approved_on date,
        paid_on date,
        payout_transaction_id uuid REFERENCES ledger_transactions(id),
        policy_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (fund_share + guarantor_share + bank_share = loss_base),
        CHECK (final_fund_share IS NULL OR final_fund_share + final_guarantor_share + final_bank_share = loss_base),
        CHECK ((status IN ('APPROVED','PAID')) = (approved_on IS NOT NULL AND final_fund_share IS NOT NULL)),
        CHECK ((status = 'PAID') = (paid_on IS NOT NULL)),
        UNIQUE (bank_id, idempotency_key)
      )`);
    // One live claim per loan: the per-loan cap (Art 11) cannot be claimed twice.
    await q.query(
      `CREATE UNIQUE INDEX claims_one_live_per_loan ON claims (loan_id) WHERE status <> 'REJECTED'`,
    );
    await q.query(
      `CREATE INDEX claims_enterprise_year_idx ON claims (enterprise_id, approved_on) WHERE approved_on IS NOT NULL`,
    );
    await q.query(`CREATE INDEX claims_order_idx ON claims (seq DESC)`);

    await q.query(`
      CREATE TABLE claim_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        claim_id uuid NOT NULL REFERENCES claims(id),
        action text NOT NULL CHECK (action IN ('SUBMIT','RESUBMIT','CONFIRM_GUARANTOR_SHARE','VERIFY','RETURN','APPROVE','REJECT','PAY')),
        from_status text,
        to_status text NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        org_kind text NOT NULL,
        comment text,
        business_date date NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX claim_events_claim_idx ON claim_events (claim_id, id)`);
    // Art 17: each office approves once — enforced by the database as well as the state machine.
    await q.query(
      `CREATE UNIQUE INDEX claim_events_one_approval_per_office ON claim_events (claim_id, org_kind) WHERE action = 'APPROVE'`,
    );
    await q.query(`
      CREATE TRIGGER claim_events_append_only BEFORE UPDATE OR DELETE ON claim_events
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    await q.query(`
      CREATE TABLE claim_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES claims(id),
        kind text NOT NULL CHECK (kind IN ('LOAN_CONTRACT','PLEDGE_REGISTRATION','COLLECTION_RECORD','OTHER')),
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes int NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
        sha256 char(64) NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_org_id uuid NOT NULL REFERENCES organizations(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX claim_documents_claim_idx ON claim_documents (claim_id)`);

    // R7: one row, locked by every final approval, so the circuit breaker is exact under concurrency.
    await q.query(`
      CREATE TABLE fund_state (
        id int PRIMARY KEY CHECK (id = 1),
        cumulative_compensation numeric(18,2) NOT NULL DEFAULT 0 CHECK (cumulative_compensation >= 0),
        cumulative_at_last_resumption numeric(18,2) NOT NULL DEFAULT 0,
        suspended boolean NOT NULL DEFAULT false,
        suspended_since date,
        suspended_by_claim_id uuid REFERENCES claims(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (suspended = (suspended_since IS NOT NULL))
      )`);
    await q.query(`INSERT INTO fund_state (id) VALUES (1)`);

    // Art 19: resumption is a recorded joint decision of the three offices with the manager.
    await q.query(`
      CREATE TABLE fund_resumption_votes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        suspended_since date NOT NULL,
        org_kind text NOT NULL CHECK (org_kind IN ('IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE','FUND_MANAGER')),
        user_id uuid NOT NULL REFERENCES users(id),
        comment text NOT NULL,
        business_date date NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (suspended_since, org_kind)
      )`);

    await q.query(`
      CREATE TABLE recoveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES claims(id),
        bank_id uuid NOT NULL REFERENCES organizations(id),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        received_on date NOT NULL,
        amount_owed numeric(18,2) NOT NULL CHECK (amount_owed >= 0 AND amount_owed <= amount),
        due_on date NOT NULL CHECK (due_on >= received_on),
        idempotency_key text NOT NULL,
        receivable_transaction_id uuid REFERENCES ledger_transactions(id),
        remitted_on date,
        remittance_transaction_id uuid REFERENCES ledger_transactions(id),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((remitted_on IS NULL) = (remittance_transaction_id IS NULL)),
        UNIQUE (bank_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX recoveries_claim_idx ON recoveries (claim_id)`);
    await q.query(`CREATE INDEX recoveries_open_idx ON recoveries (due_on) WHERE remitted_on IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TABLE recoveries, fund_resumption_votes, fund_state, claim_documents, claim_events, claims`,
    );
  }
}
