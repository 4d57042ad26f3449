import type { Actor } from '../authz/actor';
import { AppError, badInput, conflict } from '../common/errors';
import type { UseCaseRunner } from '../common/use-case';
import { ERROR_CODES } from '@ipfund/shared';
import { hashPassword, verifyPassword } from './password';
import { passwordWeakness } from './password-strength';
import type { TokenService } from './tokens';

/** What the session layer may forget about a user whose sessions ended (a per-process login cache). */
interface SessionCache {
  forget?(actor: Actor): void;
}

/**
 * Every user changes its own password (issue 11): the current one is required, the new one is checked
 * for length and strength and stored as an argon2id hash, and every session of the user issued before
 * the change ends — the tokens carry the session epoch they were issued under (auth/tokens.ts), and
 * the change moves it. The caller gets a fresh token for the session it is using. On the activity
 * record as `auth.changePassword` (never the passwords).
 */
export class PasswordChangeService {
  constructor(
    private readonly useCases: UseCaseRunner,
    private readonly tokens: TokenService,
    private readonly sessions: SessionCache,
  ) {}

  async change(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ token: string; expiresAt: Date; changedAt: Date }> {
    const changedAt = await this.useCases.run(actor, 'auth.changePassword', async ({ em, target }) => {
      target('User', actor.userId);
      // The stored hash through the login lookup (a definer function: the same for every kind).
      const [row] = (await em.query(`SELECT password_hash AS hash FROM ipfund_login($1)`, [
        actor.username,
      ])) as {
        hash: string;
      }[];
      if (!row || !(await verifyPassword(row.hash, currentPassword))) {
        throw new AppError(ERROR_CODES.UNAUTHENTICATED, 'auth.passwordWrong', {});
      }
      const weak = passwordWeakness(newPassword, actor.username);
      if (weak) throw badInput(weak.key, weak.params as never);
      if (await verifyPassword(row.hash, newPassword)) throw conflict('auth.passwordUnchanged', {});
      const [set] = (await em.query(`SELECT ipfund_set_own_password($1) AS changed`, [
        await hashPassword(newPassword),
      ])) as { changed: Date | null }[];
      if (!set?.changed) throw new AppError(ERROR_CODES.UNAUTHENTICATED, 'auth.notLoggedIn', {});
      return new Date(set.changed);
    });
    this.sessions.forget?.(actor);
    const { token, expiresAt } = await this.tokens.issue({
      userId: actor.userId,
      orgId: actor.orgId,
      orgKind: actor.orgKind,
      sessionEpoch: changedAt.getTime(),
    });
    return { token, expiresAt, changedAt };
  }
}
