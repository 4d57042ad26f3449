import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner supervision (Art 5, 8, 14, 15, 25), cooperation agreements (Art 8, 11, 14), the enterprise
 * library (Art 6.3) and blacklisting (Art 21). Invariants no code path may break are CHECKs or
 * triggers; agreement versions and decided blacklist proposals are never edited.
 */
export class Partners1764201800000 implements MigrationInterface {
  name = 'Partners1764201800000';

  async up(q: QueryRunner): Promise<void> {
    // Art 15 (retire) and Art 25 (disqualify): the record stays, with why and since when.
    await q.query(`
      ALTER TABLE organizations
        ADD COLUMN status_reason text,
        ADD COLUMN status_changed_on date,
        -- Art 14: a guarantor needs a financing-guarantee licence on record.
        ADD CONSTRAINT organizations_guarantor_licence
          CHECK (kind <> 'GUARANTOR' OR (licence_no IS NOT NULL AND btrim(licence_no) <> ''))`);

    await q.query(`
      ALTER TABLE enterprises
        -- Who added the enterprise to the library (a bank sees what it added before lending); NULL = seeded.
        ADD COLUMN created_by_org_id uuid REFERENCES organizations(id),
        -- Insertion order: the keyset of the enterprise list.
        ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY,
        ADD CONSTRAINT enterprises_seq_key UNIQUE (seq),
        -- GB 32100-2015 alphabet (no I, O, S, V, Z); the check character is verified by the API.
        ADD CONSTRAINT enterprises_credit_code_format CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
        ADD CONSTRAINT enterprises_name_present CHECK (btrim(name) <> '')`);
    await q.query(
      `CREATE INDEX enterprises_created_by_idx ON enterprises (created_by_org_id) WHERE created_by_org_id IS NOT NULL`,
    );
    await q.query(`ALTER TABLE ip_assets ADD CONSTRAINT ip_assets_registration_present
      CHECK (btrim(registration_no) <> '' AND btrim(title) <> '')`);

    // Art 8, 11, 14: one row per version; the version in force on a date is the latest effective_from ≤ date.
    await q.query(`
      CREATE TABLE cooperation_agreements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bank_id uuid NOT NULL REFERENCES organizations(id),
        effective_from date NOT NULL,
        -- Art 11: the fund's share per tier, in (0, 1] (the tier cap is checked against the policy in force)
        fund_rate_low_tier numeric(5,4) NOT NULL CHECK (fund_rate_low_tier > 0 AND fund_rate_low_tier <= 1),
        fund_rate_high_tier numeric(5,4) NOT NULL CHECK (fund_rate_high_tier > 0 AND fund_rate_high_tier <= 1),
        -- Art 14: the guarantor's share on three-party loans (≥ 40 % checked against the policy in force)
        guarantor_rate numeric(5,4) CHECK (guarantor_rate IS NULL OR (guarantor_rate > 0 AND guarantor_rate <= 1)),
        recorded_on date NOT NULL,
        recorded_by_user_id uuid NOT NULL REFERENCES users(id),
        recorded_by_org_id uuid NOT NULL REFERENCES organizations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (bank_id, effective_from),
        -- R5.8: the bank's share is never negative.
        CONSTRAINT cooperation_agreements_shares CHECK (
          fund_rate_low_tier + coalesce(guarantor_rate, 0) <= 1
          AND fund_rate_high_tier + coalesce(guarantor_rate, 0) <= 1)
      )`);
    await q.query(`
      CREATE FUNCTION cooperation_agreement_bank_is_bank() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM organizations WHERE id = NEW.bank_id AND kind = 'LENDING_BANK') THEN
          RAISE EXCEPTION 'cooperation agreement: % is not a lending bank', NEW.bank_id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER cooperation_agreements_bank_kind BEFORE INSERT ON cooperation_agreements
      FOR EACH ROW EXECUTE FUNCTION cooperation_agreement_bank_is_bank()`);
    // A new version never edits an old one.
    await q.query(`
      CREATE TRIGGER cooperation_agreements_append_only BEFORE UPDATE OR DELETE ON cooperation_agreements
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);

    // Art 21: proposed by the manager, decided by the IP bureau.
    await q.query(`
      CREATE TABLE blacklist_proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        enterprise_id uuid NOT NULL REFERENCES enterprises(id),
        reason text NOT NULL CHECK (btrim(reason) <> ''),
        proposed_on date NOT NULL,
        proposed_by_user_id uuid NOT NULL REFERENCES users(id),
        proposed_by_org_id uuid NOT NULL REFERENCES organizations(id),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','APPROVED','DECLINED')),
        decided_on date,
        decided_by_user_id uuid REFERENCES users(id),
        decided_by_org_id uuid REFERENCES organizations(id),
        decision_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT blacklist_proposals_decision CHECK (
          (status = 'PENDING') = (decided_on IS NULL AND decided_by_user_id IS NULL AND decided_by_org_id IS NULL)),
        CONSTRAINT blacklist_proposals_decided_after CHECK (decided_on IS NULL OR decided_on >= proposed_on)
      )`);
    // At most one open proposal per enterprise.
    await q.query(
      `CREATE UNIQUE INDEX blacklist_proposals_one_pending ON blacklist_proposals (enterprise_id) WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE INDEX blacklist_proposals_status_idx ON blacklist_proposals (status, seq DESC)`);
    // A decision is final: only PENDING rows change, and nothing is deleted.
    await q.query(`
      CREATE FUNCTION blacklist_proposal_decide_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status <> 'PENDING' THEN
          RAISE EXCEPTION 'blacklist proposal %: a decided proposal is final', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.enterprise_id <> OLD.enterprise_id OR NEW.reason <> OLD.reason OR NEW.proposed_on <> OLD.proposed_on THEN
          RAISE EXCEPTION 'blacklist proposal %: the proposal itself is not edited', OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER blacklist_proposals_decide_once BEFORE UPDATE OR DELETE ON blacklist_proposals
      FOR EACH ROW EXECUTE FUNCTION blacklist_proposal_decide_once()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE blacklist_proposals`);
    await q.query(`DROP FUNCTION blacklist_proposal_decide_once()`);
    await q.query(`DROP TABLE cooperation_agreements`);
    await q.query(`DROP FUNCTION cooperation_agreement_bank_is_bank()`);
    await q.query(`ALTER TABLE ip_assets DROP CONSTRAINT ip_assets_registration_present`);
    await q.query(`
      ALTER TABLE enterprises
        DROP CONSTRAINT enterprises_name_present,
        DROP CONSTRAINT enterprises_credit_code_format,
        DROP COLUMN seq,
        DROP COLUMN created_by_org_id`);
    await q.query(`
      ALTER TABLE organizations
        DROP CONSTRAINT organizations_guarantor_licence,
        DROP COLUMN status_changed_on,
        DROP COLUMN status_reason`);
  }
}
