import { MigrationInterface, QueryRunner } from 'typeorm';
import { PINNED, appRole } from './wall-helpers';

/**
 * Issue 12: audit engagements (Art 20), the tamper-evident activity log, and the semi-annual
 * partner evaluation (Art 23).
 *
 * **The chain.** Every activity row carries `prev_hash` (the `row_hash` of the row before it) and
 * `row_hash` = sha256 over a canonical serialisation of its fields and `prev_hash`
 * (`activity_row_hash`). A BEFORE INSERT trigger assigns both, in the inserting transaction, under
 * the lock of the single `activity_chain_head` row: two concurrent writers queue on that row, and
 * the second reads the head the first committed (READ COMMITTED re-reads a row it waited for), so
 * the chain cannot fork. The trigger also takes the row's id under the lock, so id order is chain
 * order (ids skip a value per row: the identity default is drawn before the trigger runs). Writers
 * append the record as the last statement of their transaction (common/use-case.ts), so the lock is
 * held for the insert and the commit only. Every insert path — the app, the console, the owner's raw
 * SQL — goes through the trigger, so no caller can supply its own hashes.
 *
 * **Who reads the log.** RLS (new here): the offices and the manager, and an auditor inside an
 * active engagement; a tenant inserts only records of itself (or none at all: operator records).
 *
 * **The auditor's window (Art 20).** `ipfund_sees_all()` now counts an auditor only while an
 * engagement of its organisation is active at the business date the app sets for the transaction
 * (`app.business_date`, authz/access.ts): outside it the auditor's queries see no rows in any
 * tenant table, whatever the application asks.
 */

/** The offices and the manager: they read the programme regardless of any engagement. */
const OPERATORS = `'IP_BUREAU','FINANCE_BUREAU','FINANCIAL_OFFICE','FUND_MANAGER'`;

const GENESIS = '0'.repeat(64);

export class AuditAndEvaluation1764202800000 implements MigrationInterface {
  name = 'AuditAndEvaluation1764202800000';

