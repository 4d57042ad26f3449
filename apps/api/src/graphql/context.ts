import type { Lang } from '@ipfund/shared';
import type { Actor } from '../authz/actor';
import { AppError, unauthenticated } from '../common/errors';
import type { Services } from '../services';

/**
 * The browser session (issue 9): the token lives in an httpOnly cookie that page scripts cannot
 * read. Present on HTTP requests only; `login` sets it and `logout` clears it.
 */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface GqlContext {
  actor: Actor | null;
  /** Why a presented token was refused (expired, tampered...), reported by non-public fields. */
  authError?: AppError;
  /**
   * The Authorization value the actor came from: a login answered from the auth cache is re-read
   * with it before a mutation runs (graphql/operation.ts).
   */
  authorization?: string;
  services: Services;
  /** The client's address (`req.ip`, through a proxy only when TRUST_PROXY says so): login throttling. */
  clientAddress?: string;
  session?: SessionCookie;
  /** The language the request asked for (Accept-Language); absent when it asked for none. */
  lang?: Lang;
}

/** The authenticated actor, or UNAUTHENTICATED. Resolvers read the tenant from here, never from arguments. */
export function requireActor(ctx: GqlContext): Actor {
  if (!ctx.actor) throw ctx.authError ?? unauthenticated();
  return ctx.actor;
}
