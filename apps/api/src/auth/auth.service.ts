import type { DataSource } from 'typeorm';
import { isOrgKind } from '@ipfund/shared';
import { RateLimitedError, unauthenticated } from '../common/errors';
import type { Actor } from '../authz/actor';
import { isUuid } from '../common/ids';
import { burnPasswordCheck, verifyPassword } from './password';
import { LoginThrottle, normalizeUsername } from './throttle';
import type { TokenClaims, TokenService } from './tokens';
import { ActorCache } from './actor-cache';

/** A user with its organisation, as the database's lookup functions return it. */
interface UserRow {
  userId: string;
  username: string;
  displayName: string;
  active: boolean;
  orgId: string;
  orgKind: string;
  orgName: string;
  orgStatus: string;
  /** The last password change; tokens issued before it are refused (issue 11). */
  passwordChangedAt: Date | null;
}

/** The session epoch a token must carry: the last password change in epoch ms, 0 if never changed. */
export function sessionEpochOf(user: { passwordChangedAt: Date | null }): number {
  return user.passwordChangedAt ? user.passwordChangedAt.getTime() : 0;
}

const USER_COLUMNS = `user_id AS "userId", username, display_name AS "displayName", active,
  org_id AS "orgId", org_kind AS "orgKind", org_name AS "orgName", org_status AS "orgStatus",
  password_changed_at AS "passwordChangedAt"`;

export class AuthService {
  private readonly throttle: LoginThrottle;
  private readonly cache = new ActorCache();
  private readonly fromCache = new WeakSet<Actor>();

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokenService,
  ) {
    this.throttle = new LoginThrottle(ds);
  }

  /**
   * Logs in. Every attempt is counted first, per username (known or not) and per client address
   * (`address`, from the request); a blocked username or address is refused RATE_LIMITED before the
   * password is looked at, even the right one. Only a success resets the username's count.
   */
  async login(
    username: string,
    password: string,
    address?: string,
  ): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const name = normalizeUsername(username);
    const wait = await this.throttle.attempt(name, address);
    if (wait > 0) throw new RateLimitedError(wait);
    const user = await this.findLogin(name);
    if (!user) {
      await burnPasswordCheck(password);
      // One message for unknown user, wrong password and inactive account: nothing to enumerate.
      throw unauthenticated('auth.loginFailed');
    }
    const ok = await verifyPassword(user.passwordHash, password);
    const actor = ok ? this.toActor(user) : null;
    if (!actor) throw unauthenticated('auth.loginFailed');
    await this.throttle.succeeded(name, address);
    const { token, expiresAt } = await this.tokens.issue({
      userId: actor.userId,
      orgId: actor.orgId,
      orgKind: actor.orgKind,
      sessionEpoch: sessionEpochOf(user),
    });
    return { token, expiresAt, actor };
  }

  /**
   * Resolves a bearer token to the acting user. Without `cached` the user and organisation are
   * re-read, so a deactivated user or a disqualified partner (Art 25) loses access at once, and a
   * retired partner's users lose new business at once (`orgRetired`, authz/operations.ts). With
   * `cached` (GraphQL requests) a login resolved in the last minute is answered from memory; the
   * caller must then re-check it before acting on it (graphql/operation.ts, auth/actor-cache.ts).
   */
  async authenticate(
    authorization: string | undefined,
    opts: { cached?: boolean } = {},
  ): Promise<Actor | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw unauthenticated('auth.badAuthorizationHeader');
    const known = this.cache.peek(m[1]);
    if (opts.cached && known) {
      this.fromCache.add(known.actor);
      return known.actor;
    }
    // A token this process verified (the same string, within the entry's life, which ends by the
    // token's expiry) needs no second signature check: a mutation re-reads its user and organisation
    // below all the same. The signature check was a twentieth of a claim step's CPU in Node.
    const claims: Pick<TokenClaims, 'userId' | 'orgId' | 'sessionEpoch' | 'expiresAt'> | null = known
      ? {
          userId: known.actor.userId,
          orgId: known.actor.orgId,
          sessionEpoch: known.actor.sessionEpoch,
          expiresAt: new Date(known.until),
        }
      : await this.tokens.verify(m[1]);
    if (!claims) throw unauthenticated('auth.invalidToken');
    const user = await this.findActor(claims.userId);
    const actor = user ? this.toActor(user) : null;
    // A password change ends every session issued before it (the epoch the token carries moved on).
    if (!actor || actor.orgId !== claims.orgId || (claims.sessionEpoch ?? 0) !== sessionEpochOf(user!))
      throw unauthenticated('auth.invalidToken');
    actor.sessionEpoch = claims.sessionEpoch ?? 0;
    this.cache.set(m[1], actor, claims.expiresAt?.getTime());
    return actor;
  }

  /** Was this actor object answered from the cache (and not yet re-checked against the database)? */
  isCached(actor: Actor): boolean {
    return this.fromCache.has(actor);
  }

  /** Drops the user's cached logins (its standing changed). */
  forget(actor: Actor): void {
    this.cache.forgetUser(actor.userId);
  }

  /** The actor for an active user, by username (demo steps and tests act as real users). */
  async actorFor(username: string): Promise<Actor> {
    const user = await this.findLogin(username);
    const actor = user ? this.toActor(user) : null;
    if (!actor) throw new Error(`no active user ${username}`);
    return actor;
  }

  /**
   * Login by username, before any tenant is known: the SECURITY DEFINER function `ipfund_login`
   * (migrations/1764202200000-SecondWall.ts) reads across row-level security, so this works for the
   * serving role with no tenant settings. One statement per request.
   */
  private async findLogin(username: string): Promise<(UserRow & { passwordHash: string }) | null> {
    const rows = (await this.ds.query(
      `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM ipfund_login($1)`,
      [username],
    )) as (UserRow & { passwordHash: string })[];
    return rows[0] ?? null;
  }

  /** The token's user and organisation, re-read per request through `ipfund_actor` (no password hash). */
  private async findActor(userId: string): Promise<UserRow | null> {
    if (!isUuid(userId)) return null;
    const rows = (await this.ds.query(`SELECT ${USER_COLUMNS} FROM ipfund_actor($1)`, [userId])) as UserRow[];
    return rows[0] ?? null;
  }

  private toActor(user: UserRow): Actor | null {
    // A retired partner (Art 15) left the programme, but its earlier loans stay covered and the
    // recoveries it owes the fund must still be remitted (Art 18): its users keep working the business
    // already under way and open none (the operations table's `newBusiness`). A disqualified one
    // (Art 25) is locked out.
    if (!user.active || user.orgStatus === 'DISQUALIFIED' || !isOrgKind(user.orgKind)) return null;
    return {
      userId: user.userId,
      username: user.username,
      displayName: user.displayName,
      orgId: user.orgId,
      orgKind: user.orgKind,
      orgName: user.orgName,
      orgRetired: user.orgStatus === 'RETIRED',
    };
  }
}
