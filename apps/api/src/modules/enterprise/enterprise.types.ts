import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { PageInfoType } from '../loan/loan.types';
import { MaxLength, TEXT_LIMITS } from '../../graphql/text';

export enum IpAssetKind {
  PATENT = 'PATENT',
  TRADEMARK = 'TRADEMARK',
}
registerEnumType(IpAssetKind, {
  name: 'IpAssetKind',
  description: '专利权 (PATENT) or 商标专用权 (TRADEMARK): the IP a covered loan is pledged with (Art 2, 4)',
});

@ObjectType('IpAsset', { description: 'A patent or trademark owned by the enterprise' })
export class IpAssetType {
  @Field(() => ID)
  id: string;

  @Field(() => IpAssetKind)
  kind: IpAssetKind;

  @Field({ description: 'Registration number, unique per kind' })
  registrationNo: string;

  @Field()
  title: string;
}

@ObjectType('Enterprise', { description: 'An enterprise of the library (Art 6.3)' })
export class EnterpriseType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: '统一社会信用代码 (GB 32100-2015)' })
  creditCode: string;

  @Field()
  district: string;

  @Field()
  industry: string;

  @Field({
    description: 'Disqualified by the IP bureau (Art 21): its loans from blacklistedSince on are not covered',
  })
  blacklisted: boolean;

  @Field(() => DateScalar, { nullable: true })
  blacklistedSince: string | null;

  @Field(() => String, { nullable: true })
  blacklistReason: string | null;

  @Field(() => [IpAssetType])
  ipAssets: IpAssetType[];
}

@ObjectType('EnterpriseEdge')
export class EnterpriseEdgeType {
  @Field()
  cursor: string;

  @Field(() => EnterpriseType)
  node: EnterpriseType;
}

@ObjectType('EnterpriseConnection')
export class EnterpriseConnectionType {
  @Field(() => Int, {
    description: 'Enterprises the caller may see (matching the search); nothing else is counted',
  })
  totalCount: number;

  @Field(() => [EnterpriseEdgeType])
  edges: EnterpriseEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}

@InputType('IpAssetItemInput')
export class IpAssetItemInput {
  @Field(() => IpAssetKind)
  kind: IpAssetKind;

  @Field()
  @MaxLength(TEXT_LIMITS.code)
  registrationNo: string;

  @Field()
  @MaxLength(TEXT_LIMITS.name)
  title: string;
}

@InputType('CreateEnterpriseInput')
export class CreateEnterpriseInput {
  @Field()
  @MaxLength(TEXT_LIMITS.name)
  name: string;

  @Field({ description: '18 characters with a valid check character (GB 32100-2015); unique' })
  @MaxLength(TEXT_LIMITS.code)
  creditCode: string;

  @Field(() => String, { nullable: true })
  @MaxLength(TEXT_LIMITS.label)
  district?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(TEXT_LIMITS.label)
  industry?: string | null;

  @Field(() => [IpAssetItemInput], {
    nullable: true,
    description: 'Patents and trademarks to record with it',
  })
  ipAssets?: IpAssetItemInput[] | null;
}

@InputType('AddIpAssetInput')
export class AddIpAssetInput {
  @Field(() => ID)
  enterpriseId: string;

  @Field(() => IpAssetKind)
  kind: IpAssetKind;

  @Field()
  @MaxLength(TEXT_LIMITS.code)
  registrationNo: string;

  @Field()
  @MaxLength(TEXT_LIMITS.name)
  title: string;
}

@ObjectType('LibraryEntry', {
  description:
    'An enterprise of the library as its public credit code identifies it (Art 6.3): id and name only',
})
export class LibraryEntryType {
  @Field(() => ID)
  id: string;
  @Field()
  name: string;
  @Field()
  creditCode: string;
  @Field({ description: 'The code was already in the library (the name and details sent were not used)' })
  alreadyInLibrary: boolean;
}
