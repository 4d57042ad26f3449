import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { OrgRefType } from '../org/org.types';

export enum LoanStatus {
  ACTIVE = 'ACTIVE',
  OVERDUE = 'OVERDUE',
  IN_CLAIM = 'IN_CLAIM',
  COMPENSATED = 'COMPENSATED',
  CLOSED = 'CLOSED',
}
registerEnumType(LoanStatus, {
  name: 'LoanStatus',
  description: 'OVERDUE is derived: ACTIVE with an unpaid instalment past due at the business date (R3)',
});

@ObjectType('CoverageReason', { description: 'Why a loan is or is not covered, with the article (R2)' })
export class CoverageReasonType {
  @Field()
  article: string;

  @Field()
  code: string;

  @Field()
  message: string;
}

@ObjectType('EnterpriseRef')
export class EnterpriseRefType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType('Loan')
export class LoanType {
  @Field(() => ID)
  id: string;

  @Field()
  contractNo: string;

  @Field(() => DecimalScalar)
  principal: string;

  @Field(() => DecimalScalar, {
    description: 'The IP-pledged part (= principal for a pure IP pledge loan, Art 11)',
  })
  ipPledgedPrincipal: string;

  @Field(() => DecimalScalar)
  outstandingPrincipal: string;

  @Field(() => DateScalar)
  issuedOn: string;

  @Field(() => DateScalar)
  maturesOn: string;

  @Field()
  purpose: string;

  @Field(() => DateScalar, { nullable: true })
  earliestUnpaidDueDate: string | null;

  @Field(() => Int, {
    description: 'Calendar days from the earliest unpaid due date to the business date (R3)',
  })
  overdueDays: number;

  @Field(() => LoanStatus)
  status: LoanStatus;

  @Field()
  covered: boolean;

  @Field(() => [CoverageReasonType])
  coverageReasons: CoverageReasonType[];

  @Field(() => OrgRefType)
  bank: OrgRefType;

  @Field(() => OrgRefType, { nullable: true, description: 'Set on three-party loans (Art 11, 14)' })
  guarantor: OrgRefType | null;

  @Field(() => EnterpriseRefType)
  enterprise: EnterpriseRefType;
}

@ObjectType('LoanEdge')
export class LoanEdgeType {
  @Field()
  cursor: string;

  @Field(() => LoanType)
  node: LoanType;
}

@ObjectType('PageInfo')
export class PageInfoType {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType('LoanConnection')
export class LoanConnectionType {
  @Field(() => Int, { description: 'Loans the caller may see; nothing else is counted (DOMAIN.md §2)' })
  totalCount: number;

  @Field(() => [LoanEdgeType])
  edges: LoanEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}
