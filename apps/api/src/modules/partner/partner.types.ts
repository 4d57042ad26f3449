import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { OrgRefType } from '../org/org.types';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';

export enum PartnerKind {
  LENDING_BANK = 'LENDING_BANK',
  GUARANTOR = 'GUARANTOR',
}
registerEnumType(PartnerKind, {
  name: 'PartnerKind',
  description: 'Partners of the fund: lending banks (Art 8) and guarantors (Art 14)',
});

export enum PartnerStatus {
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
  DISQUALIFIED = 'DISQUALIFIED',
}
registerEnumType(PartnerStatus, {
  name: 'PartnerStatus',
  description:
    'ACTIVE; RETIRED (left the programme, Art 15); DISQUALIFIED (lost partner status, Art 25). ' +
    'Users of a partner that is not ACTIVE can no longer act.',
});

@ObjectType('Partner', { description: 'A partner bank or guarantor, with its standing' })
export class PartnerType {
  @Field(() => ID)
  id: string;

  @Field(() => PartnerKind)
  kind: PartnerKind;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  shortName: string | null;

  @Field(() => PartnerStatus)
  status: PartnerStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Financing-guarantee licence number (Art 14); required for a guarantor',
  })
  licenceNo: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was retired or disqualified' })
  statusReason: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Business date of the last status change' })
  statusChangedOn: string | null;
}

@ObjectType('ManagedUser', { description: 'A login of an organisation, as seen by user management' })
export class ManagedUserType {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field({ description: 'false once deactivated: the user can no longer log in or act' })
  active: boolean;

  @Field(() => OrgRefType)
  organization: OrgRefType;
}

@InputType('AdmitPartnerInput')
export class AdmitPartnerInput {
  @Field(() => PartnerKind)
  kind: PartnerKind;

  @Field()
  @MaxLength(TEXT_LIMITS.name)
  name: string;

  @Field(() => String, { nullable: true })
  @MaxLength(TEXT_LIMITS.shortName)
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for a guarantor (Art 14)' })
  @MaxLength(TEXT_LIMITS.code)
  licenceNo?: string | null;
}

@InputType('CreateUserInput')
export class CreateUserInput {
  @Field(() => ID, { description: 'A partner organisation (bank or guarantor)' })
  organizationId: string;

  @Field({ description: 'Lower-case letters, digits, ".", "_", "-"; 2–64 characters' })
  @MaxLength(TEXT_LIMITS.username)
  username: string;

  @Field()
  @MaxLength(TEXT_LIMITS.name)
  displayName: string;

  @Field({ description: 'Initial password, at least 8 characters; stored as an argon2id hash only' })
  @MaxLength(TEXT_LIMITS.password)
  password: string;
}
