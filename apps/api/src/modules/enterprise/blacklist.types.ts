import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { EnterpriseRefType } from '../loan/loan.types';
import { OrgRefType } from '../org/org.types';

export enum BlacklistProposalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  DECLINED = 'DECLINED',
}
registerEnumType(BlacklistProposalStatus, {
  name: 'BlacklistProposalStatus',
  description: 'PENDING until the IP bureau decides (Art 21); a decision is final',
});

@ObjectType('BlacklistProposal', {
  description: 'A proposal by the fund manager to disqualify an enterprise that refuses to repay (Art 21)',
})
export class BlacklistProposalType {
  @Field(() => ID)
  id: string;

  @Field(() => EnterpriseRefType)
  enterprise: EnterpriseRefType;

  @Field()
  reason: string;

  @Field(() => DateScalar)
  proposedOn: string;

  @Field(() => OrgRefType)
  proposedBy: OrgRefType;

  @Field(() => BlacklistProposalStatus)
  status: BlacklistProposalStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Business date of the decision' })
  decidedOn: string | null;

  @Field(() => OrgRefType, { nullable: true })
  decidedBy: OrgRefType | null;

  @Field(() => String, { nullable: true })
  decisionComment: string | null;
}
