import { MigrationInterface, QueryRunner } from 'typeorm';
import { PINNED, appRole } from './wall-helpers';

/**
 * Issue 11 and 12: notifications of new work, their e-mail outbox, and password changes.
 *
 * - `notifications`: one row per user and task (`task_id`, modules/task/task.rules.ts), written in the
 *   transaction of the change that opened the task, so a task is announced once and only if the change
 *   commits. A user reads and marks read only its own rows (RLS keyed on the recipient), so no message
 *   reaches a tenant the rules did not pick. Rows are written by `ipfund_notify`, a SECURITY DEFINER
 *   function that expands organisations (or kinds) to their active users across the wall and returns
 *   nothing of them; the serving role may not INSERT directly.
 * - `notification_outbox`: one e-mail per notification and recipient with an address. Delivered by the
 *   mailer (modules/notification/mailer.ts) with retries and back-off through two definer functions;
 *   the fund manager reads the delivery state (`notificationOutbox`), nobody else.
 * - `users.password_changed_at`: a password change ends every session of the user. The login and the
 *   per-request actor lookups return it, and a token carries the value it was issued under.
 * - `users.email`: where the outbox sends (optional).
 */
export class TasksAndNotifications1764202900000 implements MigrationInterface {
  name = 'TasksAndNotifications1764202900000';

