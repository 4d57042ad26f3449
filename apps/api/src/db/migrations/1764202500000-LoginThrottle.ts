import { MigrationInterface, QueryRunner } from 'typeorm';
import { PINNED, appRole } from './wall-helpers';

/**
 * Login throttling that holds across API instances (issue 9): the counts live in PostgreSQL, one row
 * per throttled key (`user:<username>` or `addr:<client address>`).
 *
 * Login runs before any tenant is known, and the table is not tenant data: the serving role gets no
 * grant on it at all. Everything goes through SECURITY DEFINER functions that do one step each —
 * count an attempt, reset after a success, and (for the three offices and the fund manager, checked
 * again here from the tenant settings) list and clear lock-outs. No tenant read reaches the table.
 *
 * Every attempt is counted *before* the password is checked (a success takes it back), so a burst of
 * concurrent guesses serialises on the row lock and cannot slip past the count.
 */

/** The offices and the fund manager (authz/operations.ts `auth.clearLockout`). */
const LOCKOUT_KEEPERS = `('IP_BUREAU', 'FINANCE_BUREAU', 'FINANCIAL_OFFICE', 'FUND_MANAGER')`;

export class LoginThrottle1764202500000 implements MigrationInterface {
  name = 'LoginThrottle1764202500000';

  async up(q: QueryRunner): Promise<void> {
    const role = await appRole(q);

    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 300),
        failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
        window_start timestamptz NOT NULL,
        blocked_until timestamptz,
        last_attempt_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX login_throttle_blocked ON login_throttle (blocked_until)`);
    // No grant: the serving role reaches the table only through the functions below.
    await q.query(`REVOKE ALL ON login_throttle FROM PUBLIC`);

    // One attempt on one key. Returns the seconds the key was still blocked for *before* this
    // attempt (0: the attempt may proceed). The attempt is counted either way: hammering a blocked
    // key doubles its back-off. Inside a window: `p_free` attempts pass, then each failure blocks the
    // key for 1, 2, 4 … seconds (capped at the window); the `p_lock`-th failure locks it for a whole
    // window. A window that has passed with no block holding starts a new count.
    await q.query(`
      CREATE FUNCTION ipfund_login_throttle_hit(p_key text, p_free integer, p_lock integer, p_window integer)
        RETURNS integer LANGUAGE plpgsql VOLATILE SECURITY DEFINER ${PINNED} AS $$
      DECLARE
        now_ timestamptz := clock_timestamp();
        t login_throttle;
        wait integer := 0;
      BEGIN
        INSERT INTO login_throttle AS l (key, failures, window_start, last_attempt_at)
        VALUES (p_key, 0, now_, now_)
        ON CONFLICT (key) DO UPDATE SET last_attempt_at = now_
        RETURNING l.* INTO t;
        IF t.window_start + make_interval(secs => p_window) <= now_
           AND (t.blocked_until IS NULL OR t.blocked_until <= now_) THEN
          t.failures := 0;
          t.window_start := now_;
          t.blocked_until := NULL;
        END IF;
        IF t.blocked_until > now_ THEN
          wait := ceil(extract(epoch FROM t.blocked_until - now_))::integer;
        END IF;
        t.failures := t.failures + 1;
        IF t.failures = p_lock THEN
          t.blocked_until := greatest(t.blocked_until, now_ + make_interval(secs => p_window));
        ELSIF t.failures > p_free AND t.failures < p_lock THEN
          t.blocked_until := greatest(t.blocked_until,
            now_ + make_interval(secs => least(power(2, least(t.failures - p_free - 1, 30)), p_window)));
        END IF;
        UPDATE login_throttle
           SET failures = t.failures, window_start = t.window_start, blocked_until = t.blocked_until
         WHERE key = p_key;
        RETURN wait;
      END $$`);

    // A login attempt: the username first, then the address (always in this order, so concurrent
    // attempts lock rows in one order). The longest wait of the two.
    await q.query(`
      CREATE FUNCTION ipfund_login_attempt(p_username text, p_address text,
          p_user_free integer, p_user_lock integer, p_addr_free integer, p_addr_lock integer, p_window integer)
        RETURNS integer LANGUAGE sql VOLATILE SECURITY DEFINER ${PINNED} AS $$
        SELECT greatest(
          ipfund_login_throttle_hit('user:' || p_username, p_user_free, p_user_lock, p_window),
          CASE WHEN p_address IS NULL THEN 0
               ELSE ipfund_login_throttle_hit('addr:' || p_address, p_addr_free, p_addr_lock, p_window) END)
      $$`);

    // A successful login resets its username and takes back the attempt counted on its address (an
    // office behind one address is not throttled by its own successful logins).
    await q.query(`
      CREATE FUNCTION ipfund_login_succeeded(p_username text, p_address text)
        RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER ${PINNED} AS $$
        UPDATE login_throttle SET failures = 0, blocked_until = NULL, window_start = clock_timestamp()
         WHERE key = 'user:' || p_username;
        UPDATE login_throttle SET failures = greatest(failures - 1, 0)
         WHERE p_address IS NOT NULL AND key = 'addr:' || p_address;
      $$`);

    // The lock-out view (auth.clearLockout): keys blocked now. Nothing for any other kind, whatever
    // the application asked.
    await q.query(`
      CREATE FUNCTION ipfund_login_lockouts()
        RETURNS TABLE (key text, failures integer, blocked_until timestamptz, last_attempt_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER ${PINNED} AS $$
        SELECT t.key, t.failures, t.blocked_until, t.last_attempt_at FROM login_throttle t
         WHERE ipfund_kind() IN ${LOCKOUT_KEEPERS} AND t.blocked_until > clock_timestamp()
         ORDER BY t.blocked_until DESC, t.key
         LIMIT 500
      $$`);
    await q.query(`
      CREATE FUNCTION ipfund_clear_login_lockout(p_username text)
        RETURNS boolean LANGUAGE plpgsql VOLATILE SECURITY DEFINER ${PINNED} AS $$
      BEGIN
        IF ipfund_kind() IS NULL OR ipfund_kind() NOT IN ${LOCKOUT_KEEPERS} THEN
          RETURN false;
        END IF;
        UPDATE login_throttle SET failures = 0, blocked_until = NULL, window_start = clock_timestamp()
         WHERE key = 'user:' || p_username AND (failures > 0 OR blocked_until IS NOT NULL);
        RETURN FOUND;
      END $$`);

    await q.query(
      `REVOKE EXECUTE ON FUNCTION ipfund_login_throttle_hit(text, integer, integer, integer) FROM PUBLIC`,
    );
    for (const fn of [
      'ipfund_login_attempt(text, text, integer, integer, integer, integer, integer)',
      'ipfund_login_succeeded(text, text)',
      'ipfund_login_lockouts()',
      'ipfund_clear_login_lockout(text)',
    ]) {
      await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO "${role}"`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ipfund_clear_login_lockout(text)`);
    await q.query(`DROP FUNCTION ipfund_login_lockouts()`);
    await q.query(`DROP FUNCTION ipfund_login_succeeded(text, text)`);
    await q.query(
      `DROP FUNCTION ipfund_login_attempt(text, text, integer, integer, integer, integer, integer)`,
    );
    await q.query(`DROP FUNCTION ipfund_login_throttle_hit(text, integer, integer, integer)`);
    await q.query(`DROP TABLE login_throttle`);
  }
}
