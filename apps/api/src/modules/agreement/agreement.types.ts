import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars';
import { OrgRefType } from '../org/org.types';
import { RateScalar } from './rate.scalar';

@ObjectType('CooperationAgreement', {
  description:
    "One version of a bank's cooperation agreement (Art 8, 11, 14). Versions are never edited; " +
    'the one in force on a date is the latest effectiveFrom on or before it.',
})
export class AgreementType {
  @Field(() => ID)
  id: string;

  @Field(() => OrgRefType)
  bank: OrgRefType;

  @Field(() => DateScalar)
  effectiveFrom: string;

  @Field(() => RateScalar, {
    description: 'Fund share of the loss base for IP-pledged principal below the tier threshold (Art 11)',
  })
  fundRateLowTier: string;

  @Field(() => RateScalar, {
    description: 'Fund share for IP-pledged principal at or above the tier threshold (Art 11)',
  })
  fundRateHighTier: string;

  @Field(() => RateScalar, {
    nullable: true,
    description: "Guarantor share on the bank's three-party loans (Art 14, ≥ 40 %)",
  })
  guarantorRate: string | null;

  @Field({ description: 'This is the version in force on the business date' })
  inForce: boolean;

  @Field(() => DateScalar, { description: 'Business date it was recorded' })
  recordedOn: string;
}

@InputType('RecordAgreementInput')
export class RecordAgreementInput {
  @Field(() => ID)
  bankId: string;

  @Field(() => DateScalar, { description: 'Must be later than every recorded version of this bank' })
  effectiveFrom: string;

  @Field(() => RateScalar, { description: 'e.g. "0.30"; at most the low-tier cap (Art 11)' })
  fundRateLowTier: string;

  @Field(() => RateScalar, { description: 'e.g. "0.20"; at most the high-tier cap (Art 11)' })
  fundRateHighTier: string;

  @Field(() => RateScalar, {
    nullable: true,
    description: 'For three-party loans: at least the minimum guarantor share (Art 14); fund + guarantor ≤ 1',
  })
  guarantorRate?: string | null;
}
