import type { Actor } from '../authz/actor';

interface Entry {
  actor: Actor;
  /** Epoch ms after which the entry is not used (the cache TTL, or the token's own expiry if sooner). */
  until: number;
}

/**
 * Bearer token → the actor its user and organisation resolved to, for a short bounded time (issue 10:
 * the lookup was one statement and one implicit transaction per request).
 *
 * Only GraphQL query operations use a cached actor, and each of them re-checks it in the first round
 * trip of its read transaction (db/tenant.ts beginReadSql reads the user's and organisation's standing
 * in the same statement as the tenant settings): a deactivated user, or a disqualified or retired
 * partner, is refused on its next request by every instance, whatever this cache holds, and the entry
 * is dropped (graphql/operation.ts). Mutations always re-read the actor. The cache is per process and
 * needs no coordination between instances: the TTL bounds only how long a changed display name stays.
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** A copy of the cached actor (each request gets its own object), or undefined. */
  get(token: string): Actor | undefined {
    const entry = this.live(token);
    return entry ? { ...entry.actor } : undefined;
  }

  /**
   * The entry's actor and its end (epoch ms, never after the token's expiry), or undefined: the
   * token was verified when the entry was made, so until then its signature needs no second check.
   */
  peek(token: string): { actor: Actor; until: number } | undefined {
    const entry = this.live(token);
    return entry ? { actor: { ...entry.actor }, until: entry.until } : undefined;
  }

  private live(token: string): Entry | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  set(token: string, actor: Actor, tokenExpiresAt?: number): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const until = Math.min(this.now() + this.ttlMs, tokenExpiresAt ?? Number.POSITIVE_INFINITY);
    this.entries.set(token, { actor: { ...actor }, until });
  }

  /** Drops every token of the user (its standing changed). */
  forgetUser(userId: string): void {
    for (const [token, entry] of this.entries) if (entry.actor.userId === userId) this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }
}
