import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Actor } from '../../authz/actor';
import { requireActor, type GqlContext } from '../../graphql/context';
import { AuthPayloadType, UserType, ViewerPermissionsType } from './org.types';

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
    description: 'Public. The same error for an unknown user and a wrong password.',
  })
  async login(
    @Arg('username') username: string,
    @Arg('password') password: string,
    @Ctx() ctx: GqlContext,
  ): Promise<AuthPayloadType> {
    const { token, expiresAt, actor } = await ctx.services.auth.login(username, password);
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

  @Query(() => UserType, { nullable: true, description: 'The logged-in user and organisation' })
  me(@Ctx() ctx: GqlContext): UserType | null {
    return ctx.actor ? toUserType(ctx.actor) : null;
  }
}