  async up(q: QueryRunner): Promise<void> {
    const role = await appRole(q);
    const r = `"${role}"`;

    // ------------------------------------------------------------------ audit engagements (Art 20)
    await q.query(`
      CREATE TABLE audit_engagements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        auditor_org_id uuid NOT NULL REFERENCES organizations(id),
        scope text NOT NULL CONSTRAINT audit_engagements_scope_length CHECK (char_length(scope) BETWEEN 1 AND 2000),
        subjects text[] NOT NULL DEFAULT '{}',
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','ENDED')),
        engaged_on date NOT NULL,
        engaged_by uuid NOT NULL REFERENCES users(id),
        ended_on date,
        ended_by uuid REFERENCES users(id),
        end_reason text CONSTRAINT audit_engagements_end_reason_length CHECK (char_length(end_reason) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on),
        CHECK ((status = 'ENDED') = (ended_on IS NOT NULL AND ended_by IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX audit_engagements_auditor_idx ON audit_engagements (auditor_org_id, starts_on)`,
    );
    // An ended engagement is history: it is never edited again.
    await q.query(`
      CREATE FUNCTION audit_engagement_guard() RETURNS trigger LANGUAGE plpgsql ${PINNED} AS $$
      BEGIN
        IF OLD.status <> 'ACTIVE' OR NEW.id <> OLD.id OR NEW.auditor_org_id <> OLD.auditor_org_id
           OR NEW.scope <> OLD.scope OR NEW.starts_on <> OLD.starts_on OR NEW.engaged_by <> OLD.engaged_by THEN
          RAISE EXCEPTION 'audit engagement %: only an active engagement may be ended', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_engagements_guard BEFORE UPDATE ON audit_engagements
      FOR EACH ROW EXECUTE FUNCTION audit_engagement_guard()`);

    // Is the caller an auditor inside an active engagement at the transaction's business date?
    // Definer: the policies below call it, and it must read engagements across their RLS.
    await q.query(`
      CREATE FUNCTION ipfund_audit_engaged() RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT COALESCE(ipfund_kind() = 'AUDITOR' AND EXISTS (
          SELECT 1 FROM audit_engagements e
           WHERE e.auditor_org_id = ipfund_org_id() AND e.status = 'ACTIVE'
             AND e.starts_on <= d.day AND d.day <= e.ends_on), false)
          FROM (SELECT CASE WHEN current_setting('app.business_date', true) ~ '^\\d{4}-\\d{2}-\\d{2}$'
                            THEN current_setting('app.business_date', true)::date END AS day) d
      $$`);
    // Plain SQL without SET, as in SecondWall, so the planner inlines it; the engagement test is a
    // sub-select (one InitPlan per query), evaluated only for an auditor.
    await q.query(`
      CREATE OR REPLACE FUNCTION ipfund_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT COALESCE(public.ipfund_kind() IN (${OPERATORS}), false)
            OR COALESCE(public.ipfund_kind() = 'AUDITOR' AND (SELECT public.ipfund_audit_engaged()), false)
      $$`);

    // ------------------------------------------------------------------ the activity chain
    await q.query(`ALTER TABLE activity_log ADD COLUMN article text`);
    await q.query(`ALTER TABLE activity_log ADD COLUMN prev_hash text`);
    await q.query(`ALTER TABLE activity_log ADD COLUMN row_hash text`);
    await q.query(`CREATE INDEX activity_log_business_date_idx ON activity_log (business_date, id)`);
    await q.query(`CREATE INDEX activity_log_operation_idx ON activity_log (operation, id)`);
    await q.query(`CREATE INDEX activity_log_user_idx ON activity_log (user_id, id)`);

    // The canonical form: a JSON array of the fields as text (dates and instants in fixed UTC
    // formats, so no session setting changes the bytes), the detail as jsonb's own normalised text,
    // and the predecessor's hash. STABLE, not IMMUTABLE: to_char is.
    await q.query(`
      CREATE FUNCTION activity_row_hash(
        p_id bigint, p_occurred_at timestamptz, p_business_date date, p_user_id uuid, p_organization_id uuid,
        p_org_kind text, p_operation text, p_target_type text, p_target_id text, p_outcome text,
        p_article text, p_detail jsonb, p_prev_hash text)
        RETURNS text LANGUAGE sql STABLE ${PINNED} AS $$
        SELECT encode(sha256(convert_to(jsonb_build_array(
          p_id::text,
          to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          to_char(p_business_date, 'YYYY-MM-DD'),
          p_user_id::text, p_organization_id::text, p_org_kind, p_operation, p_target_type, p_target_id,
          p_outcome, p_article, p_detail, p_prev_hash)::text, 'UTF8')), 'hex')
      $$`);

    await q.query(`
      CREATE TABLE activity_chain_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last_id bigint,
        last_hash text NOT NULL,
        length bigint NOT NULL DEFAULT 0
      )`);

    // Backfill the rows already there, in id order (the order they were written in).
    await q.query(`ALTER TABLE activity_log DISABLE TRIGGER activity_log_append_only`);
    await q.query(`UPDATE activity_log SET article = detail->>'article' WHERE detail ? 'article'`);
    await q.query(`
      DO $$ DECLARE r activity_log; prev text := '${GENESIS}'; h text; n bigint := 0; last bigint;
      BEGIN
        FOR r IN SELECT * FROM activity_log ORDER BY id LOOP
          h := activity_row_hash(r.id, r.occurred_at, r.business_date, r.user_id, r.organization_id, r.org_kind,
                                 r.operation, r.target_type, r.target_id, r.outcome, r.article, r.detail, prev);
          UPDATE activity_log SET prev_hash = prev, row_hash = h WHERE id = r.id;
          prev := h; n := n + 1; last := r.id;
        END LOOP;
        INSERT INTO activity_chain_head (last_id, last_hash, length) VALUES (last, prev, n);
      END $$`);
    await q.query(`ALTER TABLE activity_log ENABLE TRIGGER activity_log_append_only`);
    await q.query(`ALTER TABLE activity_log ALTER COLUMN prev_hash SET NOT NULL`);
    await q.query(`ALTER TABLE activity_log ALTER COLUMN row_hash SET NOT NULL`);

    // Runs as the owner (definer): the serving role has no grant on the head at all.
    await q.query(`
      CREATE FUNCTION activity_chain_append() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER ${PINNED} AS $$
      DECLARE head activity_chain_head;
      BEGIN
        SELECT * INTO head FROM activity_chain_head WHERE singleton FOR UPDATE;
        -- Under the lock: ids follow the chain, whatever order the identity defaults were drawn in.
        NEW.id := nextval(pg_get_serial_sequence('public.activity_log', 'id'));
        NEW.prev_hash := head.last_hash;
        NEW.row_hash := activity_row_hash(NEW.id, NEW.occurred_at, NEW.business_date, NEW.user_id,
          NEW.organization_id, NEW.org_kind, NEW.operation, NEW.target_type, NEW.target_id, NEW.outcome,
          NEW.article, NEW.detail, NEW.prev_hash);
        UPDATE activity_chain_head SET last_id = NEW.id, last_hash = NEW.row_hash, length = head.length + 1
         WHERE singleton;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER activity_log_chain BEFORE INSERT ON activity_log
      FOR EACH ROW EXECUTE FUNCTION activity_chain_append()`);

    // verifyActivityChain: every row's hash recomputed, every link checked against the row before,
    // and the head against the last row (a deleted tail). Definer (it reads every row and the head),
    // so it checks the caller's kind itself: the readers of the log only.
    await q.query(`
      CREATE FUNCTION ipfund_verify_activity_chain()
        RETURNS TABLE (ok boolean, checked bigint, first_broken_id bigint)
        LANGUAGE plpgsql STABLE SECURITY DEFINER ${PINNED} AS $$
      DECLARE n bigint; broken bigint; head activity_chain_head; last_row activity_log;
      BEGIN
        IF NOT (COALESCE(ipfund_kind() IN (${OPERATORS}), false) OR ipfund_audit_engaged()) THEN
          RAISE EXCEPTION 'only the offices, the manager and an engaged auditor verify the activity log'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT count(*) INTO n FROM activity_log;
        SELECT c.id INTO broken FROM (
          SELECT a.id, a.prev_hash, a.row_hash,
                 COALESCE(lag(a.row_hash) OVER (ORDER BY a.id), '${GENESIS}') AS expected_prev,
                 activity_row_hash(a.id, a.occurred_at, a.business_date, a.user_id, a.organization_id, a.org_kind,
                   a.operation, a.target_type, a.target_id, a.outcome, a.article, a.detail, a.prev_hash) AS recomputed
            FROM activity_log a) c
         WHERE c.prev_hash IS DISTINCT FROM c.expected_prev OR c.row_hash IS DISTINCT FROM c.recomputed
         ORDER BY c.id LIMIT 1;
        IF broken IS NULL THEN
          SELECT * INTO head FROM activity_chain_head WHERE singleton;
          SELECT * INTO last_row FROM activity_log ORDER BY id DESC LIMIT 1;
          IF head.length <> n OR head.last_id IS DISTINCT FROM last_row.id
             OR head.last_hash IS DISTINCT FROM COALESCE(last_row.row_hash, '${GENESIS}') THEN
            -- Rows after the last one present were removed: the break is where the head says the chain ends.
            broken := COALESCE(head.last_id, last_row.id);
          END IF;
        END IF;
        RETURN QUERY SELECT broken IS NULL, n, broken;
      END $$`);

    // Who reads the activity log: the offices, the manager, an engaged auditor (Art 20). Never a
    // bank, guarantor or enterprise. A tenant appends records of itself only; a transaction without
    // a tenant (operator work) appends records of no user.
    await q.query(`ALTER TABLE activity_log ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE activity_log FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY activity_log_owner ON activity_log TO CURRENT_USER USING (true) WITH CHECK (true)`,
    );
    await q.query(`
      CREATE POLICY activity_log_read ON activity_log FOR SELECT TO ${r}
        USING (ipfund_sees_all())`);
    await q.query(`
      CREATE POLICY activity_log_append ON activity_log FOR INSERT TO ${r}
        WITH CHECK (user_id IS NOT DISTINCT FROM ipfund_user_id()
                AND organization_id IS NOT DISTINCT FROM ipfund_org_id())`);

    // ------------------------------------------------------------------ partner evaluation (Art 23)
    await q.query(`
      CREATE TABLE evaluation_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        half text NOT NULL UNIQUE CHECK (half ~ '^[0-9]{4}-H[12]$'),
        period_from date NOT NULL,
        period_to date NOT NULL,
        as_of date NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED')),
        policy_id text NOT NULL,
        weights jsonb NOT NULL,
        computed_by uuid NOT NULL REFERENCES users(id),
        computed_on date NOT NULL,
        submitted_by uuid REFERENCES users(id),
        submitted_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'SUBMITTED') = (submitted_on IS NOT NULL AND submitted_by IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE evaluation_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES evaluation_rounds(id),
        partner_id uuid NOT NULL REFERENCES organizations(id),
        partner_kind text NOT NULL CHECK (partner_kind IN ('LENDING_BANK','GUARANTOR')),
        indicators jsonb NOT NULL,
        measured_scores jsonb NOT NULL,
        innovation_score numeric(5,2) CHECK (innovation_score BETWEEN 0 AND 100),
        effectiveness_score numeric(5,2) CHECK (effectiveness_score BETWEEN 0 AND 100),
        score_comment text CONSTRAINT evaluation_entries_score_comment_length CHECK (char_length(score_comment) <= 2000),
        scored_by uuid REFERENCES users(id),
        total_score numeric(6,2),
        rank int,
        UNIQUE (round_id, partner_id)
      )`);
    // A submitted round is frozen (Art 23: the result reported to the offices does not change).
    await q.query(`
      CREATE FUNCTION evaluation_frozen_guard() RETURNS trigger LANGUAGE plpgsql ${PINNED} AS $$
      DECLARE st text;
      BEGIN
        IF TG_TABLE_NAME = 'evaluation_rounds' THEN
          st := OLD.status;
        ELSE
          SELECT status INTO st FROM evaluation_rounds WHERE id = OLD.round_id;
        END IF;
        IF st = 'SUBMITTED' THEN
          RAISE EXCEPTION '% of a submitted evaluation round is frozen: % refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['evaluation_rounds', 'evaluation_entries']) {
      await q.query(`
        CREATE TRIGGER ${table}_frozen BEFORE UPDATE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION evaluation_frozen_guard()`);
    }
    // Entries written while the round is a draft must belong to a draft.
    await q.query(`
      CREATE FUNCTION evaluation_entry_insert_guard() RETURNS trigger LANGUAGE plpgsql ${PINNED} AS $$
      BEGIN
        IF (SELECT status FROM evaluation_rounds WHERE id = NEW.round_id) = 'SUBMITTED' THEN
          RAISE EXCEPTION 'evaluation round % is submitted and frozen', NEW.round_id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER evaluation_entries_insert_frozen BEFORE INSERT ON evaluation_entries
      FOR EACH ROW EXECUTE FUNCTION evaluation_entry_insert_guard()`);

    // ------------------------------------------------------------------ grants and RLS
    await q.query(`GRANT SELECT, INSERT, UPDATE ON audit_engagements TO ${r}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON evaluation_rounds TO ${r}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON evaluation_entries TO ${r}`);
    for (const fn of ['ipfund_audit_engaged()', 'ipfund_verify_activity_chain()']) {
      await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${r}`);
    }
    // Trigger functions run as the caller and need EXECUTE (SecondWall granted the older ones).
    for (const fn of [
      'audit_engagement_guard()',
      'evaluation_frozen_guard()',
      'evaluation_entry_insert_guard()',
      'activity_chain_append()',
    ]) {
      await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${r}`);
    }
    await q.query(
      `REVOKE EXECUTE ON FUNCTION activity_row_hash(bigint, timestamptz, date, uuid, uuid, text, text, text, text, text, text, jsonb, text) FROM PUBLIC`,
    );

    const visible: Record<string, string> = {
      // The offices and the manager all engagements; an auditor its own (even outside the window,
      // so it can be told which engagement ended). Not through ipfund_sees_all(): that reads this table.
      audit_engagements: `ipfund_kind() IN (${OPERATORS})
        OR (ipfund_kind() = 'AUDITOR' AND auditor_org_id = ipfund_org_id())`,
      // Art 23: the result is reported to the offices; a partner reads its own once submitted.
      evaluation_rounds: `ipfund_sees_all()
        OR (ipfund_kind() IN ('LENDING_BANK','GUARANTOR') AND status = 'SUBMITTED')`,
      evaluation_entries: `ipfund_sees_all()
        OR (ipfund_kind() IN ('LENDING_BANK','GUARANTOR') AND partner_id = ipfund_org_id()
            AND EXISTS (SELECT 1 FROM evaluation_rounds er WHERE er.id = round_id AND er.status = 'SUBMITTED'))`,
    };
    for (const [table, v] of Object.entries(visible)) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`,
      );
      await q.query(`
        CREATE POLICY ${table}_tenant ON ${table} TO ${r}
          USING (${v})
          WITH CHECK (ipfund_may_write() AND (${v}))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evaluation_entries`);
    await q.query(`DROP TABLE evaluation_rounds`);
    await q.query(`DROP FUNCTION evaluation_entry_insert_guard()`);
    await q.query(`DROP FUNCTION evaluation_frozen_guard()`);
    await q.query(`DROP POLICY activity_log_append ON activity_log`);
    await q.query(`DROP POLICY activity_log_read ON activity_log`);
    await q.query(`DROP POLICY activity_log_owner ON activity_log`);
    await q.query(`ALTER TABLE activity_log NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE activity_log DISABLE ROW LEVEL SECURITY`);
    await q.query(`DROP FUNCTION ipfund_verify_activity_chain()`);
    await q.query(`DROP TRIGGER activity_log_chain ON activity_log`);
    await q.query(`DROP FUNCTION activity_chain_append()`);
    await q.query(`DROP TABLE activity_chain_head`);
    await q.query(`ALTER TABLE activity_log DROP COLUMN row_hash`);
    await q.query(`ALTER TABLE activity_log DROP COLUMN prev_hash`);
    await q.query(`ALTER TABLE activity_log DROP COLUMN article`);
    await q.query(
      `DROP FUNCTION activity_row_hash(bigint, timestamptz, date, uuid, uuid, text, text, text, text, text, text, jsonb, text)`,
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION ipfund_sees_all() RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT COALESCE(public.ipfund_kind() IN (${OPERATORS},'AUDITOR'), false)
      $$`);
    await q.query(`DROP FUNCTION ipfund_audit_engaged()`);
    await q.query(`DROP TABLE audit_engagements`);
    await q.query(`DROP FUNCTION audit_engagement_guard()`);
  }
}
