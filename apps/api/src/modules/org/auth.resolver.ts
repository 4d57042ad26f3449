import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Actor } from '../../authz/actor';
import { requireActor, type GqlContext } from '../../graphql/context';
import {
  AuthPayloadType,
  LoginLockoutKind,
  LoginLockoutType,
  UserType,
  ViewerPermissionsType,
} from './org.types';

export function toUserType(actor: Actor): UserType {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    organization: { id: actor.orgId, name: actor.orgName, kind: actor.orgKind },
  };
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayloadType, {
    description:
      'Public. The same error for an unknown user and a wrong password. Failed attempts are counted per ' +
      'username and per client address: after a few, attempts wait (exponential back-off); after 10 for one ' +
      'username within 15 minutes, every attempt — even with the right password — is refused RATE_LIMITED ' +
      '(`extensions.retryAfterSeconds`) until the window passes or an office or the fund manager clears it.',
  })
  async login(
    @Arg('username') username: string,
    @Arg('password') password: string,
    @Ctx() ctx: GqlContext,
  ): Promise<AuthPayloadType> {
    const { token, expiresAt, actor } = await ctx.services.auth.login(username, password, ctx.clientAddress);
    // The browser keeps the session in an httpOnly cookie (issue 9); API clients use the token.
    ctx.session?.set(token, expiresAt);
    return { token, expiresAt, user: toUserType(actor) };
  }

  @Mutation(() => Boolean, {
    description:
      "Public. Ends the browser's session: clears the httpOnly session cookie that `login` set. A bearer " +
      'token stays valid until it expires (tokens are not stored server-side).',
  })
  logout(@Ctx() ctx: GqlContext): boolean {
    ctx.session?.clear();
    return true;
  }

  @Mutation(() => AuthPayloadType, {
    description:
      'Every user: change its own password. The current password is required; the new one needs at least 10 ' +
      'characters and three of lower-case, upper-case, digits and symbols (or 16 characters), and may not be ' +
      'common or contain the username. Every session of the user issued before the change ends; the answer ' +
      'carries a fresh token (and renews the session cookie) for this one. On the activity record.',
  })
  async changePassword(
    @Ctx() ctx: GqlContext,
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
  ): Promise<AuthPayloadType> {
    const actor = requireActor(ctx);
    const { token, expiresAt } = await ctx.services.passwords.change(actor, currentPassword, newPassword);
    ctx.session?.set(token, expiresAt);
    return { token, expiresAt, user: toUserType(actor) };
  }

  @Query(() => ViewerPermissionsType, {
    description:
      'What the caller may do and read at all (kind level, from the operations table and the read rules). ' +
      'Menus and "new …" buttons follow it; each record says what may be done to it in `viewerCan`.',
  })
  viewerPermissions(@Ctx() ctx: GqlContext): ViewerPermissionsType {
    return ctx.services.access.permissionsOf(requireActor(ctx));
  }

  @Query(() => [LoginLockoutType], {
    description:
      'The offices and the fund manager (auth.clearLockout): usernames and client addresses blocked now after failed logins',
  })
  async loginLockouts(@Ctx() ctx: GqlContext): Promise<LoginLockoutType[]> {
    const rows = await ctx.services.partners.loginLockouts(requireActor(ctx));
    return rows.map((r) => ({
      kind: r.kind === 'USERNAME' ? LoginLockoutKind.USERNAME : LoginLockoutKind.ADDRESS,
      subject: r.subject,
      failures: r.failures,
      blockedUntil: r.blockedUntil,
      lastAttemptAt: r.lastAttemptAt,
    }));
  }

  @Mutation(() => Boolean, {
    description:
      "The offices and the fund manager (auth.clearLockout): reset a username's failed logins so it may log in " +
      'at once. False when it had none. On the activity record.',
  })
  clearLoginLockout(@Ctx() ctx: GqlContext, @Arg('username') username: string): Promise<boolean> {
    return ctx.services.partners.clearLoginLockout(requireActor(ctx), username);
  }

  @Query(() => UserType, { nullable: true, description: 'The logged-in user and organisation' })
  me(@Ctx() ctx: GqlContext): UserType | null {
    return ctx.actor ? toUserType(ctx.actor) : null;
  }
}
