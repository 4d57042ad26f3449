import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ORG_KINDS, type OrgKind } from '@ipfund/shared';

/** GraphQL enum built from the shared list, so the API and the client cannot drift apart. */
export const OrgKindEnum = Object.fromEntries(ORG_KINDS.map((k) => [k, k])) as { [K in OrgKind]: K };
registerEnumType(OrgKindEnum, { name: 'OrgKind', description: 'Organisation kinds (DOMAIN.md §1)' });

@ObjectType('Organization')
export class OrganizationType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrgKindEnum)
  kind: OrgKind;
}

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => OrganizationType)
  organization: OrganizationType;
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field({
    description:
      'For API clients: send as "Authorization: Bearer <token>". The web client does not read it: login also ' +
      'sets an httpOnly session cookie (issue 9).',
  })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => UserType)
  user: UserType;
}

/** A party named on a record the caller may see (e.g. the bank of a visible loan). */
@ObjectType('OrgRef')
export class OrgRefType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('ViewerPermissions', {
  description: "The caller's permissions at the level of its organisation kind",
})
export class ViewerPermissionsType {
  @Field(() => [String], { description: 'Operations (authz operations table) the caller may take somewhere' })
  operations: string[];
  @Field(() => [String], { description: 'Kinds of record the caller can read at least one of' })
  readable: string[];
}

export enum LoginLockoutKind {
  USERNAME = 'USERNAME',
  ADDRESS = 'ADDRESS',
}
registerEnumType(LoginLockoutKind, {
  name: 'LoginLockoutKind',
  description: 'What failed logins are counted on: a username (known or not) or a client address',
});

@ObjectType('LoginLockout', {
  description: 'A username or client address blocked now after failed logins (issue 9)',
})
export class LoginLockoutType {
  @Field(() => LoginLockoutKind)
  kind: LoginLockoutKind;
  @Field({ description: 'The username as typed (lower-cased), or the client address' })
  subject: string;
  @Field(() => Int, { description: 'Failed attempts in the current window' })
  failures: number;
  @Field({ description: 'Attempts are refused (RATE_LIMITED) until then' })
  blockedUntil: Date;
  @Field()
  lastAttemptAt: Date;
}