  async up(q: QueryRunner): Promise<void> {
    const role = await appRole(q);
    const r = `"${role}"`;

    // ---- users: sessions end at a password change; an e-mail address for the outbox ----
    await q.query(`ALTER TABLE users ADD COLUMN password_changed_at timestamptz`);
    await q.query(`
      ALTER TABLE users ADD COLUMN email text
        CONSTRAINT users_email_length CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+$'))`);

    // The lookups return the column; their row type changes, so they are dropped and created again.
    await q.query(`DROP FUNCTION ipfund_login(text)`);
    await q.query(`
      CREATE FUNCTION ipfund_login(p_username text)
        RETURNS TABLE (user_id uuid, username text, display_name text, password_hash text, active boolean,
                       org_id uuid, org_kind text, org_name text, org_status text, password_changed_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT u.id, u.username, u.display_name, u.password_hash, u.active, o.id, o.kind, o.name, o.status,
               u.password_changed_at
          FROM users u JOIN organizations o ON o.id = u.organization_id
         WHERE u.username = p_username
      $$`);
    await q.query(`DROP FUNCTION ipfund_actor(uuid)`);
    await q.query(`
      CREATE FUNCTION ipfund_actor(p_user_id uuid)
        RETURNS TABLE (user_id uuid, username text, display_name text, active boolean,
                       org_id uuid, org_kind text, org_name text, org_status text, password_changed_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT u.id, u.username, u.display_name, u.active, o.id, o.kind, o.name, o.status, u.password_changed_at
          FROM users u JOIN organizations o ON o.id = u.organization_id
         WHERE u.id = p_user_id
      $$`);
    // A user changes its own password only: the row is the caller's (app.user_id), whatever its kind —
    // the auditor too, which may write nothing else (ipfund_may_write). Returns the new session epoch.
    await q.query(`
      CREATE FUNCTION ipfund_set_own_password(p_hash text)
        RETURNS timestamptz LANGUAGE plpgsql VOLATILE SECURITY DEFINER ${PINNED} AS $$
      DECLARE
        changed timestamptz := date_trunc('milliseconds', clock_timestamp());
      BEGIN
        IF ipfund_user_id() IS NULL OR p_hash IS NULL OR p_hash NOT LIKE '$argon2id$%' THEN
          RETURN NULL;
        END IF;
        UPDATE users SET password_hash = p_hash, password_changed_at = changed
         WHERE id = ipfund_user_id() AND active;
        IF NOT FOUND THEN RETURN NULL; END IF;
        RETURN changed;
      END $$`);

    // ---- claim documents: the kinds the measures' checklist names (packages/policy claimDocuments) ----
    await q.query(`ALTER TABLE claim_documents DROP CONSTRAINT claim_documents_kind_check`);
    await q.query(`
      ALTER TABLE claim_documents ADD CONSTRAINT claim_documents_kind_check CHECK (kind IN
        ('LOAN_CONTRACT','PLEDGE_REGISTRATION','OVERDUE_PROOF','COLLECTION_RECORD','GUARANTOR_CONFIRMATION','OTHER'))`);

    // ---- previewLoanCoverage: the borrower's blacklist date for coverage, without the registration's
    // share lock (the preview runs in a read-only transaction and stores nothing) ----
    await q.query(`
      CREATE FUNCTION ipfund_enterprise_blacklisted_since(p_enterprise_id uuid)
        RETURNS TABLE (id uuid, blacklisted_since date)
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT e.id, e.blacklisted_since FROM enterprises e
         WHERE ipfund_kind() IN ('LENDING_BANK', 'FUND_MANAGER') AND e.id = p_enterprise_id
      $$`);

    // ---- notifications ----
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        recipient_user_id uuid NOT NULL REFERENCES users(id),
        recipient_org_id uuid NOT NULL REFERENCES organizations(id),
        task_id text NOT NULL CHECK (length(task_id) <= 200),
        kind text NOT NULL CHECK (length(kind) <= 40),
        title text NOT NULL CHECK (length(title) <= 500),
        article text NOT NULL CHECK (length(article) <= 40),
        subject_type text NOT NULL CHECK (length(subject_type) <= 40),
        subject_id text NOT NULL CHECK (length(subject_id) <= 64),
        due_on date NOT NULL,
        business_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notifications_once UNIQUE (recipient_user_id, task_id)
      )`);
    await q.query(`CREATE INDEX notifications_inbox ON notifications (recipient_user_id, seq DESC)`);

    await q.query(`
      CREATE TABLE notification_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        notification_id uuid NOT NULL UNIQUE REFERENCES notifications(id),
        recipient_user_id uuid NOT NULL REFERENCES users(id),
        to_address text NOT NULL CHECK (length(to_address) <= 254),
        subject text NOT NULL CHECK (length(subject) <= 500),
        body text NOT NULL CHECK (length(body) <= 4000),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'DELIVERED', 'LOGGED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text CHECK (length(last_error) <= 1000),
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status IN ('PENDING', 'SENDING')`,
    );

    // The serving role reads and marks its own notifications; it writes none itself.
    await q.query(`GRANT SELECT ON notifications TO ${r}`);
    await q.query(`GRANT UPDATE (read_at) ON notifications TO ${r}`);
    await q.query(`GRANT SELECT ON notification_outbox TO ${r}`);
    for (const table of ['notifications', 'notification_outbox']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY ${table}_owner ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`,
      );
    }
    await q.query(`
      CREATE POLICY notifications_recipient ON notifications TO ${r}
        USING (recipient_user_id = ipfund_user_id())
        WITH CHECK (recipient_user_id = ipfund_user_id())`);
    // Art 6: the fund manager runs the programme's correspondence and sees whether it was delivered.
    await q.query(`
      CREATE POLICY notification_outbox_manager ON notification_outbox FOR SELECT TO ${r}
        USING (ipfund_kind() = 'FUND_MANAGER')`);

    // One task announced to the active users of the organisations (by id) or kinds the rules picked,
    // except the user whose change opened it. Idempotent per user and task. Returns the rows written.
    await q.query(`
      CREATE FUNCTION ipfund_notify(p_task_id text, p_kind text, p_title text, p_article text,
          p_subject_type text, p_subject_id text, p_due_on date, p_business_date date,
          p_org_ids uuid[], p_org_kinds text[], p_mail_subject text, p_mail_body text)
        RETURNS integer LANGUAGE plpgsql VOLATILE SECURITY DEFINER ${PINNED} AS $$
      DECLARE
        written integer;
      BEGIN
        -- Only from inside a tenant's transaction (the change that opened the task).
        IF ipfund_kind() IS NULL THEN RETURN 0; END IF;
        WITH recipients AS (
          SELECT u.id AS user_id, u.organization_id AS org_id, u.email
            FROM users u JOIN organizations o ON o.id = u.organization_id
           WHERE u.active AND o.status <> 'DISQUALIFIED'
             AND (o.id = ANY(p_org_ids) OR o.kind = ANY(p_org_kinds))
             AND u.id IS DISTINCT FROM ipfund_user_id()
        ), added AS (
          INSERT INTO notifications (recipient_user_id, recipient_org_id, task_id, kind, title, article,
                                     subject_type, subject_id, due_on, business_date)
          SELECT user_id, org_id, p_task_id, p_kind, p_title, p_article, p_subject_type, p_subject_id,
                 p_due_on, p_business_date
            FROM recipients
          ON CONFLICT ON CONSTRAINT notifications_once DO NOTHING
          RETURNING id, recipient_user_id
        ), mailed AS (
          INSERT INTO notification_outbox (notification_id, recipient_user_id, to_address, subject, body)
          SELECT a.id, a.recipient_user_id, r.email, p_mail_subject, p_mail_body
            FROM added a JOIN recipients r ON r.user_id = a.recipient_user_id
           WHERE r.email IS NOT NULL
          RETURNING 1
        )
        SELECT count(*) INTO written FROM added;
        RETURN written;
      END $$`);

    // The mailer: takes up to p_limit messages due now (locked, so two workers never send one twice),
    // marks them SENDING with a ten-minute lease (a worker that dies mid-send leaves the message to be
    // taken again after it) and counts the attempt. Runs with no tenant: it reads only the outbox.
    await q.query(`
      CREATE FUNCTION ipfund_outbox_take(p_limit integer)
        RETURNS TABLE (id uuid, to_address text, subject text, body text, attempts integer)
        LANGUAGE sql VOLATILE SECURITY DEFINER ${PINNED} AS $$
        UPDATE notification_outbox o SET status = 'SENDING', attempts = o.attempts + 1,
               next_attempt_at = clock_timestamp() + interval '10 minutes'
          FROM (SELECT d.id FROM notification_outbox d
                 WHERE d.status IN ('PENDING', 'SENDING') AND d.next_attempt_at <= clock_timestamp()
                 ORDER BY d.next_attempt_at, d.seq
                 LIMIT least(greatest(p_limit, 1), 100)
                 FOR UPDATE SKIP LOCKED) due
         WHERE o.id = due.id
        RETURNING o.id, o.to_address, o.subject, o.body, o.attempts
      $$`);
    // The outcome of one attempt: DELIVERED / LOGGED (no SMTP configured), or PENDING again at
    // p_next_attempt_at, or FAILED for good.
    await q.query(`
      CREATE FUNCTION ipfund_outbox_done(p_id uuid, p_status text, p_error text, p_next_attempt_at timestamptz)
        RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER ${PINNED} AS $$
        UPDATE notification_outbox
           SET status = p_status,
               last_error = left(p_error, 1000),
               next_attempt_at = COALESCE(p_next_attempt_at, next_attempt_at),
               delivered_at = CASE WHEN p_status IN ('DELIVERED', 'LOGGED') THEN clock_timestamp() END
         WHERE id = p_id AND status = 'SENDING' AND p_status IN ('DELIVERED', 'LOGGED', 'PENDING', 'FAILED')
      $$`);

    for (const fn of [
      'ipfund_login(text)',
      'ipfund_actor(uuid)',
      'ipfund_set_own_password(text)',
      'ipfund_enterprise_blacklisted_since(uuid)',
      'ipfund_notify(text, text, text, text, text, text, date, date, uuid[], text[], text, text)',
      'ipfund_outbox_take(integer)',
      'ipfund_outbox_done(uuid, text, text, timestamptz)',
    ]) {
      await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ${r}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ipfund_outbox_done(uuid, text, text, timestamptz)`);
    await q.query(`DROP FUNCTION ipfund_outbox_take(integer)`);
    await q.query(
      `DROP FUNCTION ipfund_notify(text, text, text, text, text, text, date, date, uuid[], text[], text, text)`,
    );
    await q.query(`DROP TABLE notification_outbox`);
    await q.query(`ALTER TABLE claim_documents DROP CONSTRAINT claim_documents_kind_check`);
    await q.query(`
      ALTER TABLE claim_documents ADD CONSTRAINT claim_documents_kind_check CHECK (kind IN
        ('LOAN_CONTRACT','PLEDGE_REGISTRATION','COLLECTION_RECORD','OTHER'))`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP FUNCTION ipfund_set_own_password(text)`);
    await q.query(`DROP FUNCTION ipfund_enterprise_blacklisted_since(uuid)`);
    const role = await appRole(q);
    await q.query(`DROP FUNCTION ipfund_actor(uuid)`);
    await q.query(`
      CREATE FUNCTION ipfund_actor(p_user_id uuid)
        RETURNS TABLE (user_id uuid, username text, display_name text, active boolean,
                       org_id uuid, org_kind text, org_name text, org_status text)
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT u.id, u.username, u.display_name, u.active, o.id, o.kind, o.name, o.status
          FROM users u JOIN organizations o ON o.id = u.organization_id
         WHERE u.id = p_user_id
      $$`);
    await q.query(`DROP FUNCTION ipfund_login(text)`);
    await q.query(`
      CREATE FUNCTION ipfund_login(p_username text)
        RETURNS TABLE (user_id uuid, username text, display_name text, password_hash text, active boolean,
                       org_id uuid, org_kind text, org_name text, org_status text)
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT u.id, u.username, u.display_name, u.password_hash, u.active, o.id, o.kind, o.name, o.status
          FROM users u JOIN organizations o ON o.id = u.organization_id
         WHERE u.username = p_username
      $$`);
    for (const fn of ['ipfund_login(text)', 'ipfund_actor(uuid)']) {
      await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO "${role}"`);
    }
    await q.query(`ALTER TABLE users DROP COLUMN email`);
    await q.query(`ALTER TABLE users DROP COLUMN password_changed_at`);
  }
}
