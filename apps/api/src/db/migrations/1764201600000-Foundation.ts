import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations (tenants), users, the enterprise library with pledged IP, and loans.
 * Money is numeric(18,2) (DOMAIN.md §3); invariants that no code path may break are CHECKs.
 */
export class Foundation1764201600000 implements MigrationInterface {
  name = 'Foundation1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE','FUND_MANAGER',
                                           'LENDING_BANK','GUARANTOR','ENTERPRISE','AUDITOR')),
        name text NOT NULL UNIQUE,
        short_name text,
        -- Art 25: a disqualified partner stays on record but its users can no longer act.
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','RETIRED','DISQUALIFIED')),
        -- Art 14: a guarantor needs a financing-guarantee licence.
        licence_no text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX users_organization_idx ON users (organization_id)`);
    await q.query(`
      CREATE TABLE enterprises (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- the enterprise's own login organisation, when it has one
        organization_id uuid UNIQUE REFERENCES organizations(id),
        name text NOT NULL,
        credit_code char(18) NOT NULL UNIQUE,
        district text NOT NULL DEFAULT '',
        industry text NOT NULL DEFAULT '',
        -- Art 21, 25: loans issued on or after this date are not covered; every partner sees the flag
        blacklisted_since date,
        blacklist_reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ip_assets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id uuid NOT NULL REFERENCES enterprises(id),
        kind text NOT NULL CHECK (kind IN ('PATENT','TRADEMARK')),
        registration_no text NOT NULL,
        title text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, registration_no)
      )`);
    await q.query(`CREATE INDEX ip_assets_enterprise_idx ON ip_assets (enterprise_id)`);
    await q.query(`
      CREATE TABLE loans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- insertion order: the tie-breaker that makes pagination stable
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        contract_no text NOT NULL,
        bank_id uuid NOT NULL REFERENCES organizations(id),
        guarantor_id uuid REFERENCES organizations(id),
        enterprise_id uuid NOT NULL REFERENCES enterprises(id),
        principal numeric(18,2) NOT NULL CHECK (principal > 0),
        -- Art 11: pure IP loan (= principal) or the stated IP part of a combination loan
        ip_pledged_principal numeric(18,2) NOT NULL CHECK (ip_pledged_principal > 0 AND ip_pledged_principal <= principal),
        outstanding_principal numeric(18,2) NOT NULL CHECK (outstanding_principal >= 0 AND outstanding_principal <= principal),
        issued_on date NOT NULL,
        matures_on date NOT NULL CHECK (matures_on >= issued_on),
        purpose text NOT NULL,
        earliest_unpaid_due_date date,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','CLOSED','IN_CLAIM','COMPENSATED')),
        status_as_of date,
        covered boolean NOT NULL DEFAULT false,
        coverage_reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (bank_id, contract_no)
      )`);
    await q.query(`CREATE INDEX loans_bank_idx ON loans (bank_id, issued_on DESC, seq DESC)`);
    await q.query(`CREATE INDEX loans_guarantor_idx ON loans (guarantor_id) WHERE guarantor_id IS NOT NULL`);
    await q.query(`CREATE INDEX loans_enterprise_idx ON loans (enterprise_id)`);
    await q.query(`CREATE INDEX loans_order_idx ON loans (issued_on DESC, seq DESC)`);
    await q.query(`
      CREATE TABLE loan_collateral (
        loan_id uuid NOT NULL REFERENCES loans(id),
        ip_asset_id uuid NOT NULL REFERENCES ip_assets(id),
        PRIMARY KEY (loan_id, ip_asset_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE loan_collateral, loans, ip_assets, enterprises, users, organizations`);
  }
}
