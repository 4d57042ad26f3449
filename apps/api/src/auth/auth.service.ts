import type { DataSource } from 'typeorm';
import { isOrgKind } from '@ipfund/shared';
import { AppError, unauthenticated } from '../common/errors';
import { ERROR_CODES } from '@ipfund/shared';
import { UserEntity } from '../modules/org/user.entity';
import type { Actor } from '../authz/actor';
import { burnPasswordCheck, verifyPassword } from './password';
import type { TokenService } from './tokens';

/** One message for unknown user, wrong password and inactive account: nothing to enumerate. */
const LOGIN_FAILED = 'Wrong username or password';

export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokenService,
  ) {}

  async login(username: string, password: string): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const user = await this.findUser({ username: username.trim().toLowerCase() });
    if (!user) {
      await burnPasswordCheck(password);
      throw new AppError(ERROR_CODES.UNAUTHENTICATED, LOGIN_FAILED);
    }
    const ok = await verifyPassword(user.passwordHash, password);
    const actor = ok ? this.toActor(user) : null;
    if (!actor) throw new AppError(ERROR_CODES.UNAUTHENTICATED, LOGIN_FAILED);
    const { token, expiresAt } = await this.tokens.issue({
      userId: actor.userId,
      orgId: actor.orgId,
      orgKind: actor.orgKind,
    });
    return { token, expiresAt, actor };
  }

  /**
   * Resolves a bearer token to the acting user. The user and organisation are re-read on every
   * request, so a deactivated user or a disqualified partner (Art 25) loses access at once.
   */
  async authenticate(authorization: string | undefined): Promise<Actor | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw unauthenticated('Authorization header must be "Bearer <token>"');
    const claims = await this.tokens.verify(m[1]);
    if (!claims) throw unauthenticated('Invalid or expired token');
    const user = await this.findUser({ id: claims.userId });
    const actor = user ? this.toActor(user) : null;
    if (!actor || actor.orgId !== claims.orgId) throw unauthenticated('Invalid or expired token');
    return actor;
  }

  /** The actor for an active user, by username (demo steps and tests act as real users). */
  async actorFor(username: string): Promise<Actor> {
    const user = await this.findUser({ username });
    const actor = user ? this.toActor(user) : null;
    if (!actor) throw new Error(`no active user ${username}`);
    return actor;
  }

  /** One statement per request (findOne with relations would add a DISTINCT pre-query). */
  private findUser(where: { id: string } | { username: string }): Promise<UserEntity | null> {
    const qb = this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .innerJoinAndSelect('user.organization', 'org');
    return (
      'id' in where ? qb.where('user.id = :id', where) : qb.where('user.username = :username', where)
    ).getOne();
  }

  private toActor(user: UserEntity): Actor | null {
    const org = user.organization;
    // A retired partner (Art 15) still works its existing loans, claims and recoveries (Art 19:
    // business already under way is seen through); a disqualified one (Art 25) is locked out.
    if (!user.active || !org || org.status === 'DISQUALIFIED' || !isOrgKind(org.kind)) return null;
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      orgId: org.id,
      orgKind: org.kind,
      orgName: org.name,
    };
  }
}
