import type { DataSource, EntityManager } from 'typeorm';

/**
 * Login throttling (issue 9), with its state in PostgreSQL so that every API instance sees the same
 * counts (migrations/1764202500000-LoginThrottle.ts). Two keys per attempt: the username (whether it
 * exists or not, so an unknown user and a wrong password behave alike) and the client address.
 */
export const LOGIN_THROTTLE = Object.freeze({
  /** The window failures are counted in, and how long a lock-out lasts. */
  windowSeconds: 15 * 60,
  /** Per username: attempts that pass freely, then back-off 1, 2, 4 … s; the 10th failure locks. */
  userFree: 5,
  userLock: 10,
  /** Per client address (an office may log many users in behind one address). */
  addressFree: 30,
  addressLock: 100,
});

/** Keys are stored as text; a longer username or address cannot name a distinct account anyway. */
const MAX_KEY = 256;

export interface LoginLockout {
  kind: 'USERNAME' | 'ADDRESS';
  subject: string;
  failures: number;
  blockedUntil: Date;
  lastAttemptAt: Date;
}

export class LoginThrottle {
  constructor(private readonly ds: DataSource) {}

  /**
   * Counts one attempt (before the password is checked) and returns how many seconds the username or
   * the address is still blocked for: 0 lets the attempt proceed.
   */
  async attempt(username: string, address: string | undefined): Promise<number> {
    const t = LOGIN_THROTTLE;
    const rows = (await this.ds.query(`SELECT ipfund_login_attempt($1, $2, $3, $4, $5, $6, $7) AS wait`, [
      username.slice(0, MAX_KEY),
      address ? address.slice(0, MAX_KEY) : null,
      t.userFree,
      t.userLock,
      t.addressFree,
      t.addressLock,
      t.windowSeconds,
    ])) as { wait: number }[];
    return Number(rows[0]?.wait ?? 0);
  }

  /** A successful login resets its username and takes back the attempt counted on its address. */
  async succeeded(username: string, address: string | undefined): Promise<void> {
    await this.ds.query(`SELECT ipfund_login_succeeded($1, $2)`, [
      username.slice(0, MAX_KEY),
      address ? address.slice(0, MAX_KEY) : null,
    ]);
  }

  /** Keys blocked now; the database answers only the offices and the fund manager (tenant settings). */
  static async lockouts(em: EntityManager): Promise<LoginLockout[]> {
    const rows = (await em.query(
      `SELECT key, failures, blocked_until AS "blockedUntil", last_attempt_at AS "lastAttemptAt"
         FROM ipfund_login_lockouts()`,
    )) as { key: string; failures: number; blockedUntil: Date; lastAttemptAt: Date }[];
    return rows.map((r) => {
      const user = r.key.startsWith('user:');
      return {
        kind: user ? 'USERNAME' : 'ADDRESS',
        subject: r.key.slice(user ? 'user:'.length : 'addr:'.length),
        failures: r.failures,
        blockedUntil: new Date(r.blockedUntil),
        lastAttemptAt: new Date(r.lastAttemptAt),
      };
    });
  }

  /** Clears a username's count and block; false if it had none (or the caller may not). */
  static async clear(em: EntityManager, username: string): Promise<boolean> {
    const rows = (await em.query(`SELECT ipfund_clear_login_lockout($1) AS cleared`, [
      normalizeUsername(username).slice(0, MAX_KEY),
    ])) as { cleared: boolean }[];
    return rows[0]?.cleared === true;
  }
}

/** Usernames are matched trimmed and lower-cased, at login and when clearing. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}
