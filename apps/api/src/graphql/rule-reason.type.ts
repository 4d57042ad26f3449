import { Field, ObjectType } from 'type-graphql';

/** A rule's answer with the article it comes from (coverage, risk, compensation ...), as the policy package gives it. */
@ObjectType('RuleReason', { description: 'A rule result with the article of the measures it comes from' })
export class RuleReasonType {
  @Field({ description: 'e.g. "Art 17"' })
  article: string;

  @Field({ description: 'Stable machine code, e.g. NOT_OVERDUE_ENOUGH' })
  code: string;

  @Field()
  message: string;
}
