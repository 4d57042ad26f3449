import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { OrgKind } from '@ipfund/shared';

const ISSUER = 'ipfund-api';
const AUDIENCE = 'ipfund-portal';
/** Allow-list: a token signed with any other algorithm (or "none") is refused. */
const ALGORITHMS = ['HS256'];

export interface TokenClaims {
  userId: string;
  orgId: string;
  orgKind: OrgKind;
  /**
   * The user's session epoch when the token was issued: the time of its last password change in epoch
   * ms (absent: never changed). A password change moves the epoch, so every earlier token is refused.
   */
  sessionEpoch?: number;
  /** When the token expires (set by `verify`; an actor cached for it never outlives it). */
  expiresAt?: Date;
}

export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(this.now().getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const token = await new SignJWT({
      org: claims.orgId,
      kind: claims.orgKind,
      ...(claims.sessionEpoch ? { sev: claims.sessionEpoch } : {}),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** Returns the claims, or null for any token that is malformed, tampered, expired or not ours. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ALGORITHMS,
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['exp', 'sub'],
        currentDate: this.now(),
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.org !== 'string' ||
        typeof payload.kind !== 'string'
      ) {
        return null;
      }
      const claims: TokenClaims = {
        userId: payload.sub,
        orgId: payload.org,
        orgKind: payload.kind as OrgKind,
        ...(typeof payload.sev === 'number' ? { sessionEpoch: payload.sev } : {}),
      };
      // Not enumerable: the claims compare equal to what was issued (tests), the expiry rides along.
      if (typeof payload.exp === 'number') {
        Object.defineProperty(claims, 'expiresAt', {
          value: new Date(payload.exp * 1000),
          enumerable: false,
        });
      }
      return claims;
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) return null;
      throw err;
    }
  }
}
